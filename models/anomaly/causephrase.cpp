#include "anomaly/causephrase.h"

#include "anomaly/rootcause.h"

#include <nlohmann/json.hpp>

#include <charconv>
#include <cmath>

namespace Analytics {

namespace {

std::string kindWords(const std::string &kind)
{
    if (kind == "input")
        return "input tokens";
    if (kind == "cached_input")
        return "cached input tokens";
    if (kind == "cache_write")
        return "cache writes";
    if (kind == "output")
        return "output tokens";
    return kind.empty() ? "other charges" : kind + " charges";
}

std::string dimensionLabel(const std::string &dimension)
{
    for (std::size_t i = 0; i < kCauseDimCount; ++i)
        if (dimension == causeDimName(static_cast<CauseDim>(i)))
            return causeDimLabel(static_cast<CauseDim>(i));
    return dimension;
}

std::string valueText(const std::string &dim, const std::string &value)
{
    if (!value.empty())
        return value;
    return dim == "feature" || dim == "team" ? "(unallocated)" : "(none)";
}

const char *changeName(CausePhrase::Change c)
{
    return c == CausePhrase::Change::New ? "new" : c == CausePhrase::Change::Gone ? "gone" : "ratio";
}

} // namespace

std::string englishChange(const CausePhrase &p)
{
    if (p.change != CausePhrase::Change::Ratio)
        return changeName(p.change);
    // Whole from ×10 or when within 0.05 of a whole number, one decimal otherwise; std::to_chars
    // never takes the process locale's decimal comma.
    const double r = p.ratio < 0.05 ? 0.0 : p.ratio;
    const bool whole = r >= 9.95 || std::fabs(r - std::round(r)) < 0.05;
    char buf[32];
    const auto res = whole ? std::to_chars(buf, buf + sizeof buf, std::round(r), std::chars_format::fixed, 0)
                           : std::to_chars(buf, buf + sizeof buf, r, std::chars_format::fixed, 1);
    return "\u00d7" + std::string(buf, res.ptr);
}

std::string englishSentence(const CausePhrase &p)
{
    std::string text;
    switch (p.kind) {
    case CausePhrase::Kind::None:
        return {};
    case CausePhrase::Kind::Evenly:
        text = std::string("evenly over all ")
            + (p.skip == "feature" ? "models" : p.skip == "model" ? "features" : "features and models");
        break;
    case CausePhrase::Kind::Lead:
        text = std::to_string(p.percent) + "% from " + dimensionLabel(p.dimension) + ' ' + valueText(p.dimension, p.value);
        if (!p.second.empty())
            text += (p.secondDimension == "model" ? " on " : " in feature ") + p.second;
        break;
    }
    if (p.hasTokenKind)
        text += ", " + kindWords(p.tokenKind) + ' ' + englishChange(p);
    return text;
}

std::string toJson(const CausePhrase &p)
{
    if (p.kind == CausePhrase::Kind::None)
        return {};
    nlohmann::json j;
    if (p.kind == CausePhrase::Kind::Evenly) {
        j["kind"] = "evenly";
        j["skip"] = p.skip;
    } else {
        j["kind"] = "lead";
        j["percent"] = p.percent;
        j["dimension"] = p.dimension;
        j["value"] = p.value;
        if (!p.second.empty()) {
            j["second_dimension"] = p.secondDimension;
            j["second"] = p.second;
        }
    }
    if (p.hasTokenKind) {
        j["token_kind"] = p.tokenKind;
        j["change"] = changeName(p.change);
        if (p.change == CausePhrase::Change::Ratio)
            j["ratio"] = p.ratio;
    }
    // Dimension values come from the user's files: replace what is not UTF-8 rather than throw.
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

bool fromJson(std::string_view json, CausePhrase &out)
{
    if (json.empty())
        return false;
    const auto j = nlohmann::json::parse(json, nullptr, false);
    if (!j.is_object())
        return false;
    auto text = [&](const char *key) {
        const auto it = j.find(key);
        return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    CausePhrase p;
    const std::string kind = text("kind");
    if (kind == "evenly") {
        p.kind = CausePhrase::Kind::Evenly;
        p.skip = text("skip");
    } else if (kind == "lead") {
        p.kind = CausePhrase::Kind::Lead;
        const auto pct = j.find("percent");
        if (pct == j.end() || !pct->is_number_integer())
            return false;
        p.percent = pct->get<int>();
        p.dimension = text("dimension");
        p.value = text("value");
        p.secondDimension = text("second_dimension");
        p.second = text("second");
    } else {
        return false;
    }
    if (j.contains("token_kind")) {
        p.hasTokenKind = true;
        p.tokenKind = text("token_kind");
        const std::string change = text("change");
        p.change = change == "new" ? CausePhrase::Change::New : change == "gone" ? CausePhrase::Change::Gone : CausePhrase::Change::Ratio;
        const auto r = j.find("ratio");
        if (r != j.end() && r->is_number())
            p.ratio = r->get<double>();
    }
    out = std::move(p);
    return true;
}

} // namespace Analytics
