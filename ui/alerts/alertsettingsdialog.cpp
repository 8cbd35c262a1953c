#include "alerts/alertsettingsdialog.h"

#include "alerts/alertcenter.h"
#include "secretstore.h"
#include "shell/style.h"
#include "webhooksender.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSystemTrayIcon>
#include <QUrl>
#include <QVBoxLayout>

AlertSettingsDialog::AlertSettingsDialog(Ui::AlertCenter *center, QWidget *parent)
    : QDialog(parent)
    , m_center(center)
    , m_sender(new Conn::WebhookSender(this))
{
    setWindowTitle(tr("Alert settings"));
    setMinimumWidth(520);

    m_tray = new QCheckBox(tr("Show &desktop notifications for new alerts"));
    m_tray->setChecked(center->trayEnabled());
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        m_tray->setToolTip(tr("No system tray is available right now; alerts are still recorded in the history."));

    m_url = new QLineEdit;
    m_url->setEchoMode(QLineEdit::PasswordEchoOnEdit);
    m_url->setPlaceholderText(tr("https://hooks.slack.com/services/\u2026"));
    m_url->setClearButtonEnabled(true);
    auto *help = new QLabel(tr("Slack-compatible incoming webhook: alerts are posted as JSON <tt>{\"text\": \u2026}</tt>. "
                               "The URL is stored in the system keychain only."));
    help->setWordWrap(true);
    Style::mutedLabel(help);
    m_status = new QLabel;
    m_status->setWordWrap(true);
    m_test = new QPushButton(tr("Send &test message"));
    m_remove = new QPushButton(tr("&Remove webhook"));
    auto *buttonsRow = new QHBoxLayout;
    buttonsRow->addWidget(m_test);
    buttonsRow->addWidget(m_remove);
    buttonsRow->addStretch(1);

    auto *form = new QFormLayout;
    form->addRow(tr("Webhook &URL:"), m_url);
    form->addRow(QString(), help);
    form->addRow(QString(), m_status);
    form->addRow(QString(), buttonsRow);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &AlertSettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_test, &QPushButton::clicked, this, &AlertSettingsDialog::sendTest);
    connect(m_remove, &QPushButton::clicked, this, &AlertSettingsDialog::removeWebhook);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tray);
    layout->addSpacing(8);
    layout->addLayout(form);
    layout->addStretch(1);
    layout->addWidget(buttons);
    refreshStoredState();
}

void AlertSettingsDialog::refreshStoredState()
{
    QString error;
    const QString stored = Conn::webhookUrlFromKeychain(&error);
    m_hasStored = !stored.isEmpty();
    if (!error.isEmpty())
        m_status->setText(tr("Cannot read the keychain: %1").arg(error));
    else if (m_hasStored)
        m_status->setText(tr("A webhook to %1 is stored in the keychain. Type a new URL to replace it.")
                              .arg(QUrl(stored).host()));
    else
        m_status->setText(tr("No webhook configured: alerts go to desktop notifications and the history only."));
    m_remove->setEnabled(m_hasStored);
}

void AlertSettingsDialog::sendTest()
{
    QString url = m_url->text().trimmed();
    if (url.isEmpty()) {
        QString error;
        url = Conn::webhookUrlFromKeychain(&error);
        if (url.isEmpty()) {
            const QString message = error.isEmpty() ? tr("Type a webhook URL first.") : error;
            m_status->setText(message);
            Q_EMIT testFinished(false, message);
            return;
        }
    }
    m_test->setEnabled(false);
    m_status->setText(tr("Sending a test message\u2026"));
    Ui::AlertMessage m;
    m.kind = QStringLiteral("test");
    m.severity = QStringLiteral("info");
    m.title = tr("Test message");
    m.body = tr("Burnrate alerts will be posted here.");
    m_sender->send(url, Ui::webhookText(m), [this](const Conn::WebhookResult &r) {
        m_test->setEnabled(true);
        const QString message = r.ok ? tr("Test message delivered.") : tr("Test failed: %1").arg(r.error);
        m_status->setText(message);
        Q_EMIT testFinished(r.ok, message);
    });
}

void AlertSettingsDialog::removeWebhook()
{
    if (QMessageBox::question(this, tr("Remove webhook"), tr("Remove the webhook URL from the keychain? Alerts will no "
                                                             "longer be posted to it."))
        != QMessageBox::Yes)
        return;
    QString error;
    if (!Conn::deleteSecret(Conn::webhookSecretKey(), &error))
        QMessageBox::warning(this, tr("Remove webhook"), tr("Cannot remove the webhook URL: %1").arg(error));
    refreshStoredState();
}

bool AlertSettingsDialog::save()
{
    const QString url = m_url->text().trimmed();
    if (!url.isEmpty()) {
        const QUrl u(url, QUrl::StrictMode);
        QString why;
        if (!u.isValid() || u.host().isEmpty() || !Conn::HttpClient::isAllowedUrl(u, &why)) {
            m_status->setText(why.isEmpty() ? tr("That is not a valid https:// URL.") : why);
            m_url->setFocus();
            return false;
        }
        QString error;
        if (!Conn::writeSecret(Conn::webhookSecretKey(), url, &error)) {
            m_status->setText(tr("Cannot store the URL in the keychain: %1").arg(error));
            return false;
        }
        m_url->clear();
    }
    m_center->setTrayEnabled(m_tray->isChecked());
    refreshStoredState();
    return true;
}

void AlertSettingsDialog::accept()
{
    if (save())
        QDialog::accept();
}
