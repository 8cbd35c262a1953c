#include "azurejson.h"

#include <vector>

namespace Conn {

namespace {

using Json = nlohmann::json;

// A SAX DOM builder. Only the innermost open container is ever modified, so the pointers on
// the stack stay valid while children are appended to it.
class KeepNumberTextSax final : public nlohmann::json_sax<Json> {
public:
    Json root;
    std::string error;

    bool null() override { return add(Json(nullptr)); }
    bool boolean(bool v) override { return add(Json(v)); }
    bool number_integer(number_integer_t v) override { return add(Json(v)); }
    bool number_unsigned(number_unsigned_t v) override { return add(Json(v)); }
    // The lexer hands over its token with the C library's decimal point in place of '.' (it feeds
    // strtod), so under de_DE "0.25" arrives as "0,25": put the JSON spelling back.
    bool number_float(number_float_t, const string_t &text) override
    {
        std::string literal = text;
        for (char &c : literal)
            if ((c < '0' || c > '9') && c != '-' && c != '+' && c != 'e' && c != 'E')
                c = '.';
        return add(Json(std::move(literal)));
    }
    bool string(string_t &v) override { return add(Json(std::move(v))); }
    bool binary(binary_t &) override { return add(Json(nullptr)); }
    bool start_object(std::size_t) override { return open(Json::object()); }
    bool key(string_t &k) override
    {
        m_key = std::move(k);
        return true;
    }
    bool end_object() override { return close(); }
    bool start_array(std::size_t) override { return open(Json::array()); }
    bool end_array() override { return close(); }
    bool parse_error(std::size_t, const std::string &, const nlohmann::detail::exception &ex) override
    {
        error = ex.what();
        return false;
    }

private:
    Json *place(Json &&value)
    {
        if (m_stack.empty()) {
            root = std::move(value);
            return &root;
        }
        Json &top = *m_stack.back();
        if (top.is_array()) {
            top.push_back(std::move(value));
            return &top.back();
        }
        Json &slot = top[m_key];
        slot = std::move(value);
        return &slot;
    }
    bool add(Json &&value)
    {
        place(std::move(value));
        return true;
    }
    bool open(Json &&container)
    {
        m_stack.push_back(place(std::move(container)));
        return true;
    }
    bool close()
    {
        m_stack.pop_back();
        return true;
    }

    std::vector<Json *> m_stack;
    std::string m_key;
};

} // namespace

bool parseJsonKeepingNumberText(const QByteArray &bytes, nlohmann::json &out, QString *error)
{
    KeepNumberTextSax sax;
    const char *begin = bytes.constData();
    const bool ok = Json::sax_parse(begin, begin + bytes.size(), &sax, nlohmann::json::input_format_t::json, true);
    if (!ok) {
        if (error) {
            // nlohmann's message already names line and column; drop its "[json.exception…] " tag.
            QString msg = QString::fromStdString(sax.error);
            const auto tag = msg.indexOf(QLatin1String("] "));
            if (msg.startsWith(QLatin1Char('[')) && tag > 0)
                msg = msg.mid(tag + 2);
            *error = msg.isEmpty() ? QStringLiteral("not valid JSON") : msg;
        }
        return false;
    }
    out = std::move(sax.root);
    return true;
}

} // namespace Conn
