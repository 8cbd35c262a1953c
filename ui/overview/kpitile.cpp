#include "overview/kpitile.h"

#include "shell/style.h"

#include <QFontMetrics>
#include <QLabel>
#include <QVBoxLayout>

namespace {

constexpr qreal kSmallPointSize = 9;
constexpr qreal kValuePointSize = 19;
constexpr qreal kMinValuePointSize = 11;

QLabel *makeLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    // Ignored: a long model name must not widen its tile past its neighbours; it is elided.
    label->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    label->setTextFormat(Qt::PlainText);
    return label;
}

Palette::Role toneColour(KpiTile::Tone tone)
{
    switch (tone) {
    case KpiTile::Tone::Good: return Palette::Role::Positive;
    case KpiTile::Tone::Bad: return Palette::Role::Negative;
    case KpiTile::Tone::Neutral: break;
    }
    return Palette::Role::MutedText;
}

} // namespace

KpiTile::KpiTile(const QString &caption, QWidget *parent)
    : QFrame(parent)
    , m_caption(caption)
{
    setObjectName(QStringLiteral("kpiTile"));
    setAttribute(Qt::WA_StyledBackground);
    // Type selector, not the object name: pages name their tiles for tests and accessibility.
    Style::apply(this, Style::Sheet::KpiTile);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);

    m_captionLabel = makeLabel(QStringLiteral("kpiCaption"), this);
    m_valueLabel = makeLabel(QStringLiteral("kpiValue"), this);
    m_detailLabel = makeLabel(QStringLiteral("kpiDetail"), this);
    QFont small = font();
    small.setPointSizeF(Style::points(kSmallPointSize));
    QFont captionFont = small;
    captionFont.setWeight(QFont::DemiBold);
    m_captionLabel->setFont(captionFont);
    m_detailLabel->setFont(small);
    QFont value = font();
    value.setPointSizeF(Style::points(kValuePointSize));
    value.setWeight(QFont::DemiBold);
    m_valueLabel->setFont(value);
    // Room for the largest value font whatever the text, so tiles keep one height.
    m_valueLabel->setMinimumHeight(QFontMetrics(value).height());

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(14, 14, 14, 14);
    layout->setSpacing(4);
    layout->addWidget(m_captionLabel);
    layout->addWidget(m_valueLabel);
    layout->addWidget(m_detailLabel);
    clear();
}

void KpiTile::setCaption(const QString &caption)
{
    m_caption = caption;
    updateElision();
}

void KpiTile::setValue(const QString &value)
{
    m_value = value;
    updateElision();
}

void KpiTile::setDetail(const QString &detail, Tone tone)
{
    m_detail = detail;
    m_tone = tone;
    Style::text(m_detailLabel, Style::Text{toneColour(tone)});
    updateElision();
}

void KpiTile::clear()
{
    m_value = QStringLiteral("\u2014");
    m_detail = QStringLiteral(" ");
    m_tone = Tone::Neutral;
    Style::text(m_detailLabel, Style::Text{toneColour(Tone::Neutral)});
    updateElision();
}

int KpiTile::widthForValue() const
{
    QFont value = m_valueLabel->font();
    value.setPointSizeF(Style::points(kMinValuePointSize));
    const QMargins margins = layout()->contentsMargins() + contentsMargins();
    return QFontMetrics(value).horizontalAdvance(m_value) + margins.left() + margins.right() + 2;
}

void KpiTile::resizeEvent(QResizeEvent *event)
{
    QFrame::resizeEvent(event);
    updateElision();
}

void KpiTile::updateElision()
{
    // Child geometry is already laid out when resizeEvent runs (QLayout handles the event first).
    const auto fit = [](QLabel *label, const QString &text) {
        const QString shown = label->fontMetrics().elidedText(text, Qt::ElideRight, qMax(label->width(), 10));
        label->setText(shown);
        label->setToolTip(shown == text ? QString() : text);
    };
    // A long value (a model name) first shrinks towards a smaller size, then elides.
    QFont value = m_valueLabel->font();
    qreal size = Style::points(kValuePointSize);
    const int available = qMax(m_valueLabel->width(), 10);
    value.setPointSizeF(size);
    while (size > Style::points(kMinValuePointSize) && QFontMetrics(value).horizontalAdvance(m_value) > available) {
        size -= 1;
        value.setPointSizeF(size);
    }
    if (value != m_valueLabel->font())
        m_valueLabel->setFont(value);
    fit(m_captionLabel, m_caption.toUpper());
    fit(m_valueLabel, m_value);
    fit(m_detailLabel, m_detail);
    // A screen reader speaks the whole tile, never the elided text: "Month to date: $3,512".
    setAccessibleName(m_value.isEmpty() ? m_caption : tr("%1: %2").arg(m_caption, m_value));
    setAccessibleDescription(m_detail);
}
