#pragma once

#include "domain/money.h"

#include <nlohmann/json.hpp>

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

/// Typed reading of the cursor-paged usage / cost reports of the OpenAI and Anthropic Admin APIs
/// (`{"data": [buckets], "has_more": bool, "next_page": string|null}`). The readers throw
/// ReportJson::Error naming the field path (`data[0].results[2].input_tokens`); the parsers catch
/// it at their boundary and return it as a plain message. Numbers are read from a DOM built by
/// parseJsonKeepingNumberText, so money never passes through a double.
namespace Conn::ReportJson {

using Json = nlohmann::json;

/// A payload that does not have the documented shape; what() names the field.
struct Error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// The page envelope of a report.
struct Envelope {
    const Json *data = nullptr; ///< the "data" array of buckets (never null after envelope())
    bool hasMore = false;
    QString nextPage;           ///< cursor for the next request; empty when none
};

/// Parses `body` (numbers kept as text) into `root`; throws Error on malformed JSON.
void parse(const QByteArray &body, Json &root);
/// Reads the envelope of a parsed page; throws when "data" is missing or has_more is true
/// without a next_page cursor.
Envelope envelope(const Json &root);

/// The array member `key` of `obj`; null or missing gives an empty array when !required.
const Json &array(const Json &obj, const char *key, const std::string &path, bool required = true);
/// A non-negative integer count; null or missing gives 0.
std::int64_t count(const Json &obj, const char *key, const std::string &path);
/// A string member; null or missing gives "".
std::string text(const Json &obj, const char *key, const std::string &path);
/// A boolean member; null or missing gives nullopt.
std::optional<bool> flag(const Json &obj, const char *key, const std::string &path);
/// A required exact decimal (a JSON number's literal text or a decimal string), divided by
/// 10^shift (2 turns cents into currency units); digits beyond Money's ten decimals are rounded
/// half to even.
Cost::Money decimal(const Json &obj, const char *key, const std::string &path, int shift = 0);
/// An RFC 3339 instant member, as UTC epoch seconds (required).
std::int64_t instant(const Json &obj, const char *key, const std::string &path);

/// "path[index]".
std::string at(const std::string &path, std::size_t index);

/// One parsed page of a report: the results of every bucket, flattened.
template<typename Row>
struct Page {
    std::vector<Row> rows;
    int buckets = 0;
    bool hasMore = false;
    QString nextPage;
};

/// Walks a page: `readTimes(bucket, path, start, end)` reads a bucket's [start, end) and
/// `readRow(result, path, row)` one result (row.start/end preset). False with *error on failure.
template<typename Row, typename ReadTimes, typename ReadRow>
bool parsePage(const QByteArray &body, Page<Row> &out, QString *error, ReadTimes readTimes, ReadRow readRow)
{
    out = Page<Row>{};
    try {
        Json root;
        parse(body, root);
        const Envelope env = envelope(root);
        out.hasMore = env.hasMore;
        out.nextPage = env.nextPage;
        for (std::size_t b = 0; b < env.data->size(); ++b) {
            const Json &bucket = (*env.data)[b];
            const std::string bpath = at("data", b);
            std::int64_t start = 0, end = 0;
            readTimes(bucket, bpath, start, end);
            if (end <= start)
                throw Error(bpath + ": the bucket ends before it starts");
            const Json &results = array(bucket, "results", bpath, false);
            for (std::size_t i = 0; i < results.size(); ++i) {
                Row row;
                row.start = start;
                row.end = end;
                readRow(results[i], at(bpath + ".results", i), row);
                out.rows.push_back(std::move(row));
            }
            ++out.buckets;
        }
        return true;
    } catch (const std::exception &e) {
        if (error)
            *error = QString::fromStdString(e.what());
        return false;
    }
}

} // namespace Conn::ReportJson
