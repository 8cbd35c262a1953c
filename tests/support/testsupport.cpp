#include "testsupport.h"

#include "format/dates.h"

#include "analytics/breakdown.h"
#include "anomaly/anomalyscan.h"
#include "domain/timeparse.h"
#include "import/demogenerator.h"
#include "pricing/pricecatalog.h"
#include "pricing/pricedusage.h"
#include "pricing/pricestore.h"
#include "pricing/simulationusage.h"
#include "report/reportwriter.h"
#include "store/store.h"

#include <QFile>
#include <QStandardPaths>
#include <QProcess>
#include <QTest>
#include <QTextStream>

namespace TestSupport {

QString days(const QDate &from, const QDate &to)
{
    return Format::briefRange(Format::dayOfDate(from), Format::dayOfDate(to));
}


QByteArray describeAnomalies(const std::vector<Analytics::Anomaly> &list)
{
    QByteArray out;
    for (const Analytics::Anomaly &a : list)
        out += QByteArray("\n  ") + a.series.label().c_str() + ' ' + Analytics::anomalyGrainName(a.grain) + ' '
            + Cost::formatTimestamp(a.start).c_str() + " x" + QByteArray::number(a.points) + " actual "
            + Cost::formatMoney(a.actual).c_str() + " expected " + Cost::formatMoney(a.expected).c_str() + " | "
            + a.explanation.c_str();
    return out;
}

QString dataPath(const QString &relative)
{
    return QStringLiteral(BURNRATE_TEST_DATA_DIR "/") + relative;
}

int runBurnrate(const QStringList &args, QString *out, QString *err, int timeoutMs)
{
    QProcess p;
    p.setProgram(QStringLiteral(BURNRATE_BINARY_PATH));
    p.setArguments(args);
    p.start();
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        if (err)
            *err = QStringLiteral("timed out");
        return -1;
    }
    if (out)
        *out = QString::fromUtf8(p.readAllStandardOutput());
    if (err)
        *err = QString::fromUtf8(p.readAllStandardError());
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

int runBurnrateLive(const QStringList &args, const QByteArray &stdinBytes, QString *out, QString *err, int timeoutMs)
{
    QProcess p;
    p.start(QStringLiteral(BURNRATE_BINARY_PATH), args);
    if (!p.waitForStarted())
        return -1;
    p.write(stdinBytes);
    p.closeWriteChannel();
    if (!QTest::qWaitFor([&p] { return p.state() == QProcess::NotRunning; }, timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return -1;
    }
    if (out)
        *out = QString::fromUtf8(p.readAllStandardOutput());
    if (err)
        *err = QString::fromUtf8(p.readAllStandardError());
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

QList<QStringList> parseCsv(const QString &text, CsvRecordEnd recordEnd)
{
    const bool anyLineBreak = recordEnd == CsvRecordEnd::AnyLineBreak;
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        const bool crlf = c == QLatin1Char('\r') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('\n');
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                field += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            row << field;
            field.clear();
        } else if (crlf || (anyLineBreak && (c == QLatin1Char('\n') || c == QLatin1Char('\r')))) {
            if (crlf)
                ++i;
            row << field;
            field.clear();
            // The lenient reader skips blank lines; in RFC 4180 an empty line is a record.
            if (!anyLineBreak || !(row.size() == 1 && row[0].isEmpty()))
                rows << row;
            row.clear();
        } else {
            field += c;
        }
    }
    // Without its CRLF, a last line is not an RFC 4180 record; the lenient reader keeps it.
    if (anyLineBreak && (!field.isEmpty() || !row.isEmpty())) {
        row << field;
        rows << row;
    }
    return rows;
}

namespace {

QList<QStringList> readCsv(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QString text = QString::fromUtf8(f.readAll());
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    return parseCsv(text, CsvRecordEnd::AnyLineBreak);
}

} // namespace

bool decimalSum(const QStringList &values, QString *sum)
{
    // Exact: every value scaled to 12 decimals in a 128-bit integer.
    __extension__ __int128 total = 0;
    for (QString v : values) {
        v = v.trimmed();
        if (v.isEmpty())
            continue;
        const bool negative = v.startsWith(QLatin1Char('-'));
        if (negative || v.startsWith(QLatin1Char('+')))
            v.remove(0, 1);
        const QStringList parts = v.split(QLatin1Char('.'));
        if (parts.size() > 2)
            return false;
        QString frac = parts.size() == 2 ? parts[1] : QString();
        if (frac.size() > 12)
            return false;
        frac = frac.leftJustified(12, QLatin1Char('0'));
        __extension__ __int128 value = 0;
        for (QChar c : parts[0] + frac) {
            if (!c.isDigit())
                return false;
            value = value * 10 + c.digitValue();
        }
        total += negative ? -value : value;
    }
    const bool negative = total < 0;
    __extension__ unsigned __int128 u = negative ? -total : total;
    QString digits;
    do {
        digits.prepend(QChar(u'0' + static_cast<int>(u % 10)));
        u /= 10;
    } while (u != 0);
    digits = digits.rightJustified(13, QLatin1Char('0'));
    QString whole = digits.left(digits.size() - 12);
    QString frac = digits.right(12);
    while (frac.endsWith(QLatin1Char('0')))
        frac.chop(1);
    while (frac.size() < 2)
        frac += QLatin1Char('0');
    *sum = (negative ? QStringLiteral("-") : QString()) + whole + QLatin1Char('.') + frac;
    return true;
}

bool csvColumnSum(const QString &path, const QString &column, QString *sum)
{
    const auto rows = readCsv(path);
    if (rows.isEmpty())
        return false;
    const int col = rows[0].indexOf(column);
    if (col < 0)
        return false;
    QStringList values;
    for (int r = 1; r < rows.size(); ++r)
        values << rows[r].value(col);
    return decimalSum(values, sum);
}

Cost::Money usd(const char *decimal)
{
    Cost::Money m = 0;
    if (Cost::parseMoney(decimal, m) != Cost::ParseStatus::Ok)
        qFatal("bad decimal %s", decimal);
    return m;
}

bool addDemo(Cost::SqliteDb &db, std::int64_t endDay, int days, std::string *error)
{
    Cost::DemoOptions options;
    options.endDay = endDay;
    options.days = days;
    Cost::IngestResult result;
    return Cost::generateDemo(db, options, {}, nullptr, result, *error);
}

bool openDemoStore(Cost::Store &store, const QString &path, std::int64_t endDay, int days, std::string *error)
{
    if (!store.open(path.toStdString())) {
        *error = store.error();
        return false;
    }
    return addDemo(store.db(), endDay, days, error);
}

bool writeDemoStore(const QString &path, std::int64_t endDay, int days, std::string *error)
{
    Cost::Store store;
    return openDemoStore(store, path, endDay, days, error);
}

bool reportText(const QString &db, const Report::ReportRequest &request, const QString &pdf, QString *text,
                QStringList *titles, QString *error)
{
    Report::ReportWriter writer(request);
    if (!writer.write(db, pdf)) {
        *error = writer.error();
        return false;
    }
    titles->clear();
    for (const Report::TocEntry &e : writer.stats().toc)
        *titles << e.title;
    if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty()) {
        *error = QStringLiteral("pdftotext (poppler-utils) is needed");
        return false;
    }
    QProcess p;
    p.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
    if (!p.waitForFinished(30000) || p.exitCode() != 0) {
        *error = QStringLiteral("pdftotext failed on %1").arg(pdf);
        return false;
    }
    *text = QString::fromUtf8(p.readAllStandardOutput());
    return true;
}

Analytics::Breakdown loadBreakdown(Cost::SqliteDb &db, const Analytics::BreakdownQuery &query)
{
    Analytics::Breakdown b;
    std::string error;
    if (!Analytics::breakdown(db, query, b, error))
        qWarning("breakdown failed: %s", error.c_str());
    return b;
}

Simulation::PricedUsage StoreUsage::priced() const
{
    return Simulation::PricedUsage(usage, catalog);
}

bool loadStoreUsage(Cost::SqliteDb &db, const Simulation::UsageQuery &query, StoreUsage *out, std::string *error)
{
    out->catalog = std::make_shared<Pricing::PriceCatalog>();
    out->usage = std::make_shared<Simulation::UsageSnapshot>();
    return Pricing::loadCatalog(db, *out->catalog, *error) && Simulation::loadUsage(db, query, *out->usage, *error);
}

bool loadStoreUsage(const QString &path, const Simulation::UsageQuery &query, StoreUsage *out, std::string *error)
{
    Cost::Store store;
    if (!store.open(path.toStdString())) {
        *error = store.error();
        return false;
    }
    return loadStoreUsage(store.db(), query, out, error);
}

std::int64_t day(const char *iso)
{
    std::int64_t d = 0;
    if (!Cost::parseDate(iso, d))
        qFatal("bad date %s", iso);
    return d;
}

QByteArray tokenFocusCsv(const char *first, const char *last)
{
    QByteArray csv = "BilledCost,BillingAccountId,BillingCurrency,ChargePeriodStart,ChargePeriodEnd,ConsumedQuantity,ConsumedUnit,"
                     "ServiceProviderName,ServiceName,SkuId,SkuMeter,SkuPriceDetails\n";
    for (std::int64_t d = day(first); d <= day(last); ++d) {
        const QByteArray start = QByteArray::fromStdString(Cost::formatDay(d)) + "T00:00:00Z";
        const QByteArray end = QByteArray::fromStdString(Cost::formatDay(d + 1)) + "T00:00:00Z";
        auto row = [&](const char *billed, const char *provider, const char *model, const char *type) {
            csv += QByteArray(billed) + ",org-1,USD," + start + "," + end + ",1000000,Tokens," + provider + ",API," + model + ","
                + type + ",\"{\"\"ModelId\"\":\"\"" + model + "\"\",\"\"TokenType\"\":\"\"" + type + "\"\"}\"\n";
        };
        row("2.00", "OpenAI", "gpt-4o-2024-08-06", "Input");
        row("0.80", "OpenAI", "gpt-4o-2024-08-06", "Output");
        row("1.00", "Anthropic", "claude-sonnet-4-20250514", "Input");
    }
    return csv;
}

QByteArray focusTokenCsv(std::initializer_list<FocusTokenRow> rows)
{
    QByteArray csv = "BilledCost,BillingAccountId,BillingCurrency,ChargePeriodStart,ChargePeriodEnd,ConsumedQuantity,ConsumedUnit,"
                     "ServiceProviderName,ServiceName,SkuId,SkuMeter,SkuPriceDetails,Tags\n";
    for (const FocusTokenRow &r : rows) {
        const std::int64_t d = day(r.day);
        const QByteArray start = QByteArray::fromStdString(Cost::formatDay(d)) + "T00:00:00Z";
        const QByteArray end = QByteArray::fromStdString(Cost::formatDay(d + 1)) + "T00:00:00Z";
        QByteArray tags = r.tags;
        tags.replace('"', "\"\"");
        csv += QByteArray(r.billed) + ",org-1,USD," + start + "," + end + "," + r.tokens + ",Tokens," + r.provider + ",API," + r.model
            + "," + r.type + ",\"{\"\"ModelId\"\":\"\"" + r.model + "\"\",\"\"TokenType\"\":\"\"" + r.type + "\"\"}\",\"" + tags
            + "\"\n";
    }
    return csv;
}

} // namespace TestSupport
