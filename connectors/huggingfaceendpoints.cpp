#include "huggingfaceendpoints.h"

#include "reportjson.h"

#include <algorithm>

namespace Conn {

namespace {

using Json = nlohmann::json;
namespace RJ = ReportJson;

// An object member that may be absent or null (then an empty object); anything else must be an object.
const Json &object(const Json &obj, const char *key, const std::string &path)
{
    static const Json kEmpty = Json::object();
    const auto it = obj.find(key);
    if (it == obj.end() || it->is_null())
        return kEmpty;
    if (!it->is_object())
        throw RJ::Error(path + "." + key + ": expected an object");
    return *it;
}

std::int64_t optionalInstant(const Json &obj, const char *key, const std::string &path)
{
    const auto it = obj.find(key);
    return it == obj.end() || it->is_null() ? 0 : RJ::instant(obj, key, path);
}

HuggingFaceEndpoint readEndpoint(const Json &item, const std::string &path)
{
    if (!item.is_object())
        throw RJ::Error(path + ": expected an object");
    HuggingFaceEndpoint e;
    e.name = RJ::text(item, "name", path);
    if (e.name.empty())
        throw RJ::Error(path + ".name: missing");
    e.repository = RJ::text(object(item, "model", path), "repository", path + ".model");
    const Json &compute = object(item, "compute", path);
    e.accelerator = RJ::text(compute, "accelerator", path + ".compute");
    e.instanceType = RJ::text(compute, "instanceType", path + ".compute");
    e.instanceSize = RJ::text(compute, "instanceSize", path + ".compute");
    const Json &provider = object(item, "provider", path);
    e.vendor = RJ::text(provider, "vendor", path + ".provider");
    e.region = RJ::text(provider, "region", path + ".provider");
    const std::string spath = path + ".status";
    const Json &status = object(item, "status", path);
    e.state = RJ::text(status, "state", spath);
    if (e.state.empty())
        throw RJ::Error(spath + ".state: missing");
    e.readyReplica = RJ::count(status, "readyReplica", spath);
    e.targetReplica = RJ::count(status, "targetReplica", spath);
    e.createdAt = optionalInstant(status, "createdAt", spath);
    e.updatedAt = optionalInstant(status, "updatedAt", spath);
    return e;
}

} // namespace

std::int64_t HuggingFaceEndpoint::billedReplicas() const
{
    return billed() ? std::max<std::int64_t>({readyReplica, targetReplica, 1}) : 0;
}

bool parseHuggingFaceEndpoints(const QByteArray &body, std::vector<HuggingFaceEndpoint> &out, QString *error)
{
    out.clear();
    try {
        Json root;
        RJ::parse(body, root);
        const Json *items = &root;
        std::string name = "";
        if (root.is_object()) {
            items = &RJ::array(root, "items", std::string());
            name = "items";
        } else if (!root.is_array()) {
            throw RJ::Error("expected an object with \"items\" or an array");
        }
        for (std::size_t i = 0; i < items->size(); ++i)
            out.push_back(readEndpoint((*items)[i], RJ::at(name, i)));
        return true;
    } catch (const std::exception &e) {
        out.clear();
        if (error)
            *error = QString::fromStdString(e.what());
        return false;
    }
}

} // namespace Conn
