#include "spend/spendcard.h"

#include "shell/style.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>
#include <QVBoxLayout>

SpendCard::SpendCard(const QString &title, const QString &exportName, QWidget *parent)
    : QFrame(parent)
{
    setAttribute(Qt::WA_StyledBackground);
    Style::apply(this, Style::Sheet::SpendCard);
    m_title = new QLabel(title, this);
    m_title->setObjectName(QStringLiteral("cardTitle"));
    m_title->setTextFormat(Qt::PlainText);
    m_subtitle = new QLabel(this);
    m_subtitle->setObjectName(QStringLiteral("cardSubtitle"));
    m_subtitle->setTextFormat(Qt::PlainText);
    // A long subtitle must not widen the card past its share of the row: it wraps instead of
    // being cut (a larger desktop font or a longer translation).
    m_subtitle->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_subtitle->setWordWrap(true);
    m_export = new QToolButton(this);
    m_export->setObjectName(QStringLiteral("export%1Csv").arg(exportName));
    m_export->setText(tr("Export CSV"));
    m_export->setToolTip(tr("Save the data behind this view as CSV"));
    connect(m_export, &QToolButton::clicked, this, &SpendCard::exportRequested);

    m_controls = new QHBoxLayout;
    m_controls->setSpacing(6);
    m_controls->addWidget(m_export);

    auto *header = new QGridLayout;
    header->setVerticalSpacing(2);
    header->setHorizontalSpacing(12);
    header->addWidget(m_title, 0, 0);
    header->addLayout(m_controls, 0, 1, Qt::AlignRight | Qt::AlignVCenter);
    header->addWidget(m_subtitle, 1, 0, 1, 2); // the whole width: subtitles carry the range and totals
    header->setColumnStretch(0, 1);

    m_layout = new QVBoxLayout(this);
    m_layout->setContentsMargins(16, 12, 12, 10);
    m_layout->setSpacing(8);
    m_layout->addLayout(header);
}

void SpendCard::setTitle(const QString &title)
{
    m_title->setText(title);
}

void SpendCard::setSubtitle(const QString &subtitle)
{
    m_subtitle->setText(subtitle);
    m_subtitle->setToolTip(subtitle);
}

QString SpendCard::subtitle() const
{
    return m_subtitle->text();
}

void SpendCard::addControl(QWidget *control)
{
    m_controls->insertWidget(m_controls->count() - 1, control);
}

void SpendCard::setBody(QWidget *body)
{
    m_layout->addWidget(body, 1);
}
