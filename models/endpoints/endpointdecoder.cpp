#include "endpoints/endpointdecoder.h"

#include "domain/aidimensions.h"
#include "endpoints/instancetable.h"

#include <nlohmann/json.hpp>

#include <cctype>
#include <charconv>
#include <cstdlib>

namespace Endpoints {

namespace {

bool contains(const std::string &hay, std::string_view needle) { return hay.find(needle) != std::string::npos; }

std::string trimmed(std::string_view s)
{
    const auto b = s.find_first_not_of(" \t");
    const auto e = s.find_last_not_of(" \t");
    return b == std::string_view::npos ? std::string() : std::string(s.substr(b, e - b + 1));
}

// Last path segment of an ARN or resource id ("arn:…:endpoint/chat-prod" → "chat-prod").
std::string lastSegment(std::string_view id)
{
    const auto slash = id.find_last_of('/');
    return trimmed(slash == std::string_view::npos ? id : id.substr(slash + 1));
}

// String members of the Tags object, case-blind keys; empty when absent or not JSON.
struct Tags {
    nlohmann::json obj;
    explicit Tags(std::string_view text)
    {
        if (text.empty() || text.front() != '{')
            return;
        obj = nlohmann::json::parse(text.begin(), text.end(), nullptr, false);
        if (!obj.is_object())
            obj = nlohmann::json();
    }
    std::string get(std::string_view key) const
    {
        if (!obj.is_object())
            return {};
        for (const auto &[k, v] : obj.items())
            if (v.is_string() && Cost::lowerAscii(k) == key)
                return trimmed(v.get<std::string>());
        return {};
    }
};

// The model served from the tags people put on endpoints, else the charge's own model.
std::string servedModelOf(const Tags &tags, std::string_view model)
{
    for (std::string_view key : {"model", "model_id", "served_model", "model_name", "hf_model"}) {
        std::string v = tags.get(key);
        if (!v.empty())
            return v;
    }
    return std::string(model);
}

// "USE1-Host:ml.g5.12xlarge" → "ml.g5.12xlarge"; "$7.91 per Hosting ml.g5.12xlarge hour in …" too.
std::string sageMakerHostType(std::string_view usageType, std::string_view description)
{
    const auto host = usageType.find("Host:");
    if (host != std::string_view::npos && (host == 0 || usageType[host - 1] == '-')) {
        const std::string type = trimmed(usageType.substr(host + 5));
        if (type.rfind("ml.", 0) == 0)
            return type;
    }
    const auto hosting = description.find("per Hosting ml.");
    if (hosting != std::string_view::npos) {
        const std::string_view rest = description.substr(hosting + 12);
        return std::string(rest.substr(0, rest.find(' ')));
    }
    return {};
}

// "Vertex AI: Online/Batch Prediction Nvidia H100 80gb GPU running in Iowa" → "nvidia-h100-80gb"
// for a GPU line, "" for core / RAM lines; `prediction` says whether the text is a prediction SKU.
std::string vertexGpuType(const std::string &lower, bool &prediction)
{
    const auto p = lower.find("prediction ");
    prediction = p != std::string::npos && contains(lower, " running in") && contains(lower, "vertex");
    if (!prediction)
        return {};
    const auto start = p + 11;
    const auto gpu = lower.find(" gpu running in", start);
    if (gpu == std::string::npos || lower.compare(start, 7, "nvidia ") != 0)
        return {};
    std::string key = lower.substr(start, gpu - start);
    for (char &c : key)
        if (c == ' ')
            c = '-';
    return key;
}

// "Vertex AI: Online/Batch Prediction … running in Iowa" → "Vertex AI prediction (Iowa)".
std::string vertexFallbackName(std::string_view text)
{
    const auto in = text.find(" running in ");
    return "Vertex AI prediction" + (in == std::string_view::npos ? std::string() : " (" + trimmed(text.substr(in + 12)) + ")");
}

bool aiService(const std::string &service)
{
    for (std::string_view s : {"bedrock", "openai", "cognitive services", "foundry", "azure ai"})
        if (contains(service, s))
            return true;
    return false;
}

EndpointDerived finish(std::string endpoint, std::string type, std::string acceleratorKey, std::string served)
{
    EndpointDerived d;
    d.endpoint = std::move(endpoint);
    d.accelerator = acceleratorKey.empty() ? std::string() : acceleratorText(acceleratorKey);
    d.instanceType = std::move(type);
    d.servedModel = std::move(served);
    return d;
}

} // namespace

EndpointDerived deriveEndpoint(const EndpointHints &h)
{
    const Tags tags(h.tags);
    const std::string named = !h.resourceName.empty() ? trimmed(h.resourceName) : lastSegment(h.resourceId);

    // Hugging Face Inference Endpoints (the connector's records, or a FOCUS export of them).
    if (h.usageType.rfind("hf-endpoint:", 0) == 0) {
        const std::string_view rest = h.usageType.substr(12);
        const auto c1 = rest.find(':');
        const auto c2 = c1 == std::string_view::npos ? c1 : rest.find(':', c1 + 1);
        std::string vendor, type;
        if (c2 != std::string_view::npos) {
            vendor = trimmed(rest.substr(0, c1));
            type = trimmed(rest.substr(c1 + 1, c2 - c1 - 1)) + "-" + trimmed(rest.substr(c2 + 1));
        } else {
            type = trimmed(rest);
        }
        return finish(named.empty() ? "Hugging Face endpoint" : named, vendor.empty() ? type : vendor + ":" + type, type,
                      servedModelOf(tags, h.model));
    }

    // SageMaker real-time endpoints (hosting; training and notebooks are not endpoints).
    if (std::string type = sageMakerHostType(h.usageType, h.chargeDescription); !type.empty())
        return finish(named.empty() ? type : named, type, type, servedModelOf(tags, h.model));

    // Azure ML managed online endpoints: VM meters on the workspace, split by the endpoint tags.
    if (const std::string ep = tags.get("azuremlendpoint"); !ep.empty()) {
        const std::string deployment = tags.get("azuremldeployment");
        std::string meter = trimmed(!h.skuMeter.empty() ? h.skuMeter : h.usageType);
        for (std::string_view suffix : {" Low Priority", " Spot"})
            if (meter.size() > suffix.size() && meter.compare(meter.size() - suffix.size(), suffix.size(), suffix) == 0)
                meter.resize(meter.size() - suffix.size());
        return finish(deployment.empty() ? ep : ep + "/" + deployment, meter, meter, servedModelOf(tags, h.model));
    }

    // Vertex AI online (and batch) prediction node hours: GPU, core and RAM SKUs of one endpoint.
    for (std::string_view text : {h.usageType, h.skuMeter, h.chargeDescription}) {
        bool prediction = false;
        const std::string gpu = vertexGpuType(Cost::lowerAscii(text), prediction);
        if (!prediction)
            continue;
        std::string ep = !named.empty() ? named : tags.get("endpoint");
        if (ep.empty())
            ep = tags.get("aiplatform_endpoint");
        if (ep.empty())
            ep = vertexFallbackName(text);
        return finish(ep, gpu, gpu, servedModelOf(tags, h.model));
    }

    // Provisioned throughput (Bedrock model units, Azure OpenAI PTUs): hours of reserved capacity.
    const std::string service = Cost::lowerAscii(h.service);
    const std::string text = Cost::lowerAscii(std::string(h.usageType) + ' ' + std::string(h.skuMeter) + ' '
                                              + std::string(h.chargeDescription));
    const bool pt = contains(text, "provisionedthroughput") || contains(text, "provisioned-throughput")
        || contains(text, "provisioned throughput") || contains(text, "modelunit") || contains(text, "model unit")
        || (contains(text, "provisioned") && (contains(service, "openai") || contains(text, "ptu")));
    if (pt && aiService(service + ' ' + text)) {
        std::string served = servedModelOf(tags, h.model);
        std::string ep = !named.empty() ? named : "provisioned " + (served.empty() ? std::string("throughput") : served);
        return finish(ep, "provisioned-throughput", {}, served);
    }
    return {};
}

double hourUnitMultiplier(std::string_view unit)
{
    std::string u = Cost::lowerAscii(trimmed(unit));
    double count = 1;
    if (!u.empty() && std::isdigit(static_cast<unsigned char>(u.front()))) {
        // std::from_chars, not strtod: "10 Hours" reads the same under every locale.
        const auto read = std::from_chars(u.data(), u.data() + u.size(), count);
        u = trimmed(std::string_view(read.ptr, static_cast<std::size_t>(u.data() + u.size() - read.ptr)));
    }
    for (std::string_view h : {"hrs", "hr", "hour", "hours", "h", "hour(s)", "node hour", "node hours"})
        if (u == h)
            return count;
    return 0;
}

} // namespace Endpoints
