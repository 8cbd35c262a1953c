#pragma once

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace Conn {
class WebhookSender;
}
namespace Ui {
class AlertCenter;
}

/// Alerts settings: the webhook URL (written to the keychain only, never shown back), a test
/// message, and desktop notifications on / off.
class AlertSettingsDialog : public QDialog {
    Q_OBJECT
public:
    explicit AlertSettingsDialog(Ui::AlertCenter *center, QWidget *parent = nullptr);

    /// Saves the settings (the URL to the keychain when one was typed); false with a message shown.
    bool save();

    QLineEdit *urlEdit() const { return m_url; }
    QCheckBox *trayBox() const { return m_tray; }
    QLabel *statusLabel() const { return m_status; }
    QPushButton *testButton() const { return m_test; }

Q_SIGNALS:
    /// A test message finished (for tests): ok, and the message shown.
    void testFinished(bool ok, const QString &message);

private:
    void refreshStoredState();
    void sendTest();
    void removeWebhook();
    void accept() override;

    Ui::AlertCenter *m_center;
    Conn::WebhookSender *m_sender;
    QLineEdit *m_url = nullptr;
    QCheckBox *m_tray = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_test = nullptr;
    QPushButton *m_remove = nullptr;
    bool m_hasStored = false;
};
