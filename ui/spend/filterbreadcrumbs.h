#pragma once

#include <QWidget>

class QHBoxLayout;
class QToolButton;
class SpendFilter;

/// The path of the shared SpendFilter as breadcrumbs: "All spend › Model: gpt-4o › Feature:
/// agent". Clicking a crumb steps back to it; the back button drops the last step.
/// Crumb buttons are named "crumb0" (All spend), "crumb1", … for tests.
class FilterBreadcrumbs : public QWidget {
    Q_OBJECT
public:
    explicit FilterBreadcrumbs(SpendFilter *filter, QWidget *parent = nullptr);

    QToolButton *backButton() const { return m_back; }
    /// The crumb for depth `depth` (0 = All spend), or nullptr.
    QToolButton *crumb(int depth) const;
    /// The crumbs' texts, root first.
    QStringList texts() const;

private:
    void rebuild();

    SpendFilter *m_filter = nullptr;
    QToolButton *m_back = nullptr;
    QHBoxLayout *m_trail = nullptr;
    QList<QToolButton *> m_crumbs;
};
