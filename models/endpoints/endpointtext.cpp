#include "endpoints/endpointtext.h"

#include "format/format.h"
#include "format/hours.h"
#include "format/money.h"

#include <QCoreApplication>

namespace Endpoints {

namespace {

constexpr auto kMoney = Format::Precision::Cents;
constexpr std::int64_t kMonthHours = 730; // as endpointStats' break-even

QString tr(const char *text) { return QCoreApplication::translate("Endpoints", text); }

QString dash() { return QStringLiteral("\u2014"); }

QString q(const std::string &s) { return QString::fromStdString(s); }

QString optionalMoney(const std::optional<Cost::BigMoney> &v, const QString &currency)
{
    return v ? Format::money(*v, currency, kMoney) : dash();
}

} // namespace

QStringList columnHeaders()
{
    return {tr("Endpoint"),       tr("Provider"),  tr("Instance type"),   tr("Accelerator"),
            tr("Hours"),          tr("Cost"),      tr("Utilisation"),     tr("Idle cost"),
            tr("Per 1k requests"), tr("API equivalent"), tr("Break-even / month")};
}

bool isNumericColumn(int column) { return column >= kColHours; }

QStringList rowCells(const EndpointStats &s)
{
    const QString c = q(s.currency);
    const double u = s.utilisationPercent();
    return {q(s.endpoint),
            q(s.provider),
            s.instanceType.empty() ? dash() : q(s.instanceType),
            s.accelerator.empty() ? dash() : q(s.accelerator),
            Format::hours(s.hours),
            Format::money(s.cost, c, kMoney),
            u < 0 ? dash() : Format::percent(u),
            Format::money(s.idleCost, c, kMoney),
            optionalMoney(s.costPer1kRequests, c),
            optionalMoney(s.apiEquivalentCost, c),
            s.breakEvenRequestsPerMonth ? Format::count(*s.breakEvenRequestsPerMonth) : dash()};
}

QString summaryText(const std::vector<EndpointStats> &endpoints, const QString &currency)
{
    Cost::BigMoney cost = 0, idle = 0;
    for (const EndpointStats &s : endpoints) {
        cost += s.cost;
        idle += s.idleCost;
    }
    const double share = cost > 0 ? static_cast<double>(idle) / static_cast<double>(cost) : 0;
    const int n = static_cast<int>(endpoints.size());
    return QCoreApplication::translate("Endpoints", "Endpoint cost %1 across %n endpoint(s), of which %2 idle (%3)", nullptr, n)
        .arg(Format::money(cost, currency, kMoney), Format::money(idle, currency, kMoney), Format::share(share));
}

QString describe(const EndpointStats &s)
{
    const QString instance = s.instanceType.empty() ? q(s.provider)
        : s.accelerator.empty()                     ? q(s.instanceType)
                                                    : QStringLiteral("%1 (%2)").arg(q(s.instanceType), q(s.accelerator));
    const QString model = s.servedModel.empty() ? tr("model not known") : q(s.servedModel);
    return tr("%1 on %2, serving %3: %4 paid clock hours, %5 of them with requests; %6 requests, %7 tokens.")
        .arg(q(s.endpoint), instance, model, Format::count(s.paidClockHours), Format::count(s.busyClockHours), Format::count(s.requests),
             Format::count(s.tokens));
}

QString apiComparisonText(const EndpointStats &s)
{
    const QString c = q(s.currency);
    if (!s.apiEquivalentCost) {
        if (s.tokens == 0)
            return tr("No pay-per-token comparison: no telemetry request matched this endpoint's model in its paid hours.");
        return tr("No pay-per-token comparison: the price catalog has no pay-per-token price for %1.")
            .arg(s.servedModel.empty() ? q(s.endpoint) : q(s.servedModel));
    }
    const Cost::BigMoney api = *s.apiEquivalentCost;
    QString text;
    if (api <= 0 || s.cost <= 0) {
        text = tr("The same tokens on the pay-per-token API: %1.").arg(Format::money(api, c, kMoney));
    } else if (api < s.cost) {
        const double factor = static_cast<double>(s.cost) / static_cast<double>(api);
        text = tr("The same tokens on the pay-per-token API: %1 (%2\u00D7 cheaper than the endpoint).")
                   .arg(Format::money(api, c, kMoney), Format::locale().toString(factor, 'f', 1));
    } else {
        const double factor = static_cast<double>(api) / static_cast<double>(s.cost);
        text = tr("The same tokens on the pay-per-token API: %1 (%2\u00D7 dearer than the endpoint).")
                   .arg(Format::money(api, c, kMoney), Format::locale().toString(factor, 'f', 1));
    }
    if (s.breakEvenRequestsPerMonth && s.paidClockHours > 0) {
        const std::int64_t now = (s.requests * kMonthHours + s.paidClockHours / 2) / s.paidClockHours;
        text += QLatin1Char(' ')
            + tr("Break-even at %1 requests per month (now %2).").arg(Format::count(*s.breakEvenRequestsPerMonth), Format::count(now));
    }
    return text;
}

QString sourcesText()
{
    return tr("Endpoints come from hour-billed lines: SageMaker real-time endpoints, Azure ML online endpoints, Vertex AI "
              "prediction nodes, Bedrock or Azure OpenAI provisioned throughput and Hugging Face Inference Endpoints. "
              "Import their bills or connect the account; telemetry of the model served adds utilisation.");
}

} // namespace Endpoints
