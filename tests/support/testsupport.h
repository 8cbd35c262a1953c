#pragma once

#include <QString>
#include <QStringList>

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

} // namespace TestSupport
