#include "format/seriescolours.h"

#include <QHash>

#include <array>
#include <mutex>

namespace SeriesColours {

namespace {

struct Session {
    std::mutex mutex;
    QHash<QString, int> keySlots;                    ///< the session's slot per series key
    std::array<int, Palette::kSeriesCount> uses{}; ///< how many keys hold each slot
};

Session &session()
{
    static Session s;
    return s;
}

} // namespace

std::vector<int> assign(const std::vector<Series> &series)
{
    Session &s = session();
    const std::lock_guard<std::mutex> lock(s.mutex);
    std::vector<int> out(series.size(), -1);
    std::array<bool, Palette::kSeriesCount> taken{};
    // Series seen before keep their slot, largest first when two of them share one.
    for (std::size_t i = 0; i < series.size(); ++i) {
        if (series[i].other)
            continue;
        const auto it = s.keySlots.constFind(series[i].key);
        if (it != s.keySlots.cend() && !taken[static_cast<std::size_t>(*it)]) {
            out[i] = *it;
            taken[static_cast<std::size_t>(*it)] = true;
        }
    }
    for (std::size_t i = 0; i < series.size(); ++i) {
        if (series[i].other || out[i] >= 0)
            continue;
        // The free slot used least in the session (the lowest of equals), so a first chart gets
        // the palette in rank order; with every slot taken, colours repeat in rank order.
        int best = -1;
        for (int slot = 0; slot < Palette::kSeriesCount; ++slot)
            if (!taken[static_cast<std::size_t>(slot)]
                && (best < 0 || s.uses[static_cast<std::size_t>(slot)] < s.uses[static_cast<std::size_t>(best)]))
                best = slot;
        if (best < 0) {
            out[i] = static_cast<int>(i % Palette::kSeriesCount);
            continue;
        }
        out[i] = best;
        taken[static_cast<std::size_t>(best)] = true;
        // A series new to the session keeps this slot; one that lost its slot to a larger series
        // of this chart keeps its own for the other charts.
        if (!s.keySlots.contains(series[i].key)) {
            s.keySlots.insert(series[i].key, best);
            ++s.uses[static_cast<std::size_t>(best)];
        }
    }
    return out;
}

std::vector<QColor> colours(const Palette &palette, const std::vector<Series> &series)
{
    const std::vector<int> assigned = assign(series);
    std::vector<QColor> out;
    out.reserve(assigned.size());
    for (const int slot : assigned)
        out.push_back(slot < 0 ? palette.series(0, true) : palette.series(slot));
    return out;
}

void reset()
{
    Session &s = session();
    const std::lock_guard<std::mutex> lock(s.mutex);
    s.keySlots.clear();
    s.uses.fill(0);
}

} // namespace SeriesColours
