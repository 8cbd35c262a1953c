#include "huggingfaceconnector.h"

#include "huggingfaceendpoints.h"
#include "huggingfacestatelog.h"
#include "huggingfacestaterun.h"

#include <QCoreApplication>
#include <QTimer>
#include <QUrl>

namespace Conn {

namespace {

const QString kTokenUrl = QStringLiteral("https://huggingface.co/settings/tokens");
const QString kNamespace = QStringLiteral("namespace");

// The bytes of the observed runs after a merge: they change the window's content hash.
std::string digest(const std::vector<HuggingFaceStateRun> &runs)
{
    std::string d;
    for (const HuggingFaceStateRun &r : runs)
        d += r.endpoint + '\x1f' + std::to_string(r.firstSeen) + '\x1f' + std::to_string(r.lastSeen) + '\x1f'
            + std::to_string(r.since) + '\x1f' + r.state + '\x1f' + std::to_string(r.replicas) + '\x1e';
    return d;
}

} // namespace

ConnectorDescriptor HuggingFaceConnector::makeDescriptor()
{
    ConnectorDescriptor c = describe(QStringLiteral("huggingface"), tr("Hugging Face"),
                                     tr("Estimated cost of Hugging Face Inference Endpoints: the minutes each endpoint "
                                        "is initializing or running, per hour, at the published hourly price of its instance."));
    c.credentials.push_back(plainField("namespace", tr("Namespace"),
                                       tr("The user name or organisation that owns the Inference Endpoints."),
                                       QStringLiteral("my-org")));
    c.credentials.push_back(secretField("token", tr("User access token"),
                                        tr("Create one on huggingface.co under Settings → Access Tokens; it is stored "
                                           "in the system keychain only."),
                                        QStringLiteral("hf_…")));
    c.options.push_back({QStringLiteral("history_days"), tr("How far back (days)"),
                         tr("Days the first sync fills in: an endpoint running at the first sync counts from its "
                            "last state change, within these days."),
                         QStringLiteral("7"), {}});
    c.helpUrl = kTokenUrl;
    c.permissionsHelp = tr("Needs a user access token (huggingface.co → Settings → Access Tokens) that can read the "
                           "namespace's Inference Endpoints. Hugging Face has no billing API: the cost is an estimate "
                           "from the states Burnrate observes at each sync (the more often it syncs, the closer), "
                           "priced from a table shipped with Burnrate.");
    c.defaultBaseUrl = QStringLiteral("https://api.endpoints.huggingface.cloud");
    // Observations only add to the days since the last one: yesterday is restated, the current
    // day is always fetched again.
    c.setDays(1, 7, 7);
    return c;
}

void HuggingFaceConnector::testConnection(const AccountConfig &config, const QString &secret)
{
    if (config.option(kNamespace).trimmed().isEmpty()) {
        QTimer::singleShot(0, this, [this] {
            Q_EMIT testFinished(TestResult{false, ErrorKind::Config,
                                           tr("Enter the namespace: the user name or organisation that owns the endpoints.")});
        });
        return;
    }
    AdminReportConnector::testConnection(config, secret);
}

QList<QPair<QByteArray, QByteArray>> HuggingFaceConnector::authHeaders(const QString &secret) const
{
    return {{QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + secret.toUtf8()}};
}

QList<AdminReportConnector::Report> HuggingFaceConnector::windowReports(const AccountConfig &config, const DateWindow &window,
                                                                        QString *error) const
{
    const QString ns = config.option(kNamespace).trimmed();
    if (ns.isEmpty()) {
        *error = tr("The account has no namespace: edit it and enter the user name or organisation that owns the endpoints.");
        return {};
    }
    const qint64 accountId = config.id;
    const std::int64_t from = window.fromEpoch(), to = window.toEpoch();
    const std::string nsText = ns.toStdString();
    Report r{.label = tr("endpoints"),
             .path = QStringLiteral("/v2/endpoint/") + QString::fromLatin1(QUrl::toPercentEncoding(ns)),
             .query = {},
             .parse = [accountId, nsText, from, to](const QByteArray &body, FetchResult &result, bool *hasMore, QString *,
                                                    QString *parseError) {
                 std::vector<HuggingFaceEndpoint> endpoints;
                 if (!parseHuggingFaceEndpoints(body, endpoints, parseError))
                     return false;
                 *hasMore = false;
                 result.note = tr("The token can list the %n endpoint(s) of \"%1\".", nullptr, static_cast<int>(endpoints.size()))
                                   .arg(QString::fromStdString(nsText));
                 const std::int64_t observedAt = result.fetchedAt;
                 result.inTransaction = [accountId, nsText, from, to, endpoints = std::move(endpoints),
                                         observedAt](Cost::SqliteDb &db, FetchResult &res, QString *storeError) {
                     std::vector<HuggingFaceStateRun> runs;
                     if (!HuggingFaceStateLog::load(db, accountId, runs, storeError))
                         return false;
                     mergeHuggingFaceObservations(runs, endpoints, observedAt);
                     if (!HuggingFaceStateLog::save(db, accountId, runs, storeError))
                         return false;
                     HuggingFaceEstimateNotes notes;
                     appendHuggingFaceCharges(runs, nsText, from, to, res, &notes);
                     for (const std::string &instance : notes.unpriced)
                         res.notices << tr("No hourly price is known for %1: its hours are stored at cost 0 until "
                                           "Burnrate's price table knows the instance.")
                                            .arg(QString::fromStdString(instance));
                     res.stateDigest = digest(runs);
                     return true;
                 };
                 return true;
             }};
    return {r};
}

AdminReportConnector::AdminKey HuggingFaceConnector::adminKey() const
{
    // Every Hugging Face token starts with "hf_"; only the API can tell what it may read.
    return {.keyPrefix = QStringLiteral("hf_"),
            .adminPrefix = QStringLiteral("hf_"),
            .missing = tr("Enter a Hugging Face user access token."),
            .wrongKind = QString(),
            .authHint = tr("Create a user access token at %1 that can read the namespace's Inference Endpoints.").arg(kTokenUrl)};
}

QString HuggingFaceConnector::testSuccessText(const FetchResult &result) const
{
    return tr("Connected to Hugging Face.") + QLatin1Char(' ') + result.note;
}

} // namespace Conn
