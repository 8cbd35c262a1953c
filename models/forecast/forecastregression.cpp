#include "forecast/forecastmethods.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

namespace Analytics::ForecastDetail {

namespace {

constexpr int kFourierTerms = 10;
constexpr int kCorrectionWindow = 56;

// Solves (M) x = r in place for a symmetric positive definite M (row-major, dim k) by Cholesky.
bool choleskySolve(std::vector<double> &m, std::vector<double> &r, int k)
{
    for (int j = 0; j < k; ++j) {
        double d = m[static_cast<std::size_t>(j * k + j)];
        for (int i = 0; i < j; ++i)
            d -= m[static_cast<std::size_t>(j * k + i)] * m[static_cast<std::size_t>(j * k + i)];
        if (!(d > 1e-12))
            return false;
        d = std::sqrt(d);
        m[static_cast<std::size_t>(j * k + j)] = d;
        for (int row = j + 1; row < k; ++row) {
            double v = m[static_cast<std::size_t>(row * k + j)];
            for (int i = 0; i < j; ++i)
                v -= m[static_cast<std::size_t>(row * k + i)] * m[static_cast<std::size_t>(j * k + i)];
            m[static_cast<std::size_t>(row * k + j)] = v / d;
        }
    }
    for (int i = 0; i < k; ++i) {
        double v = r[static_cast<std::size_t>(i)];
        for (int j = 0; j < i; ++j)
            v -= m[static_cast<std::size_t>(i * k + j)] * r[static_cast<std::size_t>(j)];
        r[static_cast<std::size_t>(i)] = v / m[static_cast<std::size_t>(i * k + i)];
    }
    for (int i = k - 1; i >= 0; --i) {
        double v = r[static_cast<std::size_t>(i)];
        for (int j = i + 1; j < k; ++j)
            v -= m[static_cast<std::size_t>(j * k + i)] * r[static_cast<std::size_t>(j)];
        r[static_cast<std::size_t>(i)] = v / m[static_cast<std::size_t>(i * k + i)];
    }
    return true;
}

// Column layout: intercept, linear trend, hinges, six weekday dummies, yearly sine/cosine pairs.
struct Design {
    int weekday0 = 0;
    std::vector<int> knots;
    int fourier = 0;
    int interact = 0; // yearly harmonics that modulate the weekday effects
    int hingeBase() const { return 2; }
    int weekdayBase() const { return 2 + static_cast<int>(knots.size()); }
    int fourierBase() const { return weekdayBase() + 6; }
    int interactBase() const { return fourierBase() + 2 * fourier; }
    int columns() const { return interactBase() + 12 * interact; }

    void row(int t, double *x) const
    {
        x[0] = 1.0;
        x[1] = t / 365.0;
        for (std::size_t j = 0; j < knots.size(); ++j)
            x[hingeBase() + static_cast<int>(j)] = t > knots[j] ? (t - knots[j]) / 365.0 : 0.0;
        const int d = (weekday0 + t) % 7;
        for (int k = 0; k < 6; ++k)
            x[weekdayBase() + k] = d == k + 1 ? 1.0 : 0.0;
        const double w = 2.0 * std::numbers::pi * t / 365.25;
        for (int k = 0; k < fourier; ++k) {
            x[fourierBase() + 2 * k] = std::sin((k + 1) * w);
            x[fourierBase() + 2 * k + 1] = std::cos((k + 1) * w);
        }
        for (int k = 0; k < interact; ++k) {
            const double sn = std::sin((k + 1) * w), cs = std::cos((k + 1) * w);
            for (int j = 0; j < 6; ++j) {
                x[interactBase() + 12 * k + 2 * j] = d == j + 1 ? sn : 0.0;
                x[interactBase() + 12 * k + 2 * j + 1] = d == j + 1 ? cs : 0.0;
            }
        }
    }
};

// What one origin's fit leaves for building forecasts: the seasonal/calendar part per step, the
// trend level and slope at the origin, and the smoothed recent residual for two smoothing rates.
struct OriginFit {
    std::vector<double> calendar;
    double slope = 0.0;
    double residualLevel[2] = {0.0, 0.0};
};

constexpr double kCorrectionAlpha[2] = {0.1, 0.3};

} // namespace

Candidate calendarRegression(const DailySeries &s, const BacktestPlan &plan, bool yearly, int horizonLimit)
{
    const auto &y = s.y;
    const int n = static_cast<int>(y.size());
    std::vector<double> obs;
    for (double v : y)
        if (!std::isnan(v))
            obs.push_back(v);
    std::nth_element(obs.begin(), obs.begin() + static_cast<std::ptrdiff_t>(obs.size() / 2), obs.end());
    const double center = obs.empty() ? 0.0 : obs[obs.size() / 2];
    const double scale = s.scale > 0.0 ? s.scale : 1.0;

    Design design;
    design.weekday0 = s.weekday0;
    const int spacing = std::max(28, n / 40);
    for (int k = spacing; k < n; k += spacing)
        design.knots.push_back(k);
    design.fourier = yearly ? kFourierTerms : 0;
    design.interact = yearly ? 1 : 0;
    const int p = design.columns();
    const int minTail = spacing + 14;

    std::vector<double> penalty(static_cast<std::size_t>(p), 1e-2);
    penalty[0] = 0.0;
    penalty[1] = 1e-3;
    for (std::size_t j = 0; j < design.knots.size(); ++j)
        penalty[static_cast<std::size_t>(design.hingeBase()) + j] = 1.0 / 16.0;
    for (int k = 0; k < 2 * design.fourier; ++k)
        penalty[static_cast<std::size_t>(design.fourierBase() + k)] = 0.25;
    for (int k = 0; k < 12 * design.interact; ++k)
        penalty[static_cast<std::size_t>(design.interactBase() + k)] = 1.0;

    std::vector<double> a(static_cast<std::size_t>(p * p), 0.0), b(static_cast<std::size_t>(p), 0.0);
    std::vector<double> x(static_cast<std::size_t>(p));
    std::vector<OriginFit> fits(plan.origins.size());
    std::size_t next = 0;
    for (int t = 0; t < n && next < plan.origins.size(); ++t) {
        const double v = y[static_cast<std::size_t>(t)];
        if (!std::isnan(v)) {
            design.row(t, x.data());
            const double u = (v - center) / scale;
            for (int i = 0; i < p; ++i) {
                const double xi = x[static_cast<std::size_t>(i)];
                if (xi == 0.0)
                    continue;
                b[static_cast<std::size_t>(i)] += xi * u;
                for (int j = i; j < p; ++j)
                    a[static_cast<std::size_t>(i * p + j)] += xi * x[static_cast<std::size_t>(j)];
            }
        }
        while (next < plan.origins.size() && plan.origins[next] == t) {
            // Hinges whose knot lies in the last stretch have too little data behind them.
            std::vector<int> active;
            for (int i = 0; i < p; ++i) {
                const bool hinge = i >= design.hingeBase() && i < design.weekdayBase();
                if (!hinge || design.knots[static_cast<std::size_t>(i - design.hingeBase())] <= t - minTail)
                    active.push_back(i);
            }
            const int k = static_cast<int>(active.size());
            std::vector<double> m(static_cast<std::size_t>(k * k)), r(static_cast<std::size_t>(k));
            for (int i = 0; i < k; ++i) {
                const int ci = active[static_cast<std::size_t>(i)];
                r[static_cast<std::size_t>(i)] = b[static_cast<std::size_t>(ci)];
                for (int j = 0; j < k; ++j) {
                    const int cj = active[static_cast<std::size_t>(j)];
                    m[static_cast<std::size_t>(i * k + j)] = a[static_cast<std::size_t>(std::min(ci, cj) * p + std::max(ci, cj))];
                }
                m[static_cast<std::size_t>(i * k + i)] += penalty[static_cast<std::size_t>(ci)] + 1e-9;
            }
            std::vector<double> beta(static_cast<std::size_t>(p), 0.0);
            if (choleskySolve(m, r, k))
                for (int i = 0; i < k; ++i)
                    beta[static_cast<std::size_t>(active[static_cast<std::size_t>(i)])] = r[static_cast<std::size_t>(i)];
            auto fitted = [&](int tt) {
                design.row(tt, x.data());
                double f = 0.0;
                for (int i = 0; i < p; ++i)
                    f += x[static_cast<std::size_t>(i)] * beta[static_cast<std::size_t>(i)];
                return f;
            };
            OriginFit &fit = fits[next];
            fit.slope = beta[1];
            for (std::size_t j = 0; j < design.knots.size(); ++j)
                if (design.knots[j] < t)
                    fit.slope += beta[static_cast<std::size_t>(design.hingeBase()) + j];
            fit.slope /= 365.0;
            double levelAtOrigin = fitted(t); // leaves row(t) in x
            for (int i = design.weekdayBase(); i < p; ++i)
                levelAtOrigin -= x[static_cast<std::size_t>(i)] * beta[static_cast<std::size_t>(i)];
            const int horizon = plan.horizons[next];
            fit.calendar.resize(static_cast<std::size_t>(horizon));
            for (int h = 1; h <= horizon; ++h) {
                design.row(t + h, x.data());
                double c = levelAtOrigin;
                for (int i = design.weekdayBase(); i < p; ++i)
                    c += x[static_cast<std::size_t>(i)] * beta[static_cast<std::size_t>(i)];
                fit.calendar[static_cast<std::size_t>(h - 1)] = c;
            }
            for (int tt = std::max(0, t - kCorrectionWindow + 1); tt <= t; ++tt) {
                const double vv = y[static_cast<std::size_t>(tt)];
                if (std::isnan(vv))
                    continue;
                const double res = (vv - center) / scale - fitted(tt);
                for (int q = 0; q < 2; ++q)
                    fit.residualLevel[q] += kCorrectionAlpha[q] * (res - fit.residualLevel[q]);
            }
            ++next;
        }
    }

    // Choose trend damping and residual-correction persistence on the backtest origins.
    static const double kTrendPhi[] = {0.0, 0.95, 0.99};
    static const double kCorrPhi[] = {0.0, 0.9, 0.97, 1.0};
    // damp[h - 1] = trendPhi + ... + trendPhi^h, decay[h - 1] = corrPhi^h, for the variant in use.
    int longest = 0;
    for (int h : plan.horizons)
        longest = std::max(longest, h);
    std::vector<double> damp(static_cast<std::size_t>(longest)), decay(static_cast<std::size_t>(longest));
    auto setVariant = [&](double trendPhi, double corrPhi) {
        double d = 0.0, tp = 1.0, cp = 1.0;
        for (std::size_t h = 0; h < damp.size(); ++h) {
            tp *= trendPhi;
            d += tp;
            cp *= corrPhi;
            damp[h] = d;
            decay[h] = cp;
        }
    };
    auto value = [&](const OriginFit &fit, int h, int alphaIndex) {
        const auto i = static_cast<std::size_t>(h - 1);
        return center + scale * (fit.calendar[i] + fit.slope * damp[i] + fit.residualLevel[alphaIndex] * decay[i]);
    };
    double bestMae = std::numeric_limits<double>::infinity();
    double best[3] = {0.0, 0.0, 0.0};
    for (double tphi : kTrendPhi)
        for (int ai = 0; ai < 2; ++ai)
            for (double cphi : kCorrPhi) {
                if (cphi == 0.0 && ai == 1)
                    continue;
                setVariant(tphi, cphi);
                const double mae = backtestMaeOf(plan, y, horizonLimit,
                                                 [&](std::size_t o, int h) { return value(fits[o], h, ai); });
                if (mae < bestMae) {
                    bestMae = mae;
                    best[0] = tphi;
                    best[1] = ai;
                    best[2] = cphi;
                }
            }
    Candidate c{yearly ? "regression-yearly" : "regression", Paths(plan.origins.size())};
    setVariant(best[0], best[2]);
    for (std::size_t o = 0; o < plan.origins.size(); ++o) {
        c.paths[o].resize(fits[o].calendar.size());
        for (int h = 1; h <= static_cast<int>(fits[o].calendar.size()); ++h)
            c.paths[o][static_cast<std::size_t>(h - 1)] = value(fits[o], h, static_cast<int>(best[1]));
    }
    return c;
}

} // namespace Analytics::ForecastDetail
