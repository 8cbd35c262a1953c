#include "simulator/scenarioeditor.h"

#include "shell/style.h"
#include "simulator/stepform.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QScrollArea>
#include <QShortcut>
#include <QVBoxLayout>

using Simulation::StepType;

ScenarioEditor::ScenarioEditor(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("scenarioEditor"));
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("scenarioSteps"));
    m_list->setAccessibleName(tr("Scenario steps"));
    m_list->setMaximumHeight(130);
    m_list->setWordWrap(true);
    // A push button with a menu keeps room for its arrow (a tool button's drew over "step").
    m_add = new QPushButton(tr("Add s&tep"), this);
    m_add->setObjectName(QStringLiteral("addStep"));
    auto *menu = new QMenu(m_add);
    for (StepType t : {StepType::ModelSwap, StepType::PromptCaching, StepType::Batch, StepType::Compression,
                       StepType::Routing, StepType::SelfHosted, StepType::EndpointScaling, StepType::EndpointSpot,
                       StepType::EndpointToApi, StepType::ApiToEndpoint})
        menu->addAction(StepForm::typeName(t), this, [this, t] { addStep(t); });
    m_add->setMenu(menu);
    m_remove = new QPushButton(tr("Remove"), this);
    m_remove->setToolTip(tr("Remove the selected step (Delete)"));
    m_up = new QPushButton(QStringLiteral("\u2191"), this);
    m_up->setToolTip(tr("Apply this step earlier"));
    m_down = new QPushButton(QStringLiteral("\u2193"), this);
    m_down->setToolTip(tr("Apply this step later"));
    for (QPushButton *b : {m_up, m_down})
        b->setFixedWidth(32);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);
    buttons->addWidget(m_up);
    buttons->addWidget(m_down);

    m_form = new StepForm;
    auto *scroll = new QScrollArea(this);
    scroll->setAccessibleName(tr("Step settings"));
    scroll->setWidget(m_form);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    auto *heading = new QLabel(tr("Steps, applied in order:"), this);
    Style::text(heading, Style::kSecondary);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(heading);
    layout->addWidget(m_list);
    layout->addLayout(buttons);
    layout->addWidget(scroll, 1);

    auto *del = new QShortcut(QKeySequence::Delete, m_list);
    del->setContext(Qt::WidgetShortcut);
    connect(del, &QShortcut::activated, this, &ScenarioEditor::removeSelected);
    connect(m_remove, &QPushButton::clicked, this, &ScenarioEditor::removeSelected);
    connect(m_up, &QPushButton::clicked, this, [this] { move(-1); });
    connect(m_down, &QPushButton::clicked, this, [this] { move(1); });
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        if (m_filling)
            return;
        const bool valid = row >= 0 && row < static_cast<int>(m_scenario.steps.size());
        m_form->setEnabled(valid);
        if (valid)
            m_form->setStep(m_scenario.steps[static_cast<std::size_t>(row)]);
        m_remove->setEnabled(valid);
        m_up->setEnabled(valid && row > 0);
        m_down->setEnabled(valid && row + 1 < m_list->count());
    });
    connect(m_form, &StepForm::changed, this, [this] {
        const int row = selectedStep();
        if (row < 0)
            return;
        m_scenario.steps[static_cast<std::size_t>(row)] = m_form->step();
        m_list->item(row)->setText(StepForm::summary(m_form->step()));
        Q_EMIT changed();
    });
    refreshList(-1);
}

void ScenarioEditor::setChoices(const QStringList &models, const QStringList &features, const QStringList &endpoints)
{
    m_form->setChoices(models, features, endpoints);
}

void ScenarioEditor::setScenario(const Simulation::Scenario &scenario)
{
    m_scenario = scenario;
    refreshList(0);
}

int ScenarioEditor::selectedStep() const
{
    const int row = m_list->currentRow();
    return row >= 0 && row < static_cast<int>(m_scenario.steps.size()) ? row : -1;
}

void ScenarioEditor::selectStep(int index) { m_list->setCurrentRow(index); }

void ScenarioEditor::refreshList(int select)
{
    m_filling = true;
    m_list->clear();
    for (const auto &step : m_scenario.steps)
        m_list->addItem(StepForm::summary(step));
    m_filling = false;
    m_list->setCurrentRow(-1);
    m_list->setCurrentRow(std::min(select, m_list->count() - 1));
    if (m_list->count() == 0) {
        m_form->setEnabled(false);
        m_remove->setEnabled(false);
        m_up->setEnabled(false);
        m_down->setEnabled(false);
    }
}

void ScenarioEditor::addStep(StepType type)
{
    m_scenario.steps.push_back(StepForm::defaultStep(type));
    refreshList(static_cast<int>(m_scenario.steps.size()) - 1);
    Q_EMIT changed();
}

void ScenarioEditor::removeSelected()
{
    const int row = selectedStep();
    if (row < 0)
        return;
    m_scenario.steps.erase(m_scenario.steps.begin() + row);
    refreshList(std::max(0, row - 1));
    Q_EMIT changed();
}

void ScenarioEditor::move(int delta)
{
    const int row = selectedStep();
    const int to = row + delta;
    if (row < 0 || to < 0 || to >= static_cast<int>(m_scenario.steps.size()))
        return;
    std::swap(m_scenario.steps[static_cast<std::size_t>(row)], m_scenario.steps[static_cast<std::size_t>(to)]);
    refreshList(to);
    Q_EMIT changed();
}
