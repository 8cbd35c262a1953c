#include "contracts/contract.h"

namespace Contracts {

namespace {

constexpr Cost::Money kBasisPoint = Cost::kMoneyScale / 100; // 0.01 (percent) in money units

} // namespace

int Contract::specificity() const
{
    return (account.empty() ? 0 : 4) + (model.empty() ? 0 : 2) + (tokenKind ? 1 : 0);
}

std::string discountText(int basisPoints)
{
    return Cost::formatMoney(static_cast<Cost::BigMoney>(basisPoints) * kBasisPoint, 0);
}

bool parseDiscount(const std::string &text, int &basisPoints)
{
    Cost::Money m = 0;
    if (Cost::parseMoney(text, m) != Cost::ParseStatus::Ok || m < 0 || m > 100 * Cost::kMoneyScale || m % kBasisPoint != 0)
        return false;
    basisPoints = static_cast<int>(m / kBasisPoint);
    return true;
}

Cost::Money discounted(Cost::Money list, int basisPoints)
{
    return static_cast<Cost::Money>(
        Pricing::roundDiv(static_cast<Cost::BigMoney>(list) * (kFullDiscount - basisPoints), kFullDiscount));
}

Cost::Money amortisedFee(Cost::Money amount, std::int64_t fromDay, std::int64_t toDay, std::int64_t day)
{
    if (day < fromDay || day >= toDay || toDay <= fromDay)
        return 0;
    const Cost::BigMoney n = toDay - fromDay;
    const Cost::BigMoney i = day - fromDay;
    // floor(amount·(i+1)/n) − floor(amount·i/n): the parts telescope to `amount`.
    const Cost::BigMoney a = amount;
    return static_cast<Cost::Money>(a * (i + 1) / n - a * i / n);
}

const char *commitmentKindName(CommitmentKind kind)
{
    return kind == CommitmentKind::Provisioned ? "provisioned" : "monthly_minimum";
}

bool commitmentKindFromName(const std::string &name, CommitmentKind &out)
{
    if (name == "monthly_minimum")
        out = CommitmentKind::MonthlyMinimum;
    else if (name == "provisioned")
        out = CommitmentKind::Provisioned;
    else
        return false;
    return true;
}

} // namespace Contracts
