#pragma once

#include "endpoints/endpointhours.h"
#include "endpoints/endpointstats.h"
#include "shell/page.h"

#include <QString>

#include <vector>

class QLabel;
class QStackedWidget;
class QTableWidget;
class UtilisationHeatMap;

/// The Endpoints page (issue #18 item 4): every hour-billed endpoint of the range (SageMaker,
/// Azure ML, Vertex AI prediction, provisioned throughput, Hugging Face) with its hours, cost,
/// utilisation, idle cost, cost per 1k requests, API-equivalent cost and break-even volume, as
/// Endpoints::endpointStats gives them; the selected endpoint's week as a utilisation heat map and
/// its comparison with the pay-per-token API. Loads on the thread pool (runQuery).
class EndpointsPage : public Page {
    Q_OBJECT
public:
    struct Snapshot {
        QString error;
        QString currency;
        std::vector<Endpoints::EndpointStats> endpoints; ///< most cost first
        std::vector<Endpoints::WeekHours> weeks;         ///< parallel to endpoints
    };

    explicit EndpointsPage(const QString &dbPath, QWidget *parent = nullptr);

    QString title() const override;

    /// Reads the range's endpoints and their weeks; runs on a worker thread.
    static Snapshot query(Cost::Store &store, qint64 fromDay, qint64 toDay);

    const Snapshot &snapshot() const { return m_snapshot; }
    QTableWidget *table() const { return m_table; }
    QLabel *summaryLabel() const { return m_summary; }
    QLabel *emptyLabel() const { return m_empty; }
    QLabel *detailLabel() const { return m_detail; }
    QLabel *comparisonLabel() const { return m_comparison; }
    UtilisationHeatMap *heatMap() const { return m_heatMap; }
    /// True when the empty state (no endpoint in the range, or an error) is shown.
    bool isShowingEmptyState() const;

protected:
    void startLoad() override;

private:
    void apply(const Snapshot &snapshot);
    void showSelected();

    QStackedWidget *m_stack = nullptr;
    QWidget *m_content = nullptr;
    QLabel *m_empty = nullptr;
    QLabel *m_summary = nullptr;
    QTableWidget *m_table = nullptr;
    QLabel *m_detail = nullptr;
    UtilisationHeatMap *m_heatMap = nullptr;
    QLabel *m_comparison = nullptr;
    Snapshot m_snapshot;
    std::string m_selectedKey; ///< provider + endpoint of the selected row, kept across reloads
};
