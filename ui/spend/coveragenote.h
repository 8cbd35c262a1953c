#pragma once

#include "telemetry/coverage.h"

#include <QLabel>

/// The By feature page's line on how much of the range's bill the applications' telemetry accounts
/// for ("Telemetry accounts for 82% of the billed tokens …; 3 days flagged …"), in the warning
/// colour when a day is flagged (telemetry over the bill, or billed tokens with none reported: a
/// broken instrumentation). Hidden when the range has no telemetry.
class CoverageNote : public QLabel {
    Q_OBJECT
public:
    explicit CoverageNote(QWidget *parent = nullptr);

    void setSummary(const Telemetry::CoverageSummary &summary);
    /// The coverage could not be read: says so.
    void setError(const QString &error);
};
