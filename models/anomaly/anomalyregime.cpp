#include "anomaly/anomalydetector.h"

#include <algorithm>
#include <cmath>

// AnomalyDetector's regimes: a lasting level shift starts a new one (detectRegimeChange), and a
// shift that undoes itself within two cycles was an incident, after which the old regime comes
// back (restoreIfTransient). The scoring itself is in anomalydetector.cpp.

namespace Analytics {

void AnomalyDetector::detectRegimeChange()
{
    // A level shift that lasts (the median of the last three spans outside the usual range) starts
    // a new regime: the range is learnt afresh from those points, so that the new level is normal
    // from now on and the old one no longer widens the yardstick.
    // Only after an alert-level excursion: a steady trend also leaves the old range behind, but
    // it is not a new regime.
    if (!m_opt.regimeReset || m_recent.size() < 3 * static_cast<std::size_t>(m_smooth.span)
        || m_sinceExcursion >= static_cast<long>(m_recent.size()))
        return;
    const std::vector<double> &s = m_point.sorted;
    if (static_cast<int>(s.size()) < 4 * static_cast<int>(m_recent.size()))
        return;
    std::vector<double> &tmp = m_scratch;
    tmp.assign(m_recent.begin(), m_recent.end());
    std::nth_element(tmp.begin(), tmp.begin() + static_cast<long>(tmp.size() / 2), tmp.end());
    const double med = tmp[tmp.size() / 2];
    // The recent points are in the history already: count how many older values lie beyond their
    // median; a shift is when that is no more than the tail the range leaves out anyway.
    const long recentAbove = std::count_if(m_recent.begin(), m_recent.end(), [med](double v) { return v >= med; });
    const long recentBelow = std::count_if(m_recent.begin(), m_recent.end(), [med](double v) { return v <= med; });
    const long above = s.end() - std::lower_bound(s.begin(), s.end(), med) - recentAbove;
    const long below = std::upper_bound(s.begin(), s.end(), med) - s.begin() - recentBelow;
    const double older = static_cast<double>(s.size() - m_recent.size());
    const double tail = (1.0 - m_opt.tailQuantile) * older;
    if (static_cast<double>(above) > tail && static_cast<double>(below) > tail)
        return;
    // Keep the regime being left (the first one, while a shift is still on probation), in case the
    // shift turns out to be an incident that ends.
    if (!m_haveBefore) {
        // Without the recent points, which belong to the new level.
        m_before.point = m_point.history;
        m_before.smooth = m_smooth.history;
        for (std::size_t i = 0; i < m_recent.size(); ++i) {
            m_before.point.pop_back();
            if (!m_before.smooth.empty())
                m_before.smooth.pop_back();
        }
        Channel old;
        old.history = m_before.point;
        old.sorted.assign(old.history.begin(), old.history.end());
        std::sort(old.sorted.begin(), old.sorted.end());
        for (double v : old.history)
            old.absSum += std::fabs(v);
        const Range r = range(old, typicalLevel(old));
        m_before.residual = m_residual.history;
        m_before.residualSmooth = m_residualSmooth.history;
        m_before.recentResiduals = m_recentResiduals;
        m_before.start = m_regimeStart;
        m_before.residualFirst = m_residualFirst;
        m_before.lo = r.lo;
        m_before.hi = r.hi;
        m_before.shiftedAt = m_count;
        m_haveBefore = true;
    }
    for (Channel *c : {&m_point, &m_smooth}) {
        while (c->history.size() > m_recent.size())
            c->history.pop_front();
        c->sorted.assign(c->history.begin(), c->history.end());
        std::sort(c->sorted.begin(), c->sorted.end());
        c->absSum = 0;
        for (double v : c->history)
            c->absSum += std::fabs(v);
    }
    // The cycles before the shift no longer say what this time of day should bring.
    m_regimeStart = m_times.size() >= m_recent.size() ? m_times[m_times.size() - m_recent.size()] : m_times.front();
    for (Channel *c : {&m_residual, &m_residualSmooth}) {
        c->history.clear();
        c->sorted.clear();
        c->absSum = 0;
    }
    m_recentResiduals.clear();
    m_residualFirst = kNever;
}

void AnomalyDetector::restoreIfTransient()
{
    // A level shift that undoes itself within two cycles (two days for hourly data, two weeks for
    // daily) was an incident, not a new normal: once the last smoothing span's median is back
    // inside the old usual range, the old regime's history returns and the incident's values are
    // dropped from it. They would otherwise stretch the usual range for as long as the history
    // reaches back (months) and hide the next incident of the same kind.
    if (!m_haveBefore)
        return;
    const auto span = static_cast<std::size_t>(m_smooth.span);
    const long window = std::max<long>(3 * static_cast<long>(span), m_season > 0 && m_step > 0 ? static_cast<long>(2 * m_season / m_step) : 0);
    if (m_count - m_before.shiftedAt > window) { // it lasted: a new normal after all
        m_before = Regime{};
        m_haveBefore = false;
        return;
    }
    if (m_recent.size() < span)
        return;
    std::vector<double> &tmp = m_scratch;
    tmp.assign(m_recent.end() - static_cast<long>(span), m_recent.end());
    std::nth_element(tmp.begin(), tmp.begin() + static_cast<long>(tmp.size() / 2), tmp.end());
    const double med = tmp[tmp.size() / 2];
    if (med < m_before.lo || med > m_before.hi)
        return;
    auto restore = [](Channel &c, std::deque<double> &history) {
        c.history = std::move(history);
        c.sorted.assign(c.history.begin(), c.history.end());
        std::sort(c.sorted.begin(), c.sorted.end());
        c.absSum = 0;
        for (double v : c.history)
            c.absSum += std::fabs(v);
    };
    restore(m_point, m_before.point);
    restore(m_smooth, m_before.smooth);
    restore(m_residual, m_before.residual);
    restore(m_residualSmooth, m_before.residualSmooth);
    m_recentResiduals = std::move(m_before.recentResiduals);
    m_regimeStart = m_before.start;
    m_residualFirst = m_before.residualFirst;
    m_before = Regime{};
    m_haveBefore = false;
}

} // namespace Analytics
