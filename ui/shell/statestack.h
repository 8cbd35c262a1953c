#pragma once

#include <QStackedWidget>

class QLabel;

/// The three faces of a page that reads the store: its dashboard, the call to action of an
/// empty store, or a centred error in its place. GUI thread only.
class StateStack : public QStackedWidget {
    Q_OBJECT
public:
    StateStack(QWidget *dashboard, QWidget *emptyState, QWidget *parent = nullptr);

    /// Shows the empty state when `empty`, else the read error when there is one, else the
    /// dashboard; true when the dashboard is shown (the caller fills it then).
    bool showResult(bool empty, const QString &readError);
    /// Shows `message` as an error in place of the dashboard.
    void showError(const QString &message);
    bool isShowingEmptyState() const { return currentWidget() == m_emptyState; }

private:
    QWidget *m_dashboard;
    QWidget *m_emptyState;
    QLabel *m_error;
};
