#pragma once

// Numbers in files and API answers are written with a '.' whatever the user's locale: parse them
// without strtod/stod, which follow LC_NUMERIC (Qt adopts the user's locale, so "1.5" would read as 1
// under de_DE).

#include <charconv>
#include <cmath>
#include <string>
#include <string_view>
#include <system_error>

namespace Cost {

/// The whole of `text` (leading blanks and one '+' allowed) as a finite number; false otherwise.
inline bool parseNumber(std::string_view text, double &value)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    if (!text.empty() && text.front() == '+')
        text.remove_prefix(1);
    if (text.empty())
        return false;
    double v = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v, std::chars_format::general);
    if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(v))
        return false;
    value = v;
    return true;
}

/// `value` with '.' as the decimal point whatever the locale (printf's %f follows LC_NUMERIC):
/// `fixed` digits after the point, or, with fixed < 0, the shortest text that reads back the same
/// (at most `-fixed` significant digits).
inline std::string formatNumber(double value, int fixed)
{
    char buf[64];
    const auto [end, ec] = fixed >= 0 ? std::to_chars(buf, buf + sizeof buf, value, std::chars_format::fixed, fixed)
                                      : std::to_chars(buf, buf + sizeof buf, value, std::chars_format::general, -fixed);
    return ec == std::errc() ? std::string(buf, end) : std::string("nan");
}

} // namespace Cost
