#include "connector.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>

namespace Conn {

qint64 DateWindow::fromEpoch() const { return QDateTime(from, QTime(0, 0), QTimeZone::utc()).toSecsSinceEpoch(); }

qint64 DateWindow::toEpoch() const { return QDateTime(to, QTime(0, 0), QTimeZone::utc()).toSecsSinceEpoch(); }

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

QString packSecret(const QMap<QString, QString> &fields)
{
    QJsonObject o;
    for (auto it = fields.begin(); it != fields.end(); ++it)
        o.insert(it.key(), it.value());
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QMap<QString, QString> unpackSecret(const QString &secret)
{
    QMap<QString, QString> out;
    const QJsonDocument doc = QJsonDocument::fromJson(secret.toUtf8());
    if (!doc.isObject()) {
        out.insert(QString(), secret);
        return out;
    }
    const QJsonObject o = doc.object();
    for (auto it = o.begin(); it != o.end(); ++it)
        out.insert(it.key(), it.value().toString());
    return out;
}

} // namespace Conn
