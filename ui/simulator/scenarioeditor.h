#pragma once

#include "simulation/scenario.h"

#include <QStringList>
#include <QWidget>

class QListWidget;
class QPushButton;
class StepForm;

/// Edits the steps of a scenario: a list of combinable steps (add any of the six types, remove,
/// move up or down) and the selected step's form. Emits changed() on every edit; the page
/// debounces re-evaluation. Keeps the scenario's other fields (name, filters, period). GUI thread.
class ScenarioEditor : public QWidget {
    Q_OBJECT
public:
    explicit ScenarioEditor(QWidget *parent = nullptr);

    /// Shows `scenario` (no changed() signal); selects its first step.
    void setScenario(const Simulation::Scenario &scenario);
    const Simulation::Scenario &scenario() const { return m_scenario; }
    /// Adds a default step of `type` and selects it.
    void addStep(Simulation::StepType type);
    /// Removes the selected step.
    void removeSelected();
    /// Selects step `index`.
    void selectStep(int index);
    int selectedStep() const;
    StepForm *form() const { return m_form; }
    QListWidget *stepList() const { return m_list; }
    void setChoices(const QStringList &models, const QStringList &features, const QStringList &endpoints = {});

Q_SIGNALS:
    void changed();

private:
    void refreshList(int select);
    void move(int delta);

    Simulation::Scenario m_scenario;
    QListWidget *m_list = nullptr;
    StepForm *m_form = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_remove = nullptr;
    QPushButton *m_up = nullptr;
    QPushButton *m_down = nullptr;
    bool m_filling = false;
};
