#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QList>
#include <QObject>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>

class QSystemTrayIcon;

namespace Conn {
class WebhookSender;
}
namespace Task {
class Context;
}

/// Shared alert channels for anomaly and budget alerts: a system tray notification, an optional
/// Slack-compatible webhook (URL in the keychain as "webhook/url") and a persisted history.
///
/// Threading contract: AlertCenter lives on the GUI thread; post() must be called there (from a
/// worker, use QMetaObject::invokeMethod(AlertCenter::instance(), ..., Qt::QueuedConnection)).
/// It never touches the store on that thread: the history is read once and every row written
/// on a Task::Runner, in order (one queue for the process), and history() answers from memory.
namespace Ui {

/// One alert, as posted by the anomaly detector or the budget engine.
struct AlertMessage {
    QString kind;     ///< "anomaly" | "budget"
    QString title;    ///< short headline, e.g. "Budget 'Total' at 80% (forecast)"
    QString body;     ///< one or two lines for people
    QString severity; ///< "info" | "warning" | "critical"
    QDateTime at;     ///< when it fired (UTC); now when invalid
};

/// One row of the alert history: what fired, when, and where it was delivered.
struct AlertRecord {
    qint64 id = 0;
    AlertMessage message;
    bool trayShown = false;     ///< a tray notification was shown
    QString webhookStatus;      ///< "" (not configured), "pending", "delivered", "failed" or "skipped" (keychain unreadable)
    QString webhookError;       ///< the delivery error when failed, the keychain error when skipped
};

class AlertCenter : public QObject {
    Q_OBJECT
public:
    /// Creates the app's alert center, persisting history in the store at `dbPath` (may be empty:
    /// history in memory only). The first one created becomes instance().
    explicit AlertCenter(const QString &dbPath, QObject *parent = nullptr);
    ~AlertCenter() override;

    /// The app's alert center; creates an in-memory one (no store) when MainWindow has not.
    static AlertCenter *instance();

    /// Delivers `m`: tray notification (when enabled and a tray exists), webhook (when a URL is in
    /// the keychain) and one history row. Never blocks on the network.
    void post(const AlertMessage &m);

    /// Tray notifications on/off (QSettings "alerts/tray", default on).
    bool trayEnabled() const;
    void setTrayEnabled(bool on);

    /// The history, newest first (the stored rows once read, plus everything posted here), at
    /// most `limit`.
    QList<AlertRecord> history(int limit = 500) const;
    /// True once the stored history has been read (at once without a store); historyChanged()
    /// announces it.
    bool isLoaded() const { return m_loaded; }

    /// Replaces the webhook URL lookup (tests); by default the keychain's "webhook/url". The
    /// provider returns the URL (empty: no webhook) or sets *error when the lookup failed.
    void setWebhookUrlProvider(std::function<QString(QString *error)> provider);
    /// The sender used for webhooks (tests tune its retry policy).
    Conn::WebhookSender *webhookSender() const { return m_sender; }

    /// Webhook deliveries still running.
    int pendingDeliveries() const { return m_pending; }
    /// Waits (local event loop) until no delivery is pending and every history row is written,
    /// or `timeoutMs` passed; for the command line. True when nothing is pending.
    bool waitForDeliveries(int timeoutMs);

Q_SIGNALS:
    /// A history row was added or its delivery status changed.
    void historyChanged();

private:
    /// One history row in memory.
    struct Entry {
        AlertRecord record; ///< record.id: the stored row's id, negative until it is stored
        qint64 key = 0;     ///< this session's handle for rows posted here (negative), else 0
        std::shared_ptr<std::atomic<qint64>> rowId; ///< the stored id, set on the pool thread
    };
    /// Queues a store step (pool thread; returns what to run on this thread afterwards, if
    /// anything) behind every earlier one of the process.
    void enqueue(std::function<std::function<void()>(Task::Context &)> step);
    void deliverWebhook(AlertRecord record, const QString &url);
    void updateRow(const AlertRecord &r);
    void insertRow(const Entry &entry);

    QString m_dbPath;
    QSystemTrayIcon *m_tray = nullptr;
    Conn::WebhookSender *m_sender = nullptr;
    std::function<QString(QString *error)> m_urlProvider;
    int m_pending = 0;
    int m_storeSteps = 0; ///< queued store steps not yet finished
    bool m_loaded = false;
    QList<Entry> m_entries;
    qint64 m_nextKey = 1;
};

/// "[Burnrate] title\nbody" — the Slack text of an alert.
QString webhookText(const AlertMessage &m);

} // namespace Ui

Q_DECLARE_METATYPE(Ui::AlertMessage)
