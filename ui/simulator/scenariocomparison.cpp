#include "simulator/scenariocomparison.h"

#include "format/format.h"
#include "shell/style.h"
#include "simulator/simulatorformat.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

using SimulatorFormat::moneyItem;
using SimulatorFormat::textItem;

ScenarioComparison::ScenarioComparison(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("scenarioComparison"));
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("comparePicker"));
    m_list->setMaximumWidth(240);
    m_table = new QTableWidget(this);
    m_table->setObjectName(QStringLiteral("compareTable"));
    SimulatorFormat::styleTable(m_table);
    m_table->verticalHeader()->setVisible(true);
    m_table->setWordWrap(true);
    m_note = new QLabel(this);
    m_note->setWordWrap(true);
    Style::mutedLabel(m_note);
    auto *pickLabel = new QLabel(tr("Saved scenarios (tick two or more):"), this);
    auto *left = new QVBoxLayout;
    left->addWidget(pickLabel);
    left->addWidget(m_list, 1);
    auto *right = new QVBoxLayout;
    right->addWidget(m_note);
    right->addWidget(m_table, 1);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(left);
    layout->addLayout(right, 1);
    connect(m_list, &QListWidget::itemChanged, this, [this] {
        if (!m_filling)
            evaluate();
    });
    show({});
}

ScenarioComparison::~ScenarioComparison() = default;

void ScenarioComparison::setData(std::shared_ptr<const Simulation::PricedUsage> priced,
                                 std::shared_ptr<const Simulation::EndpointInputs> endpoints,
                                 const std::vector<Simulation::Scenario> &scenarios)
{
    const QStringList ticked = checked();
    m_priced = std::move(priced);
    m_endpoints = std::move(endpoints);
    m_scenarios = scenarios;
    m_filling = true;
    m_list->clear();
    for (const auto &s : m_scenarios) {
        auto *item = new QListWidgetItem(QString::fromStdString(s.name), m_list);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
        item->setCheckState(ticked.contains(item->text()) ? Qt::Checked : Qt::Unchecked);
    }
    m_filling = false;
    evaluate();
}

void ScenarioComparison::setChecked(const QStringList &names)
{
    m_filling = true;
    for (int i = 0; i < m_list->count(); ++i)
        m_list->item(i)->setCheckState(names.contains(m_list->item(i)->text()) ? Qt::Checked : Qt::Unchecked);
    m_filling = false;
    evaluate();
}

QStringList ScenarioComparison::checked() const
{
    QStringList names;
    for (int i = 0; i < m_list->count(); ++i)
        if (m_list->item(i)->checkState() == Qt::Checked)
            names << m_list->item(i)->text();
    return names;
}

void ScenarioComparison::evaluate()
{
    std::vector<Simulation::Scenario> picked;
    const QStringList names = checked();
    for (const auto &s : m_scenarios)
        if (names.contains(QString::fromStdString(s.name)))
            picked.push_back(s);
    if (!m_priced || picked.empty()) {
        m_runner.invalidate();
        show({});
        Q_EMIT compared();
        return;
    }
    // A newer request cancels this one (Latest) and drops its result.
    m_runner.compute(
        [priced = m_priced, endpoints = m_endpoints, picked = std::move(picked)](Task::Context &context) {
            std::vector<Simulation::ScenarioResult> out;
            for (const auto &s : picked)
                out.push_back(Simulation::evaluate(*priced, s, context.cancelFlag(), endpoints.get()));
            return out;
        },
        [this](Task::Outcome<std::vector<Simulation::ScenarioResult>> &outcome) {
            show(outcome.value);
            Q_EMIT compared();
        });
}

void ScenarioComparison::show(const std::vector<Simulation::ScenarioResult> &results)
{
    m_results = results;
    QStringList headers;
    for (const auto &r : results)
        headers << QString::fromStdString(r.name);
    SimulatorFormat::resetTable(m_table, headers);
    const QStringList rows = {tr("Baseline (period)"), tr("Scenario (period)"), tr("Savings / month, low"),
                              tr("Savings / month"), tr("Savings / month, high"), tr("Savings / year, low"),
                              tr("Savings / year"), tr("Savings / year, high"), tr("Savings %"), tr("Top features"),
                              tr("Warnings")};
    m_table->setRowCount(static_cast<int>(rows.size()));
    m_table->setVerticalHeaderLabels(rows);
    int col = 0;
    for (const auto &r : results) {
        const QString currency = QString::fromStdString(r.currency.empty() ? std::string("USD") : r.currency);
        const Cost::BigMoney values[] = {r.baseline, r.scenario, r.monthlyLow, r.monthly, r.monthlyHigh,
                                         r.annualLow, r.annual, r.annualHigh};
        for (int i = 0; i < 8; ++i)
            m_table->setItem(i, col, moneyItem(values[i], currency));
        m_table->setItem(8, col, SimulatorFormat::percentItem(r.savingsPercent()));
        std::vector<Simulation::FeatureResult> top = r.features;
        std::sort(top.begin(), top.end(), [](const auto &a, const auto &b) { return a.savings() > b.savings(); });
        QStringList lines;
        for (std::size_t i = 0; i < top.size() && i < 3; ++i)
            if (top[i].savings() != 0)
                lines << QStringLiteral("%1 %2").arg(top[i].feature.empty() ? tr("(unallocated)") : QString::fromStdString(top[i].feature),
                                                     Format::money(top[i].savings(), currency, Format::Precision::WholeFromThousand));
        m_table->setItem(9, col, textItem(lines.join(QLatin1Char('\n'))));
        m_table->item(9, col)->setTextAlignment(Qt::AlignLeft | Qt::AlignTop);
        m_table->setItem(10, col, textItem(QString::number(r.warnings.size()),
                                           [&] {
                                               QStringList w;
                                               for (const auto &s : r.warnings)
                                                   w << QString::fromStdString(s);
                                               return w.join(QLatin1Char('\n'));
                                           }()));
        ++col;
    }
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->resizeRowsToContents();
    if (m_scenarios.size() < 2)
        m_note->setText(tr("Save two or more scenarios to compare them side by side."));
    else if (results.empty())
        m_note->setText(tr("Tick the scenarios to compare."));
    else
        m_note->setText(tr("Each scenario priced on the same usage: %1 \u2013 %2, with the page's filter.")
                            .arg(Format::shortDate(results.front().fromDay, true), Format::shortDate(results.front().toDay, true)));
}
