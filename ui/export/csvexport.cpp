#include "export/csvexport.h"

#include <QAbstractItemModel>
#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QMessageBox>
#include <QSaveFile>
#include <QStandardPaths>

namespace CsvExport {

QString field(const QString &value)
{
    const bool quote = value.contains(QLatin1Char(',')) || value.contains(QLatin1Char('"'))
        || value.contains(QLatin1Char('\n')) || value.contains(QLatin1Char('\r'))
        || (!value.isEmpty() && (value.front().isSpace() || value.back().isSpace()));
    if (!quote)
        return value;
    QString escaped = value;
    escaped.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

QByteArray encode(const QList<QStringList> &rows)
{
    QString text;
    for (const QStringList &row : rows) {
        QStringList fields;
        fields.reserve(row.size());
        for (const QString &value : row)
            fields << field(value);
        text += fields.join(QLatin1Char(',')) + QLatin1String("\r\n");
    }
    return text.toUtf8();
}

QList<QStringList> modelRows(const QAbstractItemModel *model, const QStringList &header, int role)
{
    QList<QStringList> rows;
    rows << header;
    const int columns = model->columnCount();
    for (int r = 0; r < model->rowCount(); ++r) {
        QStringList row;
        row.reserve(columns);
        for (int c = 0; c < columns; ++c)
            row << model->data(model->index(r, c), role).toString();
        rows << row;
    }
    return rows;
}

bool write(const QString &path, const QList<QStringList> &rows, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = file.errorString();
        return false;
    }
    const QByteArray bytes = encode(rows);
    if (file.write(bytes) != bytes.size() || !file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

bool saveWithDialog(QWidget *parent, const QString &suggestedName, const QList<QStringList> &rows)
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path = QFileDialog::getSaveFileName(
        parent, QCoreApplication::translate("CsvExport", "Export CSV"), QDir(dir).filePath(suggestedName),
        QCoreApplication::translate("CsvExport", "CSV files (*.csv);;All files (*)"));
    if (path.isEmpty())
        return false;
    QString error;
    if (write(path, rows, &error))
        return true;
    QMessageBox::warning(parent, QCoreApplication::translate("CsvExport", "Export CSV"),
                         QCoreApplication::translate("CsvExport", "Cannot write %1: %2")
                             .arg(QDir::toNativeSeparators(path), error));
    return false;
}

} // namespace CsvExport
