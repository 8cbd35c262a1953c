#pragma once

#include <cstdint>

namespace Analytics {

/// The part of `amount` between two cumulative shares (parts per million), exactly as SQL
/// alloc() computes it: floor(amount·after/10⁶) − floor(amount·before/10⁶), so the parts of a
/// split always add up to `amount`. The one definition of an exact allocation split: the
/// store's SQL function and the rollup scan both call it.
std::int64_t allocPart(std::int64_t amount, std::int64_t before, std::int64_t after);

} // namespace Analytics
