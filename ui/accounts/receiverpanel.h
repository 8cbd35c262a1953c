#pragma once

#include <QGroupBox>
#include <QString>

class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTimer;
namespace Otlp {
class ReceiverService;
}

/// The Accounts page's "Receive OpenTelemetry" box: the app's own OTLP/HTTP receiver (the one
/// `burnrate telemetry serve` runs), off by default. Checked, it listens while the app runs — on
/// 127.0.0.1 unless the user picks another address — and asks for a bearer token when one is in the
/// keychain ("New token…" makes one and shows the header to give the exporter). The choice,
/// address and port are remembered (QSettings "telemetry/receiver/…"); the token only in the keychain.
class ReceiverPanel : public QGroupBox {
    Q_OBJECT
public:
    explicit ReceiverPanel(const QString &dbPath, QWidget *parent = nullptr);
    ~ReceiverPanel() override;

    Otlp::ReceiverService *service() const { return m_service; }
    QLabel *statusLabel() const { return m_status; }
    /// Opens the telemetry mapping (MappingDialog).
    QPushButton *attributesButton() const { return m_attributes; }
    /// Turns receiving on or off, as the box's check does (and remembers it).
    void setReceiving(bool on);
    /// Makes a new random token, stores it in the keychain and restarts the receiver with it;
    /// returns it (empty with the status saying why when the keychain refused).
    QString newToken();
    /// Removes the token from the keychain; the receiver then asks for none.
    void removeToken();

Q_SIGNALS:
    /// Model calls were stored (debounced: at most one every two seconds).
    void telemetryStored();

private:
    void restart();
    void showStatus(const QString &text, bool error = false);

    Otlp::ReceiverService *m_service;
    QLineEdit *m_address;
    QSpinBox *m_port;
    QPushButton *m_newToken;
    QPushButton *m_removeToken;
    QPushButton *m_attributes;
    QLabel *m_status;
    QTimer *m_notify;
    QString m_listening; // "127.0.0.1:4318" while it listens
    qint64 m_calls = 0;
    bool m_hasToken = false;
};
