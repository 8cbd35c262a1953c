#pragma once

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <string>
#include <vector>

namespace Conn {

/// One Inference Endpoint as `GET {base}/v2/endpoint/{namespace}` lists it (the management API at
/// api.endpoints.huggingface.cloud; huggingface_hub reads the same fields): name,
/// model.repository, compute.{accelerator, instanceType, instanceSize}, provider.{vendor, region},
/// status.{state, createdAt, updatedAt, readyReplica, targetReplica}. Absent texts are empty,
/// absent counts 0, absent instants 0.
struct HuggingFaceEndpoint {
    std::string name, repository;
    std::string vendor, region, accelerator, instanceType, instanceSize;
    std::string state; ///< "running", "initializing", "paused", "scaledToZero", "failed", "pending", …
    std::int64_t readyReplica = 0, targetReplica = 0;
    std::int64_t createdAt = 0, updatedAt = 0; ///< UTC epoch seconds; 0 = not given

    /// True in the states Hugging Face bills: initializing and running.
    bool billed() const { return state == "initializing" || state == "running"; }
    /// The replicas billed in a billed state: the larger of ready and target (replicas starting
    /// up or still draining are paid for), at least one; 0 in any other state.
    std::int64_t billedReplicas() const;
};

/// Parses the endpoint list (`{"items": [endpoints]}`; a bare array is accepted too). Pure; false
/// with *error naming the field (`items[1].status.state: …`) on malformed JSON or a wrong shape:
/// an item without a name or a state, a negative replica count, an instant that is not RFC 3339.
bool parseHuggingFaceEndpoints(const QByteArray &body, std::vector<HuggingFaceEndpoint> &out, QString *error);

} // namespace Conn
