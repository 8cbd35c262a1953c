#pragma once

#include <string>
#include <string_view>

namespace Endpoints {

/// What an instance type carries for inference: a GPU (or other accelerator) model and count, or
/// none (a CPU instance). `count` 0 and empty `gpu` = not in the table and not a known CPU family.
struct Accelerator {
    std::string_view gpu; ///< "NVIDIA A10G", "AWS Inferentia2"; empty for CPU or unknown
    int count = 0;
    bool cpu = false;     ///< a known CPU-only family (ml.m5.*, intel-spr, D-series, n1-standard…)
};

/// The instance table key of a type as providers write it: lower case, Azure's `Standard_` prefix
/// dropped, spaces to '_' ("NC4as T4 v3" → "nc4as_t4_v3", "ml.g5.12xlarge" stays).
std::string instanceKey(std::string_view type);

/// The accelerator of an instance type from the shipped table (SageMaker ml.g4dn/g5/g6/g6e/p3/p4d/
/// p5/inf1/inf2, Azure NC/ND/NV, Vertex GPU SKUs and g2/a2/a3 machines, Hugging Face
/// nvidia-*-x1…x8); CPU families by prefix.
Accelerator acceleratorOf(std::string_view type);

/// "NVIDIA A10G x4", "CPU", or "" when the type is unknown.
std::string acceleratorText(std::string_view type);

/// Number of rows in the shipped table (for tests).
std::size_t instanceTableSize();

} // namespace Endpoints
