#pragma once

#include "report/reportsection.h"

namespace Report {

/// The largest changes against the previous period of the same length, across models,
/// features and providers: a diverging bar chart of the change in money and a table.
class MoversSection : public ReportSection {
public:
    /// How many movers are shown.
    static constexpr std::size_t kMovers = 12;

    QString title() const override;
    void render(ReportCanvas &canvas) const override;
};

} // namespace Report
