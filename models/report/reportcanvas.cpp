#include "report/reportcanvas.h"

#include "format/format.h"
#include "format/palette.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPagedPaintDevice>
#include <QPainter>
#include <QTextLayout>
#include <QTextOption>

#include <algorithm>
#include <numeric>

namespace Report {

namespace {

constexpr double kMarginPt = 48;
constexpr double kHeaderPt = 28; // running header band inside the top margin area
constexpr double kFooterPt = 28;

const QColor kInk = Palette::light().colour(Palette::Role::Text);
const QColor kMuted = Palette::light().colour(Palette::Role::MutedText);
const QColor kRule = Palette::light().colour(Palette::Role::Rule);
const QColor kStripe = Palette::light().colour(Palette::Role::TableStripe);
const QColor kHeaderFill = Palette::light().colour(Palette::Role::TableHeader);

QString tr(const char *text) { return QCoreApplication::translate("Report::ReportCanvas", text); }

constexpr int kMaxCellLines = 4;

// `text` broken at spaces into at most kMaxCellLines lines of `width`; a word wider than a line
// and the last line, when text is left over, end in an ellipsis.
QStringList wrapCell(const QString &text, const QFontMetricsF &fm, double width)
{
    if (fm.horizontalAdvance(text) <= width)
        return {text};
    QStringList lines;
    QString line;
    const QStringList words = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (qsizetype i = 0; i < words.size(); ++i) {
        const QString candidate = line.isEmpty() ? words[i] : line + QLatin1Char(' ') + words[i];
        if (fm.horizontalAdvance(candidate) <= width || line.isEmpty()) {
            line = candidate;
            continue;
        }
        lines << fm.elidedText(line, Qt::ElideRight, width);
        if (lines.size() == kMaxCellLines - 1) {
            line = words.mid(i).join(QLatin1Char(' '));
            break;
        }
        line = words[i];
    }
    lines << fm.elidedText(line, Qt::ElideRight, width);
    return lines;
}

// The header of each column wrapped to its width less `pad`; `lineCount` is the tallest.
std::vector<QStringList> wrapHeaders(const ReportTable &table, const QFontMetricsF &fm, const std::vector<double> &w, double pad,
                                     qsizetype &lineCount)
{
    std::vector<QStringList> lines(w.size());
    lineCount = 1;
    for (std::size_t c = 0; c < w.size(); ++c) {
        lines[c] = wrapCell(table.headers[static_cast<qsizetype>(c)], fm, w[c] - pad);
        lineCount = std::max(lineCount, lines[c].size());
    }
    return lines;
}

} // namespace

ReportCanvas::ReportCanvas(QPainter *painter, QPagedPaintDevice *device, const ReportData &data, int totalPages)
    : m_painter(painter)
    , m_device(device)
    , m_data(data)
    , m_totalPages(totalPages)
{
    m_unit = device->logicalDpiY() / 72.0;
    m_pageRect = QRectF(0, 0, device->width(), device->height());
    m_content = m_pageRect.adjusted(pt(kMarginPt), pt(kMarginPt + kHeaderPt), -pt(kMarginPt), -pt(kMarginPt + kFooterPt));
    m_y = m_content.top();
    drawRunningHeader();
}

QFont ReportCanvas::font(FontRole role) const
{
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setStyleHint(QFont::SansSerif);
    switch (role) {
    case FontRole::Title: f.setPointSizeF(22); f.setWeight(QFont::Bold); break;
    case FontRole::Heading: f.setPointSizeF(16); f.setWeight(QFont::DemiBold); break;
    case FontRole::Subheading: f.setPointSizeF(11.5); f.setWeight(QFont::DemiBold); break;
    case FontRole::Body: f.setPointSizeF(9.5); break;
    case FontRole::Small: f.setPointSizeF(7.5); break;
    case FontRole::TableHeader: f.setPointSizeF(8); f.setWeight(QFont::DemiBold); break;
    case FontRole::Kpi: f.setPointSizeF(15); f.setWeight(QFont::DemiBold); break;
    }
    return f;
}

double ReportCanvas::lineHeight(FontRole role) const
{
    return QFontMetricsF(font(role), m_device).lineSpacing();
}

bool ReportCanvas::ensureSpace(double height)
{
    if (m_y + height <= m_content.bottom() || m_y <= m_content.top())
        return false;
    newPage();
    return true;
}

void ReportCanvas::newPage()
{
    m_device->newPage();
    ++m_page;
    m_y = m_content.top();
    drawRunningHeader();
}

QRectF ReportCanvas::takeBlock(double height)
{
    ensureSpace(height);
    const QRectF block(m_content.left(), m_y, m_content.width(), std::min(height, m_content.bottom() - m_y));
    m_y += block.height();
    return block;
}

void ReportCanvas::beginSection(const QString &title)
{
    newPage();
    m_toc.push_back({title, m_page});
    m_painter->setFont(font(FontRole::Heading));
    m_painter->setPen(kInk);
    const double h = lineHeight(FontRole::Heading);
    m_painter->drawText(QRectF(m_content.left(), m_y, m_content.width(), h), Qt::AlignLeft | Qt::AlignVCenter, title);
    m_y += h + pt(4);
    m_painter->setPen(QPen(Palette::light().colour(Palette::Role::Accent), pt(1.5)));
    m_painter->drawLine(QPointF(m_content.left(), m_y), QPointF(m_content.left() + pt(48), m_y));
    m_y += pt(12);
}

void ReportCanvas::heading(const QString &text, double keepWithNext)
{
    const double h = lineHeight(FontRole::Subheading);
    if (m_y > m_content.top())
        m_y += pt(8);
    ensureSpace(h + pt(4) + keepWithNext);
    m_painter->setFont(font(FontRole::Subheading));
    m_painter->setPen(kInk);
    m_painter->drawText(QRectF(m_content.left(), m_y, m_content.width(), h), Qt::AlignLeft | Qt::AlignVCenter, text);
    m_y += h + pt(4);
}

void ReportCanvas::paragraph(const QString &text, FontRole role, const QColor &colour)
{
    const QFont f = font(role);
    QTextLayout layout(text, f, m_device);
    QTextOption option;
    option.setWrapMode(QTextOption::WordWrap);
    layout.setTextOption(option);
    layout.beginLayout();
    std::vector<QTextLine> lines;
    double height = 0;
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLineWidth(m_content.width());
        line.setPosition(QPointF(0, height));
        height += line.height();
    }
    layout.endLayout();
    // Short paragraphs stay whole; a long one may break between lines.
    ensureSpace(std::min(height, m_content.height() / 4));
    m_painter->setPen(colour);
    m_painter->setFont(f);
    for (int i = 0; i < layout.lineCount(); ++i) {
        QTextLine line = layout.lineAt(i);
        if (m_y + line.height() > m_content.bottom())
            newPage();
        m_painter->setPen(colour);
        line.draw(m_painter, QPointF(m_content.left(), m_y - line.y()));
        m_y += line.height();
    }
    m_y += pt(4);
}

void ReportCanvas::drawTableHeader(const ReportTable &table, const std::vector<double> &x, const std::vector<double> &w)
{
    qsizetype lineCount = 1;
    const std::vector<QStringList> lines = wrapHeaders(table, QFontMetricsF(font(FontRole::TableHeader), m_device), w, pt(8), lineCount);
    const double lineH = lineHeight(FontRole::TableHeader);
    const double h = lineH * static_cast<double>(lineCount) + pt(6);
    m_painter->fillRect(QRectF(m_content.left(), m_y, m_content.width(), h), kHeaderFill);
    m_painter->setFont(font(FontRole::TableHeader));
    m_painter->setPen(kInk);
    // Header lines sit at the bottom of the band, next to the column they name.
    for (std::size_t c = 0; c < x.size(); ++c) {
        const Qt::Alignment align = (c < table.numeric.size() && table.numeric[c]) ? Qt::AlignRight : Qt::AlignLeft;
        const double top = m_y + pt(3) + lineH * static_cast<double>(lineCount - lines[c].size());
        for (qsizetype l = 0; l < lines[c].size(); ++l)
            m_painter->drawText(QRectF(x[c] + pt(4), top + lineH * static_cast<double>(l), w[c] - pt(8), lineH),
                                align | Qt::AlignVCenter, lines[c][l]);
    }
    m_y += h;
}

void ReportCanvas::drawTable(const ReportTable &table)
{
    const std::size_t columns = static_cast<std::size_t>(table.headers.size());
    if (columns == 0)
        return;
    std::vector<double> weights = table.weights;
    weights.resize(columns, 1.0);
    const QFont body = font(FontRole::Body);
    // Natural widths from the content; the spare width goes to the text columns by weight, so
    // numbers are never cut while names get the room. Too wide: the text columns shrink (numbers
    // keep their width) unless that leaves them too little, then every column shrinks alike.
    const QFontMetricsF headerMetrics(font(FontRole::TableHeader), m_device);
    QFont boldBody = body;
    boldBody.setBold(true);
    const QFontMetricsF bodyMetrics(body, m_device), boldMetrics(boldBody, m_device);
    // natural: the widest cell on one line; minimal: the widest word (text cells wrap at spaces).
    std::vector<double> natural(columns, 0.0), minimal(columns, 0.0);
    auto measure = [&](std::size_t c, const QString &text, const QFontMetricsF &fm) {
        natural[c] = std::max(natural[c], fm.horizontalAdvance(text));
        for (const QString &word : text.split(QLatin1Char(' '), Qt::SkipEmptyParts))
            minimal[c] = std::max(minimal[c], fm.horizontalAdvance(word));
    };
    for (std::size_t c = 0; c < columns; ++c) {
        measure(c, table.headers[static_cast<qsizetype>(c)], headerMetrics);
        for (const QStringList &row : table.rows) {
            if (c < static_cast<std::size_t>(row.size()))
                measure(c, row[static_cast<qsizetype>(c)], bodyMetrics);
        }
        if (c < static_cast<std::size_t>(table.totalRow.size()))
            measure(c, table.totalRow[static_cast<qsizetype>(c)], boldMetrics);
        const double pad = pt(10) + (c == 0 && !table.swatches.empty() ? pt(11) : 0);
        natural[c] += pad;
        minimal[c] += pad;
    }
    const double needed = std::accumulate(natural.begin(), natural.end(), 0.0);
    std::vector<double> x(columns), w(columns);
    double textWeight = 0;
    for (std::size_t c = 0; c < columns; ++c)
        textWeight += (c < table.numeric.size() && table.numeric[c]) ? 0 : weights[c];
    double textNatural = 0;
    for (std::size_t c = 0; c < columns; ++c)
        textNatural += (c < table.numeric.size() && table.numeric[c]) ? 0 : natural[c];
    double textMinimal = 0;
    for (std::size_t c = 0; c < columns; ++c)
        textMinimal += (c < table.numeric.size() && table.numeric[c]) ? 0 : minimal[c];
    const double textRoom = m_content.width() - (needed - textNatural);
    // Too wide: every text column keeps its widest word and shares the rest of the room in
    // proportion to what wrapping takes from it; numbers keep their width.
    const bool shrinkText = needed > m_content.width() && textNatural > textMinimal && textRoom >= textMinimal;
    for (std::size_t c = 0; c < columns; ++c) {
        const bool text = !(c < table.numeric.size() && table.numeric[c]);
        if (shrinkText)
            w[c] = text ? minimal[c] + (natural[c] - minimal[c]) * (textRoom - textMinimal) / (textNatural - textMinimal)
                        : natural[c];
        else if (needed > m_content.width())
            w[c] = natural[c] * m_content.width() / needed;
        else if (textWeight > 0)
            w[c] = natural[c] + (text ? (m_content.width() - needed) * weights[c] / textWeight : 0);
        else
            w[c] = natural[c] + (m_content.width() - needed) / static_cast<double>(columns);
    }
    double left = m_content.left();
    for (std::size_t c = 0; c < columns; ++c) {
        x[c] = left;
        left += w[c];
    }
    const QFontMetricsF metrics(body, m_device);
    const double rowH = metrics.lineSpacing() + pt(5);
    qsizetype headerLines = 1;
    wrapHeaders(table, headerMetrics, w, pt(8), headerLines);
    const double headerH = lineHeight(FontRole::TableHeader) * static_cast<double>(headerLines) + pt(6);

    // The header never sits alone at the bottom of a page: keep it with two rows.
    ensureSpace(headerH + rowH * std::min<double>(2, static_cast<double>(table.rows.size()) + 1));
    drawTableHeader(table, x, w);

    // A row grows to fit its text cells wrapped onto up to kMaxCellLines lines; numbers stay on one.
    auto drawRow = [&](const QStringList &cells, int index, bool bold) {
        QFont f = body;
        f.setBold(bold);
        const QFontMetricsF fm(f, m_device);
        const bool swatch = !bold && static_cast<std::size_t>(index) < table.swatches.size();
        std::vector<QStringList> lines(columns);
        qsizetype lineCount = 1;
        for (std::size_t c = 0; c < columns && c < static_cast<std::size_t>(cells.size()); ++c) {
            const bool numeric = c < table.numeric.size() && table.numeric[c];
            const double width = w[c] - pt(8) - (c == 0 && swatch ? pt(11) : 0);
            const QString &text = cells[static_cast<qsizetype>(c)];
            lines[c] = numeric ? QStringList{fm.elidedText(text, Qt::ElideRight, width)} : wrapCell(text, fm, width);
            lineCount = std::max(lineCount, lines[c].size());
        }
        const double h = rowH + metrics.lineSpacing() * static_cast<double>(lineCount - 1);
        if (m_y + h > m_content.bottom()) {
            newPage();
            drawTableHeader(table, x, w);
        }
        if (!bold && index % 2 == 1)
            m_painter->fillRect(QRectF(m_content.left(), m_y, m_content.width(), h), kStripe);
        m_painter->setFont(f);
        m_painter->setPen(kInk);
        for (std::size_t c = 0; c < columns && c < static_cast<std::size_t>(cells.size()); ++c) {
            const bool numeric = c < table.numeric.size() && table.numeric[c];
            QRectF cell(x[c] + pt(4), m_y, w[c] - pt(8), h);
            if (c == 0 && swatch) {
                const double s = pt(7);
                m_painter->fillRect(QRectF(cell.left(), m_y + (rowH - s) / 2, s, s), table.swatches[static_cast<std::size_t>(index)]);
                cell.setLeft(cell.left() + s + pt(4));
            }
            // The first line sits where a one-line row's text would; further lines follow it.
            for (qsizetype l = 0; l < lines[c].size(); ++l) {
                const QRectF lineRect(cell.left(), m_y + metrics.lineSpacing() * static_cast<double>(l), cell.width(), rowH);
                m_painter->drawText(lineRect, (numeric ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter, lines[c][l]);
            }
        }
        m_y += h;
    };
    for (std::size_t r = 0; r < table.rows.size(); ++r)
        drawRow(table.rows[r], static_cast<int>(r), false);
    if (!table.totalRow.isEmpty()) {
        if (m_y + rowH + pt(2) > m_content.bottom()) {
            newPage();
            drawTableHeader(table, x, w);
        }
        m_painter->setPen(QPen(kRule, pt(0.8)));
        m_painter->drawLine(QPointF(m_content.left(), m_y + pt(1)), QPointF(m_content.right(), m_y + pt(1)));
        m_y += pt(2);
        drawRow(table.totalRow, 0, true);
    }
    m_y += pt(6);
}

void ReportCanvas::drawRunningHeader()
{
    QPainter &p = *m_painter;
    const QFont small = font(FontRole::Small);
    const double h = lineHeight(FontRole::Small);
    p.setFont(small);
    p.setPen(kMuted);
    const QString workspace = m_data.request.workspace.isEmpty() ? tr("Burnrate") : tr("Burnrate \u00B7 %1").arg(m_data.request.workspace);
    if (m_page > 1) {
        const QRectF band(m_content.left(), pt(kMarginPt), m_content.width(), h);
        p.drawText(band, Qt::AlignLeft | Qt::AlignVCenter, workspace);
        p.drawText(band, Qt::AlignRight | Qt::AlignVCenter,
                   Format::range(m_data.request.fromDay, m_data.request.toDay));
        p.setPen(QPen(kRule, pt(0.6)));
        p.drawLine(QPointF(m_content.left(), band.bottom() + pt(4)), QPointF(m_content.right(), band.bottom() + pt(4)));
        p.setPen(kMuted);
    }
    const QRectF footer(m_content.left(), m_content.bottom() + pt(14), m_content.width(), h);
    p.setPen(QPen(kRule, pt(0.6)));
    p.drawLine(QPointF(m_content.left(), footer.top() - pt(4)), QPointF(m_content.right(), footer.top() - pt(4)));
    p.setPen(kMuted);
    const QString generated = Format::timestamp(m_data.request.generatedAt);
    const QString number = m_totalPages > 0 ? tr("Page %1 of %2").arg(m_page).arg(m_totalPages) : tr("Page %1").arg(m_page);
    const QFontMetricsF metrics(small, m_device);
    const QString left = tr("Generated %1 \u00B7 %2 \u00B7 Filters: %3")
                             .arg(generated, m_data.currency, filtersText(m_data.request.filters));
    p.drawText(footer, Qt::AlignLeft | Qt::AlignVCenter,
               metrics.elidedText(left, Qt::ElideRight, footer.width() - metrics.horizontalAdvance(number) - pt(16)));
    p.drawText(footer, Qt::AlignRight | Qt::AlignVCenter, number);
}

} // namespace Report
