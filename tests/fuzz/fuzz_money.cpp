// Money: parseMoney → formatMoney → parseMoney / parseBigMoney must give the same amount back;
// text parseBigMoney accepts (sums read back from the store) and the first 16 bytes read as a
// 128-bit sum must survive formatMoney → parseBigMoney. The locale
// formatter (Format::money) must accept every amount. A mismatch aborts (the fuzzer reports it).
#include "domain/money.h"
#include "format/money.h"

#include <QLocale>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string_view>

namespace {

void check(bool ok)
{
    if (!ok)
        std::abort();
}

void formatForPeople(Cost::BigMoney value, unsigned char selector)
{
    // The app's usual case, set once: under the C locale Format builds an en_US QLocale per call.
    static const bool localeSet = (QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)), true);
    (void)localeSet;
    static const QString currencies[] = {QStringLiteral("USD"), QStringLiteral("EUR"), QStringLiteral("JPY"),
                                         QString()};
    const QString &currency = currencies[selector % 4];
    const auto precision = static_cast<Format::Precision>((selector / 4) % 3);
    check(!Format::money(value, currency, precision).isEmpty());
    check(!Format::signedMoney(value, currency, precision).isEmpty());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char *>(data), size);
    Cost::Money parsed = 0;
    const Cost::ParseStatus status = Cost::parseMoney(text, parsed);
    if (status == Cost::ParseStatus::Ok || status == Cost::ParseStatus::Rounded) {
        for (const int minDecimals : {0, 2, Cost::kMoneyDecimals}) {
            const std::string formatted = Cost::formatMoney(parsed, minDecimals);
            Cost::Money again = 0;
            check(Cost::parseMoney(formatted, again) == Cost::ParseStatus::Ok && again == parsed);
            check(Cost::parseBigMoney(formatted) == Cost::BigMoney(parsed));
        }
        formatForPeople(parsed, size > 0 ? data[0] : 0);
    }
    if (const auto stored = Cost::parseBigMoney(text)) // as read back from the store
        check(Cost::parseBigMoney(Cost::formatMoney(*stored)) == *stored);
    if (size >= sizeof(Cost::BigMoney)) {
        Cost::BigMoney sum = 0;
        std::memcpy(&sum, data, sizeof sum);
        check(Cost::parseBigMoney(Cost::formatMoney(sum)) == sum);
        formatForPeople(sum, data[size - 1]);
    }
    return 0;
}
