#include "domain/money.h"

#include <cmath>
#include <limits>

namespace Cost {

namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }

// Scales an unsigned 128-bit mantissa by 10^exp10 relative to the money scale, rounding half
// to even when digits are dropped.
ParseStatus scaleToMoney(UBigMoney mantissa, int exp10, bool negative, Money &out)
{
    bool rounded = false;
    int shift = exp10 + kMoneyDecimals;
    UBigMoney value = mantissa;
    if (shift >= 0) {
        for (int i = 0; i < shift; ++i) {
            value *= 10;
            if (value > static_cast<UBigMoney>(std::numeric_limits<Money>::max()) + 1)
                return ParseStatus::Overflow;
        }
    } else {
        UBigMoney divisor = 1;
        for (int i = 0; i < -shift; ++i) {
            divisor *= 10;
            if (divisor > value * 10 + 10) { // beyond the value's magnitude: it rounds to zero
                divisor = 0;
                break;
            }
        }
        if (divisor == 0) {
            rounded = value != 0;
            value = 0;
        } else {
            UBigMoney q = value / divisor;
            UBigMoney r = value % divisor;
            if (r != 0) {
                rounded = true;
                UBigMoney twice = r * 2;
                if (twice > divisor || (twice == divisor && (q & 1)))
                    ++q;
            }
            value = q;
        }
    }
    const UBigMoney limit = static_cast<UBigMoney>(std::numeric_limits<Money>::max());
    if (value > limit + (negative ? 1 : 0))
        return ParseStatus::Overflow;
    out = negative ? static_cast<Money>(-static_cast<BigMoney>(value)) : static_cast<Money>(value);
    return rounded ? ParseStatus::Rounded : ParseStatus::Ok;
}

} // namespace

ParseStatus parseMoney(std::string_view s, Money &out)
{
    if (s.empty())
        return ParseStatus::Empty;
    std::size_t i = 0;
    bool negative = false;
    if (s[i] == '-' || s[i] == '+') {
        negative = s[i] == '-';
        ++i;
    }
    UBigMoney mantissa = 0;
    int digits = 0;
    int significant = 0;
    int exp10 = 0;
    bool seenDot = false;
    for (; i < s.size(); ++i) {
        const char c = s[i];
        if (isDigit(c)) {
            ++digits;
            if (significant < 36) {
                mantissa = mantissa * 10 + static_cast<unsigned>(c - '0');
                if (mantissa != 0)
                    ++significant;
                if (seenDot)
                    --exp10;
            } else if (!seenDot) {
                ++exp10; // too many integer digits: keep magnitude, overflow check follows
            }
        } else if (c == '.' && !seenDot) {
            seenDot = true;
        } else {
            break;
        }
    }
    if (digits == 0)
        return ParseStatus::Invalid;
    if (i < s.size()) {
        if (s[i] != 'e' && s[i] != 'E')
            return ParseStatus::Invalid;
        ++i;
        bool expNegative = false;
        if (i < s.size() && (s[i] == '-' || s[i] == '+')) {
            expNegative = s[i] == '-';
            ++i;
        }
        int e = 0;
        int expDigits = 0;
        for (; i < s.size() && isDigit(s[i]); ++i) {
            if (e < 10000)
                e = e * 10 + (s[i] - '0');
            ++expDigits;
        }
        if (expDigits == 0 || i != s.size())
            return ParseStatus::Invalid;
        exp10 += expNegative ? -e : e;
        if (exp10 > 40)
            return mantissa == 0 ? (out = 0, ParseStatus::Ok) : ParseStatus::Overflow;
        if (exp10 < -80) {
            out = 0;
            return mantissa == 0 ? ParseStatus::Ok : ParseStatus::Rounded;
        }
    }
    return scaleToMoney(mantissa, exp10, negative, out);
}

std::string formatMoney(BigMoney value, int minDecimals)
{
    const bool negative = value < 0;
    // Negated as unsigned: the most negative BigMoney has no positive counterpart.
    UBigMoney v = negative ? UBigMoney(0) - static_cast<UBigMoney>(value) : static_cast<UBigMoney>(value);
    const UBigMoney scale = static_cast<UBigMoney>(kMoneyScale);
    UBigMoney whole = v / scale;
    UBigMoney frac = v % scale;
    std::string intPart;
    do {
        intPart.insert(intPart.begin(), static_cast<char>('0' + static_cast<int>(whole % 10)));
        whole /= 10;
    } while (whole != 0);
    std::string fracPart(kMoneyDecimals, '0');
    for (int i = kMoneyDecimals - 1; i >= 0; --i) {
        fracPart[static_cast<std::size_t>(i)] = static_cast<char>('0' + static_cast<int>(frac % 10));
        frac /= 10;
    }
    std::size_t keep = fracPart.size();
    while (keep > static_cast<std::size_t>(minDecimals) && fracPart[keep - 1] == '0')
        --keep;
    fracPart.resize(keep);
    std::string result = negative ? "-" : "";
    result += intPart;
    if (!fracPart.empty()) {
        result += '.';
        result += fracPart;
    }
    return result;
}

Money fromDouble(double value)
{
    return static_cast<Money>(std::llround(value * static_cast<double>(kMoneyScale)));
}

std::optional<BigMoney> parseBigMoney(std::string_view s)
{
    if (s.empty())
        return std::nullopt;
    bool negative = false;
    std::size_t i = 0;
    if (s[0] == '-') {
        negative = true;
        i = 1;
    }
    // The magnitude in units, accumulated unsigned: text beyond the BigMoney range is rejected,
    // never wrapped (the text may come from a damaged store).
    UBigMoney v = 0;
    int fracDigits = 0;
    bool dot = false;
    auto push = [&v](unsigned digit) {
        return !__builtin_mul_overflow(v, UBigMoney(10), &v) && !__builtin_add_overflow(v, UBigMoney(digit), &v);
    };
    for (; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '.' && !dot) {
            dot = true;
        } else if (isDigit(c)) {
            if (dot && fracDigits++ >= kMoneyDecimals)
                return std::nullopt;
            if (!push(static_cast<unsigned>(c - '0')))
                return std::nullopt;
        } else {
            return std::nullopt;
        }
    }
    for (int k = fracDigits; k < kMoneyDecimals; ++k)
        if (!push(0))
            return std::nullopt;
    const UBigMoney limit = static_cast<UBigMoney>(std::numeric_limits<BigMoney>::max());
    if (v > limit + (negative ? 1 : 0))
        return std::nullopt;
    return negative ? static_cast<BigMoney>(UBigMoney(0) - v) : static_cast<BigMoney>(v);
}

} // namespace Cost
