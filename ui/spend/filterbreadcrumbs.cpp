#include "spend/filterbreadcrumbs.h"

#include "shell/style.h"
#include "spend/spendfilter.h"
#include "spend/spendformat.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

FilterBreadcrumbs::FilterBreadcrumbs(SpendFilter *filter, QWidget *parent)
    : QWidget(parent)
    , m_filter(filter)
{
    setObjectName(QStringLiteral("filterBreadcrumbs"));
    Style::apply(this, Style::Sheet::Breadcrumbs);
    m_back = new QToolButton(this);
    m_back->setObjectName(QStringLiteral("crumbBack"));
    m_back->setText(tr("\u2190 Back"));
    m_back->setToolTip(tr("Undo the last narrowing"));
    connect(m_back, &QToolButton::clicked, m_filter, &SpendFilter::back);

    m_trail = new QHBoxLayout;
    m_trail->setContentsMargins(0, 0, 0, 0);
    m_trail->setSpacing(2);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);
    layout->addWidget(m_back);
    layout->addLayout(m_trail);
    layout->addStretch(1);
    connect(m_filter, &SpendFilter::changed, this, &FilterBreadcrumbs::rebuild);
    rebuild();
}

QToolButton *FilterBreadcrumbs::crumb(int depth) const
{
    return depth >= 0 && depth < m_crumbs.size() ? m_crumbs.at(depth) : nullptr;
}

QStringList FilterBreadcrumbs::texts() const
{
    QStringList out;
    for (const QToolButton *button : m_crumbs)
        out << button->text();
    return out;
}

void FilterBreadcrumbs::rebuild()
{
    // A crumb may be the sender of the change being handled: delete later, not now.
    while (QLayoutItem *item = m_trail->takeAt(0)) {
        if (QWidget *widget = item->widget()) {
            widget->hide();
            widget->deleteLater();
        }
        delete item;
    }
    m_crumbs.clear();
    const QList<SpendFilter::Step> &steps = m_filter->steps();
    for (int depth = 0; depth <= steps.size(); ++depth) {
        if (depth > 0) {
            auto *separator = new QLabel(QStringLiteral("\u203A"), this);
            Style::text(separator, Style::Text{Palette::Role::FaintText, 11, false, "padding: 0 2px;"});
            m_trail->addWidget(separator);
        }
        auto *button = new QToolButton(this);
        button->setObjectName(QStringLiteral("crumb%1").arg(depth));
        if (depth == 0) {
            button->setText(tr("All spend"));
        } else {
            const SpendFilter::Step &step = steps.at(depth - 1);
            button->setText(tr("%1: %2").arg(SpendFormat::dimensionTitle(step.dimension),
                                             SpendFormat::valueText(step.dimension, step.value)));
        }
        const bool current = depth == steps.size();
        button->setProperty("current", current);
        button->setCursor(current ? Qt::ArrowCursor : Qt::PointingHandCursor);
        if (!current) {
            button->setToolTip(tr("Back to %1").arg(button->text()));
            connect(button, &QToolButton::clicked, m_filter, [this, depth] { m_filter->truncate(depth); });
        }
        m_trail->addWidget(button);
        m_crumbs << button;
    }
    if (steps.isEmpty()) {
        auto *hint = new QLabel(tr("Click a series, a bar or a row to narrow every page to it"), this);
        Style::text(hint, Style::Text{Palette::Role::FaintText, 0, false, "padding-left: 8px;"});
        m_trail->addWidget(hint);
    }
    m_back->setEnabled(!steps.isEmpty());
}
