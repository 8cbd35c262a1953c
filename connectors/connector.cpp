#include "connector.h"

#include "format/dates.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>

namespace Conn {

qint64 DateWindow::fromEpoch() const { return QDateTime(from, QTime(0, 0), QTimeZone::utc()).toSecsSinceEpoch(); }

qint64 DateWindow::toEpoch() const { return QDateTime(to, QTime(0, 0), QTimeZone::utc()).toSecsSinceEpoch(); }

QString DateWindow::text() const { return Format::briefRange(Format::dayOfDate(from), Format::dayOfDate(to) - 1); }

ConnectorDescriptor describe(const QString &id, const QString &displayName, const QString &description)
{
    ConnectorDescriptor d;
    d.id = id;
    d.displayName = displayName;
    d.description = description;
    return d;
}

CredentialField secretField(const char *key, const QString &label, const QString &help, const QString &placeholder)
{
    return {QString::fromLatin1(key), label, help, true, false, false, placeholder};
}

CredentialField plainField(const char *key, const QString &label, const QString &help, const QString &placeholder)
{
    return {QString::fromLatin1(key), label, help, false, false, false, placeholder};
}

OptionField optionField(const char *key, const QString &label, const QString &help, const QString &def, const QStringList &choices)
{
    OptionField f;
    f.key = QString::fromLatin1(key);
    f.label = label;
    f.help = help;
    f.defaultValue = def;
    f.choices = choices;
    return f;
}

QString stringMapToJson(const QMap<QString, QString> &map)
{
    QJsonObject o;
    for (auto it = map.begin(); it != map.end(); ++it)
        o.insert(it.key(), it.value());
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

std::optional<QMap<QString, QString>> stringMapFromJson(const QString &json)
{
    const QJsonDocument doc = QJsonDocument::fromJson(json.toUtf8());
    if (!doc.isObject())
        return std::nullopt;
    QMap<QString, QString> out;
    const QJsonObject o = doc.object();
    for (auto it = o.begin(); it != o.end(); ++it)
        out.insert(it.key(), it.value().toString());
    return out;
}

QString packSecret(const QMap<QString, QString> &fields) { return stringMapToJson(fields); }

QMap<QString, QString> unpackSecret(const QString &secret)
{
    return stringMapFromJson(secret).value_or(QMap<QString, QString>{{QString(), secret}});
}

} // namespace Conn
