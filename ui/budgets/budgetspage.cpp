#include "budgets/budgetspage.h"

#include "analytics/currency.h"
#include "analytics/periods.h"
#include "budget/budgetstore.h"
#include "budgets/budgeteditdialog.h"
#include "budgets/burndownchart.h"
#include "domain/timeparse.h"
#include "format/format.h"
#include "shell/style.h"

#include <QAction>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableWidget>
#include <QVBoxLayout>


namespace {

constexpr int kPageMargin = 20;

QString periodText(const Budgets::BudgetStatus &s)
{
    const Budgets::Budget &b = s.budget;
    const QString range = Format::dayRange(s.period.start, s.period.end);
    if (b.period == Budgets::PeriodKind::Month)
        return BudgetsPage::tr("Monthly (%1)").arg(range);
    if (b.period == Budgets::PeriodKind::Quarter)
        return BudgetsPage::tr("Quarterly (%1)").arg(range);
    return BudgetsPage::tr("Custom (%1)").arg(range);
}

QString scopeText(const Budgets::Budget &b)
{
    return b.scopeDim.empty() ? BudgetsPage::tr("All spend")
                              : QStringLiteral("%1 = %2").arg(QString::fromStdString(b.scopeDim), QString::fromStdString(b.scopeValue));
}

// Status in words and a colour: breached, forecast to breach, or on track.
QString statusText(const Budgets::BudgetStatus &s, QColor &colour)
{
    switch (Budgets::standing(s)) {
    case Budgets::Standing::Over:
        colour = Style::colour(Palette::Role::Budget);
        return BudgetsPage::tr("Over budget");
    case Budgets::Standing::ForecastOver:
        colour = Style::colour(Palette::Role::Caution);
        return BudgetsPage::tr("Forecast over");
    case Budgets::Standing::OnTrack:
        break;
    }
    colour = Style::colour(Palette::Role::Positive);
    return BudgetsPage::tr("On track");
}

} // namespace

BudgetsPage::BudgetsPage(const QString &dbPath, QWidget *parent)
    : Page(dbPath, parent)
{
    setObjectName(QStringLiteral("budgetsPage"));
    qRegisterMetaType<Budgets::BurnDown>();

    m_content = new QWidget(this);
    auto *add = new QPushButton(tr("&Add budget\u2026"), m_content);
    m_edit = new QPushButton(tr("&Edit\u2026"), m_content);
    m_remove = new QPushButton(tr("&Remove"), m_content);
    add->setToolTip(tr("Add a budget (Ctrl+N)"));
    m_remove->setToolTip(tr("Remove the selected budget (Delete)"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(m_edit);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);

    m_table = new QTableWidget(0, 8, m_content);
    m_table->setObjectName(QStringLiteral("budgetsTable"));
    m_table->setHorizontalHeaderLabels({tr("Budget"), tr("Scope"), tr("Period"), tr("Amount"), tr("Spent"), tr("Used"),
                                        tr("Projected (80% range)"), tr("Status")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setMaximumHeight(200);

    auto *card = new QFrame(m_content);
    card->setObjectName(QStringLiteral("burnDownCard"));
    Style::card(card);
    m_chartTitle = new QLabel(card);
    Style::text(m_chartTitle, Style::kCardTitle);
    m_caption = new QLabel(card);
    m_caption->setWordWrap(true);
    Style::text(m_caption, Style::Text{Palette::Role::SecondaryText, 10});
    m_chart = new BurnDownChart(card);
    m_chart->setAccessibleName(tr("Budget burn-down"));
    m_chart->setMinimumHeight(240);
    auto *cardLayout = new QVBoxLayout(card);
    cardLayout->setContentsMargins(18, 14, 12, 10);
    cardLayout->addWidget(m_chartTitle);
    cardLayout->addWidget(m_caption);
    cardLayout->addWidget(m_chart, 1);

    auto *layout = new QVBoxLayout(m_content);
    layout->setContentsMargins(kPageMargin, 4, kPageMargin, kPageMargin);
    layout->setSpacing(10);
    layout->addLayout(buttons);
    layout->addWidget(m_table);
    layout->addWidget(card, 1);

    m_empty = new QWidget(this);
    auto *emptyText = new QLabel(tr("No budgets yet. A budget watches the spend of a period (month, quarter or a custom "
                                    "range) against thresholds on actual and forecast spend, and alerts once per "
                                    "threshold and period."), m_empty);
    emptyText->setWordWrap(true);
    emptyText->setAlignment(Qt::AlignCenter);
    Style::mutedLabel(emptyText, 11);
    auto *emptyAdd = new QPushButton(tr("Add a budget\u2026"), m_empty);
    auto *emptyLayout = new QVBoxLayout(m_empty);
    emptyLayout->addStretch(2);
    emptyLayout->addWidget(emptyText);
    emptyLayout->addWidget(emptyAdd, 0, Qt::AlignHCenter);
    emptyLayout->addStretch(3);

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_content);
    m_stack->addWidget(m_empty);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_stack);

    auto shortcut = [this](const QKeySequence &keys, void (BudgetsPage::*slot)()) {
        auto *action = new QAction(this);
        action->setShortcut(keys);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
    };
    shortcut(QKeySequence::New, &BudgetsPage::addBudget);
    shortcut(QKeySequence(Qt::Key_F2), &BudgetsPage::editBudget);
    shortcut(QKeySequence::Delete, &BudgetsPage::removeBudget);
    connect(add, &QPushButton::clicked, this, &BudgetsPage::addBudget);
    connect(emptyAdd, &QPushButton::clicked, this, &BudgetsPage::addBudget);
    connect(m_edit, &QPushButton::clicked, this, &BudgetsPage::editBudget);
    connect(m_remove, &QPushButton::clicked, this, &BudgetsPage::removeBudget);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &BudgetsPage::showSelected);
    connect(m_table, &QTableWidget::cellDoubleClicked, this, &BudgetsPage::editBudget);
}

QString BudgetsPage::title() const { return tr("Budgets"); }

QString BudgetsPage::rangeNote() const
{
    return tr("Budgets always show their current period");
}

BudgetsPage::Snapshot BudgetsPage::query(Cost::Store &store, qint64 asOfDay)
{
    Snapshot s;
    std::string error;
    std::vector<Budgets::Budget> budgets;
    if (!Budgets::loadBudgets(store.db(), budgets, error) || !Analytics::seriesChoices(store.db(), s.choices, error)) {
        s.error = QString::fromStdString(error);
        return s;
    }
    s.currency = QString::fromStdString(Analytics::displayCurrency(store.db()));
    for (const Budgets::Budget &b : budgets) {
        Budgets::BurnDown bd;
        if (!Budgets::burnDown(store.db(), b, asOfDay, bd, error)) {
            s.error = QString::fromStdString("budget '" + b.name + "': " + error);
            return s;
        }
        s.budgets.push_back(std::move(bd));
    }
    return s;
}

void BudgetsPage::startLoad()
{
    const qint64 today = m_asOfDay != 0 ? m_asOfDay : Analytics::todayUtc();
    runQuery([today](Cost::Store &store) { return query(store, today); },
             [this](const Snapshot &snapshot) { apply(snapshot); },
             [this](const QString &message) {
                 m_snapshot = Snapshot{};
                 m_snapshot.error = message;
                 apply(m_snapshot);
             });
}

void BudgetsPage::apply(const Snapshot &snapshot)
{
    m_snapshot = snapshot;
    if (!snapshot.error.isEmpty()) {
        m_caption->setText(tr("Cannot read the budgets: %1").arg(snapshot.error));
        m_stack->setCurrentWidget(m_content);
        return;
    }
    m_stack->setCurrentWidget(snapshot.budgets.empty() ? m_empty : m_content);
    const QSignalBlocker block(m_table);
    m_table->setRowCount(static_cast<int>(snapshot.budgets.size()));
    int selectRowIndex = 0;
    for (int row = 0; row < static_cast<int>(snapshot.budgets.size()); ++row) {
        const Budgets::BudgetStatus &s = snapshot.budgets[static_cast<std::size_t>(row)].status;
        const QString c = snapshot.currency;
        QColor colour;
        const QString status = statusText(s, colour);
        const QString projected = s.forecastDays > 0 && s.forecastAvailable
            ? tr("%1 (%2 \u2013 %3)").arg(Format::money(s.projected, c, Format::Precision::WholeFromThousand), Format::money(s.projectedLow80, c, Format::Precision::WholeFromThousand),
                                          Format::money(s.projectedHigh80, c, Format::Precision::WholeFromThousand))
            : Format::money(s.projected, c, Format::Precision::WholeFromThousand);
        const QString cells[] = {QString::fromStdString(s.budget.name), scopeText(s.budget), periodText(s),
                                 Format::money(s.budget.amount, c, Format::Precision::WholeFromThousand), Format::money(s.actual, c, Format::Precision::WholeFromThousand),
                                 Format::locale().toString(s.percentUsed, 'f', 0) + QLatin1Char('%'), projected, status};
        for (int col = 0; col < 8; ++col) {
            auto *item = new QTableWidgetItem(cells[col]);
            if (col >= 3 && col <= 6)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (col == 7)
                item->setForeground(colour);
            m_table->setItem(row, col, item);
        }
        if (s.budget.id == m_selectedId)
            selectRowIndex = row;
    }
    if (!snapshot.budgets.empty())
        m_table->selectRow(selectRowIndex);
    showSelected();
}

void BudgetsPage::selectRow(int row)
{
    m_table->selectRow(row);
    showSelected();
}

void BudgetsPage::showSelected()
{
    const int row = m_table->currentRow();
    const bool valid = row >= 0 && row < static_cast<int>(m_snapshot.budgets.size());
    m_edit->setEnabled(valid);
    m_remove->setEnabled(valid);
    if (!valid) {
        m_chart->setData({});
        m_chartTitle->clear();
        return;
    }
    const Budgets::BurnDown &b = m_snapshot.budgets[static_cast<std::size_t>(row)];
    const Budgets::BudgetStatus &s = b.status;
    const QString c = m_snapshot.currency;
    m_selectedId = s.budget.id;
    m_chartTitle->setText(tr("Burn-down: %1").arg(QString::fromStdString(s.budget.name)));
    QString caption = tr("%1 of %2 spent (%3%).")
                          .arg(Format::money(s.actual, c, Format::Precision::WholeFromThousand), Format::money(s.budget.amount, c, Format::Precision::WholeFromThousand),
                               Format::locale().toString(s.percentUsed, 'f', 0));
    if (s.forecastDays > 0 && s.forecastAvailable) {
        caption += QLatin1Char(' ') + tr("Projected to end the period at %1 (80% range %2 \u2013 %3).")
                                          .arg(Format::money(s.projected, c, Format::Precision::WholeFromThousand), Format::money(s.projectedLow80, c, Format::Precision::WholeFromThousand),
                                               Format::money(s.projectedHigh80, c, Format::Precision::WholeFromThousand));
        const std::int64_t cross = Budgets::projectedCrossingDay(b);
        caption += QLatin1Char(' ')
            + (cross > 0 ? tr("At this pace it reaches the budget on %1.").arg(Format::shortDate(cross, true))
                         : tr("At this pace it stays within the budget."));
    } else if (s.forecastDays > 0) {
        caption += QLatin1Char(' ') + tr("No history to forecast this scope from yet.");
    }
    m_caption->setText(caption);
    m_chart->setBurnDown(b, c);
}

void BudgetsPage::runChange(std::function<bool(Cost::SqliteDb &, std::string &)> change, const QString &what)
{
    m_writer.write(dbPath(), std::move(change), [this, what](const QString &error) {
        if (!error.isEmpty()) {
            QMessageBox::warning(this, what, error);
            return;
        }
        Q_EMIT budgetsChanged();
        reload();
    });
}

void BudgetsPage::openDialog(const Budgets::Budget &initial,
                             std::function<bool(Cost::SqliteDb &, Budgets::Budget &, std::string &)> save,
                             const QString &what)
{
    auto *dialog = new BudgetEditDialog(initial, m_snapshot.choices, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, save = std::move(save), what] {
        Budgets::Budget b;
        QString error;
        if (!dialog->budget(b, error))
            return;
        runChange([b, save](Cost::SqliteDb &db, std::string &err) mutable { return save(db, b, err); }, what);
    });
    dialog->open();
}

void BudgetsPage::addBudget()
{
    Budgets::Budget fresh;
    fresh.thresholds = Budgets::defaultThresholds();
    openDialog(fresh, Budgets::addBudget, tr("Add budget"));
}

void BudgetsPage::editBudget()
{
    const int row = m_table->currentRow();
    if (row < 0 || row >= static_cast<int>(m_snapshot.budgets.size()))
        return;
    openDialog(m_snapshot.budgets[static_cast<std::size_t>(row)].status.budget, Budgets::updateBudget, tr("Edit budget"));
}

void BudgetsPage::removeBudget()
{
    const int row = m_table->currentRow();
    if (row < 0 || row >= static_cast<int>(m_snapshot.budgets.size()))
        return;
    const std::string name = m_snapshot.budgets[static_cast<std::size_t>(row)].status.budget.name;
    const auto answer = QMessageBox::question(
        this, tr("Remove budget"),
        tr("Remove the budget \u201c%1\u201d? Its alert history is kept.").arg(QString::fromStdString(name)));
    if (answer != QMessageBox::Yes)
        return;
    runChange([name](Cost::SqliteDb &db, std::string &err) { return Budgets::removeBudget(db, name, err); },
              tr("Remove budget"));
}

void BudgetsPage::whenDrawn(const std::function<void()> &done)
{
    m_chart->whenRebuilt(done);
}
