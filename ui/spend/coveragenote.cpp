#include "spend/coveragenote.h"

#include "format/format.h"
#include "shell/style.h"

#include <algorithm>
#include <climits>

CoverageNote::CoverageNote(QWidget *parent)
    : QLabel(parent)
{
    setObjectName(QStringLiteral("coverageNote"));
    setWordWrap(true);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    hide();
}

void CoverageNote::setSummary(const Telemetry::CoverageSummary &s)
{
    if (!s.telemetry) {
        hide();
        return;
    }
    QString text = s.billedTokens > 0
        ? tr("Telemetry accounts for %1 of the billed tokens in this range.").arg(Format::percent(s.percent()))
        : tr("Telemetry reported in this range, but the bill carries no token counts to set it against.");
    if (s.flaggedDays > 0)
        text += QLatin1Char(' ')
            + tr("%n day(s) flagged: telemetry over the bill, or an instrumented model with none reported (burnrate coverage lists them).",
                 nullptr, static_cast<int>(std::min<std::int64_t>(s.flaggedDays, INT_MAX)));
    setText(text);
    Style::text(this, s.flaggedDays > 0 ? Style::Text{Palette::Role::Warning} : Style::kMuted);
    setAccessibleName(tr("Telemetry coverage"));
    show();
}

void CoverageNote::setError(const QString &error)
{
    setText(tr("Cannot read the telemetry coverage: %1").arg(error));
    Style::text(this, Style::kError);
    show();
}
