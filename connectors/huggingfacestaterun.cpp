#include "huggingfacestaterun.h"

#include "huggingfaceprices.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <tuple>

namespace Conn {

namespace {

constexpr std::int64_t kMinute = 60;
constexpr std::int64_t kHour = 3600;

std::int64_t minuteOf(std::int64_t t) { return t - (((t % kMinute) + kMinute) % kMinute); }

HuggingFaceStateRun observed(const HuggingFaceEndpoint &e, std::int64_t at)
{
    HuggingFaceStateRun r;
    r.endpoint = e.name;
    r.firstSeen = r.lastSeen = at;
    r.since = e.updatedAt;
    r.state = e.state;
    r.replicas = e.billedReplicas();
    r.vendor = e.vendor;
    r.instanceType = e.instanceType;
    r.instanceSize = e.instanceSize;
    r.region = e.region;
    r.model = e.repository;
    return r;
}

bool before(const HuggingFaceStateRun &a, const HuggingFaceStateRun &b)
{
    return std::tie(a.endpoint, a.firstSeen) < std::tie(b.endpoint, b.firstSeen);
}

// An endpoint-hour on one instance: what one record sums.
using HourKey = std::tuple<std::string, std::int64_t, std::string, std::string, std::string, std::string, std::string>;

} // namespace

bool HuggingFaceStateRun::continuedBy(const HuggingFaceStateRun &next) const
{
    return std::tie(state, replicas, vendor, instanceType, instanceSize, region, model)
        == std::tie(next.state, next.replicas, next.vendor, next.instanceType, next.instanceSize, next.region, next.model);
}

void mergeHuggingFaceObservations(std::vector<HuggingFaceStateRun> &log, const std::vector<HuggingFaceEndpoint> &endpoints,
                                  std::int64_t observedAt)
{
    std::sort(log.begin(), log.end(), before);
    std::vector<HuggingFaceStateRun> added;
    for (const HuggingFaceEndpoint &e : endpoints) {
        HuggingFaceStateRun now = observed(e, observedAt);
        // The endpoint's last run: the one with the largest first observation.
        const auto last = std::find_if(log.rbegin(), log.rend(), [&](const HuggingFaceStateRun &r) { return r.endpoint == e.name; });
        if (last == log.rend()) {
            added.push_back(std::move(now));
        } else if (last->continuedBy(now)) {
            last->lastSeen = std::max(last->lastSeen, observedAt);
        } else {
            // Observations only move forward (a server clock that went back starts the run just after).
            now.firstSeen = now.lastSeen = std::max(observedAt, last->lastSeen + 1);
            added.push_back(std::move(now));
        }
    }
    log.insert(log.end(), added.begin(), added.end());
    std::sort(log.begin(), log.end(), before);
}

void appendHuggingFaceCharges(const std::vector<HuggingFaceStateRun> &log, const std::string &ns, std::int64_t from,
                              std::int64_t to, FetchResult &result, HuggingFaceEstimateNotes *notes)
{
    std::vector<HuggingFaceStateRun> runs = log;
    std::sort(runs.begin(), runs.end(), before);
    std::map<HourKey, std::int64_t> replicaMinutes;
    for (std::size_t i = 0; i < runs.size(); ++i) {
        const HuggingFaceStateRun &run = runs[i];
        const bool first = i == 0 || runs[i - 1].endpoint != run.endpoint;
        const bool last = i + 1 == runs.size() || runs[i + 1].endpoint != run.endpoint;
        std::int64_t begin = run.firstSeen;
        if (first) {
            if (run.since > 0 && run.since < run.firstSeen)
                begin = run.since;
        } else {
            begin = std::clamp(run.since > 0 ? run.since : runs[i - 1].lastSeen, runs[i - 1].lastSeen, run.firstSeen);
        }
        std::int64_t end = run.lastSeen;
        if (!last) {
            const HuggingFaceStateRun &next = runs[i + 1];
            end = std::clamp(next.since > 0 ? next.since : run.lastSeen, run.lastSeen, next.firstSeen);
        }
        if (run.replicas <= 0)
            continue;
        const std::int64_t a = std::max(minuteOf(begin), from);
        const std::int64_t c = std::min(minuteOf(end), to);
        for (std::int64_t t = a; t < c;) {
            const std::int64_t hour = t - (((t % kHour) + kHour) % kHour);
            const std::int64_t stop = std::min(c, hour + kHour);
            replicaMinutes[HourKey{run.endpoint, hour, run.vendor, run.instanceType, run.instanceSize, run.region, run.model}] +=
                (stop - t) / kMinute * run.replicas;
            t = stop;
        }
    }
    for (const auto &[key, minutes] : replicaMinutes) {
        const auto &[endpoint, hour, vendor, type, size, region, model] = key;
        if (minutes <= 0)
            continue;
        const std::optional<Cost::Money> price = huggingFaceHourlyPrice(vendor, type, size);
        const std::string instance = vendor + " " + type + " " + size;
        if (!price && notes) {
            const std::string what = instance + " (endpoint \"" + endpoint + "\")";
            if (std::find(notes->unpriced.begin(), notes->unpriced.end(), what) == notes->unpriced.end())
                notes->unpriced.push_back(what);
        }
        // Exact: replica-minutes × price per hour / 60, rounded half up to the money unit.
        const Cost::Money cost = price ? static_cast<Cost::Money>((static_cast<Cost::BigMoney>(minutes) * *price + 30) / 60) : 0;
        nlohmann::json tags = nlohmann::json::object();
        tags["burnrate:estimated"] = "true";
        if (!model.empty())
            tags["model"] = model;
        Cost::Record r;
        r.setDim(Cost::Dim::Provider, "Hugging Face");
        r.setDim(Cost::Dim::Service, "Inference Endpoints");
        r.setDim(Cost::Dim::ServiceCategory, "AI and Machine Learning");
        r.setDim(Cost::Dim::ChargeCategory, "Usage");
        r.setDim(Cost::Dim::BillingAccount, result.text(std::string_view(ns)));
        r.setDim(Cost::Dim::ResourceId, result.text(std::string_view(ns + "/" + endpoint)));
        r.setDim(Cost::Dim::ResourceName, result.text(std::string_view(endpoint)));
        r.setDim(Cost::Dim::ResourceType, "Inference Endpoint");
        r.setDim(Cost::Dim::Region, result.text(std::string_view(region)));
        r.setDim(Cost::Dim::UsageType, result.text(std::string_view("hf-endpoint:" + vendor + ":" + type + ":" + size)));
        r.setDim(Cost::Dim::ConsumedUnit, "Hours");
        r.setDim(Cost::Dim::PricingUnit, "Hours");
        r.setDim(Cost::Dim::Currency, "USD");
        r.setDim(Cost::Dim::Tags, result.text(std::string_view(tags.dump())));
        const std::string rate = price ? "$" + Cost::formatMoney(*price) + "/h" : "$0.00/h (not in the price table)";
        r.setDim(Cost::Dim::ChargeDescription, result.text(std::string_view("Estimated: " + instance + " at " + rate)));
        if (price)
            r.setDim(Cost::Dim::ListUnitPrice, result.text(std::string_view(Cost::formatMoney(*price))));
        r.chargeStart = hour;
        r.chargeEnd = hour + kHour;
        r.consumedQuantity = r.pricingQuantity = static_cast<double>(minutes) / 60.0;
        for (Cost::Amount a : {Cost::Amount::Billed, Cost::Amount::Effective, Cost::Amount::List})
            r.setAmount(a, cost);
        result.add(r);
    }
}

} // namespace Conn
