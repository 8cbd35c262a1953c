#include "anomaly/detectorparams.h"

#include "domain/numtext.h"

#include <cstdint>
#include <functional>
#include <map>

namespace Analytics {

namespace {

using Setter = std::function<void(AnomalyDetectorOptions &, double)>;

const std::map<std::string, Setter, std::less<>> &setters()
{
    static const std::map<std::string, Setter, std::less<>> fields = {
        {"learningPointCap", [](AnomalyDetectorOptions &o, double v) { o.learningPointCap = static_cast<int>(v); }},
        {"historyPoints", [](AnomalyDetectorOptions &o, double v) { o.historyPoints = static_cast<int>(v); }},
        {"seasonsBack", [](AnomalyDetectorOptions &o, double v) { o.seasonsBack = static_cast<int>(v); }},
        {"seasonTolerance", [](AnomalyDetectorOptions &o, double v) { o.seasonTolerance = v; }},
        {"contextWeight", [](AnomalyDetectorOptions &o, double v) { o.contextWeight = v; }},
        {"smoothSeconds", [](AnomalyDetectorOptions &o, double v) { o.smoothSeconds = static_cast<std::int64_t>(v); }},
        {"tailQuantile", [](AnomalyDetectorOptions &o, double v) { o.tailQuantile = v; }},
        {"smoothWeight", [](AnomalyDetectorOptions &o, double v) { o.smoothWeight = v; }},
        {"refractoryCycles", [](AnomalyDetectorOptions &o, double v) { o.refractoryCycles = v; }},
        {"refractoryMargin", [](AnomalyDetectorOptions &o, double v) { o.refractoryMargin = v; }},
        {"relativeFloor", [](AnomalyDetectorOptions &o, double v) { o.relativeFloor = v; }},
        {"regimeReset", [](AnomalyDetectorOptions &o, double v) { o.regimeReset = v != 0; }},
        {"residualWeight", [](AnomalyDetectorOptions &o, double v) { o.residualWeight = v; }},
        {"residualGate", [](AnomalyDetectorOptions &o, double v) { o.residualGate = v; }},
        {"residualTolerance", [](AnomalyDetectorOptions &o, double v) { o.residualTolerance = v; }},
        {"alertNovelty", [](AnomalyDetectorOptions &o, double v) { o.alertNovelty = v; }},
        {"incidentClip", [](AnomalyDetectorOptions &o, double v) { o.incidentClip = v; }},
    };
    return fields;
}

std::string_view trimmed(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
        s.remove_suffix(1);
    return s;
}

} // namespace

std::string applyDetectorParams(std::string_view text, AnomalyDetectorOptions &options)
{
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t end = text.find(';', pos);
        if (end == std::string_view::npos)
            end = text.size();
        const std::string_view item = trimmed(text.substr(pos, end - pos));
        pos = end + 1;
        if (item.empty())
            continue;
        const std::size_t eq = item.find('=');
        double value = 0;
        const auto it = eq == std::string_view::npos ? setters().end() : setters().find(item.substr(0, eq));
        if (it == setters().end() || !Cost::parseNumber(item.substr(eq + 1), value))
            return "cannot apply '" + std::string(item) + "'";
        it->second(options, value);
    }
    return {};
}

std::vector<std::string> detectorParamNames()
{
    std::vector<std::string> names;
    for (const auto &entry : setters())
        names.push_back(entry.first);
    return names;
}

} // namespace Analytics
