#include "spend/byfeaturepage.h"

ByFeaturePage::ByFeaturePage(const QString &dbPath, QWidget *parent)
    : SpendPage(dbPath, QStringLiteral("feature"), parent)
{
    setObjectName(QStringLiteral("byfeaturepage"));
    enableCoverage(); // the features telemetry gives: how much of the bill it accounts for
}

QString ByFeaturePage::title() const
{
    return tr("By feature");
}
