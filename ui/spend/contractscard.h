#pragma once

#include "contracts/contractsummary.h"
#include "spend/spendcard.h"

#include <QList>
#include <QStringList>

class FittedTable;
class QLabel;
class QStandardItemModel;
class QTableView;

/// The By provider page's contracts card (shown when the store holds contracts): each provider's
/// priced token charges billed, at contract prices and at list prices over the range; then every
/// commitment month — an unused commitment as its own line, a cost of over-committing — and every
/// credit's balance, with the day the forecast meets the commitment or uses the credit up.
class ContractsCard : public SpendCard {
    Q_OBJECT
public:
    explicit ContractsCard(QWidget *parent = nullptr);

    /// Shows `summary` (`rangeText` names the range of the pricing table).
    void setSummary(const Contracts::Summary &summary, const QString &rangeText);
    QTableView *pricingTable() const;
    QTableView *linesTable() const;
    /// Both tables as CSV rows (a header row before each).
    QList<QStringList> exportRows() const;

private:
    QStandardItemModel *m_pricing = nullptr;
    QStandardItemModel *m_lines = nullptr;
    FittedTable *m_pricingView = nullptr;
    FittedTable *m_linesView = nullptr;
    QLabel *m_linesTitle = nullptr;
};
