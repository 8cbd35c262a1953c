#pragma once

#include "analytics/analytics.h"

#include <QDateTime>
#include <QList>
#include <QSize>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>
#include <vector>

namespace Cost {
class SqliteDb;
}
namespace Task {
class Runner;
}
class Page;
class QChart;
class QChartView;
class QWidget;

/// Exports a chart as a captioned picture — vector PDF (text stays text), SVG, or PNG at a chosen
/// DPI — or the data behind it as CSV. The caption says what the chart shows: title, date range,
/// filters, currency and when it was generated. Works on any chart of any page: the views are
/// found with findChildren<QChartView *>(). GUI thread (the store is read on a Task::Runner,
/// except by command-line commands, see captionForCommand()).
class ChartExporter {
public:
    enum class Format { Pdf, Png, Svg, Csv };

    struct Caption {
        QString title;
        QString range;
        QString filters;
        QString currency;
        QDateTime generatedAt;
    };

    /// The format a file name asks for (by suffix), or nullopt.
    static std::optional<Format> formatForPath(const QString &path);
    /// The chart views of `root`, in creation order.
    static QList<QChartView *> chartViews(const QWidget *root);
    /// A caption for `view` on `page`: the card title above the chart, the page's range and
    /// filters, and the currency when the page keeps it (else empty). Reads no store.
    static Caption captionFor(const Page *page, const QChartView *view);
    /// The same with the currency of a page that does not keep it read from the store on
    /// `runner`'s pool thread; `done` runs on the runner's thread (at once when no read is needed).
    static void captionFor(const Page *page, const QChartView *view, Task::Runner &runner,
                           std::function<void(const Caption &)> done);
    /// The same read on the calling thread: for command-line commands only, which run outside
    /// the GUI thread's event dispatch.
    static Caption captionForCommand(const Page *page, const QChartView *view);
    /// The currency the page shows (Analytics::displayCurrency). Any thread with its own connection.
    static QString currencyFor(Cost::SqliteDb &db, qint64 fromDay, qint64 toDay,
                               const std::vector<Analytics::Filter> &filters);
    /// The filters a page narrows its figures with (a spend page's filter bar; none elsewhere).
    static std::vector<Analytics::Filter> pageFilters(const Page *page);
    /// The data behind `view` as CSV rows (header first): series × buckets, exact money where
    /// the chart keeps it.
    static QList<QStringList> dataRows(const QChartView *view);

    /// Writes `view`'s chart with `caption` to `path`; `dpi` applies to PNG. False with `error`.
    static bool exportChart(const QChartView *view, const Caption &caption, const QString &path, Format format,
                            int dpi, QString *error);
};
