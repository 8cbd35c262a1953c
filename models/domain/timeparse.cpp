#include "domain/timeparse.h"

#include <cstdio>

namespace Cost {

std::int64_t daysFromCivil(int y, unsigned m, unsigned d)
{
    // Howard Hinnant's days_from_civil.
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

void civilFromDays(std::int64_t z, int &year, unsigned &month, unsigned &day)
{
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    day = doy - (153 * mp + 2) / 5 + 1;
    month = mp < 10 ? mp + 3 : mp - 9;
    year = static_cast<int>(y + (month <= 2));
}

namespace {

bool digits(std::string_view s, std::size_t pos, std::size_t count, int &out)
{
    if (pos + count > s.size())
        return false;
    int v = 0;
    for (std::size_t i = pos; i < pos + count; ++i) {
        const char c = s[i];
        if (c < '0' || c > '9')
            return false;
        v = v * 10 + (c - '0');
    }
    out = v;
    return true;
}

unsigned daysInMonth(int y, unsigned m)
{
    static const unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return kDays[m - 1];
}

} // namespace

bool parseDate(std::string_view s, std::int64_t &day)
{
    int y = 0, mo = 0, d = 0;
    if (s.size() != 10 || s[4] != '-' || s[7] != '-' || !digits(s, 0, 4, y) || !digits(s, 5, 2, mo)
        || !digits(s, 8, 2, d))
        return false;
    if (mo < 1 || mo > 12 || d < 1 || static_cast<unsigned>(d) > daysInMonth(y, static_cast<unsigned>(mo)))
        return false;
    day = daysFromCivil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d));
    return true;
}

bool parseTimestamp(std::string_view s, std::int64_t &out)
{
    std::int64_t day = 0;
    if (s.size() < 10 || !parseDate(s.substr(0, 10), day))
        return false;
    std::int64_t secs = day * 86400;
    if (s.size() == 10) {
        out = secs;
        return true;
    }
    if (s[10] != 'T' && s[10] != ' ')
        return false;
    int hh = 0, mm = 0, ss = 0;
    if (!digits(s, 11, 2, hh) || s.size() < 16 || s[13] != ':' || !digits(s, 14, 2, mm))
        return false;
    std::size_t pos = 16;
    if (pos < s.size() && s[pos] == ':') {
        if (!digits(s, 17, 2, ss))
            return false;
        pos = 19;
        if (pos < s.size() && (s[pos] == '.' || s[pos] == ',')) {
            ++pos;
            const std::size_t start = pos;
            while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9')
                ++pos;
            if (pos == start)
                return false;
        }
    }
    // Hours past 24 carry into the next day: the FOCUS 1.2 specification's own examples
    // contain "2023-02-01T30:00:00Z", and producers that add hour offsets do the same.
    if (mm > 59 || ss > 60)
        return false;
    secs += hh * 3600 + mm * 60 + ss;
    if (pos == s.size() || (pos + 1 == s.size() && (s[pos] == 'Z' || s[pos] == 'z'))) {
        out = secs;
        return true;
    }
    if (s[pos] != '+' && s[pos] != '-')
        return false;
    const int sign = s[pos] == '-' ? -1 : 1;
    int oh = 0, om = 0;
    if (!digits(s, pos + 1, 2, oh))
        return false;
    std::size_t p = pos + 3;
    if (p < s.size() && s[p] == ':')
        ++p;
    if (p < s.size()) {
        if (!digits(s, p, 2, om) || p + 2 != s.size())
            return false;
    }
    if (oh > 23 || om > 59)
        return false;
    out = secs - sign * (oh * 3600 + om * 60);
    return true;
}

std::string formatDay(std::int64_t day)
{
    int y = 0;
    unsigned m = 0, d = 0;
    civilFromDays(day, y, m, d);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", y, m, d);
    return buf;
}

std::string formatTimestamp(std::int64_t t)
{
    const std::int64_t day = dayOf(t);
    const std::int64_t rem = t - day * 86400;
    char buf[32];
    std::snprintf(buf, sizeof buf, "%sT%02d:%02d:%02dZ", formatDay(day).c_str(), static_cast<int>(rem / 3600),
                  static_cast<int>(rem / 60 % 60), static_cast<int>(rem % 60));
    return buf;
}

} // namespace Cost
