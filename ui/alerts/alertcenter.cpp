#include "alerts/alertcenter.h"

#include "store/alerthistory.h"
#include "store/store.h"
#include "task/task.h"
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

// The store work of every AlertCenter of the process, one step at a time in order on one
// Task::Runner: a history read queued after a write sees it, even across centers (a restart
// within one process). GUI thread; it lives as long as the process so that queued rows are
// still written after their center is gone.
class StoreQueue {
public:
    using Step = std::function<std::function<void()>(Task::Context &)>;

    static StoreQueue &instance()
    {
        static auto *queue = new StoreQueue; // never destroyed: steps may outlive every center
        return *queue;
    }

    /// Runs `step` on the pool after every earlier step, then what it returned and `after`
    /// (always, also when the store could not be opened) on the GUI thread.
    void enqueue(const QString &dbPath, Step step, std::function<void()> after)
    {
        m_steps.append({dbPath, std::move(step), std::move(after)});
        if (!m_running)
            next();
    }

private:
    struct Queued {
        QString dbPath;
        Step step;
        std::function<void()> after;
    };

    void next()
    {
        m_running = !m_steps.isEmpty();
        if (!m_running)
            return;
        Queued queued = m_steps.takeFirst();
        m_runner.run(
            queued.dbPath, [step = std::move(queued.step)](Task::Context &context) { return step(context); },
            [this, after = std::move(queued.after)](Task::Outcome<std::function<void()>> &outcome) {
                if (!outcome.ok())
                    qWarning("alerts: %s", qPrintable(outcome.error));
                else if (outcome.value)
                    outcome.value();
                after();
                next();
            });
    }

    Task::Runner m_runner{nullptr, Task::Runner::Policy::Every};
    QList<Queued> m_steps;
    bool m_running = false;
};

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
    m_loaded = m_dbPath.isEmpty();
    if (m_loaded)
        return;
    enqueue([self = QPointer<AlertCenter>(this)](Task::Context &context) -> std::function<void()> {
        std::vector<Alerts::HistoryRow> rows;
        std::string error;
        if (!Alerts::loadRows(context.db(), rows, error, 500))
            qWarning("alerts: %s", error.c_str());
        return [self, rows = std::move(rows)] {
            if (!self)
                return;
            for (const Alerts::HistoryRow &row : rows)
                self->m_entries.append(Entry{fromRow(row), 0, nullptr});
            self->m_loaded = true;
            Q_EMIT self->historyChanged();
        };
    });
}

// Queued rows are still written after the center is gone (the queue outlives it).
AlertCenter::~AlertCenter()
{
    if (m_tray)
        m_tray->hide();
}

void AlertCenter::enqueue(std::function<std::function<void()>(Task::Context &)> step)
{
    ++m_storeSteps;
    StoreQueue::instance().enqueue(m_dbPath, std::move(step), [self = QPointer<AlertCenter>(this)] {
        if (self && --self->m_storeSteps == 0)
            Q_EMIT self->historyChanged(); // everything posted is stored now
    });
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

void AlertCenter::insertRow(const Entry &entry)
{
    m_entries.prepend(entry);
    if (m_dbPath.isEmpty())
        return;
    enqueue([self = QPointer<AlertCenter>(this), row = toRow(entry.record), rowId = entry.rowId,
             key = entry.key](Task::Context &context) mutable -> std::function<void()> {
        std::string error;
        if (!Alerts::addRow(context.db(), row, error)) {
            qWarning("alerts: %s", error.c_str());
            return {};
        }
        rowId->store(row.id);
        return [self, key, id = row.id] {
            if (!self)
                return;
            for (Entry &e : self->m_entries)
                if (e.key == key)
                    e.record.id = id;
        };
    });
}

void AlertCenter::updateRow(const AlertRecord &r)
{
    // `r` carries the entry's key as its id (the id it had when posted).
    for (Entry &e : m_entries) {
        if (e.key != r.id)
            continue;
        e.record.webhookStatus = r.webhookStatus;
        e.record.webhookError = r.webhookError;
        if (m_dbPath.isEmpty() || !e.rowId)
            return;
        // Queued behind the insert, so the row's id is known when this runs.
        enqueue([row = toRow(e.record), rowId = e.rowId](Task::Context &context) mutable -> std::function<void()> {
            row.id = rowId->load();
            std::string error;
            if (row.id > 0 && !Alerts::updateDelivery(context.db(), row, error))
                qWarning("alerts: %s", error.c_str());
            return {};
        });
        return;
    }
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
    record.id = -(m_nextKey++); // the entry's key until the row is stored
    insertRow(Entry{record, record.id, std::make_shared<std::atomic<qint64>>(0)});
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
    if (m_pending == 0 && m_storeSteps == 0)
        return true;
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    const auto conn = connect(this, &AlertCenter::historyChanged, &loop, [this, &loop] {
        if (m_pending == 0 && m_storeSteps == 0)
            loop.quit();
    });
    timer.start(timeoutMs);
    loop.exec();
    disconnect(conn);
    return m_pending == 0 && m_storeSteps == 0;
}

QList<AlertRecord> AlertCenter::history(int limit) const
{
    QList<AlertRecord> out;
    out.reserve(m_entries.size());
    for (const Entry &e : m_entries)
        out.append(e.record);
    std::stable_sort(out.begin(), out.end(),
                     [](const AlertRecord &a, const AlertRecord &b) { return a.message.at > b.message.at; });
    if (out.size() > limit)
        out.resize(limit);
    return out;
}

} // namespace Ui
