#pragma once

#include <QDialog>

class QTableWidget;
class QLabel;

namespace Ui {
class AlertCenter;
}

/// The alert history: what fired, when, and where it was delivered (tray, webhook, error).
/// Refreshes when the alert center records or delivers an alert.
class AlertHistoryDialog : public QDialog {
    Q_OBJECT
public:
    explicit AlertHistoryDialog(Ui::AlertCenter *center, QWidget *parent = nullptr);

    QTableWidget *table() const { return m_table; }
    /// Re-reads the history.
    void refresh();

private:
    Ui::AlertCenter *m_center;
    QTableWidget *m_table = nullptr;
    QLabel *m_empty = nullptr;
};
