#include "spend/byproviderpage.h"

#include <QButtonGroup>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

namespace {

const char kSwitchStyle[] = R"(
QToolButton { background: #ffffff; color: #1b1f24; border: 1px solid #c9ced6; padding: 3px 12px; }
QToolButton#groupByProvider { border-top-left-radius: 5px; border-bottom-left-radius: 5px; }
QToolButton#groupByService { border-top-right-radius: 5px; border-bottom-right-radius: 5px; border-left: none; }
QToolButton:checked { background: #3b6fd8; border-color: #3b6fd8; color: #ffffff; }
)";

} // namespace

ByProviderPage::ByProviderPage(const QString &dbPath, QWidget *parent)
    : SpendPage(dbPath, QStringLiteral("provider"), parent)
{
    setObjectName(QStringLiteral("byproviderpage"));
    auto *box = new QWidget(this);
    box->setObjectName(QStringLiteral("groupBySwitch"));
    box->setStyleSheet(QLatin1String(kSwitchStyle));
    auto *layout = new QHBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    auto *caption = new QLabel(tr("Group by"), box);
    caption->setStyleSheet(QStringLiteral("color: #5f6b7a; padding-right: 6px;"));
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
