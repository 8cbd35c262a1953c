#include "budgets/burndownchart.h"


BurnDownChart::BurnDownChart(QWidget *parent)
    : ForecastChart(parent)
{
    setObjectName(QStringLiteral("burnDownChart"));
}

ForecastChart::Data BurnDownChart::dataFor(const Budgets::BurnDown &b, const QString &currency)
{
    return BandChart::fromBurnDown(b, currency);
}

void BurnDownChart::setBurnDown(const Budgets::BurnDown &burnDown, const QString &currency)
{
    setData(dataFor(burnDown, currency));
}
