#include "spend/telemetrycard.h"

#include "format/format.h"
#include "format/money.h"
#include "pricing/pricecatalog.h"
#include "spend/fittedtable.h"

#include <QStandardItemModel>
#include <QVBoxLayout>

#include <map>

namespace {

QStandardItem *numberCell(const QString &text)
{
    auto *item = new QStandardItem(text);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

QStandardItem *dash() { return numberCell(QStringLiteral("\u2014")); }

/// A money cell: shown in the locale, exported as the exact decimal.
QStandardItem *moneyCell(Cost::BigMoney value, const QString &currency)
{
    QStandardItem *item = numberCell(Format::money(value, currency, Format::Precision::Cents));
    item->setData(QString::fromStdString(Cost::formatMoney(value, 2)), Qt::UserRole);
    return item;
}

/// `billed` per `units` × `per`, exact; a dash without units.
QStandardItem *perUnitCell(Cost::BigMoney billed, std::int64_t units, std::int64_t per, const QString &currency)
{
    return units > 0 ? moneyCell(Pricing::roundDiv(billed * per, units), currency) : dash();
}

QStandardItem *latencyCell(double ms)
{
    if (ms < 0)
        return dash();
    return numberCell(ms < 1000 ? TelemetryCard::tr("%1 ms").arg(Format::locale().toString(ms, 'f', 0))
                                : TelemetryCard::tr("%1 s").arg(Format::locale().toString(ms / 1000.0, 'f', 1)));
}

} // namespace

TelemetryCard::TelemetryCard(QWidget *parent)
    : SpendCard(tr("From the applications' telemetry"), QStringLiteral("Telemetry"), parent)
{
    setObjectName(QStringLiteral("telemetryCard"));
    auto *body = new QWidget(this);
    auto *layout = new QVBoxLayout(body);
    layout->setContentsMargins(0, 0, 0, 0);
    m_model = new QStandardItemModel(this);
    m_view = new FittedTable(m_model, false, body);
    m_view->setObjectName(QStringLiteral("telemetryTable"));
    m_view->setAccessibleName(tr("Requests, users and latency by feature"));
    layout->addWidget(m_view, 0, Qt::AlignLeft);
    setBody(body);
}

void TelemetryCard::setStats(const std::vector<Telemetry::Stats> &stats, const std::vector<Analytics::BreakdownRow> &rows,
                             const QString &currency, const QString &rangeText)
{
    std::map<std::string, Cost::BigMoney> billed;
    for (const auto &row : rows)
        billed[row.key] = row.cost;
    m_model->clear();
    m_model->setHorizontalHeaderLabels({tr("Feature"), tr("Billed"), tr("Requests"), tr("Per 1,000 requests"), tr("Users"),
                                        tr("Per user"), tr("p50 latency"), tr("p95 latency")});
    for (const Telemetry::Stats &s : stats) {
        const auto it = billed.find(s.value);
        const Cost::BigMoney cost = it == billed.end() ? 0 : it->second;
        m_model->appendRow({new QStandardItem(s.value.empty() ? tr("(not named)") : QString::fromStdString(s.value)),
                            moneyCell(cost, currency), numberCell(Format::count(s.requests)),
                            perUnitCell(cost, s.requests, 1000, currency), numberCell(Format::count(s.users)),
                            perUnitCell(cost, s.users, 1, currency), latencyCell(s.p50Ms), latencyCell(s.p95Ms)});
    }
    setSubtitle(tr("%1 \u00B7 billed: the feature's share of the bill; requests, users and latency: what the applications "
                   "reported")
                    .arg(rangeText));
    m_view->fit();
}

QTableView *TelemetryCard::table() const { return m_view; }

QList<QStringList> TelemetryCard::exportRows() const { return m_view->csvRows(); }
