#pragma once

#include "anomaly/anomalydetector.h"

#include <string>
#include <string_view>
#include <vector>

namespace Analytics {

/// Applies "name=value;name=value" to AnomalyDetectorOptions fields named as in the struct
/// (learningPointCap, alertNovelty, …). For tuning runs: `burnrate detect` reads it from
/// BURNRATE_DETECT_PARAMS, bench_nab from its command line. Returns what is wrong, or "".
std::string applyDetectorParams(std::string_view text, AnomalyDetectorOptions &options);

/// The names applyDetectorParams() accepts.
std::vector<std::string> detectorParamNames();

} // namespace Analytics
