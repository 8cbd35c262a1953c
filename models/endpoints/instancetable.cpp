#include "endpoints/instancetable.h"

#include "domain/aidimensions.h"

#include <algorithm>
#include <array>

namespace Endpoints {

namespace {

struct Row {
    std::string_view key;
    std::string_view gpu;
    int count;
};

// Sorted by key (binary search). GPU counts and models from the providers' instance pages
// (SageMaker / EC2 accelerated computing, Azure NC/ND/NV series, Vertex AI machine types and GPU
// SKUs, Hugging Face Inference Endpoints instance types).
constexpr Row kTable[] = {
    {"a2-highgpu-1g", "NVIDIA A100 40GB", 1},
    {"a2-highgpu-2g", "NVIDIA A100 40GB", 2},
    {"a2-highgpu-4g", "NVIDIA A100 40GB", 4},
    {"a2-highgpu-8g", "NVIDIA A100 40GB", 8},
    {"a2-ultragpu-1g", "NVIDIA A100 80GB", 1},
    {"a2-ultragpu-2g", "NVIDIA A100 80GB", 2},
    {"a2-ultragpu-4g", "NVIDIA A100 80GB", 4},
    {"a2-ultragpu-8g", "NVIDIA A100 80GB", 8},
    {"a3-highgpu-8g", "NVIDIA H100 80GB", 8},
    {"g2-standard-12", "NVIDIA L4", 1},
    {"g2-standard-16", "NVIDIA L4", 1},
    {"g2-standard-24", "NVIDIA L4", 2},
    {"g2-standard-32", "NVIDIA L4", 1},
    {"g2-standard-4", "NVIDIA L4", 1},
    {"g2-standard-48", "NVIDIA L4", 4},
    {"g2-standard-8", "NVIDIA L4", 1},
    {"g2-standard-96", "NVIDIA L4", 8},
    {"inf2-x12", "AWS Inferentia2", 12},
    {"inf2-x2", "AWS Inferentia2", 2},
    {"inf2-x6", "AWS Inferentia2", 6},
    {"ml.g4dn.12xlarge", "NVIDIA T4", 4},
    {"ml.g4dn.16xlarge", "NVIDIA T4", 1},
    {"ml.g4dn.2xlarge", "NVIDIA T4", 1},
    {"ml.g4dn.4xlarge", "NVIDIA T4", 1},
    {"ml.g4dn.8xlarge", "NVIDIA T4", 1},
    {"ml.g4dn.xlarge", "NVIDIA T4", 1},
    {"ml.g5.12xlarge", "NVIDIA A10G", 4},
    {"ml.g5.16xlarge", "NVIDIA A10G", 1},
    {"ml.g5.24xlarge", "NVIDIA A10G", 4},
    {"ml.g5.2xlarge", "NVIDIA A10G", 1},
    {"ml.g5.48xlarge", "NVIDIA A10G", 8},
    {"ml.g5.4xlarge", "NVIDIA A10G", 1},
    {"ml.g5.8xlarge", "NVIDIA A10G", 1},
    {"ml.g5.xlarge", "NVIDIA A10G", 1},
    {"ml.g6.12xlarge", "NVIDIA L4", 4},
    {"ml.g6.16xlarge", "NVIDIA L4", 1},
    {"ml.g6.24xlarge", "NVIDIA L4", 4},
    {"ml.g6.2xlarge", "NVIDIA L4", 1},
    {"ml.g6.48xlarge", "NVIDIA L4", 8},
    {"ml.g6.4xlarge", "NVIDIA L4", 1},
    {"ml.g6.8xlarge", "NVIDIA L4", 1},
    {"ml.g6.xlarge", "NVIDIA L4", 1},
    {"ml.g6e.12xlarge", "NVIDIA L40S", 4},
    {"ml.g6e.16xlarge", "NVIDIA L40S", 1},
    {"ml.g6e.24xlarge", "NVIDIA L40S", 4},
    {"ml.g6e.2xlarge", "NVIDIA L40S", 1},
    {"ml.g6e.48xlarge", "NVIDIA L40S", 8},
    {"ml.g6e.4xlarge", "NVIDIA L40S", 1},
    {"ml.g6e.8xlarge", "NVIDIA L40S", 1},
    {"ml.g6e.xlarge", "NVIDIA L40S", 1},
    {"ml.inf1.24xlarge", "AWS Inferentia", 16},
    {"ml.inf1.2xlarge", "AWS Inferentia", 1},
    {"ml.inf1.6xlarge", "AWS Inferentia", 4},
    {"ml.inf1.xlarge", "AWS Inferentia", 1},
    {"ml.inf2.24xlarge", "AWS Inferentia2", 6},
    {"ml.inf2.48xlarge", "AWS Inferentia2", 12},
    {"ml.inf2.8xlarge", "AWS Inferentia2", 1},
    {"ml.inf2.xlarge", "AWS Inferentia2", 1},
    {"ml.p3.16xlarge", "NVIDIA V100", 8},
    {"ml.p3.2xlarge", "NVIDIA V100", 1},
    {"ml.p3.8xlarge", "NVIDIA V100", 4},
    {"ml.p4d.24xlarge", "NVIDIA A100 40GB", 8},
    {"ml.p4de.24xlarge", "NVIDIA A100 80GB", 8},
    {"ml.p5.48xlarge", "NVIDIA H100 80GB", 8},
    {"ml.p5e.48xlarge", "NVIDIA H200", 8},
    {"ml.p5en.48xlarge", "NVIDIA H200", 8},
    {"nc12s_v3", "NVIDIA V100", 2},
    {"nc16as_t4_v3", "NVIDIA T4", 1},
    {"nc24ads_a100_v4", "NVIDIA A100 80GB", 1},
    {"nc24rs_v3", "NVIDIA V100", 4},
    {"nc24s_v3", "NVIDIA V100", 4},
    {"nc40ads_h100_v5", "NVIDIA H100 NVL", 1},
    {"nc48ads_a100_v4", "NVIDIA A100 80GB", 2},
    {"nc4as_t4_v3", "NVIDIA T4", 1},
    {"nc64as_t4_v3", "NVIDIA T4", 4},
    {"nc6s_v3", "NVIDIA V100", 1},
    {"nc80adis_h100_v5", "NVIDIA H100 NVL", 2},
    {"nc8as_t4_v3", "NVIDIA T4", 1},
    {"nc96ads_a100_v4", "NVIDIA A100 80GB", 4},
    {"nd40rs_v2", "NVIDIA V100", 8},
    {"nd96amsr_a100_v4", "NVIDIA A100 80GB", 8},
    {"nd96asr_a100_v4", "NVIDIA A100 40GB", 8},
    {"nd96asr_v4", "NVIDIA A100 40GB", 8},
    {"nd96isr_h100_v5", "NVIDIA H100 80GB", 8},
    {"nd96isr_h200_v5", "NVIDIA H200", 8},
    {"nv36ads_a10_v5", "NVIDIA A10", 1},
    {"nv6ads_a10_v5", "NVIDIA A10 (1/6)", 1},
    {"nv72ads_a10_v5", "NVIDIA A10", 2},
    {"nvidia-a100-80gb", "NVIDIA A100 80GB", 1},
    {"nvidia-a100-x1", "NVIDIA A100 80GB", 1},
    {"nvidia-a100-x2", "NVIDIA A100 80GB", 2},
    {"nvidia-a100-x4", "NVIDIA A100 80GB", 4},
    {"nvidia-a100-x8", "NVIDIA A100 80GB", 8},
    {"nvidia-a10g-x1", "NVIDIA A10G", 1},
    {"nvidia-a10g-x2", "NVIDIA A10G", 2},
    {"nvidia-a10g-x4", "NVIDIA A10G", 4},
    {"nvidia-a10g-x8", "NVIDIA A10G", 8},
    {"nvidia-h100-80gb", "NVIDIA H100 80GB", 1},
    {"nvidia-h100-mega-80gb", "NVIDIA H100 80GB", 1},
    {"nvidia-h100-x1", "NVIDIA H100 80GB", 1},
    {"nvidia-h100-x2", "NVIDIA H100 80GB", 2},
    {"nvidia-h100-x4", "NVIDIA H100 80GB", 4},
    {"nvidia-h100-x8", "NVIDIA H100 80GB", 8},
    {"nvidia-h200-x1", "NVIDIA H200", 1},
    {"nvidia-h200-x2", "NVIDIA H200", 2},
    {"nvidia-h200-x4", "NVIDIA H200", 4},
    {"nvidia-h200-x8", "NVIDIA H200", 8},
    {"nvidia-l4", "NVIDIA L4", 1},
    {"nvidia-l4-x1", "NVIDIA L4", 1},
    {"nvidia-l4-x2", "NVIDIA L4", 2},
    {"nvidia-l4-x4", "NVIDIA L4", 4},
    {"nvidia-l4-x8", "NVIDIA L4", 8},
    {"nvidia-l40s-x1", "NVIDIA L40S", 1},
    {"nvidia-l40s-x2", "NVIDIA L40S", 2},
    {"nvidia-l40s-x4", "NVIDIA L40S", 4},
    {"nvidia-l40s-x8", "NVIDIA L40S", 8},
    {"nvidia-t4-x1", "NVIDIA T4", 1},
    {"nvidia-t4-x2", "NVIDIA T4", 2},
    {"nvidia-t4-x4", "NVIDIA T4", 4},
    {"nvidia-t4-x8", "NVIDIA T4", 8},
    {"nvidia-tesla-a100", "NVIDIA A100 40GB", 1},
    {"nvidia-tesla-p100", "NVIDIA P100", 1},
    {"nvidia-tesla-p4", "NVIDIA P4", 1},
    {"nvidia-tesla-t4", "NVIDIA T4", 1},
    {"nvidia-tesla-v100", "NVIDIA V100", 1},
};

bool startsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// CPU-only families: SageMaker general purpose / compute / memory / burstable, Azure D/E/F/B VMs,
// Google general purpose machines, Hugging Face intel/amd CPUs.
bool cpuFamily(std::string_view k)
{
    for (std::string_view p : {"ml.m", "ml.c", "ml.r", "ml.t", "n1-", "n2-", "n2d-", "e2-", "c2-", "c3-", "c2d-", "intel-",
                               "amd-", "aws-intel", "aws-amd"})
        if (startsWith(k, p))
            return true;
    // Azure VM sizes: d4s_v3, e8as_v5, f16s_v2, b2ms
    return k.size() > 1 && (k[0] == 'd' || k[0] == 'e' || k[0] == 'f' || k[0] == 'b') && k[1] >= '0' && k[1] <= '9';
}

} // namespace

std::string instanceKey(std::string_view type)
{
    const auto b = type.find_first_not_of(' ');
    const auto e = type.find_last_not_of(' ');
    std::string_view t = b == std::string_view::npos ? std::string_view() : type.substr(b, e - b + 1);
    std::string k = Cost::lowerAscii(t);
    if (startsWith(k, "standard_"))
        k = k.substr(9);
    std::replace(k.begin(), k.end(), ' ', '_');
    return k;
}

Accelerator acceleratorOf(std::string_view type)
{
    const std::string k = instanceKey(type);
    const auto it = std::lower_bound(std::begin(kTable), std::end(kTable), k,
                                     [](const Row &r, const std::string &key) { return r.key < key; });
    Accelerator a;
    if (it != std::end(kTable) && it->key == k) {
        a.gpu = it->gpu;
        a.count = it->count;
    } else {
        a.cpu = cpuFamily(k);
    }
    return a;
}

std::string acceleratorText(std::string_view type)
{
    const Accelerator a = acceleratorOf(type);
    if (a.cpu)
        return "CPU";
    if (a.gpu.empty())
        return {};
    return std::string(a.gpu) + " x" + std::to_string(a.count);
}

std::size_t instanceTableSize() { return std::size(kTable); }

} // namespace Endpoints
