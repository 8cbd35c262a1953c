#pragma once

#include "fetchresult.h"
#include "huggingfaceendpoints.h"

#include <cstdint>
#include <string>
#include <vector>

namespace Conn {

/// One run of unchanged state of an Inference Endpoint as the Hugging Face connector observed it
/// (a row of the store's `hf_endpoint_state`): the same state, billed replicas, instance, region
/// and model from its first to its last observation. `since` is the endpoint's status.updatedAt
/// at the first observation (the moment the state began; 0 = not given). UTC epoch seconds.
struct HuggingFaceStateRun {
    std::string endpoint;
    std::int64_t firstSeen = 0, lastSeen = 0, since = 0;
    std::string state;
    std::int64_t replicas = 0; ///< billed replicas (HuggingFaceEndpoint::billedReplicas); 0 = not billed
    std::string vendor, instanceType, instanceSize, region, model;

    /// Same state, replicas, instance, region and model (the observation continues this run).
    bool continuedBy(const HuggingFaceStateRun &next) const;
};

/// Adds the endpoints observed at `observedAt` to `log` (runs sorted by endpoint, then first
/// observation): an unchanged endpoint extends its last run to `observedAt`; a changed or new one
/// starts a run. Endpoints not listed any more keep their runs as they are. Pure.
void mergeHuggingFaceObservations(std::vector<HuggingFaceStateRun> &log, const std::vector<HuggingFaceEndpoint> &endpoints,
                                  std::int64_t observedAt);

/// What an estimate could not price.
struct HuggingFaceEstimateNotes {
    std::vector<std::string> unpriced; ///< "aws nvidia-b200 x8 (endpoint \"big\")", once each
};

/// The estimated charges of [from, to) from the observed runs, appended to `result`: one record
/// per endpoint × UTC hour × instance with minutes initializing or running. A run holds from the
/// moment it began — its `since` when that lies after the previous run's last observation (and
/// not after its own first one), else that last observation; the first run of an endpoint begins
/// at `since` when that is earlier than its first observation — until the next run begins, the
/// last run until its last observation. Moments are cut to whole UTC minutes (Hugging Face bills
/// per minute). Cost of an endpoint-hour = replica-minutes × hourly price / 60, rounded half up
/// to the money unit (10^-10 USD, so exact to the nano-unit). The records' shape is shared with the
/// hour-billed decoder: Provider "Hugging Face", UsageType "hf-endpoint:<vendor>:<type>:<size>",
/// unit Hours, Tags {"burnrate:estimated":"true","model":"<repository>"}. Pure.
void appendHuggingFaceCharges(const std::vector<HuggingFaceStateRun> &log, const std::string &ns, std::int64_t from,
                              std::int64_t to, FetchResult &result, HuggingFaceEstimateNotes *notes = nullptr);

} // namespace Conn
