#pragma once

#include "report/reportcanvas.h"
#include "report/reportdata.h"

#include <QString>

#include <atomic>
#include <functional>
#include <vector>

class QPdfWriter;

namespace Report {

class ReportSection;

/// Writes the multi-page PDF cost report: a cover (workspace, range, filters, headline KPIs and
/// contents), then every registered section on its own pages (see reportsection.h), with a
/// running header and "Page N of M" footer. Vector throughout: text stays text.
///
/// Two layout passes: the first (into memory) finds each section's page for the contents and
/// the page count, the second writes the file atomically (nothing is left behind on failure or
/// cancel).
///
/// Threading contract: one writer per report, on any thread (it opens its own connection and
/// uses no widgets); progress and the cancel check are called on that thread.
class ReportWriter {
public:
    /// 0–100 with a short description of the stage.
    using Progress = std::function<void(int percent, const QString &stage)>;

    struct Stats {
        int pages = 0;
        std::vector<TocEntry> toc;
        qint64 gatherMs = 0;  ///< reading the store
        qint64 renderMs = 0;  ///< both layout passes
    };

    explicit ReportWriter(ReportRequest request);

    void setProgress(Progress progress) { m_progress = std::move(progress); }
    /// Polled between stages, sections and before the file is committed; once it returns true
    /// the report stops with error() "cancelled" and no file is left at the output path.
    void setCancelCheck(std::function<bool()> canceled) { m_canceled = std::move(canceled); }

    /// Reads the store at `dbPath` and writes the PDF to `outPath`; false with error().
    bool write(const QString &dbPath, const QString &outPath);
    /// The same on an open connection (a Task::Context's); false with error().
    bool write(Cost::SqliteDb &db, const QString &outPath);
    /// Renders already gathered data (sections still prepare against `db`); false with error().
    bool render(Cost::SqliteDb &db, const ReportData &data, const QString &outPath);

    const QString &error() const { return m_error; }
    const Stats &stats() const { return m_stats; }

private:
    bool cancelled();
    void report(int percent, const QString &stage);
    void configure(QPdfWriter &writer) const;
    /// One layout pass; returns the page count and fills `toc`. False when cancelled.
    bool renderPass(QPdfWriter &writer, const ReportData &data, const std::vector<ReportSection *> &sections,
                    int totalPages, const std::vector<TocEntry> &knownToc, std::vector<TocEntry> &toc, int &pages,
                    int progressFrom, int progressTo);
    void drawCover(ReportCanvas &canvas, const std::vector<TocEntry> &toc) const;

    ReportRequest m_request;
    Progress m_progress;
    std::function<bool()> m_canceled;
    std::atomic_bool m_cancel{false}; ///< m_canceled as the data gathering polls it
    QString m_error;
    Stats m_stats;
};

} // namespace Report
