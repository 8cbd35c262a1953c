#include "accounts/receiverpanel.h"

#include "accounts/mappingdialog.h"
#include "format/format.h"
#include "otlp/receiverservice.h"
#include "secretstore.h"
#include "shell/style.h"

#include <QApplication>
#include <QClipboard>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHostAddress>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSettings>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <climits>

namespace {

const QString kEnabledKey = QStringLiteral("telemetry/receiver/enabled");
const QString kAddressKey = QStringLiteral("telemetry/receiver/address");
const QString kPortKey = QStringLiteral("telemetry/receiver/port");

} // namespace

ReceiverPanel::ReceiverPanel(const QString &dbPath, QWidget *parent)
    : QGroupBox(tr("Receive OpenTelemetry"), parent)
    , m_service(new Otlp::ReceiverService(dbPath, this))
    , m_address(new QLineEdit)
    , m_port(new QSpinBox)
    , m_newToken(new QPushButton(tr("New &token\u2026")))
    , m_removeToken(new QPushButton(tr("Remove token")))
    , m_attributes(new QPushButton(tr("&Attributes…")))
    , m_status(new QLabel)
    , m_notify(new QTimer(this))
{
    setObjectName(QStringLiteral("receiverPanel"));
    setCheckable(true);
    const QSettings settings;
    m_address->setText(settings.value(kAddressKey, QStringLiteral("127.0.0.1")).toString());
    m_address->setAccessibleName(tr("Listen on address"));
    m_address->setToolTip(tr("127.0.0.1: only applications on this computer; 0.0.0.0: any machine that can reach it"));
    m_port->setRange(1, 65535);
    m_port->setValue(settings.value(kPortKey, 4318).toInt());
    m_port->setAccessibleName(tr("Port"));
    m_status->setObjectName(QStringLiteral("receiverStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_notify->setSingleShot(true);
    m_notify->setInterval(2000);

    auto *help = new QLabel(tr("Your applications' OpenTelemetry exporters send their model calls (GenAI spans: model, "
                               "tokens, feature) here over OTLP/HTTP: set OTEL_EXPORTER_OTLP_ENDPOINT to the address below."));
    help->setWordWrap(true);
    Style::text(help, Style::kMuted);
    auto *where = new QHBoxLayout;
    where->addWidget(new QLabel(tr("Address:")));
    // Wide enough for an IPv6 address, no wider.
    m_address->setMinimumWidth(m_address->fontMetrics().horizontalAdvance(QStringLiteral("0000:0000:0000::0000:0000")));
    where->addWidget(m_address);
    where->addWidget(new QLabel(tr("Port:")));
    where->addWidget(m_port);
    where->addStretch(1);
    where->addWidget(m_attributes);
    where->addWidget(m_newToken);
    where->addWidget(m_removeToken);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(help);
    layout->addLayout(where);
    layout->addWidget(m_status);

    // The keychain is read only once receiving is on (restart()): opening the page, a screenshot
    // or a test never waits on the Secret Service for it.
    m_removeToken->setEnabled(false);

    connect(m_service, &Otlp::ReceiverService::started, this, [this](const QString &address, quint16 port) {
        m_listening = QStringLiteral("%1:%2").arg(address).arg(port);
        showStatus(m_hasToken ? tr("Receiving on http://%1/v1/traces (bearer token required)").arg(m_listening)
                              : tr("Receiving on http://%1/v1/traces").arg(m_listening));
    });
    connect(m_service, &Otlp::ReceiverService::failed, this, [this](const QString &why) {
        m_listening.clear();
        showStatus(tr("Not receiving: %1").arg(why), true);
    });
    connect(m_service, &Otlp::ReceiverService::stored, this, [this](qint64 calls, qint64) {
        m_calls += calls;
        showStatus(tr("Receiving on http://%1/v1/traces \u00b7 %n model call(s) stored since it started", nullptr,
                      static_cast<int>(std::min<qint64>(m_calls, INT_MAX)))
                       .arg(m_listening));
        if (!m_notify->isActive())
            m_notify->start();
    });
    connect(m_service, &Otlp::ReceiverService::refused, this, [this](int status, const QString &why) {
        showStatus(tr("Refused a request (HTTP %1): %2").arg(status).arg(why), true);
    });
    connect(m_notify, &QTimer::timeout, this, &ReceiverPanel::telemetryStored);
    connect(this, &QGroupBox::toggled, this, &ReceiverPanel::setReceiving);
    connect(m_address, &QLineEdit::editingFinished, this, [this] {
        QSettings().setValue(kAddressKey, m_address->text().trimmed());
        if (isChecked())
            restart();
    });
    connect(m_port, &QSpinBox::editingFinished, this, [this] {
        QSettings().setValue(kPortKey, m_port->value());
        if (isChecked())
            restart();
    });
    connect(m_newToken, &QPushButton::clicked, this, [this] {
        const QString token = newToken();
        if (token.isEmpty())
            return;
        QMessageBox box(QMessageBox::Information, tr("New bearer token"),
                        tr("Give your exporters this header (it is shown once; the keychain keeps it):"), QMessageBox::Ok, this);
        const QString header = QStringLiteral("OTEL_EXPORTER_OTLP_HEADERS=Authorization=Bearer%20") + token;
        box.setInformativeText(header);
        box.setTextInteractionFlags(Qt::TextSelectableByMouse);
        QPushButton *copy = box.addButton(tr("&Copy"), QMessageBox::ActionRole);
        box.exec();
        if (box.clickedButton() == copy)
            QApplication::clipboard()->setText(header);
    });
    m_attributes->setToolTip(tr("Which span attributes name the feature, team and user (imports use them too)"));
    connect(m_attributes, &QPushButton::clicked, this, [this, dbPath] {
        auto *dialog = new MappingDialog(dbPath, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &MappingDialog::saved, this, [this] {
            if (isChecked())
                restart(); // the receiver reads the mapping as it starts
        });
        dialog->open();
    });
    connect(m_removeToken, &QPushButton::clicked, this, [this] {
        if (QMessageBox::question(this, tr("Remove token"), tr("Remove the bearer token? The receiver then accepts requests "
                                                               "without one."))
            == QMessageBox::Yes)
            removeToken();
    });

    // Off by default; on again at the next start when the user left it on (started once, here: the
    // toggled() handler is for the user's clicks).
    const bool on = settings.value(kEnabledKey, false).toBool();
    {
        const QSignalBlocker quiet(this);
        setChecked(on);
    }
    m_attributes->setEnabled(true); // the mapping serves imports too: editable while not receiving
    if (on)
        restart();
    else
        showStatus(tr("Off"));
}

ReceiverPanel::~ReceiverPanel() = default;

void ReceiverPanel::setReceiving(bool on)
{
    if (isChecked() != on) {
        setChecked(on); // toggled() comes back here
        return;
    }
    QSettings().setValue(kEnabledKey, on);
    m_attributes->setEnabled(true); // the box's check enables or disables all it holds
    if (on) {
        restart();
    } else {
        m_service->stop();
        m_listening.clear();
        showStatus(tr("Off"));
    }
}

void ReceiverPanel::restart()
{
    const QHostAddress address(m_address->text().trimmed());
    if (address.isNull()) {
        m_service->stop();
        showStatus(tr("Not receiving: \u201c%1\u201d is not an IP address (127.0.0.1, ::1, 0.0.0.0)").arg(m_address->text()), true);
        return;
    }
    Otlp::Receiver::Options options;
    options.address = address;
    options.port = static_cast<quint16>(m_port->value());
    const Conn::SecretResult token = Conn::readSecret(Conn::otlpTokenSecretKey());
    m_hasToken = token.ok && !token.value.isEmpty();
    if (!token.ok && !token.notFound && !address.isLoopback()) {
        // A token may be in a keychain that cannot be read now: never open a port to others without it.
        m_service->stop();
        showStatus(tr("Not receiving: the keychain cannot be read (%1)").arg(token.error), true);
        return;
    }
    if (m_hasToken)
        options.bearerToken = token.value.toUtf8();
    m_removeToken->setEnabled(m_hasToken);
    m_calls = 0;
    showStatus(tr("Starting\u2026"));
    m_service->start(options);
}

QString ReceiverPanel::newToken()
{
    QByteArray bytes(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), bytes.size() / 4);
    const QString token = QString::fromLatin1(bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    QString error;
    if (!Conn::writeSecret(Conn::otlpTokenSecretKey(), token, &error)) {
        showStatus(tr("Cannot store the token in the keychain: %1").arg(error), true);
        return {};
    }
    m_hasToken = true;
    m_removeToken->setEnabled(true);
    if (isChecked())
        restart();
    return token;
}

void ReceiverPanel::removeToken()
{
    QString error;
    if (!Conn::deleteSecret(Conn::otlpTokenSecretKey(), &error)) {
        showStatus(tr("Cannot remove the token from the keychain: %1").arg(error), true);
        return;
    }
    m_hasToken = false;
    m_removeToken->setEnabled(false);
    if (isChecked())
        restart();
}

void ReceiverPanel::showStatus(const QString &text, bool error)
{
    m_status->setText(text);
    Style::text(m_status, error ? Style::kError : Style::kMuted);
}
