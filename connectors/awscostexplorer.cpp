#include "awscostexplorer.h"

#include "domain/aidimensions.h"
#include "domain/money.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>

#include <cmath>
#include <map>

namespace Conn::Aws {

namespace {

QString tr(const char *text) { return QCoreApplication::translate("Conn::Aws", text); }

qint64 epochOf(const QDate &d) { return QDateTime(d, QTime(0, 0), QTimeZone::utc()).toSecsSinceEpoch(); }

// A named failure at a JSON path; returned by the helpers below through *error.
bool fail(QString *error, const QString &where, const QString &what)
{
    *error = tr("GetCostAndUsage response, %1: %2").arg(where, what);
    return false;
}

bool dateField(const QJsonObject &period, const char *name, const QString &where, QDate *out, QString *error)
{
    const QJsonValue v = period.value(QLatin1String(name));
    *out = QDate::fromString(v.toString(), Qt::ISODate);
    if (!v.isString() || !out->isValid())
        return fail(error, where + u'.' + QLatin1String(name), tr("expected a date YYYY-MM-DD"));
    return true;
}

struct Metric {
    bool present = false;
    QString amount;
    QString unit;
};

Metric metricOf(const QJsonObject &metrics, const char *name)
{
    const QJsonValue v = metrics.value(QLatin1String(name));
    if (!v.isObject())
        return {};
    const QJsonObject o = v.toObject();
    return {true, o.value(QStringLiteral("Amount")).toString(), o.value(QStringLiteral("Unit")).toString()};
}

// Tokens per unit of UsageQuantity. Inferred from what Cost Explorer bills (fixtures agree with the
// public prices): first-party Bedrock usage types count thousands of tokens, Marketplace ("-MP:")
// meters millions. Returns 0 when the row is not a token charge.
double tokensPerUnit(const QString &usageType, Cost::TokenKind kind, QString *pricingUnit)
{
    if (kind == Cost::TokenKind::None || kind == Cost::TokenKind::Other)
        return 0;
    if (usageType.contains(QStringLiteral("-MP:"), Qt::CaseInsensitive)) {
        *pricingUnit = QStringLiteral("1M Tokens");
        return 1e6;
    }
    if (usageType.contains(QStringLiteral("token"), Qt::CaseInsensitive)) {
        *pricingUnit = QStringLiteral("1K Tokens");
        return 1e3;
    }
    return 0;
}

} // namespace

QByteArray CostQuery::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("TimePeriod"), QJsonObject{{QStringLiteral("Start"), start.toString(Qt::ISODate)},
                                                        {QStringLiteral("End"), end.toString(Qt::ISODate)}});
    o.insert(QStringLiteral("Granularity"), QStringLiteral("DAILY"));
    o.insert(QStringLiteral("Metrics"), QJsonArray{QStringLiteral("UnblendedCost"), QStringLiteral("UsageQuantity")});
    QJsonArray groups;
    for (const GroupDefinition &g : groupBy)
        groups.append(QJsonObject{{QStringLiteral("Type"), g.type}, {QStringLiteral("Key"), g.key}});
    if (!groups.isEmpty())
        o.insert(QStringLiteral("GroupBy"), groups);
    if (!serviceFilter.isEmpty()) {
        o.insert(QStringLiteral("Filter"),
                 QJsonObject{{QStringLiteral("Dimensions"),
                              QJsonObject{{QStringLiteral("Key"), QStringLiteral("SERVICE")},
                                          {QStringLiteral("Values"), QJsonArray{serviceFilter}},
                                          {QStringLiteral("MatchOptions"), QJsonArray{QStringLiteral("EQUALS")}}}}});
    }
    if (!nextPageToken.isEmpty())
        o.insert(QStringLiteral("NextPageToken"), nextPageToken);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

AwsError parseAwsError(const QByteArray &body)
{
    AwsError e;
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (!doc.isObject())
        return e;
    const QJsonObject o = doc.object();
    QString type = o.value(QStringLiteral("__type")).toString();
    if (type.isEmpty())
        type = o.value(QStringLiteral("code")).toString();
    e.type = type.mid(type.lastIndexOf(u'#') + 1);
    e.message = o.value(QStringLiteral("message")).toString();
    if (e.message.isEmpty())
        e.message = o.value(QStringLiteral("Message")).toString();
    return e;
}

bool isThrottling(const AwsError &error)
{
    return error.type == u"LimitExceededException" || error.type == u"ThrottlingException"
        || error.type == u"TooManyRequestsException" || error.type == u"RequestLimitExceeded"
        || error.type == u"Throttling";
}

bool isAuthError(const AwsError &error)
{
    static const QStringList kAuth = {
        QStringLiteral("UnrecognizedClientException"), QStringLiteral("InvalidSignatureException"),
        QStringLiteral("SignatureDoesNotMatch"),       QStringLiteral("InvalidClientTokenId"),
        QStringLiteral("ExpiredTokenException"),       QStringLiteral("ExpiredToken"),
        QStringLiteral("IncompleteSignature"),         QStringLiteral("MissingAuthenticationToken"),
        QStringLiteral("IncompleteSignatureException"), QStringLiteral("MissingAuthenticationTokenException")};
    return kAuth.contains(error.type);
}

bool isAiService(const QString &service) { return service.contains(QStringLiteral("Bedrock"), Qt::CaseInsensitive); }

bool isInferenceHosting(const QString &service, const QString &usageType)
{
    return service.contains(QStringLiteral("SageMaker"), Qt::CaseInsensitive) && usageType.contains(QStringLiteral("Host:"));
}

QString regionFromUsageType(const QString &usageType)
{
    static const QHash<QString, QString> kRegions = {
        {QStringLiteral("USE1"), QStringLiteral("us-east-1")},      {QStringLiteral("USE2"), QStringLiteral("us-east-2")},
        {QStringLiteral("USW1"), QStringLiteral("us-west-1")},      {QStringLiteral("USW2"), QStringLiteral("us-west-2")},
        {QStringLiteral("CAN1"), QStringLiteral("ca-central-1")},   {QStringLiteral("SAE1"), QStringLiteral("sa-east-1")},
        {QStringLiteral("EU"), QStringLiteral("eu-west-1")},        {QStringLiteral("EUW1"), QStringLiteral("eu-west-1")},
        {QStringLiteral("EUW2"), QStringLiteral("eu-west-2")},      {QStringLiteral("EUW3"), QStringLiteral("eu-west-3")},
        {QStringLiteral("EUC1"), QStringLiteral("eu-central-1")},   {QStringLiteral("EUN1"), QStringLiteral("eu-north-1")},
        {QStringLiteral("EUS1"), QStringLiteral("eu-south-1")},     {QStringLiteral("APN1"), QStringLiteral("ap-northeast-1")},
        {QStringLiteral("APN2"), QStringLiteral("ap-northeast-2")}, {QStringLiteral("APN3"), QStringLiteral("ap-northeast-3")},
        {QStringLiteral("APS1"), QStringLiteral("ap-southeast-1")}, {QStringLiteral("APS2"), QStringLiteral("ap-southeast-2")},
        {QStringLiteral("APS3"), QStringLiteral("ap-south-1")},     {QStringLiteral("APS4"), QStringLiteral("ap-southeast-3")},
        {QStringLiteral("GOV1"), QStringLiteral("us-gov-west-1")},  {QStringLiteral("UGE1"), QStringLiteral("us-gov-east-1")},
    };
    const qsizetype dash = usageType.indexOf(u'-');
    return dash > 0 ? kRegions.value(usageType.left(dash)) : QString();
}

bool parseCostAndUsage(const QByteArray &json, const ParseOptions &options, FetchResult &out, PageInfo *page,
                       QString *error)
{
    *page = PageInfo();
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return fail(error, tr("byte %1").arg(parseError.offset), parseError.errorString());
    if (!doc.isObject())
        return fail(error, tr("top level"), tr("expected a JSON object"));
    const QJsonObject root = doc.object();
    const QJsonValue results = root.value(QStringLiteral("ResultsByTime"));
    if (!results.isArray())
        return fail(error, QStringLiteral("ResultsByTime"), tr("missing or not an array"));
    const QJsonValue token = root.value(QStringLiteral("NextPageToken"));
    if (!token.isUndefined() && !token.isNull() && !token.isString())
        return fail(error, QStringLiteral("NextPageToken"), tr("expected a string"));
    page->nextPageToken = token.toString();

    // Which position of Keys[] is which dimension.
    int serviceAt = -1, usageAt = -1, tagAt = -1, regionAt = -1, linkedAt = -1;
    const QJsonArray defs = root.value(QStringLiteral("GroupDefinitions")).toArray();
    for (qsizetype i = 0; i < defs.size(); ++i) {
        const QJsonObject d = defs[i].toObject();
        const QString type = d.value(QStringLiteral("Type")).toString(), key = d.value(QStringLiteral("Key")).toString();
        const int at = static_cast<int>(i);
        if (type == u"TAG")
            tagAt = at;
        else if (key == u"SERVICE")
            serviceAt = at;
        else if (key == u"USAGE_TYPE")
            usageAt = at;
        else if (key == u"REGION")
            regionAt = at;
        else if (key == u"LINKED_ACCOUNT")
            linkedAt = at;
    }

    const std::string_view provider = out.text("AWS");
    const std::string_view account = out.text(options.billingAccount);
    const QJsonArray days = results.toArray();
    for (qsizetype di = 0; di < days.size(); ++di) {
        const QString dayWhere = QStringLiteral("ResultsByTime[%1]").arg(di);
        if (!days[di].isObject())
            return fail(error, dayWhere, tr("expected an object"));
        const QJsonObject day = days[di].toObject();
        const QJsonObject period = day.value(QStringLiteral("TimePeriod")).toObject();
        QDate start, end;
        if (!dateField(period, "Start", dayWhere + QStringLiteral(".TimePeriod"), &start, error)
            || !dateField(period, "End", dayWhere + QStringLiteral(".TimePeriod"), &end, error))
            return false;
        if (end <= start)
            return fail(error, dayWhere + QStringLiteral(".TimePeriod"), tr("End is not after Start"));
        const bool estimated = day.value(QStringLiteral("Estimated")).toBool();
        page->estimated = page->estimated || estimated;

        // Grouped answers carry their rows in Groups (Total is {}); ungrouped ones in Total.
        struct Row {
            QStringList keys;
            QJsonObject metrics;
            QString where;
        };
        QList<Row> rows;
        const QJsonArray groups = day.value(QStringLiteral("Groups")).toArray();
        if (!defs.isEmpty()) {
            for (qsizetype gi = 0; gi < groups.size(); ++gi) {
                const QString where = dayWhere + QStringLiteral(".Groups[%1]").arg(gi);
                const QJsonObject g = groups[gi].toObject();
                const QJsonArray keys = g.value(QStringLiteral("Keys")).toArray();
                if (keys.size() != defs.size())
                    return fail(error, where + QStringLiteral(".Keys"),
                                tr("expected %1 keys (one per GroupDefinition), found %2").arg(defs.size()).arg(keys.size()));
                Row row{{}, g.value(QStringLiteral("Metrics")).toObject(), where};
                for (const QJsonValue &k : keys)
                    row.keys << k.toString();
                rows << row;
            }
        } else {
            const QJsonObject total = day.value(QStringLiteral("Total")).toObject();
            if (!total.isEmpty())
                rows << Row{{}, total, dayWhere + QStringLiteral(".Total")};
        }

        for (const Row &row : std::as_const(rows)) {
            ++page->rows;
            const QString service = serviceAt >= 0 ? row.keys[serviceAt] : options.service;
            const QString usageType = usageAt >= 0 ? row.keys[usageAt] : QString();
            if (options.aiServicesOnly && !isAiService(service) && !isInferenceHosting(service, usageType))
                continue;
            const Metric cost = metricOf(row.metrics, "UnblendedCost");
            if (!cost.present)
                return fail(error, row.where + QStringLiteral(".Metrics.UnblendedCost"), tr("missing"));
            Cost::Money money = 0;
            const std::string amountText = cost.amount.toStdString();
            const Cost::ParseStatus st = Cost::parseMoney(amountText, money);
            if (st != Cost::ParseStatus::Ok && st != Cost::ParseStatus::Rounded)
                return fail(error, row.where + QStringLiteral(".Metrics.UnblendedCost.Amount"),
                            tr("\"%1\" is not a decimal amount").arg(cost.amount));
            if (cost.unit.isEmpty())
                return fail(error, row.where + QStringLiteral(".Metrics.UnblendedCost.Unit"), tr("missing currency"));

            Cost::Record r;
            r.setDim(Cost::Dim::Provider, provider);
            r.setDim(Cost::Dim::InvoiceIssuer, provider);
            r.setDim(Cost::Dim::HostProvider, provider);
            r.setDim(Cost::Dim::BillingAccount, account);
            r.setDim(Cost::Dim::Currency, out.text(cost.unit));
            r.setDim(Cost::Dim::ChargeCategory, out.text("Usage"));
            if (!service.isEmpty()) {
                r.setDim(Cost::Dim::Service, out.text(service));
                const bool marketplace = service.contains(QStringLiteral("(Amazon Bedrock Edition)"));
                r.setDim(Cost::Dim::Publisher, out.text(marketplace ? "AWS Marketplace" : "AWS"));
            }
            if (!usageType.isEmpty())
                r.setDim(Cost::Dim::UsageType, out.text(usageType));
            QString region = regionAt >= 0 ? row.keys[regionAt] : regionFromUsageType(usageType);
            if (!region.isEmpty())
                r.setDim(Cost::Dim::Region, out.text(region));
            if (linkedAt >= 0)
                r.setDim(Cost::Dim::SubAccount, out.text(row.keys[linkedAt]));
            if (tagAt >= 0) {
                // "team$search" → {"team":"search"}; "team$" is untagged and gets no Tags.
                const QString raw = row.keys[tagAt];
                const qsizetype dollar = raw.indexOf(u'$');
                const QString key = dollar >= 0 ? raw.left(dollar) : options.tagKey;
                const QString value = dollar >= 0 ? raw.mid(dollar + 1) : raw;
                if (!value.isEmpty())
                    r.setDim(Cost::Dim::Tags, out.text(QString::fromUtf8(
                                                  QJsonDocument(QJsonObject{{key, value}}).toJson(QJsonDocument::Compact))));
            }

            const bool ai = isAiService(service);
            if (ai) {
                r.setDim(Cost::Dim::ServiceCategory, out.text("AI and Machine Learning"));
                r.setDim(Cost::Dim::ServiceSubcategory, out.text("Generative AI"));
                const std::string svc = service.toStdString(), ut = usageType.toStdString();
                Cost::AiHints hints;
                hints.usageType = ut;
                hints.serviceName = svc;
                hints.serviceCategory = "AI and Machine Learning";
                const Cost::AiDerived derived = Cost::deriveAi(hints);
                // Undecodable Bedrock usage types stay visible under their own name.
                r.setDim(Cost::Dim::Model, out.text(!derived.model.empty() ? std::string_view(derived.model)
                                                    : !ut.empty()          ? std::string_view(ut)
                                                                           : std::string_view("unknown")));
                r.tokenKind = derived.kind;
            }

            const Metric qty = metricOf(row.metrics, "UsageQuantity");
            if (qty.present && !qty.amount.isEmpty()) {
                bool ok = false;
                const double q = qty.amount.toDouble(&ok);
                if (!ok)
                    return fail(error, row.where + QStringLiteral(".Metrics.UsageQuantity.Amount"),
                                tr("\"%1\" is not a number").arg(qty.amount));
                QString pricingUnit;
                const double perUnit = tokensPerUnit(usageType, r.tokenKind, &pricingUnit);
                r.pricingQuantity = q;
                if (perUnit > 0) {
                    r.tokens = std::llround(q * perUnit);
                    r.consumedQuantity = static_cast<double>(r.tokens);
                    r.setDim(Cost::Dim::ConsumedUnit, out.text("Tokens"));
                    r.setDim(Cost::Dim::PricingUnit, out.text(pricingUnit));
                } else {
                    r.consumedQuantity = q;
                    if (qty.unit != u"N/A" && !qty.unit.isEmpty())
                        r.setDim(Cost::Dim::ConsumedUnit, out.text(qty.unit));
                }
            }
            r.chargeStart = epochOf(start);
            r.chargeEnd = epochOf(end);
            r.billingPeriodStart = epochOf(QDate(start.year(), start.month(), 1));
            r.billingPeriodEnd = epochOf(QDate(start.year(), start.month(), 1).addMonths(1));
            r.setAmount(Cost::Amount::Billed, money);
            if (estimated)
                r.extras = out.text("{\"Estimated\":true}");
            out.add(r);
            ++page->kept;
        }
    }
    return true;
}

namespace {

// A copy of `r` whose strings live in `into`.
Cost::Record adopt(FetchResult &into, const Cost::Record &r)
{
    Cost::Record c = r;
    for (std::size_t d = 0; d < Cost::kDimCount; ++d)
        if (!r.dims[d].empty())
            c.dims[d] = into.text(r.dims[d]);
    if (!r.extras.empty())
        c.extras = into.text(r.extras);
    return c;
}

} // namespace

void applyTagSplit(FetchResult &base, const QString &service, const FetchResult &split)
{
    struct Sum {
        Cost::BigMoney amount = 0;
        qint64 tokens = 0;
    };
    std::map<std::pair<qint64, std::string>, Sum> sums;
    for (const Cost::Record &r : split.records()) {
        Sum &s = sums[{r.chargeStart, std::string(r.dim(Cost::Dim::UsageType))}];
        s.amount += r.amount(Cost::Amount::Billed);
        s.tokens += std::max<qint64>(0, r.tokens);
    }
    const std::string svc = service.toStdString();
    std::vector<Cost::Record> kept;
    for (const Cost::Record &r : base.records()) {
        if (r.dim(Cost::Dim::Service) != svc) {
            kept.push_back(r);
            continue;
        }
        const auto it = sums.find({r.chargeStart, std::string(r.dim(Cost::Dim::UsageType))});
        const Cost::BigMoney splitAmount = it == sums.end() ? 0 : it->second.amount;
        const Cost::BigMoney rest = Cost::BigMoney(r.amount(Cost::Amount::Billed)) - splitAmount;
        if (rest == 0)
            continue;
        Cost::Record remainder = r; // untagged remainder, exact
        remainder.setAmount(Cost::Amount::Billed, static_cast<Cost::Money>(rest));
        if (r.tokens >= 0 && it != sums.end())
            remainder.tokens = std::max<qint64>(0, r.tokens - it->second.tokens);
        remainder.pricingQuantity = NAN;
        remainder.consumedQuantity = remainder.tokens >= 0 ? static_cast<double>(remainder.tokens) : NAN;
        kept.push_back(remainder);
    }
    for (const Cost::Record &r : split.records())
        kept.push_back(adopt(base, r));
    base.records() = std::move(kept);
}

} // namespace Conn::Aws
