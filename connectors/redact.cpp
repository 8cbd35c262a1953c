#include "redact.h"

#include <QRegularExpression>

#include <algorithm>

namespace Conn {

QString redactSecrets(const QString &text)
{
    static const QRegularExpression pem(QStringLiteral("-----BEGIN [A-Z ]*PRIVATE KEY-----[\\s\\S]*?(-----END [A-Z ]*PRIVATE KEY-----|$)"));
    static const QRegularExpression bearer(QStringLiteral("\\b(Bearer|Basic)\\s+[A-Za-z0-9._~+/=\\-]{8,}"),
                                           QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression known(QStringLiteral(
        "\\b(sk-(ant-)?[A-Za-z0-9_\\-]{8,}|(AKIA|ASIA)[A-Z0-9]{16}|AIza[0-9A-Za-z_\\-]{20,}|ya29\\.[0-9A-Za-z_.\\-]+"
        "|eyJ[A-Za-z0-9_\\-]+\\.[A-Za-z0-9_\\-]+\\.[A-Za-z0-9_\\-]*|xox[abposr]-[A-Za-z0-9\\-]+|gh[pousr]_[A-Za-z0-9]{20,})"));
    // 32 or more key characters with both letters and digits: secrets, not words (paths such as
    // /subscriptions/<id>/providers stay readable).
    static const QRegularExpression longRun(QStringLiteral("[A-Za-z0-9+/=_\\-]{32,}"));
    QString out = text;
    out.replace(pem, QStringLiteral("[redacted private key]"));
    out.replace(bearer, QStringLiteral("\\1 [redacted]"));
    out.replace(known, QStringLiteral("[redacted]"));
    QString result;
    qsizetype last = 0;
    auto it = longRun.globalMatch(out);
    while (it.hasNext()) {
        const auto m = it.next();
        const QString run = m.captured();
        const bool letters = std::any_of(run.begin(), run.end(), [](QChar c) { return c.isLetter(); });
        const bool digits = std::any_of(run.begin(), run.end(), [](QChar c) { return c.isDigit(); });
        if (!letters || !digits || run.startsWith(QLatin1Char('/'))) // a URL path, not a key
            continue;
        result += out.mid(last, m.capturedStart() - last) + QStringLiteral("[redacted]");
        last = m.capturedEnd();
    }
    return result + out.mid(last);
}

} // namespace Conn
