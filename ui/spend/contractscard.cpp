#include "spend/contractscard.h"

#include "contracts/contractoutlook.h"
#include "format/dates.h"
#include "format/money.h"
#include "format/palette.h"
#include "shell/style.h"
#include "spend/fittedtable.h"

#include <QHeaderView>
#include <QLabel>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

namespace {

QStandardItem *cell(const QString &text)
{
    return new QStandardItem(text);
}

/// No amount (an open month has no unused part yet).
QStandardItem *dash()
{
    auto *item = new QStandardItem(QStringLiteral("\u2014"));
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

/// A money cell: shown in the locale, exported as the exact decimal.
QStandardItem *moneyCell(Cost::BigMoney value, const std::string &currency)
{
    auto *item = new QStandardItem(Format::money(value, QString::fromStdString(currency), Format::Precision::Cents));
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    item->setData(QString::fromStdString(Cost::formatMoney(value, 2)), Qt::UserRole);
    return item;
}

QString period(std::int64_t fromDay, std::int64_t toDayExclusive)
{
    if (toDayExclusive >= Contracts::kOpenEnded)
        return ContractsCard::tr("from %1").arg(Format::shortDate(fromDay, true));
    const QDate from = Format::dateOfDay(fromDay);
    const QDate last = Format::dateOfDay(toDayExclusive - 1);
    if (from.day() == 1 && last.day() == last.daysInMonth() && from.month() == last.month() && from.year() == last.year())
        return Format::monthYear(fromDay);
    return Format::dayRange(fromDay, toDayExclusive - 1);
}

} // namespace

ContractsCard::ContractsCard(QWidget *parent)
    : SpendCard(tr("Contracts"), QStringLiteral("Contracts"), parent)
{
    setObjectName(QStringLiteral("contractsCard"));
    auto *body = new QWidget(this);
    auto *layout = new QVBoxLayout(body);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    m_pricing = new QStandardItemModel(this);
    m_pricingView = new FittedTable(m_pricing, false, body);
    m_pricingView->setObjectName(QStringLiteral("contractPricingTable"));
    m_pricingView->setAccessibleName(tr("List, contract and billed cost by provider"));
    layout->addWidget(m_pricingView, 0, Qt::AlignLeft);
    m_linesTitle = new QLabel(body);
    m_linesTitle->setWordWrap(true);
    Style::text(m_linesTitle, Style::Text{Palette::Role::SecondaryText, 0, false, "padding-top: 6px;"});
    layout->addWidget(m_linesTitle);
    m_lines = new QStandardItemModel(this);
    m_linesView = new FittedTable(m_lines, true, body);
    m_linesView->setObjectName(QStringLiteral("contractLinesTable"));
    m_linesView->setAccessibleName(tr("Commitments and credits"));
    layout->addWidget(m_linesView);
    setBody(body);
}

void ContractsCard::setSummary(const Contracts::Summary &summary, const QString &rangeText)
{
    auto money = [](Cost::BigMoney v, const std::string &c) { return Format::money(v, QString::fromStdString(c), Format::Precision::Cents); };
    m_pricing->clear();
    m_pricing->setHorizontalHeaderLabels({tr("Provider"), tr("Billed"), tr("At contract prices"), tr("At list prices"), tr("Contract saves")});
    for (const Contracts::ProviderPricing &p : summary.pricing)
        m_pricing->appendRow({cell(QString::fromStdString(p.provider)), moneyCell(p.billed, summary.currency),
                              moneyCell(p.contract, summary.currency), moneyCell(p.list, summary.currency),
                              moneyCell(p.list - p.contract, summary.currency)});
    setSubtitle(tr("Token charges over %1: billed, and the same usage at contract and at list prices").arg(rangeText));

    const Contracts::Statement &s = summary.statement;
    m_lines->clear();
    m_lines->setHorizontalHeaderLabels({tr("Contract"), tr("Line"), tr("Period"), tr("Amount"), tr("Used"), tr("Unused / left"), tr("Outlook")});
    const QColor warning = Palette::current().colour(Palette::Role::Warning);
    for (const Contracts::CommitmentMonth &m : s.commitments) {
        QList<QStandardItem *> row{cell(QString::fromStdString(m.contract)), cell(ContractOutlook::line(m)),
                                   cell(period(m.fromDay, m.toDay)), moneyCell(m.committed, m.currency), moneyCell(m.used, m.currency),
                                   m.complete ? moneyCell(m.unused, m.currency) : dash(), cell(ContractOutlook::outlook(m))};
        if (Contracts::status(m) == Contracts::LineStatus::Unused)
            for (QStandardItem *item : row) {
                QFont font = item->font();
                font.setBold(true);
                item->setFont(font);
                item->setForeground(warning);
            }
        m_lines->appendRow(row);
    }
    for (const Contracts::CreditBalance &b : s.credits)
        m_lines->appendRow({cell(QString::fromStdString(b.contract)), cell(ContractOutlook::line(b)), cell(period(b.fromDay, b.untilDay)),
                            moneyCell(b.amount, b.currency), moneyCell(b.used, b.currency), moneyCell(b.remaining, b.currency),
                            cell(ContractOutlook::outlook(b, s.asOfDay))});
    const Cost::BigMoney unused = s.unusedTotal();
    const std::string unusedCurrency = s.commitments.empty() ? summary.currency : s.commitments.front().currency;
    m_linesTitle->setText(s.empty() ? tr("No commitments or credits in these contracts.")
                          : unused > 0
                              ? tr("Commitments and credits as of %1 \u00B7 %2 of unused commitment in complete months")
                                    .arg(Format::shortDate(s.asOfDay, true), money(unused, unusedCurrency))
                              : tr("Commitments and credits as of %1").arg(Format::shortDate(s.asOfDay, true)));
    m_linesView->setVisible(!s.empty());
    m_pricingView->fit();
    m_linesView->fit();
}

QTableView *ContractsCard::pricingTable() const
{
    return m_pricingView;
}

QTableView *ContractsCard::linesTable() const
{
    return m_linesView;
}

QList<QStringList> ContractsCard::exportRows() const
{
    return m_pricingView->csvRows() + m_linesView->csvRows();
}
