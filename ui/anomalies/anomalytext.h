#pragma once

#include "anomaly/anomalyscan.h"
#include "anomaly/rootcause.h"

#include <QString>

#include <string>

/// Words and numbers for anomalies on screen and in alerts, all through QLocale. Pure functions;
/// any thread.
namespace AnomalyText {

/// "Mar 3, 14:00 (6 h)" / "Mar 3, 2026 (2 days)" (UTC).
QString when(const Analytics::Anomaly &a);
/// "All spend" / "Feature agent" / "Model gpt-4o".
QString series(const Analytics::SeriesKey &key);
/// "Hourly" / "Daily".
QString grain(Analytics::AnomalyGrain grain);
/// "New", "Acknowledged", "Expected", "Not expected".
QString status(Analytics::AnomalyStatus status);
/// "$120 – $480", the band of the whole anomaly.
QString band(const Analytics::Anomaly &a, const QString &currency);
/// "+$1,234" / "−$56" (exact money, signed).
QString impact(const Analytics::Anomaly &a, const QString &currency);
/// "+850%" / "−100%" / "new".
QString impactPercent(const Analytics::Anomaly &a);
/// "Feature agent: spend spike +$1,234 (+850%)".
QString headline(const Analytics::Anomaly &a, const QString &currency);
/// "Hourly, Mar 3, 14:00 (6 h) UTC: $1,400 against $150 expected. 82% from …".
QString summary(const Analytics::Anomaly &a, const QString &currency);
/// The root-cause sentence in the user's language ("82 % aus Feature agent, Ausgabe-Tokens ×9").
QString explanation(const Analytics::Anomaly &a);
/// The dimension of a cause for people ("feature", "account", "token kind").
QString causeDimension(const std::string &dimension);
/// A dimension value, "(unallocated)"/"(none)" when empty.
QString value(const std::string &dimension, const std::string &value);
/// "Low" / "Normal" / "High".
QString sensitivity(Analytics::Sensitivity s);

} // namespace AnomalyText
