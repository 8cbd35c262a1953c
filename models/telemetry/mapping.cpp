#include "telemetry/mapping.h"

#include <nlohmann/json.hpp>

namespace Telemetry {

namespace {

constexpr const char *kSettingKey = "telemetry.mapping";
constexpr const char *kKeys[] = {"feature", "team", "user"};

std::vector<std::string> *listOf(Mapping &m, std::string_view key)
{
    if (key == "feature")
        return &m.feature;
    if (key == "team")
        return &m.team;
    if (key == "user")
        return &m.user;
    return nullptr;
}

} // namespace

std::string toJson(const Mapping &mapping)
{
    nlohmann::ordered_json j;
    j["feature"] = mapping.feature;
    j["team"] = mapping.team;
    j["user"] = mapping.user;
    return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

bool fromJson(std::string_view json, Mapping &out, std::string &error)
{
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(json);
    } catch (const nlohmann::json::parse_error &e) {
        error = std::string("not JSON: ") + e.what();
        return false;
    }
    if (!j.is_object()) {
        error = "the mapping must be a JSON object with \"feature\", \"team\" and \"user\"";
        return false;
    }
    Mapping m;
    for (auto it = j.begin(); it != j.end(); ++it) {
        std::vector<std::string> *list = listOf(m, it.key());
        if (!list) {
            error = it.key() + ": unknown key (feature, team and user are)";
            return false;
        }
        if (!it->is_array()) {
            error = it.key() + ": must be a list of attribute names";
            return false;
        }
        if (it->size() > kMaxMappingAttributes) {
            error = it.key() + ": at most " + std::to_string(kMaxMappingAttributes) + " attribute names";
            return false;
        }
        list->clear();
        for (std::size_t i = 0; i < it->size(); ++i) {
            const auto &v = (*it)[i];
            const std::string where = it.key() + "[" + std::to_string(i) + "]";
            if (!v.is_string() || v.get_ref<const std::string &>().empty()) {
                error = where + ": must be a non-empty attribute name";
                return false;
            }
            const std::string &name = v.get_ref<const std::string &>();
            if (name.size() > 255 || name.find_first_of(" \t\r\n") != std::string::npos) {
                error = where + ": \"" + name.substr(0, 64) + "\" is not an attribute name (no spaces, at most 255 bytes)";
                return false;
            }
            list->push_back(name);
        }
    }
    out = std::move(m);
    return true;
}

bool loadMapping(Cost::SqliteDb &db, Mapping &mapping, std::string &error)
{
    Cost::SqliteStmt st(db, "SELECT value FROM setting WHERE key = ?1");
    st.bind(1, std::string_view(kSettingKey));
    if (!st.step()) {
        if (!st.error().empty()) {
            error = "cannot read the telemetry mapping: " + st.error();
            return false;
        }
        mapping = Mapping{};
        return true;
    }
    std::string why;
    if (!fromJson(st.text(0), mapping, why)) {
        error = "the stored telemetry mapping is damaged: " + why;
        return false;
    }
    return true;
}

bool saveMapping(Cost::SqliteDb &db, const Mapping &mapping, std::string &error)
{
    const std::string json = toJson(mapping);
    Cost::SqliteStmt st(db, "INSERT INTO setting(key, value) VALUES(?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    st.bind(1, std::string_view(kSettingKey));
    st.bind(2, std::string_view(json));
    if (!st.exec()) {
        error = "cannot save the telemetry mapping: " + st.error();
        return false;
    }
    return true;
}

} // namespace Telemetry
