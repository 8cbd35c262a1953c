#include "charts/timeticks.h"

#include "format/format.h"

#include <QDateTime>

#include <algorithm>
#include <functional>

namespace TimeTicks {

namespace {

struct Point {
    QDate date;
    int hour;
};

Point pointOf(qint64 epochSeconds)
{
    const QDateTime t = QDateTime::fromSecsSinceEpoch(epochSeconds, Qt::UTC);
    return {t.date(), t.time().hour()};
}

// Ticks at the buckets for which `keep` holds, labelled by `label`; empty when too many.
template <typename Keep, typename Label>
std::vector<Tick> pick(const std::vector<Point> &points, int maxTicks, Keep keep, Label label)
{
    std::vector<Tick> out;
    for (std::size_t i = 0; i < points.size(); ++i) {
        if (!keep(points[i], static_cast<int>(i)))
            continue;
        out.push_back({static_cast<int>(i), label(points[i])});
        if (static_cast<int>(out.size()) > maxTicks)
            return {};
    }
    return out;
}

} // namespace

std::vector<Tick> ticks(const std::vector<qint64> &bucketStarts, Analytics::Grain grain, int maxTicks)
{
    if (bucketStarts.empty())
        return {};
    maxTicks = std::max(2, maxTicks);
    const QLocale locale = Format::locale();
    std::vector<Point> points;
    points.reserve(bucketStarts.size());
    for (qint64 s : bucketStarts)
        points.push_back(pointOf(s));
    const bool multiYear = points.front().date.year() != points.back().date.year();
    const QString dayFormat = Format::monthDayFormat(multiYear);
    auto dayLabel = [&](const Point &p) { return locale.toString(p.date, dayFormat); };
    auto monthLabel = [&](const Point &p) { return locale.toString(p.date, QStringLiteral("MMM yyyy")); };

    if (grain == Analytics::Grain::Hour) {
        for (int step : {1, 2, 3, 6, 12}) {
            auto out = pick(points, maxTicks, [step](const Point &p, int) { return p.hour % step == 0; },
                            [&](const Point &p) {
                                return p.hour == 0 ? locale.toString(p.date, Format::monthDayFormat(false))
                                                   : QStringLiteral("%1:00").arg(p.hour, 2, 10, QLatin1Char('0'));
                            });
            if (!out.empty())
                return out;
        }
        for (int step : {1, 2, 7}) {
            auto out = pick(points, maxTicks,
                            [step](const Point &p, int) { return p.hour == 0 && Format::dayOfDate(p.date) % step == 0; },
                            dayLabel);
            if (!out.empty())
                return out;
        }
    }
    if (grain == Analytics::Grain::Day) {
        for (int step : {1, 2}) {
            auto out = pick(points, maxTicks, [step](const Point &, int i) { return i % step == 0; }, dayLabel);
            if (!out.empty())
                return out;
        }
    }
    if (grain == Analytics::Grain::Day || grain == Analytics::Grain::Week) {
        for (int weeks : {1, 2, 4}) {
            // Mondays; every other Monday counted from the epoch's first Monday so ticks do not
            // move when the range slides by a week.
            auto out = pick(points, maxTicks,
                            [weeks](const Point &p, int) {
                                const qint64 day = Format::dayOfDate(p.date);
                                return p.date.dayOfWeek() == 1 && ((day - 4) / 7) % weeks == 0;
                            },
                            dayLabel);
            if (!out.empty())
                return out;
        }
    }
    for (int months : {1, 2, 3, 6, 12, 24, 60}) {
        // The first bucket of each month (a week bucket may start in the month before).
        int lastMonth = -1;
        auto out = pick(points, maxTicks,
                        [&](const Point &p, int i) {
                            const int month = p.date.year() * 12 + p.date.month() - 1;
                            const bool first = month != lastMonth && (i > 0 || p.date.day() == 1);
                            lastMonth = month;
                            return first && month % months == 0;
                        },
                        months >= 12 ? std::function<QString(const Point &)>(
                                           [&](const Point &p) { return locale.toString(p.date, QStringLiteral("yyyy")); })
                                     : std::function<QString(const Point &)>(monthLabel));
        if (!out.empty())
            return out;
    }
    return {{0, dayLabel(points.front())}};
}

} // namespace TimeTicks
