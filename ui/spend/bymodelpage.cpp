#include "spend/bymodelpage.h"

ByModelPage::ByModelPage(const QString &dbPath, QWidget *parent)
    : SpendPage(dbPath, QStringLiteral("model"), parent)
{
    setObjectName(QStringLiteral("bymodelpage"));
}

QString ByModelPage::title() const
{
    return tr("By model");
}
