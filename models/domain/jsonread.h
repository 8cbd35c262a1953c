#pragma once

// Reading user JSON (rules, prices, scenarios) without ever throwing: every failure is an error
// text that names the place (line and column for syntax, the object and field for content).

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace JsonRead {

/// Parses `text`; false with "line L, column C: what" (nlohmann's own position) on bad syntax,
/// including text that is not valid UTF-8.
bool parse(std::string_view text, nlohmann::json &doc, std::string &error);

/// The member `field` of `obj`, or null when `obj` is no object or has no such member.
const nlohmann::json &member(const nlohmann::json &obj, const char *field);

/// A value as the user wrote it, for messages ("12", "\"abc\"", "[...]"); never throws.
std::string shown(const nlohmann::json &v);

/// Typed fields of one JSON object; `where` names the object in messages ("rule 3").
struct Fields {
    const nlohmann::json &obj;
    std::string where;
    std::string &error;

    /// Sets error to "WHERE: field 'FIELD': WHY"; returns false.
    bool fail(const std::string &field, const std::string &why);
    /// Missing or null leaves `out` as it is; anything but a string fails.
    bool string(const char *field, std::string &out);
    /// A string or an array of strings.
    bool strings(const char *field, std::vector<std::string> &out);
    /// Missing or null leaves `out` as it is; anything but true/false fails.
    bool boolean(const char *field, bool &out);
};

} // namespace JsonRead
