#pragma once

#include "analytics/analytics.h"
#include "shell/page.h"

#include <QString>

#include <memory>
#include <vector>

class KpiTile;
class QGridLayout;
class SpendFilter;
class QLabel;
class CurrencyNote;
class StackedCostChart;
class StateStack;

/// The landing page: five KPI tiles (month to date, last 30 days against the 30 before, top
/// model, top feature, tokens) as of the end of the global range, and the daily cost of the
/// range stacked by model, of the charges the shared drill-down (SpendFilter) selects. An empty
/// store shows a call to action instead.
class OverviewPage : public Page {
    Q_OBJECT
public:
    /// What one load read from the store (a value; built on a worker thread).
    struct Snapshot {
        bool empty = true;
        QString error;
        Analytics::OverviewKpis kpis;
        Analytics::DailyBreakdown daily;
        qint64 lastDataDay = 0; ///< the store's last day with charges (names the tiles' periods)
        std::int64_t completeUntil = 0; ///< the shown spend is complete up to here (Analytics::Freshness)
    };

    /// Models drawn separately before the rest is summed as "Other".
    static constexpr int kTopModels = 8;

    explicit OverviewPage(const QString &dbPath, QWidget *parent = nullptr);

    QString title() const override;

    KpiTile *monthToDateTile() const { return m_monthToDate; }
    KpiTile *last30Tile() const { return m_last30; }
    KpiTile *topModelTile() const { return m_topModel; }
    KpiTile *topFeatureTile() const { return m_topFeature; }
    KpiTile *tokensTile() const { return m_tokens; }
    StackedCostChart *chart() const { return m_chart; }
    /// True while the empty-store call to action is shown.
    bool isShowingEmptyState() const;

    /// Reads everything the page shows; runs on a worker thread.
    static Snapshot query(Cost::Store &store, qint64 fromDay, qint64 toDay, const std::vector<Analytics::Filter> &filters = {});

protected:
    void startLoad() override;
    void resizeEvent(QResizeEvent *event) override;

private:
    QWidget *buildDashboard();
    QWidget *buildEmptyState();
    void apply(const Snapshot &snapshot);
    void nameTiles(qint64 asOfDay, qint64 lastDataDay);
    void arrangeTiles();

    std::shared_ptr<SpendFilter> m_filter; ///< the drill-down every page shares
    StateStack *m_states = nullptr;
    KpiTile *m_monthToDate = nullptr;
    KpiTile *m_last30 = nullptr;
    KpiTile *m_topModel = nullptr;
    KpiTile *m_topFeature = nullptr;
    KpiTile *m_tokens = nullptr;
    QGridLayout *m_tiles = nullptr;
    int m_tileColumns = 0;
    QLabel *m_chartSubtitle = nullptr;
    CurrencyNote *m_currencyNote = nullptr;
    QLabel *m_chartTotal = nullptr;
    StackedCostChart *m_chart = nullptr;
};
