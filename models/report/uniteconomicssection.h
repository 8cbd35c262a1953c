#pragma once

#include "report/reportsection.h"

namespace Report {

/// What a token and a request cost: blended cost per million tokens by model as bars, then a
/// table per model (input, output and blended price, cached share, cost per request) and one
/// per feature (tokens and cost per request).
class UnitEconomicsSection : public ReportSection {
public:
    QString title() const override;
    void render(ReportCanvas &canvas) const override;
};

} // namespace Report
