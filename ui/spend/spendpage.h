#pragma once

#include "analytics/breakdown.h"
#include "contracts/contractsummary.h"
#include "charts/timecostchart.h"
#include "shell/page.h"
#include "telemetry/coverage.h"
#include "telemetry/telemetrystats.h"
#include "spend/breakdowntableview.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

class BreakdownTableModel;
class ChartBase;
class ContractsCard;
class CoverageNote;
class TelemetryCard;
class CurrencyNote;
class FilterBreadcrumbs;
class QButtonGroup;
class QComboBox;
class QBoxLayout;
class QHBoxLayout;
class QLabel;
class QSplitter;
class QTableView;
class SpendCard;
class SpendFilter;
class SpendFilterBar;
class StateStack;
class TopNBarChart;

/// A spend-exploration page: cost over time by one dimension (stacked areas or bars at an
/// automatic or chosen grain), the top values as bars with "Other", and a sortable table with
/// unit economics — all under the filter shared by every spend page of the store. Clicking a
/// series, a bar or a row narrows that filter; the shown page reloads with it, hidden ones when
/// they are shown.
class SpendPage : public Page {
    Q_OBJECT
public:
    /// Values drawn separately before the rest is summed as "Other".
    static constexpr int kTopN = 8;

    /// What one load asks (a value; copied to the worker thread).
    struct Request {
        std::string dimension;
        qint64 fromDay = 0;
        qint64 toDay = 0;
        Analytics::Grain grain = Analytics::Grain::Day;
        std::vector<Analytics::Filter> filters;
        /// Per filter-bar dimension, the filters its combo's values are listed under.
        std::vector<std::pair<QString, std::vector<Analytics::Filter>>> optionFilters;
        int topN = kTopN;
        bool contracts = false; ///< also summarise the contracts (Contracts::summarize)
        bool coverage = false;  ///< also summarise the telemetry coverage (Telemetry::coverage)
    };
    /// What one load read from the store (a value; built on a worker thread).
    struct Snapshot {
        bool empty = true;
        QString error;
        QString currency;                                        ///< of every amount shown
        std::vector<Analytics::CurrencyAmount> otherCurrencies;  ///< billed in the range, not shown
        Analytics::Breakdown breakdown;
        std::vector<std::vector<Cost::BigMoney>> exact; ///< [series][bucket] of breakdown
        qint64 completeUntil = 0;                       ///< the slice is complete up to here (Analytics::Freshness)
        QHash<QString, QStringList> options;            ///< filter-bar values per dimension
        std::shared_ptr<const Contracts::Summary> contracts; ///< with Request::contracts and stored contracts
        QString contractsError;
        Telemetry::CoverageSummary coverage; ///< with Request::coverage
        QString coverageError;
        /// With Request::coverage on the feature dimension: requests, users and latency per feature
        /// from telemetry — none when filtered on another dimension (telemetry has no billing ones).
        std::vector<Telemetry::Stats> telemetry;
    };

    SpendPage(const QString &dbPath, const QString &dimension, QWidget *parent = nullptr);

    /// The dimension shown ("model", "feature", …).
    QString dimension() const { return m_dimension; }
    SpendFilter *filter() const { return m_filter.get(); }
    /// The grain the user picked; nullopt = automatic from the range.
    std::optional<Analytics::Grain> chosenGrain() const { return m_chosenGrain; }
    void setChosenGrain(std::optional<Analytics::Grain> grain);
    /// The grain of the newest load.
    Analytics::Grain grain() const { return m_grain; }
    /// True when `grain` is offered for the current range (hourly up to 31 days, daily up to two years).
    bool isGrainAllowed(Analytics::Grain grain) const;
    const Snapshot &snapshot() const { return m_snapshot; }

    TimeCostChart *timeChart() const { return m_timeChart; }
    TopNBarChart *topChart() const { return m_topChart; }
    QTableView *table() const { return m_table; }
    BreakdownTableModel *tableModel() const { return m_model; }
    SpendFilterBar *filterBar() const { return m_filterBar; }
    FilterBreadcrumbs *breadcrumbs() const { return m_breadcrumbs; }
    QComboBox *grainCombo() const { return m_grainCombo; }
    SpendCard *timeCard() const { return m_timeCard; }
    /// The contracts card (enableContracts()); nullptr on pages without it.
    ContractsCard *contractsCard() const { return m_contractsCard; }
    /// The telemetry coverage line (enableCoverage()); nullptr on pages without it.
    CoverageNote *coverageNote() const { return m_coverageNote; }
    /// The telemetry card (enableCoverage()); nullptr on pages without it.
    TelemetryCard *telemetryCard() const { return m_telemetryCard; }

    /// The CSV rows of the table (every column), the time chart and the top-N chart.
    QList<QStringList> tableExportRows() const;
    QList<QStringList> timeExportRows() const;
    QList<QStringList> topExportRows() const;

    /// Reads everything the page shows; runs on a worker thread.
    static Snapshot query(Cost::Store &store, const Request &request);

protected:
    void startLoad() override;
    /// Reports drawn once both charts have rebuilt from the new data and laid out.
    void whenDrawn(const std::function<void()> &done) override;
    /// Switches the dimension shown (e.g. provider ↔ service) and reloads.
    void setDimension(const QString &dimension);
    /// Adds the contracts card below the table: list vs contract vs billed, commitments and credits
    /// (shown while the store holds contracts).
    void enableContracts();
    /// Adds the telemetry coverage line under the currency note (the By feature page).
    void enableCoverage();
    /// Adds a control to the right of the breadcrumbs.
    void addToolbarWidget(QWidget *widget);
    /// Puts the two chart cards side by side when they fit, one above the other when not.
    void resizeEvent(QResizeEvent *event) override;
    void arrangeCharts();

private:
    QWidget *buildDashboard();
    QWidget *buildEmptyState();
    void buildTable();
    void apply(const Snapshot &snapshot);
    bool chartsPending() const;
    void checkDrawn();
    void updateGrainCombo();
    void narrowTo(const QString &key);
    void exportRows(const QString &what, const QList<QStringList> &rows);
    /// Makes `chart` the body of `card`: its redraws count towards loaded(), and the chart's and
    /// the card's export both write `rows` as the CSV `what`.
    void setCardChart(SpendCard *card, ChartBase *chart, const QString &what, QList<QStringList> (SpendPage::*rows)() const);
    QString rangeText() const;

    QString m_dimension;
    std::shared_ptr<SpendFilter> m_filter;
    std::optional<Analytics::Grain> m_chosenGrain;
    std::function<void()> m_whenDrawn; ///< a finished load waiting for the charts
    Analytics::Grain m_grain = Analytics::Grain::Day;
    Snapshot m_snapshot;

    StateStack *m_states = nullptr;
    SpendFilterBar *m_filterBar = nullptr;
    FilterBreadcrumbs *m_breadcrumbs = nullptr;
    QHBoxLayout *m_toolbar = nullptr;
    QBoxLayout *m_chartsRow = nullptr;
    QSplitter *m_splitter = nullptr;
    SpendCard *m_timeCard = nullptr;
    SpendCard *m_topCard = nullptr;
    SpendCard *m_tableCard = nullptr;
    QComboBox *m_grainCombo = nullptr;
    QButtonGroup *m_styleGroup = nullptr;
    TimeCostChart *m_timeChart = nullptr;
    TopNBarChart *m_topChart = nullptr;
    BreakdownTableView *m_table = nullptr;
    CurrencyNote *m_currencyNote = nullptr;
    ContractsCard *m_contractsCard = nullptr;
    CoverageNote *m_coverageNote = nullptr;
    TelemetryCard *m_telemetryCard = nullptr;
    BreakdownTableModel *m_model = nullptr;
};
