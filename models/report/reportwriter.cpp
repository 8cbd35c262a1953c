#include "report/reportwriter.h"

#include "format/format.h"
#include "format/palette.h"
#include "report/reportchart.h"
#include "report/reportsection.h"
#include "store/pgdb.h"
#include "store/store.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QFontMetricsF>
#include <QPageLayout>
#include <QPainter>
#include <QPainterPath>
#include <QPdfWriter>
#include <QSaveFile>

#include <algorithm>
#include <cmath>
#include <memory>

namespace Report {

namespace {

constexpr int kResolution = 300; // device units per inch; the PDF is vector at any zoom anyway

const QColor kInk = Palette::light().colour(Palette::Role::Text);
const QColor kMuted = Palette::light().colour(Palette::Role::MutedText);
const QColor kAccent = Palette::light().colour(Palette::Role::Accent);
const QColor kTile = Palette::light().colour(Palette::Role::TableStripe);
const QColor kTileEdge = Palette::light().colour(Palette::Role::Border);

// Free functions say Tr::tr(): lupdate files plain tr() there under the namespace, not Report::ReportWriter.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(Report::ReportWriter)
};

QString tr(const char *text) { return Tr::tr(text); }

struct Kpi {
    QString label;
    QString value;
    QString detail;
};

std::vector<Kpi> coverKpis(const ReportData &d)
{
    const QString c = d.currency;
    const double change = d.previousTotal != 0
        ? (Cost::toDouble(d.total) - Cost::toDouble(d.previousTotal)) / std::abs(Cost::toDouble(d.previousTotal)) * 100.0
        : std::numeric_limits<double>::quiet_NaN();
    const Cost::BigMoney perDay = d.activeDays > 0 ? d.total / d.activeDays : 0;
    const double blended = d.tokens > 0 ? Cost::toDouble(d.total) / static_cast<double>(d.tokens) * 1e6 : 0;
    auto top = [](const Analytics::Breakdown &b) -> std::pair<QString, QString> {
        for (const auto &row : b.rows) {
            if (!row.key.empty())
                return {QString::fromStdString(row.key), Format::share(row.share)};
        }
        return {QStringLiteral("\u2014"), QString()};
    };
    const auto [topModel, topModelShare] = top(d.byModel);
    const auto [topFeature, topFeatureShare] = top(d.byFeature);
    return {
        {Tr::tr("Total cost"), Format::money(d.total, c, Format::Precision::Cents), Tr::tr("billed, exact to the cent")},
        {Tr::tr("Previous period"), Format::money(d.previousTotal, c, Format::Precision::Cents), Tr::tr("%1 change").arg(Format::signedPercent(change))},
        {Tr::tr("Per active day"), Format::money(perDay, c, Format::Precision::Cents), Tr::tr("%1 days with charges").arg(d.activeDays)},
        {Tr::tr("Cost per 1M tokens"), d.tokens > 0 ? Format::unitMoney(blended, c, 2) : QStringLiteral("\u2014"), Tr::tr("blended over all kinds")},
        {Tr::tr("Tokens"), Format::compactCount(d.tokens), Format::count(d.tokens)},
        {Tr::tr("Requests"), d.requests > 0 ? Format::compactCount(d.requests) : QStringLiteral("\u2014"),
         d.requests > 0 ? Format::count(d.requests) : Tr::tr("not reported")},
        {Tr::tr("Top model"), topModel, topModelShare.isEmpty() ? QString() : Tr::tr("%1 of cost").arg(topModelShare)},
        {Tr::tr("Top feature"), topFeature, topFeatureShare.isEmpty() ? QString() : Tr::tr("%1 of cost").arg(topFeatureShare)},
    };
}

} // namespace

ReportWriter::ReportWriter(ReportRequest request)
    : m_request(std::move(request))
{
}

bool ReportWriter::cancelled()
{
    if (m_cancel.load() || (m_canceled && m_canceled())) {
        m_cancel.store(true);
        m_error = tr("cancelled");
        return true;
    }
    return false;
}

void ReportWriter::report(int percent, const QString &stage)
{
    if (m_progress)
        m_progress(percent, stage);
}

bool ReportWriter::write(const QString &dbPath, const QString &outPath)
{
    if (!Cost::PgDb::isPostgresLocation(dbPath.toStdString()) && !QFileInfo::exists(dbPath)) {
        m_error = tr("no store at %1").arg(dbPath);
        return false;
    }
    Cost::Store store;
    if (!store.open(dbPath.toStdString(), Cost::Store::TeamStore::ReadOnly)) {
        m_error = QString::fromStdString(store.error());
        return false;
    }
    return write(store.db(), outPath);
}

bool ReportWriter::write(Cost::SqliteDb &db, const QString &outPath)
{
    QElapsedTimer timer;
    timer.start();
    report(0, tr("Reading the store"));
    ReportData data;
    std::string error;
    const auto gathered = [this](int p) {
        report(p * 55 / 100, tr("Reading the store"));
        cancelled(); // refreshes the flag the gathering polls
    };
    if (!gatherReportData(db, m_request, data, gathered, &m_cancel, error)) {
        m_error = cancelled() ? tr("cancelled") : QString::fromStdString(error);
        return false;
    }
    m_stats.gatherMs = timer.elapsed();
    return render(db, data, outPath);
}

bool ReportWriter::render(Cost::SqliteDb &db, const ReportData &data, const QString &outPath)
{
    QElapsedTimer timer;
    timer.start();
    report(55, tr("Preparing sections"));
    std::vector<std::unique_ptr<ReportSection>> owned = createSections();
    std::vector<ReportSection *> sections;
    for (auto &section : owned) {
        if (cancelled())
            return false;
        std::string error;
        if (!section->prepare(db, data, error)) {
            m_error = tr("%1: %2").arg(section->title(), QString::fromStdString(error));
            return false;
        }
        if (section->hasContent(data))
            sections.push_back(section.get());
    }

    // Pass 1 into memory: page numbers for the contents and "of N" in the footers.
    std::vector<TocEntry> toc;
    int pages = 0;
    {
        QBuffer scratch;
        scratch.open(QIODevice::WriteOnly);
        QPdfWriter writer(&scratch);
        configure(writer);
        if (!renderPass(writer, data, sections, 0, {}, toc, pages, 60, 75))
            return false;
    }

    QSaveFile file(outPath);
    if (!file.open(QIODevice::WriteOnly)) {
        m_error = tr("cannot write %1: %2").arg(outPath, file.errorString());
        return false;
    }
    std::vector<TocEntry> finalToc;
    int finalPages = 0;
    {
        QPdfWriter writer(&file);
        configure(writer);
        if (!renderPass(writer, data, sections, pages, toc, finalToc, finalPages, 75, 99))
            return false; // QSaveFile discards the partial file
    }
    if (cancelled()) {
        file.cancelWriting(); // the last section may have been drawn after Cancel
        return false;
    }
    if (!file.commit()) {
        m_error = tr("cannot write %1: %2").arg(outPath, file.errorString());
        return false;
    }
    m_stats.pages = finalPages;
    m_stats.toc = finalToc;
    m_stats.renderMs = timer.elapsed();
    report(100, tr("Done"));
    return true;
}

void ReportWriter::configure(QPdfWriter &writer) const
{
    writer.setResolution(kResolution);
    writer.setPageSize(QPageSize(m_request.pageSize == PageSize::Letter ? QPageSize::Letter : QPageSize::A4));
    writer.setPageOrientation(QPageLayout::Portrait);
    writer.setPageMargins(QMarginsF(0, 0, 0, 0)); // the canvas lays out its own margins
    writer.setTitle(tr("AI inference cost report"));
    writer.setCreator(QStringLiteral("Burnrate %1").arg(QCoreApplication::applicationVersion()));
}

bool ReportWriter::renderPass(QPdfWriter &writer, const ReportData &data, const std::vector<ReportSection *> &sections,
                              int totalPages, const std::vector<TocEntry> &knownToc, std::vector<TocEntry> &toc,
                              int &pages, int progressFrom, int progressTo)
{
    QPainter painter;
    if (!painter.begin(&writer)) {
        m_error = tr("cannot start the PDF");
        return false;
    }
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    ReportCanvas canvas(&painter, &writer, data, totalPages);
    // The contents list every section even in the first pass, so the cover is the same height.
    std::vector<TocEntry> coverToc = knownToc;
    if (coverToc.empty()) {
        for (const ReportSection *section : sections)
            coverToc.push_back({section->title(), 0});
    }
    drawCover(canvas, coverToc);
    const int count = static_cast<int>(sections.size());
    for (int i = 0; i < count; ++i) {
        if (cancelled()) {
            painter.end();
            return false;
        }
        report(progressFrom + (progressTo - progressFrom) * i / std::max(1, count), tr("Drawing %1").arg(sections[static_cast<std::size_t>(i)]->title()));
        canvas.beginSection(sections[static_cast<std::size_t>(i)]->title());
        sections[static_cast<std::size_t>(i)]->render(canvas);
    }
    toc = canvas.toc();
    pages = canvas.pageNumber();
    painter.end();
    return true;
}

void ReportWriter::drawCover(ReportCanvas &canvas, const std::vector<TocEntry> &toc) const
{
    QPainter &p = *canvas.painter();
    const ReportData &d = canvas.data();
    const QRectF content = canvas.contentRect();
    using Role = ReportCanvas::FontRole;

    QFont kicker = canvas.font(Role::TableHeader);
    kicker.setLetterSpacing(QFont::PercentageSpacing, 115);
    p.setFont(kicker);
    p.setPen(kAccent);
    QRectF line = canvas.takeBlock(canvas.lineHeight(Role::TableHeader));
    p.drawText(line, Qt::AlignLeft | Qt::AlignVCenter, tr("BURNRATE COST REPORT"));
    canvas.skip(canvas.pt(4));
    p.setFont(canvas.font(Role::Title));
    p.setPen(kInk);
    line = canvas.takeBlock(canvas.lineHeight(Role::Title));
    p.drawText(line, Qt::AlignLeft | Qt::AlignVCenter, tr("AI inference cost"));
    p.setFont(canvas.font(Role::Subheading));
    p.setPen(kMuted);
    line = canvas.takeBlock(canvas.lineHeight(Role::Subheading));
    p.drawText(line, Qt::AlignLeft | Qt::AlignVCenter,
               d.request.workspace.isEmpty() ? tr("Workspace") : tr("Workspace: %1").arg(d.request.workspace));
    canvas.skip(canvas.pt(14));

    // Facts: what the numbers cover.
    const std::pair<QString, QString> facts[] = {
        {tr("Range"), Format::range(d.request.fromDay, d.request.toDay)},
        {tr("Filters"), filtersText(d.request.filters)},
        {tr("Currency"), d.currency},
        {tr("Generated"), Format::timestamp(d.request.generatedAt)},
    };
    const QFont body = canvas.font(Role::Body);
    const QFont bold = [&] { QFont f = body; f.setWeight(QFont::DemiBold); return f; }();
    const double factLine = canvas.lineHeight(Role::Body) + canvas.pt(3);
    for (const auto &[label, value] : facts) {
        line = canvas.takeBlock(factLine);
        p.setFont(bold);
        p.setPen(kInk);
        p.drawText(QRectF(line.left(), line.top(), canvas.pt(80), line.height()), Qt::AlignLeft | Qt::AlignVCenter, label);
        p.setFont(body);
        const QRectF valueRect(line.left() + canvas.pt(80), line.top(), line.width() - canvas.pt(80), line.height());
        p.drawText(valueRect, Qt::AlignLeft | Qt::AlignVCenter,
                   QFontMetricsF(body, p.device()).elidedText(value, Qt::ElideRight, valueRect.width()));
    }
    canvas.skip(canvas.pt(18));

    // Headline KPIs: four tiles per row.
    const std::vector<Kpi> kpis = coverKpis(d);
    constexpr int kColumns = 4;
    const double gap = canvas.pt(10);
    const double tileW = (content.width() - gap * (kColumns - 1)) / kColumns;
    const double tileH = canvas.pt(70);
    const QFont small = canvas.font(Role::Small);
    const QFont kpiFont = canvas.font(Role::Kpi);
    for (std::size_t i = 0; i < kpis.size(); i += kColumns) {
        const QRectF row = canvas.takeBlock(tileH + gap);
        for (std::size_t j = i; j < kpis.size() && j < i + kColumns; ++j) {
            const QRectF tile(row.left() + static_cast<double>(j - i) * (tileW + gap), row.top(), tileW, tileH);
            QPainterPath path;
            path.addRoundedRect(tile, canvas.pt(5), canvas.pt(5));
            p.fillPath(path, kTile);
            p.setPen(QPen(kTileEdge, canvas.pt(0.6)));
            p.drawPath(path);
            const QRectF inner = tile.adjusted(canvas.pt(9), canvas.pt(8), -canvas.pt(9), -canvas.pt(8));
            p.setFont(small);
            p.setPen(kMuted);
            p.drawText(inner, Qt::AlignLeft | Qt::AlignTop, kpis[j].label);
            // The value shrinks to fit its tile rather than being cut.
            QFont valueFont = kpiFont;
            while (QFontMetricsF(valueFont, p.device()).horizontalAdvance(kpis[j].value) > inner.width() && valueFont.pointSizeF() > 8)
                valueFont.setPointSizeF(valueFont.pointSizeF() - 0.5);
            p.setFont(valueFont);
            p.setPen(kInk);
            p.drawText(inner, Qt::AlignLeft | Qt::AlignVCenter,
                       QFontMetricsF(valueFont, p.device()).elidedText(kpis[j].value, Qt::ElideRight, inner.width()));
            p.setFont(small);
            p.setPen(kMuted);
            p.drawText(inner, Qt::AlignLeft | Qt::AlignBottom,
                       QFontMetricsF(small, p.device()).elidedText(kpis[j].detail, Qt::ElideRight, inner.width()));
        }
    }
    canvas.skip(canvas.pt(6));

    // The range at a glance, in whatever room the contents leave on the cover.
    const double tocLine = canvas.lineHeight(Role::Body) + canvas.pt(5);
    const double tocHeight = canvas.pt(40) + tocLine * static_cast<double>(toc.size());
    const double chartHeight = std::min(canvas.remaining() - tocHeight - canvas.lineHeight(Role::Subheading) - canvas.pt(24),
                                        canvas.pt(230));
    if (chartHeight >= canvas.pt(120) && !d.byModel.bucketStarts.empty()) {
        canvas.heading(tr("Cost over time by model"), chartHeight);
        ReportChart::drawStackedBars(p, canvas.takeBlock(chartHeight), canvas.pt(1), d.byModel, d.currency);
        canvas.skip(canvas.pt(6));
    }

    // Contents.
    canvas.heading(tr("Contents"), canvas.pt(40));
    p.setFont(body);
    const QFontMetricsF metrics(body, p.device());
    for (const TocEntry &entry : toc) {
        line = canvas.takeBlock(tocLine);
        const QString number = entry.page > 0 ? QString::number(entry.page) : QString();
        p.setPen(kInk);
        p.drawText(line, Qt::AlignLeft | Qt::AlignVCenter, entry.title);
        p.drawText(line, Qt::AlignRight | Qt::AlignVCenter, number);
        // Dotted leader between the title and its page number.
        const double from = line.left() + metrics.horizontalAdvance(entry.title) + canvas.pt(6);
        const double to = line.right() - metrics.horizontalAdvance(QStringLiteral("000")) - canvas.pt(6);
        if (to > from) {
            QPen dots(kTileEdge, canvas.pt(0.8), Qt::DotLine);
            p.setPen(dots);
            const double y = line.center().y() + metrics.descent();
            p.drawLine(QPointF(from, y), QPointF(to, y));
        }
    }
}

} // namespace Report
