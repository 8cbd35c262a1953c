#include "forecast/forecastmethods.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace Analytics::ForecastDetail {

namespace {
constexpr double kQuantileLift = 0.03;
} // namespace

double quantile(std::vector<double> v, double q)
{
    if (v.empty())
        return std::numeric_limits<double>::quiet_NaN();
    const double pos = std::clamp(q, 0.0, 1.0) * static_cast<double>(v.size() - 1);
    const auto lo = static_cast<std::size_t>(pos);
    std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(lo), v.end());
    const double below = v[lo];
    if (lo + 1 >= v.size())
        return below;
    const double above = *std::min_element(v.begin() + static_cast<std::ptrdiff_t>(lo) + 1, v.end());
    return below + (pos - static_cast<double>(lo)) * (above - below);
}

std::vector<double> seasonalVolatility(const std::vector<double> &y, int length)
{
    std::vector<double> out(static_cast<std::size_t>(length), 1.0);
    const int n = static_cast<int>(y.size());
    if (n < 730)
        return out;
    // Mean absolute weekly difference per week of the year, smoothed over five weeks.
    constexpr int kWeeks = 53;
    auto weekOf = [](int t) { return static_cast<int>(std::fmod(t, 365.25) / 7.0) % kWeeks; };
    double sum[kWeeks] = {}, count[kWeeks] = {};
    for (int t = 7; t < n; ++t) {
        const double a = y[static_cast<std::size_t>(t)], b = y[static_cast<std::size_t>(t - 7)];
        if (std::isnan(a) || std::isnan(b))
            continue;
        sum[weekOf(t)] += std::fabs(a - b);
        count[weekOf(t)] += 1.0;
    }
    double smooth[kWeeks], total = 0.0;
    for (int w = 0; w < kWeeks; ++w) {
        double s = 0.0, c = 0.0;
        for (int k = -2; k <= 2; ++k) {
            s += sum[(w + k + kWeeks) % kWeeks];
            c += count[(w + k + kWeeks) % kWeeks];
        }
        if (c < 10.0)
            return out;
        smooth[w] = s / c;
        total += smooth[w];
    }
    const double mean = total / kWeeks;
    if (!(mean > 0.0))
        return out;
    for (int t = 0; t < length; ++t)
        out[static_cast<std::size_t>(t)] = smooth[weekOf(t)] / mean;
    return out;
}

double ErrorModel::scale(int h, int t) const
{
    const double v = t >= 0 && t < static_cast<int>(volatility.size()) ? volatility[static_cast<std::size_t>(t)] : 1.0;
    return a * std::pow(static_cast<double>(h), b) * v;
}

ErrorModel calibrate(const Paths &paths, const BacktestPlan &plan, const std::vector<double> &truth,
                     double fallbackScale, std::vector<double> volatility)
{
    ErrorModel model;
    model.volatility = std::move(volatility);
    const int n = static_cast<int>(truth.size());
    const int hmax = plan.horizons.empty() ? 0 : *std::max_element(plan.horizons.begin(), plan.horizons.end() - 1);
    std::vector<double> sum(static_cast<std::size_t>(std::max(hmax, 1)), 0.0);
    std::vector<int> count(sum.size(), 0);
    struct Error {
        int h;
        int t;
        double e;
    };
    std::vector<Error> errors;
    for (std::size_t o = 0; o + 1 < plan.origins.size(); ++o) {
        const int T = plan.origins[o];
        for (int h = 1; h <= std::min(plan.horizons[o], n - 1 - T); ++h) {
            const double y = truth[static_cast<std::size_t>(T + h)];
            if (std::isnan(y))
                continue;
            const double e = std::fabs(y - paths[o][static_cast<std::size_t>(h - 1)]);
            const double v = (model.volatility.empty() ? 1.0 : model.volatility[static_cast<std::size_t>(T + h)]);
            sum[static_cast<std::size_t>(h - 1)] += e / v;
            ++count[static_cast<std::size_t>(h - 1)];
            errors.push_back({h, T + h, e});
        }
    }
    // Weighted least squares of log mean error on log horizon.
    double sw = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
    for (std::size_t h = 0; h < sum.size(); ++h) {
        if (count[h] == 0 || sum[h] <= 0.0)
            continue;
        const double w = count[h];
        const double lx = std::log(static_cast<double>(h + 1));
        const double ly = std::log(sum[h] / count[h]);
        sw += w;
        sx += w * lx;
        sy += w * ly;
        sxx += w * lx * lx;
        sxy += w * lx * ly;
    }
    if (errors.size() < 10) {
        // Too short to backtest: noise-sized errors growing like a random walk.
        model.a = std::max(fallbackScale, 0.0);
        return model;
    }
    if (sw <= 0.0) {
        model.a = 0.0; // the method reproduced every backtest day exactly
        return model;
    }
    const double var = sxx - sx * sx / sw;
    model.b = var > 1e-12 ? std::clamp((sxy - sx * sy / sw) / var, 0.0, 0.5) : 0.0;
    model.a = std::exp((sy - model.b * sx) / sw);
    if (!std::isfinite(model.a))
        model.a = std::max(fallbackScale, 0.0);
    std::vector<double> z;
    z.reserve(errors.size());
    for (const auto &e : errors)
        z.push_back(e.e / model.scale(e.h, e.t));
    // The backtest's errors come from the recent past of the same series and from a method chosen
    // on them; real futures bring surprises they did not, so read the quantiles a little higher.
    model.q80 = quantile(z, 0.80 + kQuantileLift);
    model.q95 = std::max(quantile(z, 0.95 + kQuantileLift / 4.0), model.q80 * 1.2);
    return model;
}

} // namespace Analytics::ForecastDetail
