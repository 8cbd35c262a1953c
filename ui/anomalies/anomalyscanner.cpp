#include "anomalies/anomalyscanner.h"

#include "alerts/alertcenter.h"
#include "analytics/currency.h"
#include "anomalies/anomalytext.h"
#include "anomaly/anomalystore.h"
#include "format/format.h"
#include "store/store.h"
#include "task/task.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <mutex>
#include <optional>

namespace {

constexpr std::size_t kSingleAlerts = 5;
constexpr std::int64_t kRecent = 2 * 86400;

std::mutex &scanMutex()
{
    static std::mutex mutex;
    return mutex;
}

struct Tr { // lupdate needs a class for the context of these free functions
    Q_DECLARE_TR_FUNCTIONS(AnomalyScanner)
};

} // namespace

AnomalyScanOutcome scanAndCollect(Cost::Store &store, const std::atomic_bool *cancel, const std::function<void(int)> &progress)
{
    AnomalyScanOutcome out;
    std::lock_guard lock(scanMutex());
    Cost::SqliteDb &db = store.db();
    std::string error;
    if (!Analytics::scanIsCurrent(db)) {
        out.scanned = true;
        if (!Analytics::runAnomalyScan(db, out.result, error, progress, cancel)) {
            out.error = QString::fromStdString(error);
            return out;
        }
    }
    Analytics::ScanWindow window;
    if (Analytics::scanWindow(db, window))
        out.dataEnd = window.dataEnd;
    Analytics::AnomalyStore anomalies(db);
    Analytics::AnomalySettings settings;
    if (!anomalies.loadSettings(settings, error) || !anomalies.unalerted(out.toAlert, error)) {
        out.error = QString::fromStdString(error);
        return out;
    }
    out.minImpact = settings.minImpact;
    if (!out.toAlert.empty()) { // the currency of the days the alerts cover
        std::int64_t first = out.toAlert.front().start / 86400, last = first;
        for (const Analytics::Anomaly &a : out.toAlert) {
            first = std::min(first, a.start / 86400);
            last = std::max(last, (a.end - 1) / 86400);
        }
        out.currency = QString::fromStdString(Analytics::displayCurrency(db, first, last));
    }
    std::vector<std::int64_t> ids;
    for (const Analytics::Anomaly &a : out.toAlert)
        ids.push_back(a.id);
    if (!anomalies.markAlerted(ids, error)) {
        out.error = QString::fromStdString(error);
        out.toAlert.clear();
    }
    // Feedback given before the alert went out (e.g. from the CLI) needs no alert.
    out.toAlert.erase(std::remove_if(out.toAlert.begin(), out.toAlert.end(),
                                     [](const Analytics::Anomaly &a) { return a.status != Analytics::AnomalyStatus::New; }),
                      out.toAlert.end());
    return out;
}

AnomalyScanOutcome scanAndCollect(Task::Context &context)
{
    // The scan polls an atomic between series: mirror the task's cancel state into it at each
    // progress step (one per dimension and per stored anomaly).
    std::atomic_bool cancel{context.isCanceled()};
    return scanAndCollect(context.store(), &cancel, [&context, &cancel](int percent) {
        context.setProgress(percent);
        if (context.isCanceled())
            cancel.store(true);
    });
}

void postAnomalyAlerts(const AnomalyScanOutcome &outcome)
{
    std::vector<Analytics::Anomaly> recent, older;
    for (const Analytics::Anomaly &a : outcome.toAlert)
        (a.end >= outcome.dataEnd - kRecent ? recent : older).push_back(a);
    std::stable_sort(recent.begin(), recent.end(),
                     [](const Analytics::Anomaly &x, const Analytics::Anomaly &y) { return std::llabs(x.impact()) > std::llabs(y.impact()); });
    Ui::AlertCenter *center = Ui::AlertCenter::instance();
    for (std::size_t i = 0; i < recent.size() && i < kSingleAlerts; ++i) {
        const Analytics::Anomaly &a = recent[i];
        Ui::AlertMessage m;
        m.kind = QStringLiteral("anomaly");
        m.title = AnomalyText::headline(a, outcome.currency);
        m.body = AnomalyText::summary(a, outcome.currency);
        const bool large = std::llabs(a.impact()) >= 5 * std::max<Cost::Money>(outcome.minImpact, Cost::kMoneyScale);
        m.severity = large && a.score >= 0.75 ? QStringLiteral("critical") : QStringLiteral("warning");
        m.at = QDateTime::currentDateTimeUtc();
        center->post(m);
    }
    const std::size_t rest = older.size() + (recent.size() > kSingleAlerts ? recent.size() - kSingleAlerts : 0);
    if (rest > 0) {
        Ui::AlertMessage m;
        m.kind = QStringLiteral("anomaly");
        m.title = Tr::tr("%n more cost anomalies found", nullptr, static_cast<int>(rest));
        m.body = Tr::tr("Earlier or smaller anomalies in the stored history; see the Anomalies page.");
        m.severity = QStringLiteral("info");
        m.at = QDateTime::currentDateTimeUtc();
        center->post(m);
    }
}

AnomalyScanner::AnomalyScanner(const QString &dbPath, QObject *parent)
    : QObject(parent)
    , m_dbPath(dbPath)
    , m_runner(new Task::Runner(this, Task::Runner::Policy::Every))
{
    connect(m_runner, &Task::Runner::progress, this, [this](int percent) { Q_EMIT progress(percent); });
}

// The runner's destruction cancels a running scan; it rolls back on its own connection.
AnomalyScanner::~AnomalyScanner() = default;

bool AnomalyScanner::isRunning() const { return m_runner->isBusy(); }

void AnomalyScanner::scanIfStale()
{
    if (isRunning()) {
        m_again = true;
        return;
    }
    m_runner->run(
        m_dbPath, [](Task::Context &context) { return std::optional<AnomalyScanOutcome>(scanAndCollect(context)); },
        [this](Task::Outcome<std::optional<AnomalyScanOutcome>> &outcome) {
            AnomalyScanOutcome result = outcome.value.value_or(AnomalyScanOutcome());
            if (!outcome.ok())
                result.error = outcome.error;
            else if (!outcome.value)
                result.error = QStringLiteral("cancelled"); // stopped before it started
            onFinished(result);
        });
    Q_EMIT started();
}

void AnomalyScanner::cancel()
{
    m_runner->cancel();
    m_again = false;
}

void AnomalyScanner::onFinished(const AnomalyScanOutcome &outcome)
{
    postAnomalyAlerts(outcome);
    Q_EMIT finished(outcome);
    if (m_again) {
        m_again = false;
        scanIfStale();
    }
}
