#pragma once

#include "simulation/scenarioengine.h"

#include <QWidget>

#include <functional>

class ForecastChart;
class QLabel;
class QPushButton;
class QTableWidget;

/// What a scenario does to the money: monthly and annualised savings with their range, a daily
/// baseline-vs-scenario chart with the range as a band, the per-feature table, the engine's
/// warnings, and a loud banner for unpriced models (left out of both sides, never $0). GUI thread.
class ScenarioResultView : public QWidget {
    Q_OBJECT
public:
    explicit ScenarioResultView(QWidget *parent = nullptr);

    /// Shows `result`; days not complete at `completeUntil` (epoch seconds, 0 = all complete) are
    /// drawn apart as partial, as on the Forecast page, rather than as a fall.
    void setResult(const Simulation::ScenarioResult &result, std::int64_t completeUntil = 0);
    const Simulation::ScenarioResult &result() const { return m_result; }

    QLabel *unpricedBanner() const { return m_unpriced; }
    QLabel *monthlyLabel() const { return m_monthly; }
    QLabel *annualLabel() const { return m_annual; }
    QTableWidget *featureTable() const { return m_features; }
    ForecastChart *chart() const { return m_chart; }
    /// Calls `done` once the chart has drawn the current result.
    void whenDrawn(const std::function<void()> &done);

    /// "Unpriced: gpt-x (OpenAI, input) 1.2M tokens, $3.40 billed; …" or "" when all is priced.
    static QString unpricedText(const std::vector<Simulation::UnpricedUsage> &unpriced, const QString &currency);

Q_SIGNALS:
    /// The user asked to add prices for the unpriced models.
    void addPricesRequested();

private:
    Simulation::ScenarioResult m_result;
    QWidget *m_banner = nullptr;
    QLabel *m_unpriced = nullptr;
    QPushButton *m_addPrices = nullptr;
    QLabel *m_monthly = nullptr;
    QLabel *m_annual = nullptr;
    QLabel *m_period = nullptr;
    QLabel *m_warnings = nullptr;
    ForecastChart *m_chart = nullptr;
    QTableWidget *m_features = nullptr;
};
