#include "format/hours.h"

#include "format/format.h"

namespace Format {

QString hours(double hours)
{
    const QLocale loc = locale();
    QString text = loc.toString(hours, 'f', 2);
    const QString point = loc.decimalPoint();
    if (text.contains(point)) {
        while (text.endsWith(QLatin1Char('0')))
            text.chop(1);
        if (text.endsWith(point))
            text.chop(point.size());
    }
    return text == QLatin1String("-0") ? QStringLiteral("0") : text;
}

} // namespace Format
