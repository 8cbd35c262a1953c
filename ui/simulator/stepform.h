#pragma once

#include "simulation/scenario.h"

#include <QString>
#include <QStringList>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QSpinBox;

/// The fields of one scenario step, by type: scope (features, models, endpoints), shares and bands
/// as percent spin boxes, target model, cache TTL, fallback cost, GPU prices, replicas and load. Fields the form does
/// not show (e.g. a provider scope from an imported file) are kept as they were. GUI thread.
class StepForm : public QWidget {
    Q_OBJECT
public:
    explicit StepForm(QWidget *parent = nullptr);

    /// Shows `step` (no changed() signal).
    void setStep(const Simulation::ScenarioStep &step);
    /// The step as edited.
    const Simulation::ScenarioStep &step() const { return m_step; }
    /// Model names offered for targets and scopes; feature and endpoint names for scopes.
    void setChoices(const QStringList &models, const QStringList &features, const QStringList &endpoints = {});

    /// One-line summary of a step for lists ("Batch: 30% of chat").
    static QString summary(const Simulation::ScenarioStep &step);
    /// The step type's display name.
    static QString typeName(Simulation::StepType type);
    /// A new step of `type` with sensible defaults.
    static Simulation::ScenarioStep defaultStep(Simulation::StepType type);

Q_SIGNALS:
    void changed();

private:
    QDoubleSpinBox *percentBox(const QString &objectName);
    QDoubleSpinBox *moneyBox(const QString &objectName, int decimals);
    void read();
    void updateRows();

    Simulation::ScenarioStep m_step;
    bool m_filling = false;
    QFormLayout *m_form = nullptr;
    QLabel *m_title = nullptr;
    QLineEdit *m_features = nullptr;
    QLineEdit *m_models = nullptr;
    QDoubleSpinBox *m_share = nullptr;
    QDoubleSpinBox *m_band = nullptr;
    QComboBox *m_toModel = nullptr;
    QCheckBox *m_fallback = nullptr;
    QDoubleSpinBox *m_fallbackCost = nullptr;
    QCheckBox *m_standardContext = nullptr;
    QDoubleSpinBox *m_inputOverhead = nullptr;
    QDoubleSpinBox *m_cacheable = nullptr;
    QDoubleSpinBox *m_hitRate = nullptr;
    QComboBox *m_ttl = nullptr;
    QDoubleSpinBox *m_inputCut = nullptr;
    QSpinBox *m_gpus = nullptr;
    QDoubleSpinBox *m_hours = nullptr;
    QDoubleSpinBox *m_onDemand = nullptr;
    QDoubleSpinBox *m_spot = nullptr;
    QDoubleSpinBox *m_spotShare = nullptr;
    QDoubleSpinBox *m_interruption = nullptr;
    // endpoint steps
    QLineEdit *m_endpoints = nullptr;
    QSpinBox *m_minReplicas = nullptr;
    QSpinBox *m_concurrency = nullptr;
    QDoubleSpinBox *m_requestSeconds = nullptr;
    QSpinBox *m_scaleDown = nullptr;
    QDoubleSpinBox *m_spotDiscount = nullptr;
    QDoubleSpinBox *m_checkpoint = nullptr;
    QDoubleSpinBox *m_perHour = nullptr;
    QSpinBox *m_tokensPerSecond = nullptr;
};
