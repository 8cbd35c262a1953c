#include "reportjson.h"

#include "azurejson.h"
#include "domain/timeparse.h"

namespace Conn::ReportJson {

namespace {

const Json &member(const Json &obj, const char *key, const std::string &path)
{
    static const Json kNull;
    if (!obj.is_object())
        throw Error(path + ": expected an object");
    const auto it = obj.find(key);
    return it == obj.end() ? kNull : *it;
}

std::string field(const std::string &path, const char *key) { return path.empty() ? std::string(key) : path + "." + key; }

} // namespace

std::string at(const std::string &path, std::size_t index) { return path + "[" + std::to_string(index) + "]"; }

void parse(const QByteArray &body, Json &root)
{
    QString error;
    if (!parseJsonKeepingNumberText(body, root, &error))
        throw Error("malformed JSON: " + error.toStdString());
}

Envelope envelope(const Json &root)
{
    Envelope e;
    if (!root.is_object())
        throw Error("the response is not a JSON object");
    const Json &data = member(root, "data", {});
    if (!data.is_array())
        throw Error("data: expected an array of buckets");
    e.data = &data;
    e.hasMore = flag(root, "has_more", {}).value_or(false);
    e.nextPage = QString::fromStdString(text(root, "next_page", {}));
    if (e.hasMore && e.nextPage.isEmpty())
        throw Error("has_more is true but next_page is empty");
    return e;
}

const Json &array(const Json &obj, const char *key, const std::string &path, bool required)
{
    static const Json kEmpty = Json::array();
    const Json &v = member(obj, key, path);
    if (v.is_array())
        return v;
    if (v.is_null() && !required)
        return kEmpty;
    throw Error(field(path, key) + ": expected an array");
}

std::int64_t count(const Json &obj, const char *key, const std::string &path)
{
    const Json &v = member(obj, key, path);
    if (v.is_null())
        return 0;
    if (v.is_number_unsigned() && v.get<std::uint64_t>() <= static_cast<std::uint64_t>(INT64_MAX))
        return static_cast<std::int64_t>(v.get<std::uint64_t>());
    if (v.is_number_integer() && v.get<std::int64_t>() >= 0)
        return v.get<std::int64_t>();
    throw Error(field(path, key) + ": expected a non-negative integer, got " + v.dump());
}

std::string text(const Json &obj, const char *key, const std::string &path)
{
    const Json &v = member(obj, key, path);
    if (v.is_null())
        return {};
    if (!v.is_string())
        throw Error(field(path, key) + ": expected a string, got " + v.dump());
    return v.get<std::string>();
}

std::optional<bool> flag(const Json &obj, const char *key, const std::string &path)
{
    const Json &v = member(obj, key, path);
    if (v.is_null())
        return std::nullopt;
    if (!v.is_boolean())
        throw Error(field(path, key) + ": expected true or false, got " + v.dump());
    return v.get<bool>();
}

Cost::Money decimal(const Json &obj, const char *key, const std::string &path, int shift)
{
    const Json &v = member(obj, key, path);
    std::string literal;
    if (v.is_string())
        literal = v.get<std::string>(); // a float's literal text, or a decimal string (Anthropic)
    else if (v.is_number_integer() || v.is_number_unsigned())
        literal = v.dump();
    else
        throw Error(field(path, key) + ": expected a decimal amount, got " + (v.is_null() ? std::string("null") : v.dump()));
    Cost::Money m = 0;
    const Cost::ParseStatus st = Cost::parseMoney(literal, m);
    if (st != Cost::ParseStatus::Ok && st != Cost::ParseStatus::Rounded)
        throw Error(field(path, key) + ": \"" + literal + "\" is not a decimal amount"
                    + (st == Cost::ParseStatus::Overflow ? " in range" : ""));
    for (int i = 0; i < shift; ++i) {
        // Divide by ten, rounding half to even (only digits beyond 10^-10 are affected).
        const Cost::Money q = m / 10, r = m % 10;
        const Cost::Money absR = r < 0 ? -r : r;
        Cost::Money rounded = q;
        if (absR > 5 || (absR == 5 && (q % 2) != 0))
            rounded += m < 0 ? -1 : 1;
        m = rounded;
    }
    return m;
}

std::int64_t instant(const Json &obj, const char *key, const std::string &path)
{
    const std::string s = text(obj, key, path);
    std::int64_t epoch = 0;
    if (s.empty() || !Cost::parseTimestamp(s, epoch))
        throw Error(field(path, key) + ": expected an RFC 3339 time, got \"" + s + "\"");
    return epoch;
}

} // namespace Conn::ReportJson
