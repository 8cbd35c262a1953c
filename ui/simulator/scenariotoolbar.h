#pragma once

#include "forecast/forecastview.h"
#include "simulation/scenario.h"

#include <QWidget>

#include <vector>

class QComboBox;
class QLabel;

/// The Simulator's two toolbar rows: the usage priced (period label, the scenario's filter) and
/// the scenario's file actions (the saved scenarios, Save, Save as, Rename, Delete, Import,
/// Export, Prices). It asks for names and paths; the page does the work. Rows wrap in a narrow
/// window instead of squeezing the buttons.
class ScenarioToolbar : public QWidget {
    Q_OBJECT
public:
    explicit ScenarioToolbar(QWidget *parent = nullptr);

    /// "DIM: VALUE", as a filter is shown on the page.
    static QString filterText(const Analytics::Filter &filter);

    void setPeriodText(const QString &text);
    /// Offers "All usage", one filter per provider/model/feature choice and `current` (selected).
    void setFilterChoices(const std::vector<Analytics::SeriesRef> &choices, const std::vector<Analytics::Filter> &current);
    /// Lists the saved scenarios, `draftName` first ("(not saved)") when `savedName` is empty.
    void setScenarios(const std::vector<Simulation::Scenario> &saved, const QString &savedName, const QString &draftName);
    /// Marks the saved scenario shown "Name *" while it has unsaved edits.
    void markEdited(const QString &savedName, bool edited);

Q_SIGNALS:
    void filtersChosen(const std::vector<Analytics::Filter> &filters);
    void scenarioChosen(const QString &name);
    void saveAsRequested(const QString &name);
    void renameRequested(const QString &name);
    void deleteRequested(const QString &name);
    void importRequested(const QString &path);
    void exportRequested(const QString &path);
    void pricesRequested();

private:
    void save();

    QLabel *m_period = nullptr;
    QComboBox *m_filter = nullptr;
    QComboBox *m_scenarioBox = nullptr;
    QString m_savedName;
    QString m_draftName;
    bool m_filling = false;
};
