#include "contracts/contractoutlook.h"

#include "format/dates.h"
#include "format/money.h"

namespace {

QString money(Cost::BigMoney value, const std::string &currency)
{
    return Format::money(value, QString::fromStdString(currency), Format::Precision::Cents);
}

} // namespace

QString ContractOutlook::kind(Contracts::CommitmentKind kind)
{
    return kind == Contracts::CommitmentKind::MonthlyMinimum ? tr("monthly minimum") : tr("provisioned fee");
}

QString ContractOutlook::line(const Contracts::CommitmentMonth &m)
{
    return Contracts::status(m) == Contracts::LineStatus::Unused ? tr("Unused commitment") : kind(m.kind);
}

QString ContractOutlook::line(const Contracts::CreditBalance &b)
{
    return b.note.empty() ? tr("credit") : tr("credit \u00B7 %1").arg(QString::fromStdString(b.note));
}

QString ContractOutlook::outlook(const Contracts::CommitmentMonth &m)
{
    const QString day = Format::shortDate(Contracts::statusDay(m).value_or(m.fromDay));
    switch (Contracts::status(m)) {
    case Contracts::LineStatus::Met: return tr("Met on %1").arg(day);
    case Contracts::LineStatus::Unused: return tr("Owed on top of usage (%1)").arg(kind(m.kind));
    case Contracts::LineStatus::OnTrack: return tr("Forecast: met about %1").arg(day);
    default: return tr("Forecast: %1 short at month end").arg(money(m.forecastUnused, m.currency));
    }
}

QString ContractOutlook::outlook(const Contracts::CreditBalance &b, std::int64_t asOfDay)
{
    const QString day = Format::shortDate(Contracts::statusDay(b).value_or(b.fromDay), true);
    switch (Contracts::status(b)) {
    case Contracts::LineStatus::UsedUp: return tr("Used up on %1").arg(day);
    case Contracts::LineStatus::Expired: return tr("Expired after %1, %2 unused").arg(day, money(b.remaining, b.currency));
    case Contracts::LineStatus::RunsOut: return tr("Forecast: runs out about %1").arg(day);
    case Contracts::LineStatus::ExpiresUnused:
        return tr("Forecast: %1 left at expiry (%2)").arg(money(b.forecastLeftAtExpiry, b.currency), day);
    default: return tr("Forecast: lasts past %1").arg(Format::shortDate(asOfDay + Contracts::kForecastHorizon, true));
    }
}
