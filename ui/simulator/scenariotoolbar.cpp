#include "simulator/scenariotoolbar.h"

#include "shell/flowlayout.h"

#include <QAction>
#include <QComboBox>
#include <QFileDialog>
#include <QInputDialog>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

ScenarioToolbar::ScenarioToolbar(QWidget *parent)
    : QWidget(parent)
{
    // The period is the window's date range (and drill-down), as on every page; the label names
    // the days actually priced (the range cut to the days with data).
    m_period = new QLabel(this);
    m_period->setObjectName(QStringLiteral("simPeriod"));
    m_period->setTextFormat(Qt::PlainText);
    m_period->setToolTip(tr("The usage priced: the date range and drill-down chosen above, from the first day with data"));
    m_filter = new QComboBox(this);
    m_filter->setObjectName(QStringLiteral("simFilter"));
    m_filter->setMinimumContentsLength(22);
    m_filter->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_filter->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_scenarioBox = new QComboBox(this);
    m_scenarioBox->setObjectName(QStringLiteral("simScenario"));
    m_scenarioBox->setMinimumContentsLength(30);
    m_scenarioBox->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_scenarioBox->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    auto button = [this](const QString &text, const QString &tip) {
        auto *b = new QPushButton(text, this);
        b->setToolTip(tip);
        return b;
    };
    QPushButton *saveButton = button(tr("&Save"), tr("Save the scenario (Ctrl+S)"));
    QPushButton *saveAsButton = button(tr("Save &as\u2026"), tr("Save under a new name"));
    QPushButton *rename = button(tr("Re&name\u2026"), tr("Rename the saved scenario"));
    QPushButton *remove = button(tr("&Delete"), tr("Delete the saved scenario (can be undone)"));
    QPushButton *importButton = button(tr("Import\u2026"), tr("Load a scenario JSON file (burnrate simulate --scenario format)"));
    QPushButton *exportButton = button(tr("Export\u2026"), tr("Write the scenario as JSON for burnrate simulate --scenario"));
    QPushButton *prices = button(tr("&Prices\u2026"), tr("The price catalog: add or override prices, import LiteLLM (Ctrl+Shift+P)"));
    auto *saveShortcut = new QAction(this);
    saveShortcut->setShortcut(QKeySequence::Save);
    saveShortcut->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    // The page's children include the editor: Ctrl+S works wherever focus is on the page.
    if (parent)
        parent->addAction(saveShortcut);

    auto *usageRow = new FlowLayout(nullptr, 6);
    usageRow->addWidget(new QLabel(tr("Usage:"), this));
    usageRow->addWidget(m_period);
    usageRow->addWidget(m_filter);
    usageRow->addWidget(prices);
    auto *scenarioRow = new FlowLayout(nullptr, 6);
    scenarioRow->addWidget(new QLabel(tr("Scenario:"), this));
    scenarioRow->addWidget(m_scenarioBox);
    for (QPushButton *b : {saveButton, saveAsButton, rename, remove, importButton, exportButton})
        scenarioRow->addWidget(b);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addLayout(usageRow);
    layout->addLayout(scenarioRow);

    connect(saveButton, &QPushButton::clicked, this, &ScenarioToolbar::save);
    connect(saveShortcut, &QAction::triggered, this, &ScenarioToolbar::save);
    connect(saveAsButton, &QPushButton::clicked, this, [this] {
        const QString name = QInputDialog::getText(this, tr("Save scenario as"), tr("Name:"));
        if (!name.trimmed().isEmpty())
            Q_EMIT saveAsRequested(name.trimmed());
    });
    connect(rename, &QPushButton::clicked, this, [this] {
        if (m_savedName.isEmpty()) {
            Q_EMIT renameRequested(QString()); // the page says to save first
            return;
        }
        const QString name = QInputDialog::getText(this, tr("Rename scenario"), tr("New name:"), QLineEdit::Normal, m_savedName);
        if (!name.trimmed().isEmpty() && name.trimmed() != m_savedName)
            Q_EMIT renameRequested(name.trimmed());
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        if (!m_savedName.isEmpty())
            Q_EMIT deleteRequested(m_savedName);
    });
    connect(importButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Import scenario"), QString(), tr("Scenario (*.json)"));
        if (!path.isEmpty())
            Q_EMIT importRequested(path);
    });
    connect(exportButton, &QPushButton::clicked, this, [this] {
        const QString name = m_savedName.isEmpty() ? m_draftName : m_savedName;
        const QString path = QFileDialog::getSaveFileName(this, tr("Export scenario"), name + QStringLiteral(".json"),
                                                          tr("Scenario (*.json)"));
        if (!path.isEmpty())
            Q_EMIT exportRequested(path);
    });
    connect(prices, &QPushButton::clicked, this, &ScenarioToolbar::pricesRequested);
    connect(m_filter, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (m_filling || index < 0)
            return;
        const QStringList parts = m_filter->itemData(index).toStringList();
        std::vector<Analytics::Filter> filters;
        for (int i = 0; i + 1 < parts.size(); i += 2)
            filters.emplace_back(parts[i].toStdString(), parts[i + 1].toStdString());
        Q_EMIT filtersChosen(filters);
    });
    connect(m_scenarioBox, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (!m_filling && index >= 0)
            Q_EMIT scenarioChosen(m_scenarioBox->itemData(index).toString());
    });
}

QString ScenarioToolbar::filterText(const Analytics::Filter &filter)
{
    return QStringLiteral("%1: %2").arg(QString::fromStdString(filter.first), QString::fromStdString(filter.second));
}

void ScenarioToolbar::setPeriodText(const QString &text)
{
    m_period->setText(text);
}

void ScenarioToolbar::setFilterChoices(const std::vector<Analytics::SeriesRef> &choices,
                                       const std::vector<Analytics::Filter> &current)
{
    m_filling = true;
    m_filter->clear();
    m_filter->addItem(tr("All usage"), QStringList{});
    int selected = 0;
    auto add = [&](const std::vector<Analytics::Filter> &filters) {
        QStringList data, text;
        for (const auto &f : filters) {
            data << QString::fromStdString(f.first) << QString::fromStdString(f.second);
            text << filterText(f);
        }
        m_filter->addItem(text.join(QStringLiteral(", ")), data);
        if (filters == current)
            selected = m_filter->count() - 1;
    };
    for (const auto &c : choices)
        if (c.dim == "provider" || c.dim == "model" || c.dim == "feature")
            add({{c.dim, c.value}});
    if (!current.empty() && selected == 0)
        add(current); // a scenario's own filter that is not among the choices
    m_filter->setCurrentIndex(selected);
    m_filling = false;
}

void ScenarioToolbar::setScenarios(const std::vector<Simulation::Scenario> &saved, const QString &savedName,
                                   const QString &draftName)
{
    m_savedName = savedName;
    m_draftName = draftName;
    m_filling = true;
    m_scenarioBox->clear();
    if (savedName.isEmpty())
        m_scenarioBox->addItem(tr("%1 (not saved)").arg(draftName), QString());
    for (const Simulation::Scenario &s : saved) {
        const QString name = QString::fromStdString(s.name);
        m_scenarioBox->addItem(name, name);
        if (name == savedName)
            m_scenarioBox->setCurrentIndex(m_scenarioBox->count() - 1);
    }
    m_filling = false;
}

void ScenarioToolbar::markEdited(const QString &savedName, bool edited)
{
    // "Name *" while the saved scenario shown differs from what is stored, as editors mark files.
    const int index = savedName.isEmpty() ? -1 : m_scenarioBox->findData(savedName);
    if (index < 0)
        return;
    m_scenarioBox->setItemText(index, edited ? tr("%1 *").arg(savedName) : savedName);
    m_scenarioBox->setItemData(index, edited ? tr("Edited since it was saved: Save (Ctrl+S) keeps the changes") : QString(),
                               Qt::ToolTipRole);
}

void ScenarioToolbar::save()
{
    if (!m_savedName.isEmpty()) {
        Q_EMIT saveAsRequested(m_savedName);
        return;
    }
    const QString name = QInputDialog::getText(this, tr("Save scenario"), tr("Name:"), QLineEdit::Normal, m_draftName);
    if (!name.trimmed().isEmpty())
        Q_EMIT saveAsRequested(name.trimmed());
}
