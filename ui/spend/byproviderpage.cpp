#include "spend/byproviderpage.h"

#include "shell/style.h"

#include <QButtonGroup>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

ByProviderPage::ByProviderPage(const QString &dbPath, QWidget *parent)
    : SpendPage(dbPath, QStringLiteral("provider"), parent)
{
    setObjectName(QStringLiteral("byproviderpage"));
    auto *box = new QWidget(this);
    box->setObjectName(QStringLiteral("groupBySwitch"));
    Style::apply(box, Style::Sheet::Switch);
    auto *layout = new QHBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    auto *caption = new QLabel(tr("Group by"), box);
    Style::text(caption, Style::Text{Palette::Role::MutedText, 0, false, "padding-right: 6px;"});
    layout->addWidget(caption);
    m_provider = new QToolButton(box);
    m_provider->setObjectName(QStringLiteral("groupByProvider"));
    m_provider->setText(tr("Provider"));
    m_service = new QToolButton(box);
    m_service->setObjectName(QStringLiteral("groupByService"));
    m_service->setText(tr("Service"));
    auto *group = new QButtonGroup(box);
    for (QToolButton *button : {m_provider, m_service}) {
        button->setCheckable(true);
        group->addButton(button);
        layout->addWidget(button);
    }
    m_provider->setChecked(true);
    connect(m_service, &QToolButton::toggled, this, &ByProviderPage::setGroupByService);
    addToolbarWidget(box);
    enableContracts();
}

QString ByProviderPage::title() const
{
    return tr("By provider");
}

void ByProviderPage::setGroupByService(bool byService)
{
    m_service->setChecked(byService);
    m_provider->setChecked(!byService);
    setDimension(byService ? QStringLiteral("service") : QStringLiteral("provider"));
}
