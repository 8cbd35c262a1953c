#include "budgets/budgeteditdialog.h"

#include "domain/money.h"
#include "format/format.h"
#include "shell/style.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <set>

namespace {

QCheckBox *centredCheck(QTableWidget *table, int row, int column, bool checked)
{
    auto *holder = new QWidget;
    auto *box = new QCheckBox(holder);
    box->setChecked(checked);
    auto *l = new QHBoxLayout(holder);
    l->setContentsMargins(0, 0, 0, 0);
    l->setAlignment(Qt::AlignCenter);
    l->addWidget(box);
    table->setCellWidget(row, column, holder);
    return box;
}

QCheckBox *checkAt(const QTableWidget *table, int row, int column)
{
    QWidget *w = table->cellWidget(row, column);
    return w ? w->findChild<QCheckBox *>() : nullptr;
}

} // namespace

BudgetEditDialog::BudgetEditDialog(const Budgets::Budget &budget, const std::vector<Analytics::SeriesRef> &choices,
                                   QWidget *parent)
    : QDialog(parent)
    , m_original(budget)
    , m_choices(choices)
{
    setWindowTitle(budget.id == 0 ? tr("Add budget") : tr("Edit budget"));
    setMinimumWidth(480);
    m_name = new QLineEdit(QString::fromStdString(budget.name));
    m_name->setPlaceholderText(tr("e.g. AI total, Support bot"));
    m_dim = new QComboBox;
    m_dim->addItem(tr("All spend"), QString());
    m_dim->addItem(tr("Provider"), QStringLiteral("provider"));
    m_dim->addItem(tr("Model"), QStringLiteral("model"));
    m_dim->addItem(tr("Feature"), QStringLiteral("feature"));
    m_dim->addItem(tr("Team"), QStringLiteral("team"));
    m_value = new QComboBox;
    m_value->setEditable(true);
    m_value->setMinimumContentsLength(20);
    const int dimIndex = m_dim->findData(QString::fromStdString(budget.scopeDim));
    m_dim->setCurrentIndex(std::max(0, dimIndex));
    fillValues();
    m_value->setCurrentText(QString::fromStdString(budget.scopeValue));
    connect(m_dim, &QComboBox::currentIndexChanged, this, &BudgetEditDialog::fillValues);

    m_period = new QComboBox;
    m_period->addItem(tr("Every month"), QStringLiteral("month"));
    m_period->addItem(tr("Every quarter"), QStringLiteral("quarter"));
    m_period->addItem(tr("Custom range"), QStringLiteral("custom"));
    m_period->setCurrentIndex(m_period->findData(QString::fromStdString(Budgets::periodKindName(budget.period))));
    const QDate today = QDate::currentDate();
    m_from = new QDateEdit(budget.customStart ? Format::dateOfDay(budget.customStart) : QDate(today.year(), today.month(), 1));
    m_to = new QDateEdit(budget.customEnd ? Format::dateOfDay(budget.customEnd) : today.addMonths(3));
    for (QDateEdit *e : {m_from, m_to}) {
        e->setCalendarPopup(true);
        e->setDisplayFormat(Format::dateEditFormat());
    }
    auto *range = new QHBoxLayout;
    range->addWidget(m_from);
    range->addWidget(new QLabel(tr("to")));
    range->addWidget(m_to);
    auto updateRange = [this] {
        const bool custom = m_period->currentData().toString() == QLatin1String("custom");
        m_from->setEnabled(custom);
        m_to->setEnabled(custom);
    };
    connect(m_period, &QComboBox::currentIndexChanged, this, updateRange);
    updateRange();

    m_amount = new QLineEdit(budget.amount > 0 ? QString::fromStdString(Cost::formatMoney(budget.amount)) : QString());
    m_amount->setPlaceholderText(tr("e.g. 5000 or 1234.56 (billing currency)"));

    m_thresholds = new QTableWidget(0, 3);
    m_thresholds->setHorizontalHeaderLabels({tr("Percent"), tr("On actual"), tr("On forecast")});
    m_thresholds->verticalHeader()->hide();
    m_thresholds->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_thresholds->setMinimumHeight(150);
    for (const Budgets::Threshold &t : budget.thresholds.empty() ? Budgets::defaultThresholds() : budget.thresholds)
        addThresholdRow(t);
    auto *addRow = new QPushButton(tr("Add threshold"));
    auto *removeRow = new QPushButton(tr("Remove threshold"));
    connect(addRow, &QPushButton::clicked, this, &BudgetEditDialog::addThreshold);
    connect(removeRow, &QPushButton::clicked, this, [this] {
        const int row = m_thresholds->currentRow();
        if (row >= 0)
            m_thresholds->removeRow(row);
    });
    auto *rowButtons = new QHBoxLayout;
    rowButtons->addWidget(addRow);
    rowButtons->addWidget(removeRow);
    rowButtons->addStretch(1);

    m_error = new QLabel;
    Style::text(m_error, Style::kError);
    m_error->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Scope:"), m_dim);
    form->addRow(tr("&Value:"), m_value);
    form->addRow(tr("&Period:"), m_period);
    form->addRow(tr("Range:"), range);
    form->addRow(tr("&Amount:"), m_amount);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &BudgetEditDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("Alert thresholds (each fires once per period):")));
    layout->addWidget(m_thresholds);
    layout->addLayout(rowButtons);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
}

void BudgetEditDialog::fillValues()
{
    const std::string dim = m_dim->currentData().toString().toStdString();
    const QString current = m_value->currentText();
    m_value->clear();
    m_value->setEnabled(!dim.empty());
    for (const Analytics::SeriesRef &ref : m_choices)
        if (ref.dim == dim)
            m_value->addItem(QString::fromStdString(ref.value));
    if (!dim.empty() && !current.isEmpty() && m_value->findText(current) >= 0)
        m_value->setCurrentText(current);
}

void BudgetEditDialog::addThresholdRow(const Budgets::Threshold &t)
{
    const int row = m_thresholds->rowCount();
    m_thresholds->insertRow(row);
    auto *percent = new QSpinBox;
    percent->setRange(1, 1000);
    percent->setSuffix(QStringLiteral("%"));
    percent->setValue(t.percent);
    // Kept in order: a changed percent moves its row once the edit is done (values move
    // between the rows' widgets, so no widget is deleted under its own signal).
    connect(percent, &QSpinBox::editingFinished, this, &BudgetEditDialog::sortThresholds);
    m_thresholds->setCellWidget(row, 0, percent);
    centredCheck(m_thresholds, row, 1, t.onActual);
    centredCheck(m_thresholds, row, 2, t.onForecast);
}

std::vector<Budgets::Threshold> BudgetEditDialog::thresholdRows() const
{
    std::vector<Budgets::Threshold> rows;
    for (int row = 0; row < m_thresholds->rowCount(); ++row) {
        const auto *spin = qobject_cast<QSpinBox *>(m_thresholds->cellWidget(row, 0));
        const QCheckBox *actual = checkAt(m_thresholds, row, 1);
        const QCheckBox *forecast = checkAt(m_thresholds, row, 2);
        if (spin && actual && forecast)
            rows.push_back({spin->value(), actual->isChecked(), forecast->isChecked()});
    }
    return rows;
}

void BudgetEditDialog::sortThresholds()
{
    std::vector<Budgets::Threshold> rows = thresholdRows();
    const int current = m_thresholds->currentRow();
    const int currentPercent = current >= 0 && current < static_cast<int>(rows.size()) ? rows[static_cast<std::size_t>(current)].percent : -1;
    std::stable_sort(rows.begin(), rows.end(), [](const Budgets::Threshold &a, const Budgets::Threshold &b) { return a.percent < b.percent; });
    const bool typing = m_thresholds->isAncestorOf(QApplication::focusWidget());
    for (int row = 0; row < static_cast<int>(rows.size()); ++row) {
        const Budgets::Threshold &t = rows[static_cast<std::size_t>(row)];
        auto *spin = qobject_cast<QSpinBox *>(m_thresholds->cellWidget(row, 0));
        const QSignalBlocker block(spin);
        spin->setValue(t.percent);
        checkAt(m_thresholds, row, 1)->setChecked(t.onActual);
        checkAt(m_thresholds, row, 2)->setChecked(t.onForecast);
        if (t.percent == currentPercent) {
            m_thresholds->setCurrentCell(row, 0);
            if (typing)
                spin->setFocus(); // the keyboard follows the value it was editing
        }
    }
}

void BudgetEditDialog::addThreshold()
{
    // The next round percent above the highest one, so a new row never repeats one.
    int highest = 0;
    for (const Budgets::Threshold &t : thresholdRows())
        highest = std::max(highest, t.percent);
    addThresholdRow({std::min(1000, (highest / 10 + 1) * 10), true, false});
    sortThresholds();
    m_thresholds->setCurrentCell(m_thresholds->rowCount() - 1, 0);
}

bool BudgetEditDialog::budget(Budgets::Budget &out, QString &error) const
{
    out = m_original;
    out.name = m_name->text().trimmed().toStdString();
    out.scopeDim = m_dim->currentData().toString().toStdString();
    out.scopeValue = out.scopeDim.empty() ? std::string() : m_value->currentText().trimmed().toStdString();
    out.period = Budgets::periodKindFromName(m_period->currentData().toString().toStdString()).value_or(Budgets::PeriodKind::Month);
    out.customStart = out.period == Budgets::PeriodKind::Custom ? Format::dayOfDate(m_from->date()) : 0;
    out.customEnd = out.period == Budgets::PeriodKind::Custom ? Format::dayOfDate(m_to->date()) : 0;
    if (Cost::parseMoney(m_amount->text().trimmed().toStdString(), out.amount) != Cost::ParseStatus::Ok) {
        error = tr("The amount \u201c%1\u201d is not a number (e.g. 5000 or 1234.56).").arg(m_amount->text().trimmed());
        return false;
    }
    out.thresholds.clear();
    std::set<int> seen;
    for (int row = 0; row < m_thresholds->rowCount(); ++row) {
        const auto *spin = qobject_cast<QSpinBox *>(m_thresholds->cellWidget(row, 0));
        const QCheckBox *actual = checkAt(m_thresholds, row, 1);
        const QCheckBox *forecast = checkAt(m_thresholds, row, 2);
        if (!spin || !actual || !forecast)
            continue;
        if (!seen.insert(spin->value()).second) {
            error = tr("Threshold %1% is listed twice.").arg(spin->value());
            return false;
        }
        out.thresholds.push_back({spin->value(), actual->isChecked(), forecast->isChecked()});
    }
    std::sort(out.thresholds.begin(), out.thresholds.end(),
              [](const Budgets::Threshold &a, const Budgets::Threshold &b) { return a.percent < b.percent; });
    std::string why;
    if (!Budgets::validate(out, why)) {
        error = QString::fromStdString(why);
        return false;
    }
    return true;
}

void BudgetEditDialog::accept()
{
    Budgets::Budget b;
    QString error;
    if (!budget(b, error)) {
        m_error->setText(error);
        return;
    }
    QDialog::accept();
}
