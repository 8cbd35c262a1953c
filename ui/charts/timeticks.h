#pragma once

#include "analytics/breakdown.h"

#include <QString>

#include <vector>

/// Calendar-aligned labels for a time axis of buckets. Pure functions; any thread.
namespace TimeTicks {

struct Tick {
    int bucket;    ///< index into the bucket starts
    QString label;
};

/// At most `maxTicks` ticks over buckets starting at `bucketStarts` (epoch seconds, UTC) of
/// `grain`: the densest calendar step that fits — hours (3, 6, 12), days (1, 2), Mondays (1,
/// 2 weeks), month starts (1, 2, 3, 6, 12 months) — labelled the way people read that step.
std::vector<Tick> ticks(const std::vector<qint64> &bucketStarts, Analytics::Grain grain, int maxTicks);

} // namespace TimeTicks
