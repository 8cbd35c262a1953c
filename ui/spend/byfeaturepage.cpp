#include "spend/byfeaturepage.h"

ByFeaturePage::ByFeaturePage(const QString &dbPath, QWidget *parent)
    : SpendPage(dbPath, QStringLiteral("feature"), parent)
{
    setObjectName(QStringLiteral("byfeaturepage"));
}

QString ByFeaturePage::title() const
{
    return tr("By feature");
}
