#pragma once

#include "domain/money.h"
#include "report/reportdata.h"

#include <string>

#include <QDate>
#include <QString>
#include <QStringList>
#include <QTest>

#include <cstdint>
#include <initializer_list>
#include <memory>
#include <vector>

namespace Analytics {
struct Anomaly;
struct Breakdown;
struct BreakdownQuery;
} // namespace Analytics

namespace Cost {
class SqliteDb;
class Store;
} // namespace Cost

namespace Pricing {
class PriceCatalog;
}

namespace Simulation {
class PricedUsage;
struct UsageQuery;
struct UsageSnapshot;
} // namespace Simulation

namespace TestSupport {

/// Days as the app writes them in progress and error texts ("Mar 4–6", the month named in the
/// locale's language): Format::briefRange of two inclusive dates, so expectations hold in every locale.
QString days(const QDate &from, const QDate &to);

/// Anomalies one per line (series, grain, start, points, actual, expected, explanation), for failure messages.
QByteArray describeAnomalies(const std::vector<Analytics::Anomaly> &list);

/// Absolute path of a file under tests/data.
QString dataPath(const QString &relative);

/// Runs the burnrate executable with `args`; returns the exit code, fills stdout/stderr.
int runBurnrate(const QStringList &args, QString *out = nullptr, QString *err = nullptr, int timeoutMs = 120000);

/// Like runBurnrate, with `stdinBytes` on its standard input, while this thread's event loop keeps
/// turning (so in-process fake servers answer the child). Returns the exit code (-1: crashed/timeout).
int runBurnrateLive(const QStringList &args, const QByteArray &stdinBytes, QString *out = nullptr, QString *err = nullptr,
                    int timeoutMs = 60000);

/// Where a CSV record ends: RFC 4180's CRLF only (a last line without it is dropped, a blank line
/// is a record), or any of CRLF, LF and CR (blank lines skipped, a last line kept).
enum class CsvRecordEnd { CrLf, AnyLineBreak };

/// A deliberately separate CSV reader (QString-based, quoted fields, doubled quotes) so that tests
/// check the product's CSV against an independent one.
QList<QStringList> parseCsv(const QString &text, CsvRecordEnd recordEnd);

/// Exact sum of decimal texts, formatted with at least two decimals and no trailing zeros
/// beyond them. Returns false when a value is not a plain decimal.
bool decimalSum(const QStringList &values, QString *sum);

/// Exact decimal sum of a CSV column (the test's own computation, independent of the store).
/// Returns false when a value is not a plain decimal.
bool csvColumnSum(const QString &path, const QString &column, QString *sum);

/// An exact decimal literal as money ("12.5" → 12.5 units); aborts the test on a bad literal.
Cost::Money usd(const char *decimal);

/// Day number of a "YYYY-MM-DD" date; aborts the test on a bad date.
std::int64_t day(const char *iso);

/// A small FOCUS CSV with one day per row group on days [first, last]: gpt-4o (OpenAI, account
/// org-1) 1M input tokens billed $2.00 and 1M output tokens $0.80, and Claude Sonnet 4 (Anthropic)
/// 1M input tokens $1.00, in USD.
QByteArray tokenFocusCsv(const char *first, const char *last);

/// One charge of focusTokenCsv(): a day's tokens of one model and token type ("Input", "Output",
/// "Cached Input", "Cache Write"); `tokens` may be empty (no quantity), `tags` a JSON object or empty.
struct FocusTokenRow {
    const char *day, *provider, *model, *type, *billed, *tokens, *tags;
};
/// A FOCUS CSV (account org-1, USD, service "API") with one charge per row.
QByteArray focusTokenCsv(std::initializer_list<FocusTokenRow> rows);

/// Fills the open store `db` with `days` days of the demo workspace ending on `endDay`
/// (Cost::generateDemo, default seed); false with *error on failure.
bool addDemo(Cost::SqliteDb &db, std::int64_t endDay, int days, std::string *error);

/// Opens `store` at `path` (created when missing) and fills it as addDemo does; false with *error.
bool openDemoStore(Cost::Store &store, const QString &path, std::int64_t endDay, int days, std::string *error);

/// The same into the store at `path` (created when missing); false with *error on failure.
bool writeDemoStore(const QString &path, std::int64_t endDay, int days, std::string *error);

/// Writes the PDF report of `request` over the store at `db` into `pdf`; `text` gets its text
/// (pdftotext -layout) and `titles` its table of contents. False with `error` (pdftotext missing
/// included: callers that can do without it check for it first).
bool reportText(const QString &db, const Report::ReportRequest &request, const QString &pdf, QString *text,
                QStringList *titles, QString *error);

/// Analytics::breakdown of `query` on `db`; on failure a warning and what it has (the test's
/// checks then fail on the empty result).
Analytics::Breakdown loadBreakdown(Cost::SqliteDb &db, const Analytics::BreakdownQuery &query);

/// A store's price catalog and the usage a query selects, read by the test itself (independently
/// of the page or command under test).
struct StoreUsage {
    std::shared_ptr<Pricing::PriceCatalog> catalog;
    std::shared_ptr<Simulation::UsageSnapshot> usage;

    /// The usage priced with the catalog (for Simulation::evaluate, estimateVsBilled).
    Simulation::PricedUsage priced() const;
};

/// Loads the catalog and the usage `query` selects from `db` into *out; false with *error.
bool loadStoreUsage(Cost::SqliteDb &db, const Simulation::UsageQuery &query, StoreUsage *out, std::string *error);

/// The same from the store at `path`.
bool loadStoreUsage(const QString &path, const Simulation::UsageQuery &query, StoreUsage *out, std::string *error);

/// Adds one _data() column of type T per name, in order.
template<typename T>
void addColumns(std::initializer_list<const char *> names)
{
    for (const char *name : names)
        QTest::addColumn<T>(name);
}

} // namespace TestSupport
