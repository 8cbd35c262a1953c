#pragma once

#include <cstdint>
#include <deque>
#include <vector>

namespace Analytics {

/// The expected band of a cost series for charts and for falls: a causal seasonal baseline (the
/// median of the same hour of the week, or the same weekday, over the last four weeks) and the
/// series' own robust spread around it (median absolute deviation of the relative residuals over
/// the last four weeks). Not thread-safe; one instance per series, fed every point in order.
class SeasonalBand
{
public:
    /// `stepSeconds` is the series' spacing (an hour or a day).
    explicit SeasonalBand(std::int64_t stepSeconds);

    /// The band of the next point before it is seen: false while there is too little history
    /// (then `expected`, `low`, `high` are untouched). `threshold` is an alert score threshold
    /// (see alertThreshold()): the band is baseline ± k·spread with k = 4 at 0.5, wider for a
    /// higher threshold (lower sensitivity).
    bool band(double threshold, double &expected, double &low, double &high) const;
    /// Adds the next point (a non-finite value counts as a gap).
    void add(double value);

private:
    double baselineAt(std::size_t index) const;
    void refreshSpread();

    std::size_t m_period = 7;         // points per week
    std::size_t m_neighbours = 0;     // points either side of the same time that count too
    std::size_t m_window = 28;        // residuals that make up the spread
    std::size_t m_refresh = 1;        // the spread is recomputed every this many points
    std::vector<double> m_values;     // every point so far (NaN for gaps)
    std::deque<double> m_residuals;   // relative residuals of the last m_window points
    double m_centre = 0;              // median residual (a baseline that lags a trend)
    double m_spread = 0;              // 1.4826 * MAD of the residuals
    double m_levelSum = 0;            // sum of the last m_period values, for the floor
    std::size_t m_sinceRefresh = 0;
    mutable std::vector<double> m_scratch;
    mutable std::size_t m_baseFor = static_cast<std::size_t>(-1); // baselineAt() cache: index...
    mutable double m_base = 0;                                      // ...and its baseline
};

} // namespace Analytics
