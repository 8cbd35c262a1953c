#include "rules/ruleslistpanel.h"

#include "format/format.h"
#include "rules/rulestablemodel.h"
#include "shell/style.h"

#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QSaveFile>
#include <QSettings>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace {

const char kLastDirKey[] = "rules/lastDirectory";

QString rulesCount(qint64 count)
{
    return count == 1 ? RulesListPanel::tr("1 rule") : RulesListPanel::tr("%1 rules").arg(Format::locale().toString(count));
}

} // namespace

RulesListPanel::RulesListPanel(RulesTableModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
{
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("rulesView"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setWordWrap(false);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->setDefaultAlignment(Qt::AlignCenter);
    QHeaderView *header = m_view->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setStretchLastSection(true);
    header->resizeSection(RulesTableModel::NameColumn, 200);
    header->resizeSection(RulesTableModel::ConditionColumn, 215);

    auto button = [this](const QString &text, const QString &name, const QString &tip) {
        auto *b = new QPushButton(text, this);
        b->setObjectName(name);
        b->setToolTip(tip);
        return b;
    };
    m_add = button(tr("Add"), QStringLiteral("addRule"), tr("Add a rule below the selected one"));
    m_duplicate = button(tr("Duplicate"), QStringLiteral("duplicateRule"), tr("Copy the selected rule"));
    m_delete = button(tr("Delete"), QStringLiteral("deleteRule"), tr("Delete the selected rule (can be undone)"));
    m_up = button(tr("Move up"), QStringLiteral("moveRuleUp"), tr("Check this rule earlier"));
    m_down = button(tr("Move down"), QStringLiteral("moveRuleDown"), tr("Check this rule later"));
    m_import = button(tr("Import\u2026"), QStringLiteral("importRules"), tr("Replace the rules with a JSON file"));
    m_export = button(tr("Export\u2026"), QStringLiteral("exportRules"), tr("Write the rules to a JSON file"));
    connect(m_add, &QPushButton::clicked, this, &RulesListPanel::addRule);
    connect(m_duplicate, &QPushButton::clicked, this, &RulesListPanel::duplicateRule);
    connect(m_delete, &QPushButton::clicked, this, &RulesListPanel::deleteRule);
    connect(m_up, &QPushButton::clicked, this, &RulesListPanel::moveUp);
    connect(m_down, &QPushButton::clicked, this, &RulesListPanel::moveDown);
    connect(m_import, &QPushButton::clicked, this, &RulesListPanel::chooseImport);
    connect(m_export, &QPushButton::clicked, this, &RulesListPanel::chooseExport);

    auto *buttons = new QHBoxLayout;
    buttons->setSpacing(6);
    for (QPushButton *b : {m_add, m_duplicate, m_delete})
        buttons->addWidget(b);
    buttons->addSpacing(10);
    buttons->addWidget(m_up);
    buttons->addWidget(m_down);
    buttons->addStretch(1);
    buttons->addWidget(m_import);
    buttons->addWidget(m_export);

    auto *title = new QLabel(tr("Rules, in order"), this);
    Style::text(title, Style::kStrong);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);
    layout->addWidget(title);
    layout->addWidget(m_view, 1);
    layout->addLayout(buttons);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        updateButtons();
        Q_EMIT currentRowChanged(currentRow());
    });
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_model, signal, this, &RulesListPanel::updateButtons);
    connect(m_model, &QAbstractItemModel::rowsMoved, this, &RulesListPanel::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &RulesListPanel::updateButtons);
    updateButtons();
}

int RulesListPanel::currentRow() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? current.row() : -1;
}

void RulesListPanel::setCurrentRow(int row)
{
    if (row < 0 || row >= m_model->rowCount()) {
        m_view->selectionModel()->clear(); // emits currentRowChanged when something was current
        return;
    }
    m_view->selectionModel()->setCurrentIndex(m_model->index(row, RulesTableModel::NameColumn),
                                              QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

void RulesListPanel::setEditable(bool editable)
{
    m_editable = editable;
    m_view->setEnabled(editable);
    updateButtons();
}

void RulesListPanel::setExportProblem(const QString &problem)
{
    m_exportProblem = problem;
    updateButtons();
}

void RulesListPanel::updateButtons()
{
    const int row = currentRow();
    const int count = m_model->rowCount();
    m_add->setEnabled(m_editable);
    m_duplicate->setEnabled(m_editable && row >= 0);
    m_delete->setEnabled(m_editable && row >= 0);
    m_up->setEnabled(m_editable && row > 0);
    m_down->setEnabled(m_editable && row >= 0 && row < count - 1);
    m_import->setEnabled(m_editable);
    m_export->setEnabled(m_editable && m_exportProblem.isEmpty());
    m_export->setToolTip(m_exportProblem.isEmpty() ? tr("Write the rules to a JSON file") : m_exportProblem);
}

void RulesListPanel::addRule()
{
    if (!m_editable)
        return;
    Allocation::Rule rule;
    rule.name = tr("New rule").toStdString();
    rule.dimension = "model";
    rule.targets = {Allocation::Target{}};
    const int row = currentRow() < 0 ? m_model->rowCount() : currentRow() + 1;
    m_model->insertRule(row, rule);
    Q_EMIT edited();
    setCurrentRow(row);
}

void RulesListPanel::duplicateRule()
{
    const int row = currentRow();
    if (!m_editable || row < 0)
        return;
    Allocation::Rule copy = m_model->rule(row);
    copy.name = tr("%1 (copy)").arg(QString::fromStdString(copy.name)).toStdString();
    m_model->insertRule(row + 1, copy);
    Q_EMIT edited();
    setCurrentRow(row + 1);
}

void RulesListPanel::deleteRule()
{
    const int row = currentRow();
    if (!m_editable || row < 0)
        return;
    m_deleted = Deleted{row, m_model->rule(row)};
    m_model->removeRule(row);
    Q_EMIT edited();
    setCurrentRow(std::min(row, m_model->rowCount() - 1));
    const QString name = QString::fromStdString(m_deleted->rule.name);
    Q_EMIT ruleDeleted(name.isEmpty() ? tr("Rule %1 deleted.").arg(row + 1) : tr("Rule \u201C%1\u201D deleted.").arg(name));
}

void RulesListPanel::undoDelete()
{
    if (!m_editable || !m_deleted)
        return;
    const Deleted deleted = *m_deleted;
    m_deleted.reset();
    m_model->insertRule(deleted.row, deleted.rule);
    Q_EMIT edited();
    setCurrentRow(deleted.row);
    Q_EMIT deleteUndone();
}

void RulesListPanel::moveUp()
{
    const int row = currentRow();
    if (m_editable && m_model->moveRule(row, row - 1)) {
        Q_EMIT edited();
        setCurrentRow(row - 1);
    }
}

void RulesListPanel::moveDown()
{
    const int row = currentRow();
    if (m_editable && m_model->moveRule(row, row + 1)) {
        Q_EMIT edited();
        setCurrentRow(row + 1);
    }
}

bool RulesListPanel::importFrom(const QString &path)
{
    if (!m_editable)
        return false;
    const QString fileName = QFileInfo(path).fileName();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        Q_EMIT notice(tr("Cannot read %1: %2").arg(fileName, file.errorString()), true);
        return false;
    }
    const QByteArray json = file.readAll();
    std::vector<Allocation::Rule> rules;
    std::string error;
    if (!Allocation::fromJson(std::string_view(json.constData(), static_cast<std::size_t>(json.size())), rules, error)) {
        Q_EMIT notice(tr("Cannot import %1: %2. The rules were not changed.").arg(fileName, QString::fromStdString(error)),
                   true);
        return false;
    }
    m_deleted.reset();
    m_model->setRules(rules);
    Q_EMIT edited();
    setCurrentRow(rules.empty() ? -1 : 0);
    Q_EMIT notice(tr("Imported %1 from %2; save to apply them.").arg(rulesCount(static_cast<qint64>(rules.size())), fileName),
               false);
    return true;
}

bool RulesListPanel::exportTo(const QString &path)
{
    const QString fileName = QFileInfo(path).fileName();
    const QString problem = m_model->firstProblem();
    if (!problem.isEmpty()) {
        Q_EMIT notice(tr("Cannot export: %1.").arg(problem), true);
        return false;
    }
    const std::string json = Allocation::toJson(m_model->rules());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(json.data(), static_cast<qint64>(json.size())) < 0
        || !file.commit()) {
        Q_EMIT notice(tr("Cannot write %1: %2").arg(fileName, file.errorString()), true);
        return false;
    }
    Q_EMIT notice(tr("Exported %1 to %2.").arg(rulesCount(m_model->rowCount()), fileName), false);
    return true;
}

void RulesListPanel::chooseImport()
{
    if (!m_editable)
        return;
    QSettings settings;
    const QString path = QFileDialog::getOpenFileName(this, tr("Import allocation rules"),
                                                      settings.value(QLatin1String(kLastDirKey)).toString(),
                                                      tr("JSON files (*.json);;All files (*)"));
    if (path.isEmpty())
        return;
    settings.setValue(QLatin1String(kLastDirKey), QFileInfo(path).absolutePath());
    importFrom(path);
}

void RulesListPanel::chooseExport()
{
    if (!m_editable)
        return;
    QSettings settings;
    const QString dir = settings.value(QLatin1String(kLastDirKey)).toString();
    const QString path = QFileDialog::getSaveFileName(this, tr("Export allocation rules"),
                                                      QDir(dir).filePath(QStringLiteral("allocation-rules.json")),
                                                      tr("JSON files (*.json);;All files (*)"));
    if (path.isEmpty())
        return;
    settings.setValue(QLatin1String(kLastDirKey), QFileInfo(path).absolutePath());
    exportTo(path);
}
