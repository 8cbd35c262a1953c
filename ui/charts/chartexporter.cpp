#include "charts/chartexporter.h"

#include "analytics/analytics.h"
#include "analytics/currency.h"
#include "charts/stackedcostchart.h"
#include "charts/timecostchart.h"
#include "charts/topnbarchart.h"
#include "domain/timeparse.h"
#include "export/csvexport.h"
#include "format/format.h"
#include "format/palette.h"
#include "report/reportdata.h"
#include "shell/page.h"
#include "spend/spendfilter.h"
#include "spend/spendpage.h"
#include "store/store.h"
#include "task/task.h"

#include <QAbstractSeries>
#include <QAreaSeries>
#include <QBarSet>
#include <QAbstractBarSeries>
#include <QChart>
#include <QChartView>
#include <QFileInfo>
#include <QFontMetricsF>
#include <QGraphicsScene>
#include <QImage>
#include <QLabel>
#include <QLineSeries>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>

#include <cmath>

namespace {

constexpr double kMarginPt = 18;
constexpr double kPointsPerPixel = 0.75; // a screen pixel is 1/96 in, a point 1/72 in
constexpr int kPdfResolution = 300;

QFont captionFont(double points, bool bold)
{
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setStyleHint(QFont::SansSerif);
    f.setPointSizeF(points);
    f.setBold(bold);
    return f;
}

QStringList captionLines(const ChartExporter::Caption &c)
{
    return {c.title,
            QObject::tr("%1 \u00B7 Filters: %2 \u00B7 Currency: %3").arg(c.range, c.filters, c.currency),
            QObject::tr("Generated %1 by Burnrate").arg(::Format::timestamp(c.generatedAt))};
}

// Caption height in points (measured at 72 dpi, where a device unit is a point).
double captionHeightPt(const ChartExporter::Caption &caption)
{
    QImage probe(1, 1, QImage::Format_RGB32);
    probe.setDotsPerMeterX(qRound(72 / 0.0254));
    probe.setDotsPerMeterY(qRound(72 / 0.0254));
    const QStringList lines = captionLines(caption);
    double h = QFontMetricsF(captionFont(13, true), &probe).lineSpacing() + 4;
    for (qsizetype i = 1; i < lines.size(); ++i)
        h += QFontMetricsF(captionFont(8, false), &probe).lineSpacing();
    return h + 10;
}

// Draws the caption and the chart; `unit` is device units per point.
void paint(QPainter &p, const QChartView *view, const ChartExporter::Caption &caption, double unit, const QSizeF &pagePt)
{
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing);
    // The chart keeps the look it has on screen (light or dark): its background under the caption.
    const Palette &palette = Palette::current();
    p.fillRect(QRectF(QPointF(0, 0), pagePt * unit), palette.colour(Palette::Role::Card));
    const QStringList lines = captionLines(caption);
    double y = kMarginPt * unit;
    const double width = (pagePt.width() - 2 * kMarginPt) * unit;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QFont f = i == 0 ? captionFont(13, true) : captionFont(8, false);
        const QFontMetricsF fm(f, p.device());
        p.setFont(f);
        p.setPen(palette.colour(i == 0 ? Palette::Role::Text : Palette::Role::MutedText));
        p.drawText(QRectF(kMarginPt * unit, y, width, fm.lineSpacing()), Qt::AlignLeft | Qt::AlignVCenter,
                   fm.elidedText(lines[i], Qt::ElideRight, width));
        y += fm.lineSpacing() + (i == 0 ? 4 * unit : 0);
    }
    y = (kMarginPt + captionHeightPt(caption)) * unit;
    QChart *chart = view->chart();
    const QRectF source = chart->sceneBoundingRect();
    const QRectF target(kMarginPt * unit, y, source.width() * kPointsPerPixel * unit, source.height() * kPointsPerPixel * unit);
    // QGraphicsScene::render replays the chart's own drawing: on a PDF or SVG device every axis
    // label stays text and every line a vector.
    chart->scene()->render(&p, target, source, Qt::KeepAspectRatio);
}

QString keyText(const QString &key)
{
    return key.isEmpty() ? ::Format::noneLabel() : key;
}

QString moneyText(Cost::BigMoney value)
{
    return QString::fromStdString(Cost::formatMoney(value));
}

QList<QStringList> genericRows(const QChart *chart)
{
    // Whatever the chart draws: bar sets by category, areas and lines by point.
    QList<QStringList> rows;
    for (QAbstractSeries *series : chart->series()) {
        if (auto *bars = qobject_cast<QAbstractBarSeries *>(series)) {
            for (QBarSet *set : bars->barSets()) {
                QStringList row{set->label()};
                for (int i = 0; i < set->count(); ++i)
                    row << QString::number(set->at(i), 'g', 15);
                rows << row;
            }
        } else if (auto *area = qobject_cast<QAreaSeries *>(series)) {
            const QList<QPointF> upper = area->upperSeries() ? area->upperSeries()->points() : QList<QPointF>();
            const QList<QPointF> lower = area->lowerSeries() ? area->lowerSeries()->points() : QList<QPointF>();
            QStringList row{area->name()};
            for (qsizetype i = 0; i < upper.size(); ++i)
                row << QString::number(upper[i].y() - (i < lower.size() ? lower[i].y() : 0.0), 'g', 15);
            rows << row;
        } else if (auto *line = qobject_cast<QXYSeries *>(series)) {
            QStringList row{line->name()};
            for (const QPointF &pt : line->points())
                row << QString::number(pt.y(), 'g', 15);
            rows << row;
        }
    }
    qsizetype width = 0;
    for (const QStringList &r : rows)
        width = std::max(width, r.size());
    QStringList header{QObject::tr("Series")};
    for (qsizetype i = 1; i < width; ++i)
        header << QString::number(i);
    rows.prepend(header);
    return rows;
}

} // namespace

std::optional<ChartExporter::Format> ChartExporter::formatForPath(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("pdf"))
        return Format::Pdf;
    if (suffix == QLatin1String("png"))
        return Format::Png;
    if (suffix == QLatin1String("svg"))
        return Format::Svg;
    if (suffix == QLatin1String("csv"))
        return Format::Csv;
    return std::nullopt;
}

QList<QChartView *> ChartExporter::chartViews(const QWidget *root)
{
    return root ? root->findChildren<QChartView *>() : QList<QChartView *>();
}

ChartExporter::Caption ChartExporter::captionFor(const Page *page, const QChartView *view)
{
    Caption caption;
    caption.generatedAt = QDateTime::currentDateTime();
    QString chartTitle = view->chart() ? view->chart()->title() : QString();
    // The card around a chart titles it: a label named cardTitle, else its first label.
    for (const QWidget *w = view->parentWidget(); chartTitle.isEmpty() && w && w != page; w = w->parentWidget()) {
        if (auto *named = w->findChild<QLabel *>(QStringLiteral("cardTitle"), Qt::FindDirectChildrenOnly))
            chartTitle = named->text();
        for (const QLabel *label : w->findChildren<QLabel *>(Qt::FindDirectChildrenOnly)) {
            if (chartTitle.isEmpty() && !label->text().isEmpty())
                chartTitle = label->text();
        }
    }
    caption.title = page ? (chartTitle.isEmpty() ? page->title() : QObject::tr("%1 \u2014 %2").arg(page->title(), chartTitle))
                         : chartTitle;
    if (!page)
        return caption;
    caption.range = ::Format::range(page->fromDay(), page->toDay());
    if (auto *spend = qobject_cast<const SpendPage *>(page))
        caption.currency = spend->snapshot().currency;
    caption.filters = Report::filtersText(pageFilters(page));
    return caption;
}

std::vector<Analytics::Filter> ChartExporter::pageFilters(const Page *page)
{
    if (auto *spend = qobject_cast<const SpendPage *>(page))
        return spend->filter()->filters();
    return {};
}

QString ChartExporter::currencyFor(Cost::SqliteDb &db, qint64 fromDay, qint64 toDay,
                                   const std::vector<Analytics::Filter> &filters)
{
    // The one currency rule every page, the report and the CLI follow.
    return QString::fromStdString(Analytics::displayCurrency(db, fromDay, toDay, filters));
}

void ChartExporter::captionFor(const Page *page, const QChartView *view, Task::Runner &runner,
                               std::function<void(const Caption &)> done)
{
    Caption caption = captionFor(page, view);
    if (!page || !caption.currency.isEmpty()) {
        done(caption);
        return;
    }
    // Pages that do not keep it: ask the store on the runner's pool thread.
    const qint64 from = page->fromDay(), to = page->toDay();
    runner.run(
        page->dbPath(), [from, to, filters = pageFilters(page)](Task::Context &context) { return currencyFor(context.db(), from, to, filters); },
        [caption, done = std::move(done)](Task::Outcome<QString> &outcome) mutable {
            caption.currency = outcome.ok() && !outcome.value.isEmpty() ? outcome.value : QStringLiteral("USD");
            done(caption);
        });
}

ChartExporter::Caption ChartExporter::captionForCommand(const Page *page, const QChartView *view)
{
    Caption caption = captionFor(page, view);
    if (!page || !caption.currency.isEmpty())
        return caption;
    Cost::Store store;
    caption.currency = store.open(page->dbPath().toStdString())
        ? currencyFor(store.db(), page->fromDay(), page->toDay(), pageFilters(page))
        : QStringLiteral("USD");
    return caption;
}

QList<QStringList> ChartExporter::dataRows(const QChartView *view)
{
    if (auto *time = qobject_cast<const TimeCostChart *>(view)) {
        const TimeCostChart::Data &d = time->data();
        QStringList header{QObject::tr("Bucket start (UTC)")};
        for (const auto &s : d.series)
            header << keyText(s.name);
        QList<QStringList> rows{header};
        for (std::size_t b = 0; b < d.bucketStarts.size(); ++b) {
            QStringList row{QString::fromStdString(Cost::formatTimestamp(d.bucketStarts[b]))};
            for (const auto &s : d.series)
                row << (b < s.values.size() ? moneyText(s.values[b]) : QString());
            rows << row;
        }
        return rows;
    }
    if (auto *top = qobject_cast<const TopNBarChart *>(view)) {
        QList<QStringList> rows{{QObject::tr("Name"), QObject::tr("Cost"), QObject::tr("Share")}};
        for (const auto &item : top->items())
            rows << QStringList{keyText(item.name), moneyText(item.cost), QString::number(item.share, 'f', 6)};
        return rows;
    }
    if (auto *stacked = qobject_cast<const StackedCostChart *>(view)) {
        const Analytics::DailyBreakdown &d = stacked->data();
        QStringList header{QObject::tr("Day")};
        for (const auto &name : d.names)
            header << keyText(QString::fromStdString(name));
        QList<QStringList> rows{header};
        for (int day = 0; day < d.days; ++day) {
            QStringList row{QString::fromStdString(Cost::formatDay(d.firstDay + day))};
            for (const auto &values : d.values)
                row << (day < static_cast<int>(values.size()) ? QString::number(values[static_cast<std::size_t>(day)], 'f', 10)
                                                                : QString());
            rows << row;
        }
        return rows;
    }
    return genericRows(view->chart());
}

bool ChartExporter::exportChart(const QChartView *view, const Caption &caption, const QString &path, Format format,
                                int dpi, QString *error)
{
    auto fail = [&](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (!view || !view->chart() || !view->chart()->scene())
        return fail(QObject::tr("there is no chart to export"));
    if (format == Format::Csv)
        return CsvExport::write(path, dataRows(view), error);

    const QRectF source = view->chart()->sceneBoundingRect();
    const QSizeF pagePt(source.width() * kPointsPerPixel + 2 * kMarginPt,
                        source.height() * kPointsPerPixel + captionHeightPt(caption) + 2 * kMarginPt);
    switch (format) {
    case Format::Pdf: {
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return fail(QObject::tr("cannot write %1: %2").arg(path, file.errorString()));
        {
            QPdfWriter writer(&file);
            writer.setResolution(kPdfResolution);
            writer.setPageSize(QPageSize(pagePt, QPageSize::Point, QString(), QPageSize::ExactMatch));
            writer.setPageMargins(QMarginsF(0, 0, 0, 0));
            writer.setTitle(caption.title);
            writer.setCreator(QStringLiteral("Burnrate"));
            QPainter painter;
            if (!painter.begin(&writer))
                return fail(QObject::tr("cannot start the PDF"));
            paint(painter, view, caption, kPdfResolution / 72.0, pagePt);
            painter.end();
        }
        if (!file.commit())
            return fail(QObject::tr("cannot write %1: %2").arg(path, file.errorString()));
        return true;
    }
    case Format::Svg: {
        QSvgGenerator svg;
        svg.setFileName(path);
        svg.setResolution(72);
        svg.setSize(pagePt.toSize());
        svg.setViewBox(QRectF(QPointF(0, 0), pagePt));
        svg.setTitle(caption.title);
        svg.setDescription(captionLines(caption).mid(1).join(QLatin1Char('\n')));
        QPainter painter;
        if (!painter.begin(&svg))
            return fail(QObject::tr("cannot write %1").arg(path));
        paint(painter, view, caption, 1.0, pagePt);
        painter.end();
        return QFileInfo::exists(path) ? true : fail(QObject::tr("cannot write %1").arg(path));
    }
    case Format::Png: {
        const int d = std::clamp(dpi, 36, 1200);
        const double unit = d / 72.0;
        QImage image((pagePt * unit).toSize(), QImage::Format_ARGB32_Premultiplied);
        if (image.isNull())
            return fail(QObject::tr("the image is too large at %1 dpi").arg(d));
        image.setDotsPerMeterX(qRound(d / 0.0254));
        image.setDotsPerMeterY(qRound(d / 0.0254));
        image.fill(Qt::white);
        QPainter painter(&image);
        paint(painter, view, caption, unit, pagePt);
        painter.end();
        if (!image.save(path, "PNG"))
            return fail(QObject::tr("cannot write %1").arg(path));
        return true;
    }
    case Format::Csv: break;
    }
    return false;
}
