#include "recommendations/recommendationspage.h"

#include "analytics/currency.h"
#include "analytics/periods.h"
#include "format/dates.h"
#include "format/format.h"
#include "format/money.h"
#include "recommend/quotaexport.h"
#include "recommend/recommendscan.h"
#include "recommend/recommendtext.h"
#include "recommendations/dismissdialog.h"
#include "shell/style.h"

#include <QAction>
#include <QCheckBox>
#include <QDir>
#include <QFileDialog>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QStackedWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include <memory>

namespace {

constexpr int kPageMargin = 20;
constexpr auto kMoney = Format::Precision::Cents;

QTableWidget *makeTable(const QStringList &headers, QWidget *parent)
{
    auto *table = new QTableWidget(0, static_cast<int>(headers.size()), parent);
    table->setHorizontalHeaderLabels(headers);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    table->setWordWrap(false);
    return table;
}

void setRow(QTableWidget *table, int row, const QStringList &cells, const QList<int> &numeric)
{
    for (int col = 0; col < cells.size(); ++col) {
        auto *item = new QTableWidgetItem(cells[col]);
        if (numeric.contains(col))
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        table->setItem(row, col, item);
    }
}

} // namespace

RecommendationsPage::RecommendationsPage(const QString &dbPath, QWidget *parent)
    : Page(dbPath, parent)
{
    setObjectName(QStringLiteral("recommendationsPage"));
    m_content = new QWidget(this);
    m_summary = new QLabel(m_content);
    m_summary->setObjectName(QStringLiteral("recommendationSummary"));
    m_summary->setWordWrap(true);
    Style::text(m_summary, Style::kCardTitle);
    m_summaryNote = new QLabel(m_content);
    m_summaryNote->setWordWrap(true);
    Style::text(m_summaryNote, Style::kCaption);

    m_table = makeTable({tr("Recommendation"), tr("Scope"), tr("Savings / month"), tr("Range"), tr("Confidence"), tr("Status")},
                        m_content);
    m_table->setObjectName(QStringLiteral("recommendationsTable"));
    m_table->setAccessibleName(tr("Recommendations"));

    auto *card = new QFrame(m_content);
    card->setObjectName(QStringLiteral("evidenceCard"));
    Style::card(card);
    m_evidence = new QLabel(card);
    m_evidence->setObjectName(QStringLiteral("evidence"));
    m_evidence->setWordWrap(true);
    m_evidence->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_open = new QPushButton(tr("&Open in Simulator"), card);
    m_open->setToolTip(tr("Open this recommendation's scenario in the Simulator (Ctrl+Return)"));
    m_dismiss = new QPushButton(tr("&Dismiss\u2026"), card);
    m_dismiss->setToolTip(tr("Dismiss with a reason (Delete); Ctrl+Z undoes it"));
    m_snooze = new QPushButton(tr("S&nooze\u2026"), card);
    m_snooze->setToolTip(tr("Hide until a date, with a reason; Ctrl+Z undoes it"));
    m_quotas = new QPushButton(tr("Export &quotas\u2026"), m_content);
    m_quotas->setToolTip(tr("Write the guardrails' suggested limits as a file a LiteLLM proxy or an OpenAI project "
                            "budget takes (Burnrate never applies them)"));
    auto *quotaMenu = new QMenu(m_quotas);
    quotaMenu->addAction(tr("LiteLLM proxy tag budgets\u2026"), this, [this] { exportQuotas(Recommend::QuotaFormat::LiteLlm); });
    quotaMenu->addAction(tr("OpenAI project budgets\u2026"), this, [this] { exportQuotas(Recommend::QuotaFormat::OpenAi); });
    m_quotas->setMenu(quotaMenu);
    m_restore = new QPushButton(tr("&Restore"), card);
    m_restore->setToolTip(tr("Show a dismissed or snoozed recommendation again"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_open);
    buttons->addWidget(m_dismiss);
    buttons->addWidget(m_snooze);
    buttons->addWidget(m_restore);
    buttons->addStretch(1);
    auto *cardLayout = new QVBoxLayout(card);
    cardLayout->setContentsMargins(18, 14, 12, 10);
    cardLayout->addWidget(m_evidence);
    cardLayout->addLayout(buttons);

    m_showHidden = new QCheckBox(tr("Show &dismissed and snoozed"), m_content);
    m_status = new QLabel(m_content);
    m_status->setObjectName(QStringLiteral("recommendationStatus"));
    m_status->setWordWrap(true);
    Style::text(m_status, Style::kCaption);
    m_undo = new QPushButton(tr("&Undo"), m_content);
    m_undo->hide();
    auto *statusRow = new QHBoxLayout;
    statusRow->addWidget(m_showHidden);
    statusRow->addWidget(m_quotas);
    statusRow->addStretch(1);
    statusRow->addWidget(m_status, 1);
    statusRow->addWidget(m_undo);

    m_realisedTitle = new QLabel(m_content);
    m_realisedTitle->setWordWrap(true);
    m_realised = makeTable({tr("Recommendation"), tr("Scope"), tr("Expected / month"), tr("Measured / month"), tr("Measured on")},
                           m_content);
    m_realised->setObjectName(QStringLiteral("realisedTable"));
    m_realised->setAccessibleName(tr("Realised recommendations"));
    m_realised->setMaximumHeight(150);

    auto *layout = new QVBoxLayout(m_content);
    layout->setContentsMargins(kPageMargin, 4, kPageMargin, kPageMargin);
    layout->setSpacing(10);
    layout->addWidget(m_summary);
    layout->addWidget(m_summaryNote);
    layout->addWidget(m_table, 3);
    layout->addLayout(statusRow);
    layout->addWidget(card);
    layout->addWidget(m_realisedTitle);
    layout->addWidget(m_realised, 1);

    m_empty = new QLabel(this);
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    Style::mutedLabel(m_empty, 11);
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_content);
    m_stack->addWidget(m_empty);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_stack);

    auto shortcut = [this](const QKeySequence &keys, auto slot) {
        auto *action = new QAction(this);
        action->setShortcut(keys);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
    };
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), [this] { openSelectedInSimulator(); });
    shortcut(QKeySequence::Delete, [this] { dismissSelected(); });
    shortcut(QKeySequence::Undo, [this] { undo(); });
    connect(m_open, &QPushButton::clicked, this, [this] { openSelectedInSimulator(); });
    connect(m_dismiss, &QPushButton::clicked, this, [this] { dismissSelected(); });
    connect(m_snooze, &QPushButton::clicked, this, [this] { snoozeSelected(); });
    connect(m_restore, &QPushButton::clicked, this, &RecommendationsPage::restoreSelected);
    connect(m_undo, &QPushButton::clicked, this, &RecommendationsPage::undo);
    connect(m_showHidden, &QCheckBox::toggled, this, &RecommendationsPage::fillList);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &RecommendationsPage::showSelected);
    connect(m_table, &QTableWidget::cellDoubleClicked, this, [this] { openSelectedInSimulator(); });
}

QString RecommendationsPage::title() const { return tr("Recommendations"); }

RecommendationsPage::Snapshot RecommendationsPage::query(Cost::Store &store, qint64 fromDay, qint64 toDay, qint64 today)
{
    Snapshot s;
    s.today = today;
    Simulation::UsageQuery range;
    range.fromDay = fromDay;
    range.toDay = toDay;
    Recommend::Scan scan;
    std::string error;
    if (!Recommend::scan(store.db(), range, scan, error)) {
        s.error = QString::fromStdString(error);
        return s;
    }
    s.fromDay = scan.usage->fromDay;
    s.toDay = scan.usage->toDay;
    s.currency = QString::fromStdString(scan.usage->currency.empty() ? Analytics::displayCurrency(store.db()) : scan.usage->currency);
    s.found = std::move(scan.found);
    // A store that cannot be written (read-only, say) still shows what was found, with what it
    // remembers and a note; only Dismiss / Snooze will fail there.
    if (!Recommend::track(store.db(), *scan.priced, s.found, s.tracked, error)) {
        s.warning = QString::fromStdString(error);
        std::string readError;
        if (!Recommend::loadTracked(store.db(), s.tracked, readError))
            s.tracked.clear();
    }
    return s;
}

void RecommendationsPage::startLoad()
{
    const qint64 today = m_today != 0 ? m_today : Analytics::todayUtc();
    const qint64 from = fromDay(), to = toDay();
    runQuery([from, to, today](Cost::Store &store) { return query(store, from, to, today); },
             [this](const Snapshot &snapshot) { apply(snapshot); },
             [this](const QString &message) {
                 Snapshot failed;
                 failed.error = message;
                 apply(failed);
             });
}

void RecommendationsPage::apply(const Snapshot &snapshot)
{
    m_snapshot = snapshot;
    if (!snapshot.error.isEmpty()) {
        m_empty->setText(tr("Cannot look for savings: %1").arg(snapshot.error));
        m_stack->setCurrentWidget(m_empty);
        return;
    }
    m_stack->setCurrentWidget(m_content);
    // The note stays only while the store cannot be written; it goes with the next load that could.
    if (!snapshot.warning.isEmpty())
        m_status->setText(tr("Not remembered: %1").arg(snapshot.warning));
    else if (m_warningShown)
        m_status->clear();
    m_warningShown = !snapshot.warning.isEmpty();
    fillList();
    fillRealised();
}

void RecommendationsPage::fillList()
{
    const Snapshot &s = m_snapshot;
    m_rows.clear();
    Cost::BigMoney monthly = 0, low = 0, high = 0;
    int open = 0;
    for (const auto &r : s.found) {
        Row row{&r, Recommend::Status::Open, {}, 0};
        const auto t = s.tracked.find(Recommend::recommendationKey(r));
        if (t != s.tracked.end()) {
            row.status = t->second.hidden(s.today) ? t->second.status : Recommend::Status::Open;
            row.reason = QString::fromStdString(t->second.reason);
            row.snoozeUntil = t->second.snoozeUntil;
        }
        if (row.status == Recommend::Status::Open) {
            ++open;
            monthly += r.result.monthly;
            low += r.result.monthlyLow;
            high += r.result.monthlyHigh;
        } else if (!m_showHidden->isChecked()) {
            continue;
        }
        m_rows.push_back(row);
    }
    const QString c = s.currency;
    const QString range = Format::dayRange(s.fromDay, s.toDay);
    m_summary->setText(open == 0 ? tr("No open savings opportunities in this range")
                                 : tr("Potential savings: %1 per month (%2) from %n open recommendation(s)", nullptr, open)
                                       .arg(Format::money(monthly, c, kMoney), Format::moneyRange(low, high, c, kMoney)));
    m_summaryNote->setText(tr("Found in the usage of %1, each priced by the scenario engine. Where two touch the same "
                              "traffic, together they save less than their sum.")
                               .arg(range));

    const QSignalBlocker block(m_table);
    m_table->setRowCount(static_cast<int>(m_rows.size()));
    int selected = 0;
    for (int i = 0; i < static_cast<int>(m_rows.size()); ++i) {
        const Row &row = m_rows[static_cast<std::size_t>(i)];
        const Recommend::Recommendation &r = *row.recommendation;
        QString status = tr("Open");
        if (row.status == Recommend::Status::Dismissed)
            status = tr("Dismissed");
        else if (row.status == Recommend::Status::Snoozed)
            status = tr("Snoozed until %1").arg(Format::shortDate(row.snoozeUntil, true));
        else if (row.status == Recommend::Status::Done)
            status = tr("Done");
        setRow(m_table, i,
               {Recommend::kindText(Recommend::kindName(r.kind)), Recommend::scopeText(r.feature, r.model, r.provider), Format::money(r.result.monthly, c, kMoney),
                Format::moneyRange(r.result.monthlyLow, r.result.monthlyHigh, c, kMoney), Format::share(r.confidence), status},
               {2, 3, 4});
        if (Recommend::recommendationKey(r) == m_selectedKey)
            selected = i;
    }
    if (!m_rows.empty())
        m_table->selectRow(selected);
    showSelected();
}

void RecommendationsPage::exportQuotas(Recommend::QuotaFormat format, const QString &path)
{
    std::vector<Recommend::Recommendation> guardrails;
    for (const Row &row : m_rows)
        if (row.status == Recommend::Status::Open && row.recommendation->kind == Recommend::Kind::Guardrail)
            guardrails.push_back(*row.recommendation);
    if (guardrails.empty()) {
        m_status->setText(tr("No open guardrail recommendation to export."));
        return;
    }
    const QString file = !path.isEmpty() ? path
        : QFileDialog::getSaveFileName(this, tr("Export quotas"),
                                       format == Recommend::QuotaFormat::LiteLlm ? QStringLiteral("litellm-tag-budgets.json")
                                                                                 : QStringLiteral("openai-project-budgets.json"),
                                       tr("JSON (*.json);;All files (*)"));
    if (file.isEmpty())
        return;
    QSaveFile out(file);
    const std::string text = Recommend::quotaFile(guardrails, format, m_snapshot.fromDay, m_snapshot.toDay, m_snapshot.currency.toStdString());
    if (!out.open(QIODevice::WriteOnly) || out.write(text.data(), static_cast<qint64>(text.size())) != static_cast<qint64>(text.size())
        || !out.commit()) {
        m_status->setText(tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(file), out.errorString()));
        return;
    }
    m_status->setText(tr("Wrote %n suggested limit(s) to %1; Burnrate does not apply them.", nullptr, static_cast<int>(guardrails.size()))
                          .arg(QDir::toNativeSeparators(file)));
}

void RecommendationsPage::fillRealised()
{
    const QString c = m_snapshot.currency;
    std::vector<const Recommend::Tracked *> done;
    Cost::BigMoney measured = 0;
    for (const auto &[key, t] : m_snapshot.tracked)
        if (t.status == Recommend::Status::Done) {
            done.push_back(&t);
            measured += t.realisedMonthly;
        }
    m_realisedTitle->setText(done.empty() ? tr("Realised: none yet. A recommendation is marked done when a later period's "
                                               "usage shows its change.")
                                          : tr("Realised: %1 per month measured on later usage, from %n recommendation(s)", nullptr,
                                               static_cast<int>(done.size()))
                                                .arg(Format::money(measured, c, kMoney)));
    Style::text(m_realisedTitle, done.empty() ? Style::kCaption : Style::kCardTitle);
    m_realised->setVisible(!done.empty());
    m_realised->setRowCount(static_cast<int>(done.size()));
    for (int i = 0; i < static_cast<int>(done.size()); ++i) {
        const Recommend::Tracked &t = *done[static_cast<std::size_t>(i)];
        setRow(m_realised, i,
               {Recommend::kindText(t.kind), Recommend::scopeText(t.feature, t.model, t.provider), Format::money(t.predictedMonthly, c, kMoney),
                Format::signedMoney(t.realisedMonthly, c, kMoney), Format::dayRange(t.realisedFrom, t.realisedTo)},
               {2, 3});
    }
}

const RecommendationsPage::Row *RecommendationsPage::selectedRow() const
{
    const int row = m_table->currentRow();
    return row >= 0 && row < static_cast<int>(m_rows.size()) ? &m_rows[static_cast<std::size_t>(row)] : nullptr;
}

void RecommendationsPage::showSelected()
{
    const Row *row = selectedRow();
    m_open->setEnabled(row != nullptr);
    m_dismiss->setEnabled(row && row->status == Recommend::Status::Open);
    m_snooze->setEnabled(row && row->status == Recommend::Status::Open);
    m_restore->setEnabled(row && row->status != Recommend::Status::Open);
    if (!row) {
        m_evidence->setText(m_rows.empty() ? QString() : tr("Select a recommendation to see its evidence."));
        return;
    }
    const Recommend::Recommendation &r = *row->recommendation;
    m_selectedKey = Recommend::recommendationKey(r);
    const QString c = m_snapshot.currency;
    QString text = QStringLiteral("<b>%1: %2</b><br>")
                       .arg(Recommend::kindText(Recommend::kindName(r.kind)).toHtmlEscaped(), Recommend::scopeText(r.feature, r.model, r.provider).toHtmlEscaped());
    text += tr("Evidence: %1").arg(QString::fromStdString(r.evidence).toHtmlEscaped()) + QStringLiteral("<br>");
    text += tr("Priced by the scenario engine on this range: %1 of %2 saved (%3 per month, range %4); confidence %5.")
                .arg(Format::money(r.result.savings, c, kMoney), Format::money(r.result.baseline, c, kMoney),
                     Format::money(r.result.monthly, c, kMoney), Format::moneyRange(r.result.monthlyLow, r.result.monthlyHigh, c, kMoney),
                     Format::share(r.confidence))
                .toHtmlEscaped();
    if (!row->reason.isEmpty())
        text += QStringLiteral("<br>") + tr("Reason given: %1").arg(row->reason).toHtmlEscaped();
    m_evidence->setText(text);
}

void RecommendationsPage::openSelectedInSimulator()
{
    if (const Row *row = selectedRow())
        Q_EMIT openInSimulator(row->recommendation->scenario);
}

void RecommendationsPage::dismissSelected(const std::optional<QString> &reason)
{
    const Row *row = selectedRow();
    if (!row || row->status != Recommend::Status::Open)
        return;
    const std::string key = Recommend::recommendationKey(*row->recommendation);
    const QString what = Recommend::kindText(Recommend::kindName(row->recommendation->kind)) + QStringLiteral(": ")
        + Recommend::scopeText(row->recommendation->feature, row->recommendation->model, row->recommendation->provider);
    if (reason) {
        changeStatus(key, Recommend::Status::Dismissed, *reason, 0, tr("Dismissed %1.").arg(what));
        return;
    }
    auto *dialog = new DismissDialog(DismissDialog::Mode::Dismiss, what, m_snapshot.today, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, key, what] {
        changeStatus(key, Recommend::Status::Dismissed, dialog->reason(), 0, tr("Dismissed %1.").arg(what));
    });
    dialog->open();
}

void RecommendationsPage::snoozeSelected(const std::optional<QString> &reason, std::optional<qint64> untilDay)
{
    const Row *row = selectedRow();
    if (!row || row->status != Recommend::Status::Open)
        return;
    const std::string key = Recommend::recommendationKey(*row->recommendation);
    const QString what = Recommend::kindText(Recommend::kindName(row->recommendation->kind)) + QStringLiteral(": ")
        + Recommend::scopeText(row->recommendation->feature, row->recommendation->model, row->recommendation->provider);
    const auto snooze = [this, key, what](const QString &why, qint64 until) {
        changeStatus(key, Recommend::Status::Snoozed, why, until,
                     tr("Snoozed %1 until %2.").arg(what, Format::shortDate(until, true)));
    };
    if (reason && untilDay) {
        snooze(*reason, *untilDay);
        return;
    }
    auto *dialog = new DismissDialog(DismissDialog::Mode::Snooze, what, m_snapshot.today, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [dialog, snooze] { snooze(dialog->reason(), dialog->untilDay()); });
    dialog->open();
}

void RecommendationsPage::restoreSelected()
{
    const Row *row = selectedRow();
    if (!row || row->status == Recommend::Status::Open)
        return;
    changeStatus(Recommend::recommendationKey(*row->recommendation), Recommend::Status::Open, row->reason, 0,
                 tr("Restored %1.").arg(Recommend::kindText(Recommend::kindName(row->recommendation->kind))));
}

void RecommendationsPage::undo()
{
    if (!m_undoState)
        return;
    const Recommend::Tracked previous = *m_undoState;
    m_undoState.reset();
    m_undo->hide();
    m_writer.write(dbPath(),
                   [previous](Cost::SqliteDb &db, std::string &error) {
                       return Recommend::setStatus(db, previous.key, previous.status, previous.reason, previous.snoozeUntil, error);
                   },
                   [this](const QString &error) {
                       m_status->setText(error.isEmpty() ? tr("Undone.") : tr("Cannot undo: %1").arg(error));
                       reload();
                   });
}

void RecommendationsPage::changeStatus(const std::string &key, Recommend::Status status, const QString &reason, qint64 until,
                                       const QString &done)
{
    const auto t = m_snapshot.tracked.find(key);
    if (t == m_snapshot.tracked.end()) {
        m_status->setText(tr("Cannot change it: the store has no record of this recommendation (%1).").arg(m_snapshot.warning));
        return;
    }
    m_undoState = t->second;
    m_writer.write(dbPath(),
                   [key, status, reason = reason.toStdString(), until](Cost::SqliteDb &db, std::string &error) {
                       return Recommend::setStatus(db, key, status, reason, until, error);
                   },
                   [this, done](const QString &error) {
                       if (!error.isEmpty()) {
                           m_undoState.reset();
                           m_undo->hide();
                           QMessageBox::warning(this, tr("Recommendations"), error);
                           return;
                       }
                       m_status->setText(done);
                       m_undo->show();
                       reload();
                   });
}
