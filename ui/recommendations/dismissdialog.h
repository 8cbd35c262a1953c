#pragma once

#include <QDialog>

class QDateEdit;
class QLineEdit;

/// Asks why a recommendation is dismissed, or until when and why it is snoozed.
class DismissDialog : public QDialog {
    Q_OBJECT
public:
    enum class Mode { Dismiss, Snooze };
    /// `today` (day number) bounds the snooze date: tomorrow at the earliest, 30 days by default.
    DismissDialog(Mode mode, const QString &what, qint64 today, QWidget *parent = nullptr);

    QString reason() const;
    /// The last snoozed day (day number); Snooze only.
    qint64 untilDay() const;
    QLineEdit *reasonEdit() const { return m_reason; }
    QDateEdit *dateEdit() const { return m_until; }

private:
    QLineEdit *m_reason = nullptr;
    QDateEdit *m_until = nullptr;
};
