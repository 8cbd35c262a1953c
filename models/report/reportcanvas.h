#pragma once

#include "format/palette.h"
#include "report/reportdata.h"

#include <QColor>
#include <QFont>
#include <QRectF>
#include <QString>
#include <QStringList>

#include <vector>

class QPagedPaintDevice;
class QPainter;

namespace Report {

/// A table for ReportCanvas::drawTable: a header row, then body rows; numeric columns right-aligned.
struct ReportTable {
    QStringList headers;
    std::vector<double> weights;  ///< relative column widths (one per header)
    std::vector<bool> numeric;    ///< right-aligned columns (one per header)
    std::vector<QStringList> rows;
    std::vector<QColor> swatches; ///< optional: a colour square before the first cell of each row
    QStringList totalRow;         ///< optional: drawn bold under a rule after the last row
};

/// One entry of the table of contents.
struct TocEntry {
    QString title;
    int page = 0;
};

/// The layout context a report section draws with: the painter on the current page, the content
/// rectangle, a vertical cursor, fonts by role, and page breaks that repeat the running header
/// and footer. Lengths are in device units; pt() converts from typographic points.
///
/// Threading contract: lives on the thread that renders the report (any thread).
class ReportCanvas {
public:
    enum class FontRole { Title, Heading, Subheading, Body, Small, TableHeader, Kpi };

    /// `totalPages` and `toc` come from a previous layout pass (0 / empty on the first).
    ReportCanvas(QPainter *painter, QPagedPaintDevice *device, const ReportData &data, int totalPages);

    /// The painter on the current page.
    QPainter *painter() const { return m_painter; }
    const ReportData &data() const { return m_data; }
    /// Device units per typographic point.
    double pt(double points) const { return points * m_unit; }
    /// A font for `role`, sized for the device.
    QFont font(FontRole role) const;
    /// Line height of `role`'s font.
    double lineHeight(FontRole role) const;

    /// The printable area below the running header and above the footer.
    QRectF contentRect() const { return m_content; }
    /// The vertical cursor (top of the next block).
    double y() const { return m_y; }
    /// Space left below the cursor on this page.
    double remaining() const { return m_content.bottom() - m_y; }
    /// Starts a new page when less than `height` is left; true when it did.
    bool ensureSpace(double height);
    /// Finishes the current page and starts the next one.
    void newPage();
    /// Reserves `height` at the cursor (breaking the page first when needed) and returns it.
    QRectF takeBlock(double height);
    /// Moves the cursor down by `height`.
    void skip(double height) { m_y += height; }
    /// 1-based number of the current page.
    int pageNumber() const { return m_page; }

    /// Starts a section on a new page: records it in the table of contents and draws its title.
    void beginSection(const QString &title);
    /// A sub-heading kept on the same page as at least `keepWithNext` of what follows.
    void heading(const QString &text, double keepWithNext);
    /// Wrapped text across the content width.
    void paragraph(const QString &text, FontRole role = FontRole::Body,
                   const QColor &colour = Palette::light().colour(Palette::Role::SecondaryText));
    /// A table; rows that do not fit continue on the next page under a repeated header row.
    void drawTable(const ReportTable &table);

    /// Sections begun so far, with their first page.
    const std::vector<TocEntry> &toc() const { return m_toc; }

private:
    void drawRunningHeader();
    void drawTableHeader(const ReportTable &table, const std::vector<double> &x, const std::vector<double> &w);

    QPainter *m_painter;
    QPagedPaintDevice *m_device;
    const ReportData &m_data;
    int m_totalPages;
    double m_unit = 1;
    QRectF m_pageRect;
    QRectF m_content;
    double m_y = 0;
    int m_page = 1;
    std::vector<TocEntry> m_toc;
};

} // namespace Report
