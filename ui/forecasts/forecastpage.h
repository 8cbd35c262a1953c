#pragma once

#include "contracts/contractledger.h"
#include "forecast/forecastview.h"
#include "shell/page.h"

#include <QString>

#include <functional>
#include <memory>
#include <vector>

class ForecastChart;
class QComboBox;
class QLabel;
class MessageStack;

/// The Forecast page: pick a series (total, or one provider / model / feature / team), see its
/// daily history, the forecast with 80% and 95% bands, the month-end projection in words and
/// the backtest accuracy next to simply repeating last week. The forecast runs on a worker.
class ForecastPage : public Page {
    Q_OBJECT
public:
    /// What one load computed (a value; built on a worker thread).
    struct Snapshot {
        bool empty = true;
        QString error;
        std::vector<Analytics::SeriesRef> choices;
        Analytics::ForecastView view;
        /// The current month's commitments and the open credits (none without contracts).
        std::shared_ptr<const Contracts::Statement> contracts;
    };

    explicit ForecastPage(const QString &dbPath, QWidget *parent = nullptr);

    QString title() const override;
    RangeUse rangeUse() const override { return RangeUse::Partial; }
    QString rangeNote() const override;

    /// Reads the choices and forecasts `ref`; runs on a worker thread.
    static Snapshot query(Cost::Store &store, const Analytics::SeriesRef &ref, int horizon);

    /// Selects a series (reloads); false when the store has no such choice.
    bool selectSeries(const Analytics::SeriesRef &ref);
    Analytics::SeriesRef selectedSeries() const { return m_ref; }
    void setHorizon(int days);
    int horizon() const { return m_horizon; }

    const Analytics::ForecastView &view() const { return m_snapshot.view; }
    QLabel *projectionLabel() const { return m_projection; }
    QLabel *accuracyLabel() const { return m_accuracy; }
    /// What the forecast says of the contracts' commitments and credits (hidden without them).
    QLabel *contractsLabel() const { return m_contracts; }
    ForecastChart *chart() const { return m_chart; }
    QComboBox *seriesCombo() const { return m_series; }

protected:
    void startLoad() override;
    void whenDrawn(const std::function<void()> &done) override;

private:
    QWidget *buildContent();
    void apply(const Snapshot &snapshot);
    void fillChoices(const std::vector<Analytics::SeriesRef> &choices);
    void showMessage(const QString &message);

    MessageStack *m_stack = nullptr;
    QWidget *m_content = nullptr;
    QComboBox *m_series = nullptr;
    QComboBox *m_horizonBox = nullptr;
    QLabel *m_projection = nullptr;
    QLabel *m_accuracy = nullptr;
    QLabel *m_contracts = nullptr;
    QLabel *m_method = nullptr;
    ForecastChart *m_chart = nullptr;
    Analytics::SeriesRef m_ref;
    int m_horizon = 30;
    Snapshot m_snapshot;
    bool m_filling = false;
};
