#pragma once

#include "domain/money.h"

#include <string>

#include <QString>
#include <QStringList>
#include <QTest>

#include <cstdint>
#include <initializer_list>

namespace Cost {
class SqliteDb;
}

namespace TestSupport {

/// Absolute path of a file under tests/data.
QString dataPath(const QString &relative);

/// Runs the burnrate executable with `args`; returns the exit code, fills stdout/stderr.
int runBurnrate(const QStringList &args, QString *out = nullptr, QString *err = nullptr, int timeoutMs = 120000);

/// Like runBurnrate, with `stdinBytes` on its standard input, while this thread's event loop keeps
/// turning (so in-process fake servers answer the child). Returns the exit code (-1: crashed/timeout).
int runBurnrateLive(const QStringList &args, const QByteArray &stdinBytes, QString *out = nullptr, QString *err = nullptr,
                    int timeoutMs = 60000);

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

/// Fills the open store `db` with `days` days of the demo workspace ending on `endDay`
/// (Cost::generateDemo, default seed); false with *error on failure.
bool addDemo(Cost::SqliteDb &db, std::int64_t endDay, int days, std::string *error);

/// The same into the store at `path` (created when missing); false with *error on failure.
bool writeDemoStore(const QString &path, std::int64_t endDay, int days, std::string *error);

/// Adds one _data() column of type T per name, in order.
template<typename T>
void addColumns(std::initializer_list<const char *> names)
{
    for (const char *name : names)
        QTest::addColumn<T>(name);
}

} // namespace TestSupport
