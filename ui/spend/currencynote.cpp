#include "spend/currencynote.h"

#include "format/format.h"
#include "shell/style.h"

CurrencyNote::CurrencyNote(QWidget *parent)
    : QLabel(parent)
{
    setObjectName(QStringLiteral("currencyNote"));
    setTextFormat(Qt::RichText);
    setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    setWordWrap(true);
    Style::text(this, Style::Text{Palette::Role::WarningBannerText});
    hide();
    connect(this, &QLabel::linkActivated, this, &CurrencyNote::currencyChosen);
}

void CurrencyNote::setCurrencies(const QString &shown, const std::vector<Analytics::CurrencyAmount> &others, bool switchable)
{
    if (others.empty()) {
        clear();
        setToolTip(QString());
        hide();
        return;
    }
    QStringList parts;
    for (const auto &[code, amount] : others) {
        const QString currency = QString::fromStdString(code);
        const QString name = currency.isEmpty() ? tr("no currency") : currency;
        QString part = tr("%1 in %2").arg(Format::money(amount, currency, Format::Precision::WholeFromThousand).toHtmlEscaped(), name.toHtmlEscaped());
        if (switchable)
            part += QStringLiteral(" (<a href=\"%1\">%2</a>)").arg(currency.toHtmlEscaped(), tr("show"));
        parts << part;
    }
    setText(tr("Amounts in %1 only. Also billed in this range, not converted or added: %2.")
                .arg(shown.toHtmlEscaped(), parts.join(QStringLiteral(" \u00B7 "))));
    setToolTip(tr("Burnrate never adds amounts across currencies and has no exchange rates: each view "
                  "shows one currency."));
    show();
}
