#include "huggingfaceprices.h"

namespace Conn {

namespace {

struct Price {
    std::string_view vendor, type, size, usdPerHour;
};

// Transcribed on 2026-12-06 from Hugging Face's pricing page for Inference Endpoints
// (huggingface.co/docs/inference-endpoints/support/pricing; source file
// huggingface/hf-endpoints-documentation docs/source/support/pricing.mdx). Prices change: an
// instance missing here is still counted (its hours at cost 0, and the sync says which).
constexpr Price kPrices[] = {
    // CPU
    {"aws", "intel-icl", "x1", "0.032"},    {"aws", "intel-icl", "x2", "0.064"},
    {"aws", "intel-icl", "x4", "0.128"},    {"aws", "intel-icl", "x8", "0.256"},
    {"aws", "intel-spr", "x1", "0.033"},    {"aws", "intel-spr", "x2", "0.067"},
    {"aws", "intel-spr", "x4", "0.134"},    {"aws", "intel-spr", "x8", "0.268"},
    {"aws", "intel-spr", "x16", "0.536"},   {"azure", "intel-xeon", "x1", "0.060"},
    {"azure", "intel-xeon", "x2", "0.120"}, {"azure", "intel-xeon", "x4", "0.240"},
    {"azure", "intel-xeon", "x8", "0.480"}, {"gcp", "intel-spr", "x1", "0.050"},
    {"gcp", "intel-spr", "x2", "0.100"},    {"gcp", "intel-spr", "x4", "0.200"},
    {"gcp", "intel-spr", "x8", "0.400"},
    // GPU
    {"aws", "nvidia-t4", "x1", "0.5"},      {"aws", "nvidia-t4", "x4", "3"},
    {"aws", "nvidia-l4", "x1", "0.8"},      {"aws", "nvidia-l4", "x4", "3.8"},
    {"aws", "nvidia-a10g", "x1", "1"},      {"aws", "nvidia-a10g", "x4", "5"},
    {"aws", "nvidia-l40s", "x1", "1.8"},    {"aws", "nvidia-l40s", "x4", "8.3"},
    {"aws", "nvidia-l40s", "x8", "23.5"},   {"aws", "nvidia-a100", "x1", "2.5"},
    {"aws", "nvidia-a100", "x2", "5"},      {"aws", "nvidia-a100", "x4", "10"},
    {"aws", "nvidia-a100", "x8", "20"},     {"aws", "nvidia-h200", "x1", "5"},
    {"aws", "nvidia-h200", "x2", "10"},     {"aws", "nvidia-h200", "x4", "20"},
    {"aws", "nvidia-h200", "x8", "40"},     {"gcp", "nvidia-t4", "x1", "0.5"},
    {"gcp", "nvidia-l4", "x1", "0.7"},      {"gcp", "nvidia-l4", "x4", "3.8"},
    {"gcp", "nvidia-a100", "x1", "3.6"},    {"gcp", "nvidia-a100", "x2", "7.2"},
    {"gcp", "nvidia-a100", "x4", "14.4"},   {"gcp", "nvidia-a100", "x8", "28.8"},
    {"gcp", "nvidia-h100", "x1", "10"},     {"gcp", "nvidia-h100", "x2", "20"},
    {"gcp", "nvidia-h100", "x4", "40"},     {"gcp", "nvidia-h100", "x8", "80"},
    // AWS Inferentia2
    {"aws", "inf2", "x1", "0.75"},          {"aws", "inf2", "x12", "12"},
};

} // namespace

std::optional<Cost::Money> huggingFaceHourlyPrice(std::string_view vendor, std::string_view instanceType,
                                                  std::string_view instanceSize)
{
    for (const Price &p : kPrices) {
        if (p.vendor == vendor && p.type == instanceType && p.size == instanceSize) {
            Cost::Money m = 0;
            if (Cost::parseMoney(p.usdPerHour, m) == Cost::ParseStatus::Ok)
                return m;
        }
    }
    return std::nullopt;
}

} // namespace Conn
