#pragma once

#include "analytics/breakdown.h"

#include <QDateTime>
#include <QString>

/// Texts of the spend pages: dimension titles, value names and bucket labels (money, shares
/// and counts come from Format::). Pure functions through QLocale; safe on any thread.
namespace SpendFormat {

/// "Model", "Billing account", … for a dimension name.
QString dimensionTitle(const QString &dimension);
/// "models", "billing accounts", … (for "All models").
QString dimensionPlural(const QString &dimension);
/// "model", "billing account", … inside a sentence ("Show only one model"; German keeps "Modell").
QString dimensionInText(const QString &dimension);
/// A dimension value as shown: "(unallocated)" for an empty feature/team, "Not itemised by model"
/// for cost without a model, "(none)" for other empty values, token kinds in words ("cached input").
QString valueText(const QString &dimension, const QString &value);

/// A bucket start (epoch seconds, UTC) as a label for `grain` ("Mar 3", "Mar 3, 14:00",
/// "Week of Mar 3", "Mar 2026").
QString bucketLabel(qint64 epochSeconds, Analytics::Grain grain);
/// A bucket start as written to CSV: "2026-03-03" (or "2026-03-03T14:00:00Z" by the hour).
QString bucketIso(qint64 epochSeconds, Analytics::Grain grain);
/// The end (exclusive, epoch seconds) of the bucket starting at `epochSeconds`.
qint64 bucketEnd(qint64 epochSeconds, Analytics::Grain grain);
/// "hourly", "daily", … for a grain (for subtitles).
QString grainAdjective(Analytics::Grain grain);

} // namespace SpendFormat
