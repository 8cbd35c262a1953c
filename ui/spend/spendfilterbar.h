#pragma once

#include <QHash>
#include <QString>
#include <QStringList>
#include <QWidget>

class QComboBox;
class SpendFilter;

/// One combo box per filter dimension (provider, service, model, feature, team, token kind,
/// billing account) bound to the shared SpendFilter: choosing a value narrows every spend
/// page, "All …" removes that dimension's step. The values offered come from the page's last
/// load (queried off the GUI thread); a value the filter holds is always offered.
class SpendFilterBar : public QWidget {
    Q_OBJECT
public:
    explicit SpendFilterBar(SpendFilter *filter, QWidget *parent = nullptr);

    /// The values each dimension may take under the other dimensions' filters ("" = none).
    void setOptions(const QHash<QString, QStringList> &options);
    /// The combo box of `dimension` (objectName "filter_<dimension>").
    QComboBox *combo(const QString &dimension) const { return m_combos.value(dimension); }

private:
    void sync();
    void fill(const QString &dimension);

    SpendFilter *m_filter = nullptr;
    QHash<QString, QComboBox *> m_combos;
    QHash<QString, QStringList> m_options;
};
