#include "alerts/alertcenter.h"

#include "store/alerthistory.h"
#include "store/store.h"
#include "webhooksender.h"

#include <QApplication>
#include <QDeadlineTimer>
#include <QEventLoop>
#include <QIcon>
#include <QPointer>
#include <QSettings>
#include <QSystemTrayIcon>
#include <QTimer>

namespace Ui {

namespace {

QPointer<AlertCenter> s_instance;

const char kTrayKey[] = "alerts/tray";

std::string utcText(const QDateTime &at) { return at.toUTC().toString(Qt::ISODate).toStdString(); }

AlertRecord fromRow(const Alerts::HistoryRow &r)
{
    AlertRecord out;
    out.id = r.id;
    out.message.kind = QString::fromStdString(r.kind);
    out.message.severity = QString::fromStdString(r.severity);
    out.message.title = QString::fromStdString(r.title);
    out.message.body = QString::fromStdString(r.body);
    out.message.at = QDateTime::fromString(QString::fromStdString(r.at), Qt::ISODate);
    out.trayShown = r.trayShown;
    out.webhookStatus = QString::fromStdString(r.webhookStatus);
    out.webhookError = QString::fromStdString(r.webhookError);
    return out;
}

Alerts::HistoryRow toRow(const AlertRecord &r)
{
    Alerts::HistoryRow out;
    out.id = r.id;
    out.at = utcText(r.message.at);
    out.kind = r.message.kind.toStdString();
    out.severity = r.message.severity.toStdString();
    out.title = r.message.title.toStdString();
    out.body = r.message.body.toStdString();
    out.trayShown = r.trayShown;
    out.webhookStatus = r.webhookStatus.toStdString();
    out.webhookError = r.webhookError.toStdString();
    return out;
}

QSystemTrayIcon::MessageIcon trayIcon(const QString &severity)
{
    if (severity == QLatin1String("critical"))
        return QSystemTrayIcon::Critical;
    if (severity == QLatin1String("warning"))
        return QSystemTrayIcon::Warning;
    return QSystemTrayIcon::Information;
}

} // namespace

QString webhookText(const AlertMessage &m)
{
    const QString mark = m.severity == QLatin1String("critical") ? QStringLiteral(":rotating_light: ")
        : m.severity == QLatin1String("warning")                 ? QStringLiteral(":warning: ")
                                                                 : QString();
    QString text = mark + QStringLiteral("*Burnrate \u2014 %1*").arg(m.title);
    if (!m.body.isEmpty())
        text += QLatin1Char('\n') + m.body;
    return text;
}

AlertCenter::AlertCenter(const QString &dbPath, QObject *parent)
    : QObject(parent)
    , m_dbPath(dbPath)
    , m_sender(new Conn::WebhookSender(this))
{
    qRegisterMetaType<Ui::AlertMessage>();
    if (!s_instance)
        s_instance = this;
}

AlertCenter::~AlertCenter()
{
    if (m_tray)
        m_tray->hide();
}

AlertCenter *AlertCenter::instance()
{
    if (!s_instance)
        s_instance = new AlertCenter(QString(), QCoreApplication::instance());
    return s_instance;
}

bool AlertCenter::trayEnabled() const { return QSettings().value(QLatin1String(kTrayKey), true).toBool(); }

void AlertCenter::setTrayEnabled(bool on)
{
    QSettings().setValue(QLatin1String(kTrayKey), on);
    if (!on && m_tray)
        m_tray->hide();
}

void AlertCenter::setWebhookUrlProvider(std::function<QString(QString *error)> provider)
{
    m_urlProvider = std::move(provider);
}

bool AlertCenter::openStore()
{
    if (m_dbPath.isEmpty())
        return false;
    if (m_store && m_store->isOpen())
        return true;
    m_store = std::make_unique<Cost::Store>();
    if (!m_store->open(m_dbPath.toStdString())) {
        qWarning("alerts: %s", m_store->error().c_str());
        m_store.reset();
        return false;
    }
    return true;
}

qint64 AlertCenter::insertRow(const AlertRecord &r)
{
    if (openStore()) {
        Alerts::HistoryRow row = toRow(r);
        std::string error;
        if (Alerts::addRow(m_store->db(), row, error))
            return row.id;
        qWarning("alerts: %s", error.c_str());
    }
    AlertRecord copy = r;
    copy.id = -(m_nextMemoryId++); // negative: lives in memory only
    m_memory.prepend(copy);
    return copy.id;
}

void AlertCenter::updateRow(const AlertRecord &r)
{
    if (r.id < 0) {
        for (AlertRecord &m : m_memory)
            if (m.id == r.id)
                m = r;
        return;
    }
    std::string error;
    if (openStore() && !Alerts::updateDelivery(m_store->db(), toRow(r), error))
        qWarning("alerts: %s", error.c_str());
}

void AlertCenter::post(const AlertMessage &m)
{
    AlertRecord record;
    record.message = m;
    if (!record.message.at.isValid())
        record.message.at = QDateTime::currentDateTimeUtc();
    record.message.at = record.message.at.toUTC();
    if (record.message.severity.isEmpty())
        record.message.severity = QStringLiteral("warning");

    // The tray needs a QApplication with a system tray (none under offscreen or in the CLI).
    if (trayEnabled() && qobject_cast<QApplication *>(QCoreApplication::instance())
        && QSystemTrayIcon::isSystemTrayAvailable()) {
        if (!m_tray) {
            m_tray = new QSystemTrayIcon(this);
            QIcon icon = QApplication::windowIcon();
            if (icon.isNull())
                icon = QIcon::fromTheme(QStringLiteral("dialog-warning"));
            m_tray->setIcon(icon);
            m_tray->setToolTip(tr("Burnrate alerts"));
        }
        m_tray->show();
        if (QSystemTrayIcon::supportsMessages()) {
            m_tray->showMessage(record.message.title, record.message.body, trayIcon(record.message.severity), 15000);
            record.trayShown = true;
        }
    }

    QString keychainError;
    const QString url = m_urlProvider ? m_urlProvider(&keychainError) : Conn::webhookUrlFromKeychain(&keychainError);
    if (!keychainError.isEmpty()) {
        // Without a readable keychain no webhook can be configured: note why it was skipped.
        record.webhookStatus = QStringLiteral("skipped");
        record.webhookError = keychainError;
    } else if (!url.isEmpty()) {
        record.webhookStatus = QStringLiteral("pending");
    }
    record.id = insertRow(record);
    Q_EMIT historyChanged();
    if (record.webhookStatus == QLatin1String("pending"))
        deliverWebhook(record, url);
}

void AlertCenter::deliverWebhook(AlertRecord record, const QString &url)
{
    ++m_pending;
    m_sender->send(url, webhookText(record.message), [this, record](const Conn::WebhookResult &r) mutable {
        --m_pending;
        record.webhookStatus = r.ok ? QStringLiteral("delivered") : QStringLiteral("failed");
        record.webhookError = r.ok ? QString() : r.error;
        updateRow(record);
        Q_EMIT historyChanged();
    });
}

bool AlertCenter::waitForDeliveries(int timeoutMs)
{
    if (m_pending == 0)
        return true;
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    const auto conn = connect(this, &AlertCenter::historyChanged, &loop, [this, &loop] {
        if (m_pending == 0)
            loop.quit();
    });
    timer.start(timeoutMs);
    loop.exec();
    disconnect(conn);
    return m_pending == 0;
}

QList<AlertRecord> AlertCenter::history(int limit) const
{
    QList<AlertRecord> out = m_memory;
    auto *self = const_cast<AlertCenter *>(this); // the lazily opened connection
    if (self->openStore()) {
        std::vector<Alerts::HistoryRow> rows;
        std::string error;
        if (Alerts::loadRows(m_store->db(), rows, error, limit)) {
            for (const auto &r : rows)
                out.append(fromRow(r));
        } else {
            qWarning("alerts: %s", error.c_str());
        }
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const AlertRecord &a, const AlertRecord &b) { return a.message.at > b.message.at; });
    if (out.size() > limit)
        out.resize(limit);
    return out;
}

} // namespace Ui
