#include "spend/spendpage.h"

#include "charts/topnbarchart.h"
#include "export/csvexport.h"
#include "format/format.h"
#include "shell/statestack.h"
#include "shell/style.h"
#include "spend/breakdowntablemodel.h"
#include "spend/breakdowntableview.h"
#include "spend/contractscard.h"
#include "spend/coveragenote.h"
#include "spend/telemetrycard.h"
#include "spend/currencynote.h"
#include "spend/filterbreadcrumbs.h"
#include "spend/spendcard.h"
#include "spend/spendfilter.h"
#include "spend/spendfilterbar.h"
#include "spend/spendformat.h"

#include <QAbstractButton>
#include <QButtonGroup>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <utility>

namespace {

constexpr int kPageMargin = 20;
constexpr int kGap = 12;
// The cost-over-time card needs this much beside the top-N card (its controls in one row, the
// legend's names whole); a narrower page stacks the two cards and scrolls.
constexpr int kTimeCardWidth = 520;
constexpr qint64 kMaxHourlyDays = 31;
constexpr qint64 kMaxDailyDays = 731;
} // namespace

SpendPage::SpendPage(const QString &dbPath, const QString &dimension, QWidget *parent)
    : Page(dbPath, parent)
    , m_dimension(dimension)
    , m_filter(SpendFilter::forStore(dbPath))
{
    m_states = new StateStack(buildDashboard(), buildEmptyState(), this);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_states);
    connect(m_filter.get(), &SpendFilter::changed, this, &Page::reload);
}

QWidget *SpendPage::buildDashboard()
{
    auto *dashboard = new QWidget(this);
    m_filterBar = new SpendFilterBar(m_filter.get(), dashboard);
    m_breadcrumbs = new FilterBreadcrumbs(m_filter.get(), dashboard);
    m_toolbar = new QHBoxLayout;
    m_toolbar->setSpacing(6);
    m_toolbar->addWidget(m_breadcrumbs, 1);

    m_timeCard = new SpendCard(tr("Cost over time"), QStringLiteral("Time"), dashboard);
    m_grainCombo = new QComboBox(m_timeCard);
    m_grainCombo->setObjectName(QStringLiteral("grainCombo"));
    m_grainCombo->setToolTip(tr("Granularity of the time axis"));
    m_grainCombo->addItem(tr("Auto"));
    m_grainCombo->addItem(tr("Hourly"), static_cast<int>(Analytics::Grain::Hour));
    m_grainCombo->addItem(tr("Daily"), static_cast<int>(Analytics::Grain::Day));
    m_grainCombo->addItem(tr("Weekly"), static_cast<int>(Analytics::Grain::Week));
    m_grainCombo->addItem(tr("Monthly"), static_cast<int>(Analytics::Grain::Month));
    m_grainCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_grainCombo->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    connect(m_grainCombo, &QComboBox::activated, this, [this](int index) {
        const QVariant grain = m_grainCombo->itemData(index);
        setChosenGrain(grain.isValid() ? std::optional(static_cast<Analytics::Grain>(grain.toInt())) : std::nullopt);
    });
    m_timeCard->addControl(m_grainCombo);

    m_styleGroup = new QButtonGroup(this);
    m_styleGroup->setExclusive(true);
    const std::pair<TimeCostChart::Style, QString> styles[] = {{TimeCostChart::Style::Area, tr("Area")},
                                                               {TimeCostChart::Style::Bars, tr("Bars")}};
    for (const auto &[style, text] : styles) {
        auto *button = new QToolButton(m_timeCard);
        button->setText(text);
        button->setObjectName(style == TimeCostChart::Style::Area ? QStringLiteral("styleArea") : QStringLiteral("styleBars"));
        button->setCheckable(true);
        button->setChecked(style == TimeCostChart::Style::Area);
        button->setProperty("cardControl", true);
        m_styleGroup->addButton(button, static_cast<int>(style));
        m_timeCard->addControl(button);
    }
    connect(m_styleGroup, &QButtonGroup::idClicked, this,
            [this](int id) { m_timeChart->setStyle(static_cast<TimeCostChart::Style>(id)); });

    m_timeChart = new TimeCostChart(m_timeCard);
    m_timeChart->setAccessibleName(tr("Cost over time"));
    setCardChart(m_timeCard, m_timeChart, QStringLiteral("over-time"), &SpendPage::timeExportRows);
    connect(m_timeChart, &TimeCostChart::seriesActivated, this, &SpendPage::narrowTo);

    m_topCard = new SpendCard(QString(), QStringLiteral("Top"), dashboard);
    m_topChart = new TopNBarChart(m_topCard);
    m_topChart->setAccessibleName(tr("Top values by cost"));
    setCardChart(m_topCard, m_topChart, QStringLiteral("top"), &SpendPage::topExportRows);
    connect(m_topChart, &TopNBarChart::itemActivated, this, &SpendPage::narrowTo);
    connect(m_topChart, &TopNBarChart::rebuilt, this, &SpendPage::arrangeCharts); // its names set its width

    m_tableCard = new SpendCard(QString(), QStringLiteral("Table"), dashboard);
    buildTable();
    m_tableCard->setBody(m_table);
    connect(m_tableCard, &SpendCard::exportRequested, this, [this] { exportRows(QStringLiteral("table"), tableExportRows()); });

    auto *charts = new QWidget(dashboard);
    m_chartsRow = new QHBoxLayout(charts);
    m_chartsRow->setContentsMargins(0, 0, 0, 0);
    m_chartsRow->setSpacing(kGap);
    m_chartsRow->addWidget(m_timeCard, 3);
    m_chartsRow->addWidget(m_topCard, 2);

    auto *splitter = new QSplitter(Qt::Vertical, dashboard);
    m_splitter = splitter;
    splitter->setObjectName(QStringLiteral("spendSplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->setHandleWidth(kGap);
    splitter->addWidget(charts);
    splitter->addWidget(m_tableCard);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(dashboard);
    layout->setContentsMargins(kPageMargin, 4, kPageMargin, kPageMargin - 4);
    layout->setSpacing(8);
    layout->addWidget(m_filterBar);
    layout->addLayout(m_toolbar);
    m_currencyNote = new CurrencyNote(dashboard);
    connect(m_currencyNote, &CurrencyNote::currencyChosen, this, [this](const QString &c) { m_filter->narrow(QStringLiteral("currency"), c); });
    layout->addWidget(m_currencyNote);
    layout->addWidget(splitter, 1);
    return dashboard;
}

void SpendPage::setCardChart(SpendCard *card, ChartBase *chart, const QString &what,
                             QList<QStringList> (SpendPage::*rows)() const)
{
    chart->setMinimumHeight(160);
    card->setBody(chart);
    connect(chart, &ChartBase::rebuilt, this, &SpendPage::checkDrawn);
    connect(chart, &ChartBase::exportRequested, this, [this, what, rows] { exportRows(what, (this->*rows)()); });
    connect(card, &SpendCard::exportRequested, chart, &ChartBase::exportRequested);
}

void SpendPage::buildTable()
{
    m_model = new BreakdownTableModel(this);
    m_table = new BreakdownTableView(m_model, m_tableCard);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    // A click narrows; so does Enter (activated) for keyboard users. Narrowing twice is a no-op.
    for (auto signal : {&QTableView::clicked, &QTableView::activated}) {
        connect(m_table, signal, this, [this](const QModelIndex &index) {
            if (index.isValid())
                narrowTo(m_model->keyAt(index.row()));
        });
    }
    connect(m_table, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        QMenu menu(m_table);
        const QModelIndex index = m_table->indexAt(pos);
        if (index.isValid()) {
            const QString key = m_model->keyAt(index.row());
            menu.addAction(tr("Filter to %1").arg(SpendFormat::valueText(m_dimension, key)), this,
                           [this, key] { narrowTo(key); });
            menu.addSeparator();
        }
        menu.addAction(tr("Export CSV\u2026"), this, [this] { exportRows(QStringLiteral("table"), tableExportRows()); });
        menu.exec(m_table->viewport()->mapToGlobal(pos));
    });
}

QWidget *SpendPage::buildEmptyState()
{
    auto *outer = new QWidget(this);
    outer->setObjectName(QStringLiteral("spendEmptyState"));
    auto *heading = new QLabel(tr("No cost data yet"), outer);
    Style::text(heading, Style::kHeading);
    auto *text = new QLabel(tr("Import a FOCUS cost export or load the demo workspace to explore spend here."), outer);
    Style::mutedLabel(text, 10);
    auto *demo = new QPushButton(tr("Load demo workspace"), outer);
    Style::apply(demo, Style::Sheet::PrimaryButton);
    auto *import = new QPushButton(tr("Import FOCUS file\u2026"), outer);
    Style::apply(import, Style::Sheet::SecondaryButton);
    connect(demo, &QPushButton::clicked, this, &Page::demoRequested);
    connect(import, &QPushButton::clicked, this, &Page::importRequested);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(demo);
    buttons->addWidget(import);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(outer);
    layout->addStretch(2);
    layout->addWidget(heading, 0, Qt::AlignHCenter);
    layout->addWidget(text, 0, Qt::AlignHCenter);
    layout->addSpacing(8);
    layout->addLayout(buttons);
    layout->addStretch(3);
    return outer;
}

void SpendPage::enableContracts()
{
    m_contractsCard = new ContractsCard(m_splitter);
    m_contractsCard->hide();
    m_splitter->addWidget(m_contractsCard);
    m_splitter->setStretchFactor(2, 0);
    connect(m_contractsCard, &SpendCard::exportRequested, this,
            [this] { exportRows(QStringLiteral("contracts"), m_contractsCard->exportRows()); });
}

void SpendPage::enableCoverage()
{
    m_coverageNote = new CoverageNote;
    auto *layout = qobject_cast<QVBoxLayout *>(m_currencyNote->parentWidget()->layout());
    layout->insertWidget(layout->indexOf(m_currencyNote) + 1, m_coverageNote);
    m_telemetryCard = new TelemetryCard(m_splitter);
    m_telemetryCard->hide();
    m_splitter->addWidget(m_telemetryCard);
    m_splitter->setStretchFactor(m_splitter->indexOf(m_telemetryCard), 0);
    connect(m_telemetryCard, &SpendCard::exportRequested, this,
            [this] { exportRows(QStringLiteral("telemetry"), m_telemetryCard->exportRows()); });
}

void SpendPage::addToolbarWidget(QWidget *widget)
{
    m_toolbar->addWidget(widget);
}

void SpendPage::setDimension(const QString &dimension)
{
    if (dimension == m_dimension)
        return;
    m_dimension = dimension;
    reload();
}

bool SpendPage::isGrainAllowed(Analytics::Grain grain) const
{
    const qint64 days = toDay() - fromDay() + 1;
    if (grain == Analytics::Grain::Hour)
        return days <= kMaxHourlyDays;
    if (grain == Analytics::Grain::Day)
        return days <= kMaxDailyDays;
    return true;
}

void SpendPage::setChosenGrain(std::optional<Analytics::Grain> grain)
{
    if (grain == m_chosenGrain)
        return;
    m_chosenGrain = grain;
    updateGrainCombo();
    reload();
}

void SpendPage::updateGrainCombo()
{
    const Analytics::Grain automatic = Analytics::autoGrain(fromDay(), toDay());
    m_grainCombo->setItemText(0, tr("Auto (%1)").arg(SpendFormat::grainAdjective(automatic)));
    if (auto *items = qobject_cast<QStandardItemModel *>(m_grainCombo->model())) {
        for (int i = 1; i < m_grainCombo->count(); ++i)
            items->item(i)->setEnabled(isGrainAllowed(static_cast<Analytics::Grain>(m_grainCombo->itemData(i).toInt())));
    }
    m_grainCombo->setCurrentIndex(m_chosenGrain ? m_grainCombo->findData(static_cast<int>(*m_chosenGrain)) : 0);
}

void SpendPage::startLoad()
{
    // A grain chosen for a short range may not suit a longer one: fall back to automatic.
    if (m_chosenGrain && !isGrainAllowed(*m_chosenGrain))
        m_chosenGrain.reset();
    updateGrainCombo();
    m_grain = m_chosenGrain.value_or(Analytics::autoGrain(fromDay(), toDay()));
    Request request;
    request.dimension = m_dimension.toStdString();
    request.fromDay = fromDay();
    request.toDay = toDay();
    request.grain = m_grain;
    request.filters = m_filter->filters();
    request.contracts = m_contractsCard != nullptr;
    request.coverage = m_coverageNote != nullptr;
    for (const QString &dimension : SpendFilter::dimensions())
        request.optionFilters.emplace_back(dimension, m_filter->filtersExcept(dimension));
    runQuery([request](Cost::Store &store) { return query(store, request); },
             [this](const Snapshot &snapshot) { apply(snapshot); },
             [this](const QString &message) { m_states->showError(tr("Cannot open the store: %1").arg(message)); });
}

QString SpendPage::rangeText() const
{
    return Format::dayRange(fromDay(), toDay());
}

void SpendPage::apply(const Snapshot &snapshot)
{
    if (!m_states->showResult(snapshot.empty, snapshot.error))
        return;
    m_snapshot = snapshot;
    const Analytics::Breakdown &b = snapshot.breakdown;
    const QString currency = snapshot.currency;
    const QString plural = SpendFormat::dimensionPlural(m_dimension);
    const std::size_t top = std::min<std::size_t>(static_cast<std::size_t>(b.query.topN), b.rows.size());
    const bool hasOther = b.rows.size() > top;

    TimeCostChart::Data data;
    data.grain = b.query.grain;
    data.bucketStarts.assign(b.bucketStarts.begin(), b.bucketStarts.end());
    data.currency = currency;
    data.rangeStart = b.query.fromDay * 86400;
    data.rangeEnd = (b.query.toDay + 1) * 86400;
    data.completeUntil = snapshot.completeUntil;
    for (std::size_t s = 0; s < b.seriesNames.size() && s < snapshot.exact.size(); ++s) {
        TimeCostChart::Series series;
        series.other = hasOther && s == top;
        series.key = QString::fromStdString(b.seriesNames[s]);
        series.name = series.other ? tr("Other") : SpendFormat::valueText(m_dimension, series.key);
        series.values = snapshot.exact[s];
        data.series.push_back(std::move(series));
    }
    m_timeChart->setData(data);
    QAbstractButton *area = m_styleGroup->button(static_cast<int>(TimeCostChart::Style::Area));
    const bool areaPossible = static_cast<int>(data.bucketStarts.size()) >= TimeCostChart::kMinAreaBuckets;
    area->setEnabled(areaPossible);
    area->setToolTip(areaPossible ? QString() : tr("Too few buckets for areas: pick a finer granularity"));

    std::vector<TopNBarChart::Item> items;
    Cost::BigMoney rest = 0;
    double restShare = 0;
    for (std::size_t i = 0; i < b.rows.size(); ++i) {
        const Analytics::BreakdownRow &row = b.rows[i];
        if (i < top) {
            const QString key = QString::fromStdString(row.key);
            items.push_back({SpendFormat::valueText(m_dimension, key), key, false, row.cost, row.share});
        } else {
            rest += row.cost;
            restShare += row.share;
        }
    }
    if (hasOther)
        items.push_back({tr("Other"), QString(), true, rest, restShare});
    m_topChart->setItems(items, currency, SpendFormat::dimensionTitle(m_dimension));

    m_model->setBreakdown(b, m_dimension, currency);
    m_currencyNote->setCurrencies(currency, snapshot.otherCurrencies, true);
    m_table->fitColumns();
    m_filterBar->setOptions(snapshot.options);

    QString change;
    double percent = 0;
    if (Format::percentChange(Cost::toDouble(b.total), Cost::toDouble(b.previousTotal), percent))
        change = tr(" \u00B7 %1 vs previous %2 days").arg(Format::signedPercent(percent)).arg(toDay() - fromDay() + 1);
    m_timeCard->setSubtitle(tr("%1 billed, %2%3 \u00B7 %4 by %5")
                                .arg(Format::money(b.total, currency, Format::Precision::Cents), rangeText(), change,
                                     SpendFormat::grainAdjective(b.query.grain), SpendFormat::dimensionInText(m_dimension)));
    m_topCard->setTitle(hasOther ? tr("Top %1 %2").arg(top).arg(plural) : tr("%1 by cost").arg(SpendFormat::dimensionTitle(m_dimension)));
    m_topCard->setSubtitle(hasOther ? tr("%1 more in Other \u00B7 click a bar to filter").arg(b.rows.size() - top)
                                    : tr("Share of billed cost \u00B7 click a bar to filter"));
    m_tableCard->setTitle(tr("All %1 \u00B7 %2").arg(plural).arg(b.rows.size()));
    if (m_contractsCard) {
        const bool any = snapshot.contracts && snapshot.contracts->any;
        m_contractsCard->setVisible(any || !snapshot.contractsError.isEmpty());
        if (any)
            m_contractsCard->setSummary(*snapshot.contracts, rangeText());
        else if (!snapshot.contractsError.isEmpty())
            m_contractsCard->setSubtitle(tr("Cannot read the contracts: %1").arg(snapshot.contractsError));
    }
    if (m_coverageNote && snapshot.coverageError.isEmpty())
        m_coverageNote->setSummary(snapshot.coverage);
    else if (m_coverageNote)
        m_coverageNote->setError(snapshot.coverageError);
    if (m_telemetryCard) {
        m_telemetryCard->setVisible(!snapshot.telemetry.empty());
        if (!snapshot.telemetry.empty())
            m_telemetryCard->setStats(snapshot.telemetry, b.rows, currency, rangeText());
    }
    m_tableCard->setSubtitle(tr("Unit economics over %1 \u00B7 blank where the sources report no tokens or requests")
                                 .arg(rangeText()));
}

bool SpendPage::chartsPending() const
{
    return m_timeChart->isRebuildPending() || m_topChart->isRebuildPending();
}

void SpendPage::whenDrawn(const std::function<void()> &done)
{
    m_whenDrawn = done;
    checkDrawn();
}

void SpendPage::checkDrawn()
{
    if (!m_whenDrawn || chartsPending())
        return; // the pending rebuild's rebuilt() calls again
    // A rebuilt chart lays out its plot area and axes on the next turn of the event loop, and
    // that layout may start another rebuild (labels elided for the width): report after it.
    QTimer::singleShot(0, this, [this] {
        if (m_whenDrawn && !chartsPending())
            std::exchange(m_whenDrawn, {})();
    });
}

void SpendPage::narrowTo(const QString &key)
{
    m_filter->narrow(m_dimension, key);
}

QList<QStringList> SpendPage::tableExportRows() const
{
    return CsvExport::modelRows(m_model, m_model->exportHeader(), BreakdownTableModel::ExportRole);
}

QList<QStringList> SpendPage::timeExportRows() const
{
    return m_timeChart->exportRows();
}

QList<QStringList> SpendPage::topExportRows() const
{
    return m_topChart->exportRows();
}

void SpendPage::exportRows(const QString &what, const QList<QStringList> &rows)
{
    const QString name = QStringLiteral("burnrate-%1-%2-%3.csv")
                             .arg(m_dimension, what, Format::dateOfDay(toDay()).toString(Qt::ISODate));
    CsvExport::saveWithDialog(this, name, rows);
}

void SpendPage::resizeEvent(QResizeEvent *event)
{
    Page::resizeEvent(event);
    arrangeCharts();
}

void SpendPage::arrangeCharts()
{
    const int room = width() - 2 * kPageMargin;
    const bool sideBySide = room >= kTimeCardWidth + kGap + m_topCard->minimumSizeHint().width();
    const auto direction = sideBySide ? QBoxLayout::LeftToRight : QBoxLayout::TopToBottom;
    if (m_chartsRow->direction() == direction)
        return;
    m_chartsRow->setDirection(direction);
    // The splitter keeps its panes' heights until told: the stacked cards need more.
    m_chartsRow->activate();
    m_splitter->refresh();
}
