#include "gatewaypages.h"

#include "telemetry/gatewaylogs.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>

#include <string>
#include <string_view>

namespace Conn::GatewayPages {

namespace {

using Parser = bool (*)(std::string_view, std::vector<Telemetry::Usage> &, std::string &);

// The rows through the model parser, appended only when the whole page parses.
bool rows(Parser parse, const QByteArray &body, std::vector<Telemetry::Usage> &out, QString *error)
{
    std::vector<Telemetry::Usage> page;
    std::string why;
    if (!parse(std::string_view(body.constData(), static_cast<std::size_t>(body.size())), page, why)) {
        *error = QString::fromStdString(why);
        return false;
    }
    out.insert(out.end(), std::make_move_iterator(page.begin()), std::make_move_iterator(page.end()));
    return true;
}

} // namespace

bool parseLiteLlm(const QByteArray &body, std::vector<Telemetry::Usage> &out, bool *hasMore, QString *nextPage,
                  QString *error)
{
    *hasMore = false;
    nextPage->clear();
    std::vector<Telemetry::Usage> page;
    if (!rows(&Telemetry::parseLiteLlmSpendLogs, body, page, error))
        return false;
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (doc.isObject()) {
        const QJsonObject o = doc.object();
        const QJsonValue number = o.value(QStringLiteral("page")), total = o.value(QStringLiteral("total_pages"));
        if (!number.isUndefined() || !total.isUndefined()) {
            if (!number.isDouble() || !total.isDouble() || number.toInteger(-1) < 1 || total.toInteger(-1) < 0) {
                *error = QStringLiteral("page / total_pages: expected whole numbers");
                return false;
            }
            *hasMore = number.toInteger() < total.toInteger();
            if (*hasMore)
                *nextPage = QString::number(number.toInteger() + 1);
        }
    }
    out.insert(out.end(), std::make_move_iterator(page.begin()), std::make_move_iterator(page.end()));
    return true;
}

bool parseLangfuse(const QByteArray &body, std::vector<Telemetry::Usage> &out, bool *hasMore, QString *nextPage,
                   QString *error)
{
    *hasMore = false;
    nextPage->clear();
    std::vector<Telemetry::Usage> page;
    if (!rows(&Telemetry::parseLangfuseObservations, body, page, error))
        return false;
    const QJsonValue meta = QJsonDocument::fromJson(body).object().value(QStringLiteral("meta"));
    const QJsonValue cursor = meta.toObject().value(QStringLiteral("cursor"));
    if (!meta.isUndefined() && !meta.isObject()) {
        *error = QStringLiteral("meta: expected an object");
        return false;
    }
    if (!cursor.isUndefined() && !cursor.isNull() && !cursor.isString()) {
        *error = QStringLiteral("meta.cursor: expected a string or null");
        return false;
    }
    *nextPage = cursor.toString();
    *hasMore = !nextPage->isEmpty();
    out.insert(out.end(), std::make_move_iterator(page.begin()), std::make_move_iterator(page.end()));
    return true;
}

} // namespace Conn::GatewayPages
