#include "spend/byteampage.h"

ByTeamPage::ByTeamPage(const QString &dbPath, QWidget *parent)
    : SpendPage(dbPath, QStringLiteral("team"), parent)
{
    setObjectName(QStringLiteral("byteampage"));
}

QString ByTeamPage::title() const
{
    return tr("By team");
}
