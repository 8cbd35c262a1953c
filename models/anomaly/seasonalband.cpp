#include "anomaly/seasonalband.h"

#include <algorithm>
#include <cmath>

// Why not the detector's own band: AnomalyDetector judges a point against the usual range of the
// whole series and against the same time of day in the last days (weekends included, for hourly
// data), and widens both by the spread of the whole series. That serves its scores well, but as a
// band to show it runs from the weekend night to beyond the working-day peak. People read a band as
// "where this point should be": the same hour of the week (weekday for daily data) in recent
// weeks, with the noise the series usually has around that. Relative residuals, because cost noise
// grows with the level; their median is added back, so a baseline that lags a growing series
// (four weeks back) is corrected by how much it usually lags.

namespace Analytics {

namespace {

constexpr std::int64_t kHour = 3600;
constexpr std::size_t kWeeksBack = 4;
constexpr double kMadToSigma = 1.4826;
constexpr double kMinSpread = 0.03;      // relative: noise below 3% is not believed
constexpr double kFloorOfLevel = 0.1;    // residuals are relative to at least this part of the mean level
constexpr double kNormalWidth = 4.0;     // spreads either side at the Normal threshold

double median(std::vector<double> &v)
{
    const auto mid = v.begin() + static_cast<long>(v.size() / 2);
    std::nth_element(v.begin(), mid, v.end());
    if (v.size() % 2)
        return *mid;
    return 0.5 * (*mid + *std::max_element(v.begin(), mid));
}

} // namespace

SeasonalBand::SeasonalBand(std::int64_t stepSeconds)
{
    const bool hourly = stepSeconds > 0 && stepSeconds <= kHour;
    m_period = hourly ? 168 : 7;
    m_neighbours = 0;
    m_window = kWeeksBack * m_period;
    m_refresh = hourly ? 24 : 1; // four weeks of hourly residuals hardly move in a day
}

double SeasonalBand::baselineAt(std::size_t index) const
{
    if (index == m_baseFor)
        return m_base;
    m_scratch.clear();
    for (std::size_t k = 1; k <= kWeeksBack && k * m_period <= index; ++k) {
        const std::size_t centre = index - k * m_period;
        for (std::size_t j = centre - std::min(centre, m_neighbours); j <= centre + m_neighbours && j < index; ++j)
            if (std::isfinite(m_values[j]))
                m_scratch.push_back(m_values[j]);
    }
    m_baseFor = index;
    m_base = m_scratch.empty() ? std::nan("") : median(m_scratch);
    return m_base;
}

bool SeasonalBand::band(double threshold, double &expected, double &low, double &high) const
{
    if (m_residuals.size() < m_period)
        return false;
    const double base = baselineAt(m_values.size());
    if (!std::isfinite(base))
        return false;
    const double floor = kFloorOfLevel * m_levelSum / static_cast<double>(m_period);
    const double t = std::clamp(threshold, 0.01, 0.99);
    const double k = kNormalWidth * std::sqrt(t / (1.0 - t));
    const double scale = std::max(base, floor) * std::max(m_spread, kMinSpread);
    expected = std::max(0.0, base + m_centre * std::max(base, floor));
    low = expected - k * scale;
    high = expected + k * scale;
    return true;
}

void SeasonalBand::add(double value)
{
    const std::size_t i = m_values.size();
    const double base = baselineAt(i);
    const double floor = kFloorOfLevel * m_levelSum / static_cast<double>(m_period);
    m_values.push_back(value);
    if (std::isfinite(value)) {
        m_levelSum += value;
        if (std::isfinite(base) && std::max(base, floor) > 0) {
            m_residuals.push_back((value - base) / std::max(base, floor));
            if (m_residuals.size() > m_window)
                m_residuals.pop_front();
        }
    }
    if (i >= m_period && std::isfinite(m_values[i - m_period]))
        m_levelSum -= m_values[i - m_period];
    if (++m_sinceRefresh >= m_refresh) {
        refreshSpread();
        m_sinceRefresh = 0;
    }
}

void SeasonalBand::refreshSpread()
{
    if (m_residuals.empty())
        return;
    m_scratch.assign(m_residuals.begin(), m_residuals.end());
    m_centre = median(m_scratch);
    for (double &r : m_scratch)
        r = std::fabs(r - m_centre);
    m_spread = kMadToSigma * median(m_scratch);
}

} // namespace Analytics
