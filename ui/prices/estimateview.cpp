#include "prices/estimateview.h"

#include "format/format.h"
#include "shell/style.h"
#include "simulator/simulatorformat.h"

#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>

using SimulatorFormat::moneyItem;
using SimulatorFormat::textItem;

namespace {

QTableWidgetItem *flagItem(const QString &text, bool bad)
{
    QTableWidgetItem *item = textItem(text);
    if (bad)
        item->setForeground(Style::colour(Palette::Role::Negative));
    return item;
}

double gapPercent(Cost::BigMoney billed, Cost::BigMoney estimated)
{
    return estimated == 0 ? std::nan("") : Cost::toDouble(billed - estimated) / Cost::toDouble(estimated) * 100.0;
}

} // namespace

EstimateView::EstimateView(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("estimateView"));
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("estimateSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    m_models = new QTableWidget(this);
    m_models->setObjectName(QStringLiteral("estimateModels"));
    m_days = new QTableWidget(this);
    m_days->setObjectName(QStringLiteral("estimateDays"));
    for (QTableWidget *t : {m_models, m_days})
        SimulatorFormat::styleTable(t);
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_models);
    split->addWidget(m_days);
    split->setStretchFactor(0, 5);
    split->setStretchFactor(1, 3);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary);
    layout->addWidget(split, 1);
    setReport({});
}

void EstimateView::setReport(const Simulation::EstimateReport &r)
{
    const QString currency = QString::fromStdString(r.currency.empty() ? std::string("USD") : r.currency);
    int flagged = 0;
    SimulatorFormat::resetTable(m_models, {tr("Provider"), tr("Model"), tr("Tier"), tr("Billed"), tr("Estimated"), tr("Gap"),
                                           tr("Gap %"), tr("Check")});
    m_models->setRowCount(static_cast<int>(r.rows.size()));
    int row = 0;
    for (const auto &m : r.rows) {
        m_models->setItem(row, 0, textItem(QString::fromStdString(m.provider)));
        m_models->setItem(row, 1, textItem(QString::fromStdString(m.model)));
        m_models->setItem(row, 2, textItem(QString::fromLatin1(Pricing::tierName(m.tier))));
        m_models->setItem(row, 3, moneyItem(m.billed, currency));
        m_models->setItem(row, 4, moneyItem(m.estimated, currency));
        if (m.notItemised) { // no gap to show: the bill for these tokens has no model
            m_models->setItem(row, 5, textItem(QString()));
            m_models->setItem(row, 6, textItem(QString()));
        } else {
            m_models->setItem(row, 5, moneyItem(m.gap(), currency));
            m_models->setItem(row, 6, SimulatorFormat::percentItem(m.gapPercent()));
        }
        const QString check = m.unpriced ? tr("UNPRICED") : m.notItemised ? tr("billed without model") : m.mismatch ? tr("gap") : tr("ok");
        QTableWidgetItem *flag = flagItem(check, m.unpriced || m.mismatch);
        if (m.notItemised)
            flag->setToolTip(tr("The provider reports these tokens per model but bills them without a model (not itemised), so "
                                "there is no bill to compare with"));
        m_models->setItem(row, 7, flag);
        flagged += m.unpriced || m.mismatch;
        ++row;
    }
    m_models->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_models->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_models->setSortingEnabled(true);

    SimulatorFormat::resetTable(m_days, {tr("Day"), tr("Billed"), tr("Estimated"), tr("Gap"), tr("Gap %")});
    m_days->setRowCount(static_cast<int>(r.days.size()));
    row = 0;
    int flaggedDays = 0;
    for (auto it = r.days.rbegin(); it != r.days.rend(); ++it, ++row) {
        const bool bad = it->unusual;
        flaggedDays += bad;
        m_days->setItem(row, 0, SimulatorFormat::dayItem(it->day));
        m_days->setItem(row, 1, moneyItem(it->billed, currency));
        m_days->setItem(row, 2, moneyItem(it->estimated, currency));
        m_days->setItem(row, 3, moneyItem(it->billed - it->estimated, currency));
        QTableWidgetItem *percent = SimulatorFormat::percentItem(gapPercent(it->billed, it->estimated));
        if (bad) { // flagged: away from the usual gap by more than 0.5% of the estimate and a cent
            percent->setText(QStringLiteral("\u2691 ") + percent->text());
            percent->setForeground(Style::colour(Palette::Role::Negative));
            percent->setToolTip(tr("This day's gap departs from the usual gap (%1) by more than 0.5% and a cent")
                                    .arg(Format::signedPercent(r.usualGapPercent)));
        }
        m_days->setItem(row, 4, percent);
    }
    m_days->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_days->setSortingEnabled(true);

    if (r.rows.empty()) {
        m_summary->setText(tr("No token usage in this period."));
        return;
    }
    QString text = tr("Billed %1 for priced usage, catalog estimate %2: gap %3 (%4). %n model(s) flagged", nullptr, flagged)
                       .arg(Format::money(r.billed, currency, Format::Precision::WholeFromThousand), Format::money(r.estimated, currency, Format::Precision::WholeFromThousand),
                            Format::money(r.gap(), currency, Format::Precision::WholeFromThousand), Format::signedPercent(gapPercent(r.billed, r.estimated)));
    text += std::isnan(r.usualGapPercent)
        ? tr(", %n day(s) flagged.", nullptr, flaggedDays)
        : tr(", %n day(s) away from the usual daily gap of %1.", nullptr, flaggedDays).arg(Format::signedPercent(r.usualGapPercent));
    if (r.unpricedBilled != 0)
        text += QLatin1Char(' ') + tr("%1 billed for unpriced models is not estimated.").arg(Format::money(r.unpricedBilled, currency, Format::Precision::WholeFromThousand));
    if (r.notItemisedEstimated != 0)
        text += QLatin1Char(' ') + tr("Usage worth %1 at catalog prices is billed without a model and not compared.")
                                       .arg(Format::money(r.notItemisedEstimated, currency, Format::Precision::WholeFromThousand));
    if (r.otherBilled != 0)
        text += QLatin1Char(' ') + tr("%1 of other charges (not tokens) are not compared.").arg(Format::money(r.otherBilled, currency, Format::Precision::WholeFromThousand));
    m_summary->setText(text);
}
