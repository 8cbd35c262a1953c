#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

class QAbstractItemModel;
class QWidget;

/// RFC 4180 CSV for the exports of charts and tables: UTF-8, CRLF line ends, a field quoted
/// when it holds a comma, a quote, a line break or edge spaces, quotes doubled.
namespace CsvExport {

/// One field, quoted when needed.
QString field(const QString &value);
/// Rows (the first usually the header) as a CSV document.
QByteArray encode(const QList<QStringList> &rows);
/// `header`, then every row of `model` (top-level, in its current order) read with `role`.
QList<QStringList> modelRows(const QAbstractItemModel *model, const QStringList &header, int role);
/// Writes `rows` to `path` atomically; false with `error` set.
bool write(const QString &path, const QList<QStringList> &rows, QString *error = nullptr);
/// Asks where to save (suggesting `suggestedName`), writes, and reports a failure in a message
/// box; false when cancelled or failed. GUI thread.
bool saveWithDialog(QWidget *parent, const QString &suggestedName, const QList<QStringList> &rows);

} // namespace CsvExport
