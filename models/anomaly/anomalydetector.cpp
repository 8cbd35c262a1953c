#include "anomaly/anomalydetector.h"

#include <algorithm>
#include <cmath>
#include <limits>

// Method (streaming, causal; each point is judged on the points before it, then joins them):
//  * Two channels: the raw value and a short moving average (about two hours, at least three
//    points), so that single spikes and sustained shifts both stand out.
//  * Level test. The usual range of a channel is its tailQuantile / 1-tailQuantile quantiles over
//    up to historyPoints past values; a new value's novelty is how far it falls outside, in units
//    of the range's half-width on that side (median to edge). Quantiles rather than mean and
//    deviation, because usage data is heavy-tailed. Below kShortHistory values the edge is
//    extrapolated from the tail's 84-95% shape, and the novelty is damped by n / (n + 50), since a
//    short history cannot show its own 99.5% quantile. A floor of relativeFloor times the typical
//    level keeps a flat series from alarming on pennies.
//  * Same-time test (seasonal context, as in contextual detectors such as CAD OSE): the value must
//    also fall outside everything seen at the same time of day (of week, for daily data) in the
//    last seasonsBack cycles, give or take seasonTolerance. A nightly batch job's spike is thus
//    normal, the same spike at noon is not. A channel's novelty is the smaller of the two.
//  * New normal: once the median of the last three smoothing spans lies beyond the usual range,
//    right after an alert-level excursion (so a steady trend does not count), the history restarts
//    from those points (a crude Bayesian-changepoint reset): the new level is normal from then on.
//    Unless it ends within two cycles: then it was an incident (a 10x day), and the history from
//    before it comes back without the incident's values.
//  * Incidents do not widen the usual range: an alert-level value joins the history at most
//    incidentClip half-widths beyond the edge, so that one incident does not hide the next for as
//    long as the history reaches back.
//  * score = e / (e + m_opt.alertNovelty): a novelty of m_opt.alertNovelty scores 0.5, the Normal threshold.
//  * Alert suppression, as NAB rewards and as people want: after a reported point, later ones are
//    reported only when stronger by refractoryMargin; the bar holds while the incident lasts and
//    then decays to zero over refractoryCycles cycles. Suppressed points score 0 (see rawScore()).
// The defaults were tuned on NAB's AWS CloudWatch files and checked on synthetic daily and hourly
// cost series (trend, weekly and daily seasonality, spikes, drops to zero, level shifts).

namespace Analytics {

namespace {

// (z99.5 - z95) / (z95 - z84.13): how a normal tail continues beyond its 95% quantile
constexpr double kTailStretch = (2.576 - 1.645) / (1.645 - 1.0);
constexpr double kShortHistory = 1000;   // below this many values the tail is extrapolated
constexpr double kShortHistoryDamping = 50; // novelty is scaled by n / (n + this)
constexpr int kMinHistory = 5;           // values needed before a range means anything
constexpr std::size_t kStepSamples = 16; // first spacings used to infer the step
constexpr std::int64_t kDay = 86400;

double quantile(const std::vector<double> &sorted, double p)
{
    const double pos = p * static_cast<double>(sorted.size() - 1);
    const auto i = static_cast<std::size_t>(pos);
    const double f = pos - static_cast<double>(i);
    return i + 1 < sorted.size() ? sorted[i] * (1.0 - f) + sorted[i + 1] * f : sorted[i];
}

} // namespace

AnomalyDetector::AnomalyDetector(const AnomalyDetectorOptions &options)
    : m_opt(options)
{
    m_smooth.span = 3;
}

bool AnomalyDetector::learning() const
{
    if (m_step <= 0)
        return true;
    const std::int64_t byTime = m_opt.learningSeconds / m_step;
    const long points = std::max<long>(7, static_cast<long>(std::min<std::int64_t>(byTime, m_opt.learningPointCap)));
    return m_count <= points;
}

void AnomalyDetector::inferStep(std::int64_t epochSeconds)
{
    if (m_opt.stepSeconds > 0) {
        m_step = m_opt.stepSeconds;
    } else if (m_count > 0 && m_diffs.size() < kStepSamples && !m_times.empty()) {
        const std::int64_t d = epochSeconds - m_times.back();
        if (d > 0) {
            m_diffs.push_back(d);
            std::vector<std::int64_t> tmp = m_diffs;
            std::nth_element(tmp.begin(), tmp.begin() + static_cast<long>(tmp.size() / 2), tmp.end());
            m_step = tmp[tmp.size() / 2];
        }
    }
    if (m_step <= 0)
        return;
    if (m_opt.seasonSeconds >= 0)
        m_season = m_opt.seasonSeconds;
    else if (m_step <= 3 * 3600)
        m_season = kDay;
    else if (m_step <= kDay)
        m_season = 7 * kDay;
    else
        m_season = 0;
    if (m_season > 0 && m_season < 4 * m_step)
        m_season = 0;
    m_tolerance = std::max<std::int64_t>(static_cast<std::int64_t>(m_season * m_opt.seasonTolerance), m_step / 3);
    m_smooth.span = static_cast<int>(std::clamp<std::int64_t>((m_opt.smoothSeconds + m_step / 2) / m_step, 3, 64));
}

AnomalyDetector::Range AnomalyDetector::range(const Channel &channel, double floorLevel) const
{
    // The edge of the usual range: the empirical tail quantile, but never short of where the tail's
    // own shape (its 84% and 95% quantiles, extrapolated as a normal tail would be) puts it. A short
    // history cannot show its 99.5% quantile: that would be its maximum, which the next point beats
    // every so often. Extrapolating from the tail, not the median, keeps bimodal (day and night)
    // series tight on each side.
    const std::vector<double> &s = channel.sorted;
    Range r;
    r.med = quantile(s, 0.5);
    const double q95 = quantile(s, 0.95);
    const double q05 = quantile(s, 0.05);
    const double stretch = static_cast<double>(s.size()) < kShortHistory ? kTailStretch : 0.0;
    r.hi = std::max(quantile(s, m_opt.tailQuantile), q95 + stretch * (q95 - quantile(s, 0.8413)));
    r.lo = std::min(quantile(s, 1.0 - m_opt.tailQuantile), q05 - stretch * (quantile(s, 0.1587) - q05));
    // The yardstick: each side's half-width, never below a tenth of the wider side (a one-sided
    // series still has a scale on its quiet side) nor below a fraction of the typical level (a
    // constant series does not alarm on rounding).
    const double floor = std::max({m_opt.relativeFloor * floorLevel, 0.1 * std::max(r.hi - r.med, r.med - r.lo),
                                   std::numeric_limits<double>::min()});
    r.dHi = std::max(r.hi - r.med, floor);
    r.dLo = std::max(r.med - r.lo, floor);
    return r;
}

double AnomalyDetector::typicalLevel(const Channel &channel) const
{
    if (channel.history.empty())
        return 0.0;
    const double level = channel.absSum / static_cast<double>(channel.history.size());
    return std::max(std::fabs(quantile(channel.sorted, 0.5)), level);
}

double AnomalyDetector::levelNovelty(const Channel &channel, double y, double floorLevel) const
{
    if (static_cast<int>(channel.sorted.size()) < kMinHistory)
        return 0.0;
    const Range r = range(channel, floorLevel);
    return std::max({0.0, (y - r.hi) / r.dHi, (r.lo - y) / r.dLo});
}

bool AnomalyDetector::seasonalResidual(std::int64_t now, double y, double &exact, double &nearest) const
{
    // Per past cycle since the current regime began: y minus the value at the same phase (to half
    // a step), and y minus the value closest to y within residualTolerance of that phase; each
    // residual is the median over the cycles. The exact one measures how well the cycle predicts
    // the series; the near one is what gets judged, so that a job that runs at 03:00 give or take
    // twenty minutes leaves no residual while a quiet afternoon does.
    std::vector<double> &diffs = m_scratch;
    diffs.clear();
    const std::int64_t half = std::max<std::int64_t>(1, m_step / 2);
    const std::int64_t tol = std::max<std::int64_t>(static_cast<std::int64_t>(m_season * m_opt.residualTolerance), half);
    const int cycles = std::min(m_opt.seasonsBack, kMaxCycles);
    for (int j = 1; j <= cycles; ++j) {
        const std::int64_t c = now - j * m_season;
        if (c + half < m_times.front() || c + half < m_regimeStart)
            break;
        double best = std::numeric_limits<double>::infinity();
        double same = std::numeric_limits<double>::infinity();
        const auto it = std::lower_bound(m_times.begin(), m_times.end(), std::max(c - tol, m_regimeStart));
        for (auto i = static_cast<std::size_t>(it - m_times.begin()); i < m_times.size() && m_times[i] <= c + tol; ++i) {
            const double d = y - m_point.values[i];
            if (std::fabs(d) < std::fabs(best))
                best = d;
            if (!std::isfinite(same) && m_times[i] > c - half && m_times[i] < c + half)
                same = d;
        }
        if (std::isfinite(same))
            diffs.push_back(same), diffs.push_back(best);
    }
    if (diffs.empty())
        return false;
    // Even positions hold the exact residuals, odd ones the near ones.
    const std::size_t n = diffs.size() / 2;
    auto median = [&](std::size_t offset) {
        double *buf = m_medianBuf;
        for (std::size_t i = 0; i < n; ++i)
            buf[i] = diffs[2 * i + offset];
        std::nth_element(buf, buf + n / 2, buf + n);
        return buf[n / 2];
    };
    exact = median(0);
    nearest = median(1);
    return true;
}

double AnomalyDetector::novelty(const Channel &channel, std::int64_t now, double y, double *expected, double *low,
                                double *high) const
{
    const std::vector<double> &s = channel.sorted;
    if (static_cast<int>(s.size()) < kMinHistory) {
        if (expected) {
            *expected = y, *low = y, *high = y;
            m_bandParts = {y, y, 0, 0, 1};
        }
        return 0.0;
    }
    const Range r = range(channel, typicalLevel(channel));
    const double med = r.med, hi = r.hi, lo = r.lo, dHi = r.dHi, dLo = r.dLo;
    double e = std::max({0.0, (y - hi) / dHi, (lo - y) / dLo});
    double ctxHi = -std::numeric_limits<double>::infinity();
    double ctxLo = std::numeric_limits<double>::infinity();
    double ctxMid = med;
    double sHi = 0, sLo = 0; // the same-time test's yardstick
    if (m_season > 0 && !m_times.empty()) {
        std::vector<double> &ctx = m_scratch;
        ctx.clear();
        for (int j = 1; j <= m_opt.seasonsBack; ++j) {
            const std::int64_t c = now - j * m_season;
            if (c + m_tolerance < m_times.front())
                break;
            const auto it = std::lower_bound(m_times.begin(), m_times.end(), c - m_tolerance);
            for (auto i = static_cast<std::size_t>(it - m_times.begin()); i < m_times.size() && m_times[i] <= c + m_tolerance; ++i)
                ctx.push_back(channel.values[i]);
        }
        if (!ctx.empty()) {
            const auto [mn, mx] = std::minmax_element(ctx.begin(), ctx.end());
            ctxLo = *mn;
            ctxHi = *mx;
            std::nth_element(ctx.begin(), ctx.begin() + static_cast<long>(ctx.size() / 2), ctx.end());
            ctxMid = ctx[ctx.size() / 2];
            // A time of day that is busy anyway needs a bigger excursion to count.
            sHi = std::max(dHi, m_opt.contextWeight * (ctxHi - ctxMid));
            sLo = std::max(dLo, m_opt.contextWeight * (ctxMid - ctxLo));
            e = std::min(e, std::max({0.0, (y - ctxHi) / sHi, (ctxLo - y) / sLo}));
        }
    }
    if (expected) {
        // Where the point alone would reach the alert score (both tests, after the damping).
        const auto n = static_cast<double>(s.size());
        const double eAlert = m_opt.alertNovelty * (n + kShortHistoryDamping) / n;
        *expected = ctxMid;
        *high = std::max(hi + eAlert * dHi, ctxHi + eAlert * sHi);
        *low = std::min(lo - eAlert * dLo, ctxLo - eAlert * sLo);
        const bool seasonal = std::isfinite(ctxLo);
        m_bandParts = {seasonal ? ctxLo : lo, seasonal ? ctxHi : hi, seasonal ? sLo : dLo, seasonal ? sHi : dHi, (n + kShortHistoryDamping) / n};
    }
    return e;
}

void AnomalyDetector::push(Channel &channel, double y, bool timeline, double clip)
{
    if (timeline)
        channel.values.push_back(y); // the same-time lookup sees the value as it was
    if (clip > 0 && static_cast<int>(channel.sorted.size()) >= kMinHistory) {
        const Range r = range(channel, typicalLevel(channel));
        y = std::clamp(y, r.lo - clip * r.dLo, r.hi + clip * r.dHi);
    }
    channel.history.push_back(y);
    channel.absSum += std::fabs(y);
    channel.sorted.insert(std::upper_bound(channel.sorted.begin(), channel.sorted.end(), y), y);
    if (static_cast<int>(channel.history.size()) > m_opt.historyPoints) {
        const double old = channel.history.front();
        channel.history.pop_front();
        channel.absSum -= std::fabs(old);
        channel.sorted.erase(std::lower_bound(channel.sorted.begin(), channel.sorted.end(), old));
    }
    // Re-summing now and then keeps rounding drift out of the running sum.
    if (++channel.pushes % 4096 == 0) {
        channel.absSum = 0;
        for (double v : channel.history)
            channel.absSum += std::fabs(v);
    }
}

double AnomalyDetector::suppress(double score)
{
    const double cycle = m_season > 0 ? static_cast<double>(m_season) : static_cast<double>(kDay);
    const double refractory = std::max(3.0, m_opt.refractoryCycles * cycle / static_cast<double>(m_step));
    // The bar only starts to come down once the incident is over: a sustained anomaly whose score
    // creeps up (a moving average filling) is still one incident.
    if (score < 0.5 * m_lastAlert)
        ++m_sinceAlert;
    const double bar = m_lastAlert * std::max(0.0, 1.0 - static_cast<double>(m_sinceAlert) / refractory);
    if (score > 0 && score > bar + (bar > 0 ? m_opt.refractoryMargin : 0.0)) {
        m_lastAlert = score;
        m_sinceAlert = 0;
        return score;
    }
    return 0.0;
}

double AnomalyDetector::update(std::int64_t epochSeconds, double value)
{
    if (!std::isfinite(value)) {
        m_rawScore = 0;
        return 0.0;
    }
    // Timestamps only place a point in its cycle: a clock that steps back, or repeats itself, is
    // taken as standing still until it moves on, and the points are scored in arrival order.
    if (!m_times.empty() && epochSeconds < m_times.back())
        epochSeconds = m_times.back();
    inferStep(epochSeconds);
    ++m_count;

    // The last few smoothing spans of raw values: their mean is the smoothed channel, their median
    // tells whether the level has moved for good.
    const std::size_t regimeSpan = 3 * static_cast<std::size_t>(m_smooth.span);
    m_recent.push_back(value);
    while (m_recent.size() > regimeSpan)
        m_recent.pop_front();
    double sum = 0;
    for (std::size_t i = m_recent.size() - std::min(m_recent.size(), static_cast<std::size_t>(m_smooth.span)); i < m_recent.size(); ++i)
        sum += m_recent[i];
    const double mean = sum / static_cast<double>(std::min(m_recent.size(), static_cast<std::size_t>(m_smooth.span)));

    // Seasonal residual: the value against the same phase of past cycles, judged on how far such
    // residuals usually go. It catches what the level test cannot: a day whose busy hours stay quiet,
    // a flat line where the series usually swings, a pattern that shifted within the usual range.
    double er = 0;
    double r = 0, rNear = 0;
    const bool haveResidual = m_opt.residualWeight > 0 && m_season > 0 && !m_times.empty()
        && seasonalResidual(epochSeconds, value, r, rNear);
    const double floorLevel = typicalLevel(m_point);
    if (haveResidual) {
        m_recentResiduals.push_back({r, rNear});
        while (m_recentResiduals.size() > static_cast<std::size_t>(m_smooth.span))
            m_recentResiduals.pop_front();
        double rs = 0, rsNear = 0;
        for (const auto &[x, xNear] : m_recentResiduals)
            rs += x, rsNear += xNear;
        rs /= static_cast<double>(m_recentResiduals.size());
        rsNear /= static_cast<double>(m_recentResiduals.size());
        // How much of the series the cycle explains: residuals much narrower than the level's own
        // spread make a same-phase comparison worth hearing; as wide, and it is only noise.
        const auto nr = static_cast<double>(m_residual.history.size());
        const double spread = nr >= kMinHistory ? quantile(m_point.sorted, 0.95) - quantile(m_point.sorted, 0.05) : 0.0;
        const double ratio = spread > 0 ? (quantile(m_residual.sorted, 0.95) - quantile(m_residual.sorted, 0.05)) / spread : 1.0;
        const double gate = std::clamp(1.0 - ratio / m_opt.residualGate, 0.0, 1.0);
        // A week of residuals first: the first weekend of an hourly series is not a broken day.
        if (m_residualFirst == kNever)
            m_residualFirst = epochSeconds;
        const double learnt = epochSeconds - m_residualFirst >= 7 * kDay ? 1.0 : 0.0;
        er = learnt * gate * nr / (nr + kShortHistoryDamping)
            * std::max(levelNovelty(m_residual, rNear, floorLevel), m_opt.smoothWeight * levelNovelty(m_residualSmooth, rsNear, floorLevel));
        push(m_residual, r, false);
        push(m_residualSmooth, rs, false);
    }

    const double e1 = novelty(m_point, epochSeconds, value, &m_expected, &m_bandLow, &m_bandHigh);
    const double ek = novelty(m_smooth, epochSeconds, mean, nullptr, nullptr, nullptr);
    // A short history (just after learning, or after a level shift) is judged with caution; n counts
    // the point about to join it.
    const auto n = static_cast<double>(std::min<std::size_t>(m_point.history.size() + 1, static_cast<std::size_t>(std::max(1, m_opt.historyPoints))));
    const double e = std::max(n / (n + kShortHistoryDamping) * std::max(e1, m_opt.smoothWeight * ek), m_opt.residualWeight * er);
    // An alert-level point joins the usual range clipped (see incidentClip): an incident of a few
    // points in a short history would otherwise become the range's edge and hide the next one.
    const double clip = e >= m_opt.alertNovelty && !learning() ? m_opt.incidentClip : 0.0;
    m_times.push_back(epochSeconds);
    push(m_point, value, true, clip);
    push(m_smooth, mean, true, clip);
    // The timeline only has to reach back over the seasonal lookback.
    const std::int64_t keepSeconds = m_season * m_opt.seasonsBack + 2 * m_tolerance + m_step;
    while (m_times.size() > 1 && m_times.back() - m_times.front() > keepSeconds) {
        m_times.pop_front();
        m_point.values.pop_front();
        m_smooth.values.pop_front();
    }

    m_sinceExcursion = e >= m_opt.alertNovelty ? 0 : m_sinceExcursion + 1;
    restoreIfTransient();
    detectRegimeChange();
    // Anything at all after a perfectly flat history (costs of zero, say) is infinitely novel.
    m_rawScore = std::isnan(e) ? 0.0 : std::isinf(e) ? 1.0 : e / (e + m_opt.alertNovelty);
    if (learning()) {
        m_rawScore = 0;
        return 0.0;
    }
    return suppress(m_rawScore);
}

void AnomalyDetector::band(double threshold, double &low, double &high) const
{
    // The novelty that scores `threshold` (inverse of score = e / (e + m_opt.alertNovelty)), damped as update() damps it.
    const double t = std::clamp(threshold, 0.01, 0.99);
    const double e = m_opt.alertNovelty * t / (1.0 - t) * m_bandParts.damping;
    low = m_bandParts.lo - e * m_bandParts.scaleLo;
    high = m_bandParts.hi + e * m_bandParts.scaleHi;
}

double alertThreshold(Sensitivity sensitivity)
{
    // High sensitivity alerts at half the novelty of Normal, Low at twice it.
    switch (sensitivity) {
    case Sensitivity::High:
        return 1.0 / 3.0;
    case Sensitivity::Low:
        return 2.0 / 3.0;
    case Sensitivity::Normal:
        break;
    }
    return 0.5;
}

double scoreForSensitivity(double score, Sensitivity sensitivity)
{
    const double t = alertThreshold(sensitivity);
    const double s = std::clamp(score, 0.0, 1.0);
    return s < t ? 0.5 * s / t : 0.5 + 0.5 * (s - t) / (1.0 - t);
}

std::vector<double> scoreSeries(const std::vector<std::int64_t> &t, const std::vector<double> &v,
                                const AnomalyDetectorOptions &options)
{
    AnomalyDetector detector(options);
    std::vector<double> out(std::min(t.size(), v.size()), 0.0);
    for (std::size_t i = 0; i < out.size(); ++i)
        out[i] = detector.update(t[i], v[i]);
    return out;
}

} // namespace Analytics
