#pragma once

#include "pricing/pricingestimate.h"

#include <QWidget>

class QLabel;
class QTableWidget;

/// Estimated vs billed: the catalog's price of the usage next to what the provider billed,
/// per model and per day, with the gap in money and percent and a flag where they disagree
/// (above 0.5% and a cent) or a model is unpriced. GUI thread.
class EstimateView : public QWidget {
    Q_OBJECT
public:
    explicit EstimateView(QWidget *parent = nullptr);

    void setReport(const Simulation::EstimateReport &report);
    QTableWidget *modelTable() const { return m_models; }
    QTableWidget *dayTable() const { return m_days; }
    QLabel *summaryLabel() const { return m_summary; }

private:
    QLabel *m_summary = nullptr;
    QTableWidget *m_models = nullptr;
    QTableWidget *m_days = nullptr;
};
