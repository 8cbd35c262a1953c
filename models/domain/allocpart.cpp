#include "domain/allocpart.h"

#include "domain/money.h"

namespace Analytics {

std::int64_t allocPart(std::int64_t amount, std::int64_t before, std::int64_t after)
{
    using Big = Cost::BigMoney;
    auto floorDiv = [](Big a, Big b) {
        Big q = a / b;
        if ((a % b != 0) && ((a < 0) != (b < 0)))
            --q;
        return q;
    };
    return static_cast<std::int64_t>(floorDiv(Big(amount) * after, 1000000) - floorDiv(Big(amount) * before, 1000000));
}

} // namespace Analytics
