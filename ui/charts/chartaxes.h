#pragma once

#include "analytics/breakdown.h"

#include <QString>
#include <QtGlobal>

#include <vector>

class QCategoryAxis;

/// The axes the time charts share (spend over time, forecast and burn-down, anomalies):
/// calendar ticks along x, round money steps up y. GUI thread.
namespace ChartAxes {

/// Replaces `axis`'s categories with at most `maxTicks` calendar-aligned labels over buckets
/// starting at `bucketStarts` (epoch seconds, UTC) of `grain`, bucket i at x = `origin` + i;
/// the axis range is the caller's.
void fillTimeAxis(QCategoryAxis *axis, const std::vector<qint64> &bucketStarts, Analytics::Grain grain, int maxTicks,
                  double origin = 0.0);

/// Sets `axis` to run from 0 to a round step above `max` in about `maxTicks` steps, each
/// labelled as money in `currency`.
void fillMoneyAxis(QCategoryAxis *axis, double max, int maxTicks, const QString &currency);

} // namespace ChartAxes
