#include "domain/jsonread.h"

namespace JsonRead {

const nlohmann::json &member(const nlohmann::json &obj, const char *field)
{
    static const nlohmann::json kNull;
    if (!obj.is_object())
        return kNull;
    const auto it = obj.find(field);
    return it == obj.end() ? kNull : *it;
}

bool parse(std::string_view text, nlohmann::json &doc, std::string &error)
{
    try {
        doc = nlohmann::json::parse(text);
        return true;
    } catch (const nlohmann::json::parse_error &e) {
        // "[json.exception.parse_error.101] parse error at line 2, column 7: syntax error ..."
        std::string what = e.what();
        const auto at = what.find(" at line ");
        error = at == std::string::npos ? what : what.substr(at + 4);
        return false;
    } catch (const nlohmann::json::exception &e) {
        // A number too large for a double ("1e719"): "[json.exception.out_of_range.406] number overflow parsing '1e719'"
        std::string what = e.what();
        const auto tag = what.find("] ");
        error = tag == std::string::npos ? what : what.substr(tag + 2);
        return false;
    }
}

std::string shown(const nlohmann::json &v)
{
    return v.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

bool Fields::fail(const std::string &field, const std::string &why)
{
    error = where + ": field '" + field + "': " + why;
    return false;
}

bool Fields::string(const char *field, std::string &out)
{
    const auto it = obj.find(field);
    if (it == obj.end() || it->is_null())
        return true;
    if (!it->is_string())
        return fail(field, "must be a string, not " + shown(*it));
    out = it->get<std::string>();
    return true;
}

bool Fields::strings(const char *field, std::vector<std::string> &out)
{
    const auto it = obj.find(field);
    if (it == obj.end() || it->is_null())
        return true;
    if (it->is_string()) {
        out.push_back(it->get<std::string>());
        return true;
    }
    if (!it->is_array())
        return fail(field, "must be a string or an array of strings");
    for (const auto &v : *it) {
        if (!v.is_string())
            return fail(field, "must be a string or an array of strings");
        out.push_back(v.get<std::string>());
    }
    return true;
}

bool Fields::boolean(const char *field, bool &out)
{
    const auto it = obj.find(field);
    if (it == obj.end() || it->is_null())
        return true;
    if (!it->is_boolean())
        return fail(field, "must be true or false, not " + shown(*it));
    out = it->get<bool>();
    return true;
}

} // namespace JsonRead
