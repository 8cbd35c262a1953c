#pragma once

#include <QFrame>
#include <QString>

class QHBoxLayout;
class QLabel;
class QToolButton;
class QVBoxLayout;

/// A white card of a spend page: a title, a muted subtitle, controls on the right of the
/// header and an "Export CSV" button, then the body (a chart or a table).
class SpendCard : public QFrame {
    Q_OBJECT
public:
    /// `exportName` names the export button ("export<Name>Csv") for tests.
    SpendCard(const QString &title, const QString &exportName, QWidget *parent = nullptr);

    void setTitle(const QString &title);
    void setSubtitle(const QString &subtitle);
    QString subtitle() const;
    /// Adds a control to the header, left of the export button.
    void addControl(QWidget *control);
    /// Sets the body widget (stretches).
    void setBody(QWidget *body);
    QToolButton *exportButton() const { return m_export; }

Q_SIGNALS:
    void exportRequested();

private:
    QLabel *m_title = nullptr;
    QLabel *m_subtitle = nullptr;
    QHBoxLayout *m_controls = nullptr;
    QVBoxLayout *m_layout = nullptr;
    QToolButton *m_export = nullptr;
};
