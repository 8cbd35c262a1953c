#include "spend/spendfilterbar.h"

#include "shell/flowlayout.h"
#include "shell/style.h"
#include "spend/spendfilter.h"
#include "spend/spendformat.h"

#include <QAbstractItemView>
#include <QComboBox>
#include <QLabel>
#include <QSignalBlocker>
#include <QStyle>
#include <QStyleOptionComboBox>

namespace {

constexpr int kComboChars = 6; // the hint's floor; the current choice always fits (fitCurrent)
constexpr int kPopupMinWidth = 220;

// Never elide the choice a combo box shows: its minimum width is what its current text needs.
void fitCurrent(QComboBox *combo)
{
    QStyleOptionComboBox option;
    option.initFrom(combo);
    const QFontMetrics metrics = combo->fontMetrics();
    const QSize text(metrics.horizontalAdvance(combo->currentText()) + metrics.averageCharWidth(), metrics.height());
    combo->setMinimumWidth(combo->style()->sizeFromContents(QStyle::CT_ComboBox, &option, text, combo).width());
}

} // namespace

SpendFilterBar::SpendFilterBar(SpendFilter *filter, QWidget *parent)
    : QWidget(parent)
    , m_filter(filter)
{
    setObjectName(QStringLiteral("spendFilterBar"));
    Style::apply(this, Style::Sheet::FilterBar);
    // Wraps into more rows in a narrow window rather than cutting a box's text.
    auto *layout = new FlowLayout(this, 6);
    auto *caption = new QLabel(tr("Filter"), this);
    Style::text(caption, Style::Text{Palette::Role::MutedText, 0, true, "padding-right: 4px;"});
    layout->addWidget(caption);

    for (const QString &dimension : SpendFilter::dimensions()) {
        auto *combo = new QComboBox(this);
        combo->setObjectName(QStringLiteral("filter_") + dimension);
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(kComboChars);
        combo->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
        combo->view()->setMinimumWidth(kPopupMinWidth);
        combo->setToolTip(tr("Show only one %1").arg(SpendFormat::dimensionInText(dimension)));
        combo->setProperty("active", false);
        m_combos.insert(dimension, combo);
        layout->addWidget(combo);
        connect(combo, &QComboBox::activated, this, [this, combo, dimension](int index) {
            const QVariant key = combo->itemData(index);
            if (!key.isValid())
                m_filter->remove(dimension);
            else
                m_filter->narrow(dimension, key.toString());
        });
        fill(dimension);
    }
    connect(m_filter, &SpendFilter::changed, this, &SpendFilterBar::sync);
}

void SpendFilterBar::setOptions(const QHash<QString, QStringList> &options)
{
    m_options = options;
    for (const QString &dimension : SpendFilter::dimensions())
        fill(dimension);
}

void SpendFilterBar::sync()
{
    for (const QString &dimension : SpendFilter::dimensions())
        fill(dimension);
}

void SpendFilterBar::fill(const QString &dimension)
{
    QComboBox *combo = m_combos.value(dimension);
    const QSignalBlocker blocker(combo);
    QString current;
    const bool active = m_filter->contains(dimension, &current);
    QStringList values = m_options.value(dimension);
    if (active && !values.contains(current))
        values.prepend(current);
    combo->clear();
    combo->addItem(tr("All %1").arg(SpendFormat::dimensionPlural(dimension)));
    for (const QString &value : std::as_const(values))
        combo->addItem(SpendFormat::valueText(dimension, value), value);
    combo->setCurrentIndex(active ? combo->findData(current) : 0);
    if (combo->property("active").toBool() != active) {
        combo->setProperty("active", active);
        combo->style()->unpolish(combo);
        combo->style()->polish(combo);
    }
    fitCurrent(combo);
}
