#include "rules/ruleseditordialog.h"

#include "format/format.h"
#include "rules/ruleform.h"
#include "rules/ruleslistpanel.h"
#include "rules/rulestablemodel.h"
#include "shell/style.h"

#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <utility>

namespace {

// Typing produces bursts of edits; one preview per burst.
constexpr int kPreviewDelayMs = 250;

// A banner card `name` of `kind` around `label`, which wraps its words.
QFrame *bannerAround(QLabel *label, const QString &name, Style::Banner kind, QWidget *parent)
{
    auto *frame = new QFrame(parent);
    frame->setObjectName(name);
    Style::banner(frame, kind);
    label->setWordWrap(true);
    auto *layout = new QVBoxLayout(frame);
    layout->setContentsMargins(10, 8, 10, 8);
    layout->addWidget(label);
    return frame;
}

} // namespace

RulesEditorDialog::RulesEditorDialog(const QString &dbPath, QWidget *parent)
    : QDialog(parent)
    , m_dbPath(dbPath)
{
    setObjectName(QStringLiteral("rulesEditor"));
    setWindowTitle(tr("Allocation rules[*]"));
    resize(1120, 660);

    auto *intro = new QLabel(tr("Rules are checked from the top: the first rule that matches a charge decides its "
                                "feature and team, and may split it between several. Charges no rule matches keep the "
                                "feature and team of their tags; charges with neither are unallocated. Rules apply "
                                "to all stored data, past and future."),
                             this);
    intro->setWordWrap(true);
    Style::mutedLabel(intro);

    m_model = new RulesTableModel(this);
    m_list = new RulesListPanel(m_model, this);
    m_form = new RuleForm(this);
    m_emptyForm = new QLabel(tr("Select a rule to edit it, or add one."), this);
    m_emptyForm->setAlignment(Qt::AlignCenter);
    Style::text(m_emptyForm, Style::Text{Palette::Role::FaintText});
    m_formStack = new QStackedWidget(this);
    m_formStack->addWidget(m_emptyForm);
    m_formStack->addWidget(m_form);

    m_preview = new QLabel(this);
    m_preview->setObjectName(QStringLiteral("previewLabel"));
    QFrame *previewCard = bannerAround(m_preview, QStringLiteral("previewCard"), Style::Banner::Info, this);

    auto *ruleTitle = new QLabel(tr("Selected rule"), this);
    Style::text(ruleTitle, Style::kStrong);
    auto *right = new QVBoxLayout;
    right->setSpacing(8);
    right->addWidget(ruleTitle);
    right->addWidget(m_formStack, 1);
    right->addWidget(previewCard);

    auto *columns = new QHBoxLayout;
    columns->setSpacing(16);
    columns->addWidget(m_list, 3);
    columns->addLayout(right, 2);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 14, 16, 12);
    layout->setSpacing(10);
    layout->addWidget(intro);
    layout->addLayout(columns, 1);
    layout->addWidget(buildFooter());

    m_previewTimer.setSingleShot(true);
    m_previewTimer.setInterval(kPreviewDelayMs);
    connect(&m_previewTimer, &QTimer::timeout, this, &RulesEditorDialog::startPreview);
    connect(m_list, &RulesListPanel::currentRowChanged, this, &RulesEditorDialog::onCurrentRowChanged);
    connect(m_list, &RulesListPanel::edited, this, [this] { setModified(true); });
    connect(m_list, &RulesListPanel::ruleDeleted, this, [this](const QString &text) { showNotice(text, false, true); });
    connect(m_list, &RulesListPanel::deleteUndone, this, &RulesEditorDialog::clearNotice);
    connect(m_list, &RulesListPanel::notice, this, [this](const QString &text, bool error) { showNotice(text, error); });
    connect(m_form, &RuleForm::edited, this, &RulesEditorDialog::onFormEdited);
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex &topLeft) {
        if (m_formSyncing)
            return;
        // The enabled box in the list: keep the form in step.
        setModified(true);
        if (topLeft.row() == currentRow())
            m_form->setRule(m_model->rule(topLeft.row()));
    });
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_model, signal, this, &RulesEditorDialog::onModelChanged);
    connect(m_model, &QAbstractItemModel::rowsMoved, this, &RulesEditorDialog::onModelChanged);
    connect(m_model, &QAbstractItemModel::modelReset, this, &RulesEditorDialog::onModelChanged);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &RulesEditorDialog::onModelChanged);

    m_preview->setText(tr("Reading the rules\u2026"));
    m_unallocated->setText(tr("Reading the store\u2026"));
    updateActions();
    load(true);
}

QWidget *RulesEditorDialog::buildFooter()
{
    auto *footer = new QWidget(this);
    m_unallocated = new QLabel(footer);
    m_unallocated->setObjectName(QStringLiteral("unallocatedLabel"));
    QFrame *unallocatedCard = bannerAround(m_unallocated, QStringLiteral("unallocatedCard"), Style::Banner::Warning, footer);

    m_notice = new QLabel(footer);
    m_notice->setObjectName(QStringLiteral("noticeLabel"));
    m_notice->setWordWrap(true);
    m_notice->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_notice->hide();
    m_undo = new QPushButton(tr("Undo"), footer);
    m_undo->setObjectName(QStringLiteral("undoDelete"));
    m_undo->hide();
    connect(m_undo, &QPushButton::clicked, m_list, &RulesListPanel::undoDelete);

    m_busy = new QProgressBar(footer);
    m_busy->setObjectName(QStringLiteral("saveProgress"));
    m_busy->setRange(0, 0); // saveRules reports no progress: an indeterminate bar
    m_busy->setMaximumWidth(160);
    m_busy->setTextVisible(false);
    m_busy->hide();
    m_blocked = new QLabel(footer);
    m_blocked->setObjectName(QStringLiteral("saveBlockedLabel"));
    m_blocked->setWordWrap(true);
    Style::text(m_blocked, Style::kError);
    m_save = new QPushButton(tr("Save"), footer);
    m_save->setObjectName(QStringLiteral("saveRules"));
    m_save->setDefault(true);
    m_close = new QPushButton(tr("Close"), footer);
    m_close->setObjectName(QStringLiteral("closeRules"));
    connect(m_save, &QPushButton::clicked, this, &RulesEditorDialog::save);
    connect(m_close, &QPushButton::clicked, this, &RulesEditorDialog::reject);

    auto *noticeRow = new QHBoxLayout;
    noticeRow->addWidget(m_notice, 1);
    noticeRow->addWidget(m_undo);
    auto *buttonRow = new QHBoxLayout;
    buttonRow->addWidget(m_busy);
    buttonRow->addWidget(m_blocked, 1);
    buttonRow->addStretch(0); // keeps the buttons at the right when the reason is hidden
    buttonRow->addWidget(m_save);
    buttonRow->addWidget(m_close);

    auto *layout = new QVBoxLayout(footer);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);
    layout->addWidget(unallocatedCard);
    layout->addLayout(noticeRow);
    layout->addLayout(buttonRow);
    return footer;
}

int RulesEditorDialog::currentRow() const
{
    return m_list->currentRow();
}

QString RulesEditorDialog::saveBlockedReason() const
{
    return m_save->isEnabled() ? QString() : m_blocked->text();
}

QString RulesEditorDialog::previewText() const { return m_preview->text(); }
QString RulesEditorDialog::unallocatedText() const { return m_unallocated->text(); }
QString RulesEditorDialog::noticeText() const { return m_notice->text(); }

void RulesEditorDialog::load(bool withRules)
{
    m_loader.run(m_dbPath, [withRules](Task::Context &context) { return RulesJobs::summarize(context.store(), withRules); },
           [this, withRules](Task::Outcome<RulesJobs::Summary> &outcome) {
               RulesJobs::Summary &summary = outcome.value;
               if (!outcome.ok())
                   summary.error = outcome.error;
               if (withRules && summary.error.isEmpty()) {
                   m_model->setRules(summary.rules);
                   setModified(false);
                   m_list->setCurrentRow(m_model->rowCount() > 0 ? 0 : -1);
               }
               applySummary(summary);
           });
}

void RulesEditorDialog::applySummary(const RulesJobs::Summary &summary)
{
    const bool first = !m_loaded;
    if (!summary.error.isEmpty()) {
        m_unallocated->setText(tr("Cannot read the store: %1").arg(summary.error));
    } else if (summary.empty) {
        m_unallocated->setText(tr("No cost data yet: the rules apply to charges as they are imported."));
    } else {
        const QLocale loc = Format::locale();
        const double share = summary.total != 0 ? 100.0 * Cost::toDouble(summary.unallocated) / Cost::toDouble(summary.total) : 0.0;
        // A sliver of unallocated cost must not read as none.
        const QString shareText = share > 0 && share < 0.1 ? tr("under %1").arg(loc.toString(0.1, 'f', 1) + loc.percent())
                                                           : loc.toString(share, 'f', 1) + loc.percent();
        m_unallocated->setText(tr("Unallocated in the last 30 days (%1): %2 of %3 billed (%4) has no feature.")
                                   .arg(windowText(summary.fromDay, summary.toDay),
                                        Format::money(summary.unallocated, summary.currency, Format::Precision::WholeFromThousand),
                                        Format::money(summary.total, summary.currency, Format::Precision::WholeFromThousand),
                                        shareText));
    }
    m_loaded = summary.error.isEmpty() || m_loaded;
    if (!m_loaded)
        m_preview->setText(QString());
    updateActions();
    if (first && m_loaded) {
        schedulePreview();
        Q_EMIT loaded();
    }
}

void RulesEditorDialog::onCurrentRowChanged(int row)
{
    if (row >= 0)
        m_form->setRule(m_model->rule(row));
    m_formStack->setCurrentWidget(row >= 0 ? static_cast<QWidget *>(m_form) : m_emptyForm);
    updateActions();
    schedulePreview();
}

void RulesEditorDialog::onFormEdited()
{
    const int row = currentRow();
    if (row < 0)
        return;
    m_formSyncing = true;
    m_model->setRule(row, m_form->rule());
    m_formSyncing = false;
    setModified(true);
}

void RulesEditorDialog::onModelChanged()
{
    if (currentRow() < 0)
        m_formStack->setCurrentWidget(m_emptyForm); // a reset or removal can leave nothing selected
    updateActions();
    schedulePreview();
}

void RulesEditorDialog::schedulePreview()
{
    m_previewer.invalidate(); // a preview in flight is now stale
    m_previewTimer.start();
}

void RulesEditorDialog::startPreview()
{
    if (!m_loaded || m_saving)
        return; // load and save both schedule a preview when they end
    const int row = currentRow();
    QString waiting;
    if (row < 0)
        waiting = tr("Select a rule to see what it moves.");
    for (int i = 0; waiting.isEmpty() && i <= row; ++i) {
        if (!m_model->problem(i).isEmpty())
            waiting = i == row ? tr("No preview until this rule is valid.")
                               : tr("No preview until rule %1 above is valid.").arg(i + 1);
    }
    if (waiting.isEmpty() && !m_model->rule(row).enabled)
        waiting = tr("This rule is disabled, so it moves nothing.");
    if (!waiting.isEmpty()) {
        m_preview->setText(waiting);
        m_preview->setToolTip(QString());
        Q_EMIT previewUpdated();
        return;
    }
    m_preview->setText(tr("Working out what this rule moves\u2026"));
    const std::vector<Allocation::Rule> rules = m_model->rules();
    const auto index = static_cast<std::size_t>(row);
    m_previewer.run(m_dbPath, [rules, index](Task::Context &context) { return RulesJobs::preview(context.store(), rules, index); },
           [this](Task::Outcome<RulesJobs::PreviewResult> &outcome) {
               const RulesJobs::PreviewResult &result = outcome.value;
               const QString error = outcome.ok() ? result.error : outcome.error;
               m_previewMoved = result.preview.moved;
               if (!error.isEmpty()) {
                   m_preview->setText(tr("No preview: %1").arg(error));
               } else if (result.empty) {
                   m_preview->setText(tr("No cost data yet, so this rule moves nothing."));
               } else {
                   const qint64 combos = result.preview.combinations;
                   const QString moved = Format::money(result.preview.moved, result.currency, Format::Precision::WholeFromThousand);
                   // No translation files ship yet, so "%n combination(s)" would show as written.
                   m_preview->setText(combos == 1
                                          ? tr("This rule moves %1 of the last 30 days (1 combination)").arg(moved)
                                          : tr("This rule moves %1 of the last 30 days (%2 combinations)")
                                                .arg(moved, Format::locale().toString(combos)));
                   m_preview->setToolTip(tr("Exactly %1 %2 between %3. A combination is one set of model, account, "
                                            "tags and other values whose feature or team this rule changes.")
                                             .arg(QString::fromStdString(Cost::formatMoney(result.preview.moved)),
                                                  result.currency, windowText(result.fromDay, result.toDay)));
               }
               Q_EMIT previewUpdated();
           });
}

void RulesEditorDialog::updateActions()
{
    const bool editable = m_loaded && !m_saving;
    const QString problem = m_model->firstProblem();
    m_list->setEditable(editable);
    m_list->setExportProblem(problem);
    m_formStack->setEnabled(editable);
    m_close->setEnabled(!m_saving);

    QString blocked;
    if (!m_loaded)
        blocked = m_unallocated->text().startsWith(tr("Cannot read the store")) ? m_unallocated->text() : QString();
    else if (!problem.isEmpty())
        blocked = tr("Cannot save. %1.").arg(problem);
    m_blocked->setText(blocked);
    m_blocked->setVisible(!blocked.isEmpty());
    m_save->setEnabled(editable && problem.isEmpty() && isWindowModified());
    m_save->setToolTip(!blocked.isEmpty() ? blocked
                       : isWindowModified() ? tr("Store the rules and re-allocate every stored charge")
                                            : tr("No changes to save"));
}

void RulesEditorDialog::setModified(bool modified)
{
    setWindowModified(modified);
    updateActions();
}

void RulesEditorDialog::showNotice(const QString &text, bool error, bool offerUndo)
{
    m_notice->setText(text);
    m_notice->setVisible(!text.isEmpty());
    Style::text(m_notice, error ? Style::kError : Style::kBody);
    m_undo->setVisible(offerUndo);
}

void RulesEditorDialog::clearNotice()
{
    showNotice(QString(), false);
}

QString RulesEditorDialog::windowText(qint64 fromDay, qint64 toDay) const
{
    return Format::dayRange(fromDay, toDay);
}

void RulesEditorDialog::save()
{
    if (!m_save->isEnabled())
        return;
    m_saving = true;
    m_previewTimer.stop();
    m_previewer.invalidate();
    m_busy->show();
    showNotice(tr("Saving the rules and re-allocating every stored charge\u2026"), false);
    updateActions();
    const std::vector<Allocation::Rule> rules = m_model->rules();
    m_saver.run(m_dbPath, [rules](Task::Context &context) { return RulesJobs::save(context.store(), rules); },
           [this, count = static_cast<int>(rules.size())](Task::Outcome<QString> &outcome) {
               m_saving = false;
               m_busy->hide();
               const QString error = outcome.ok() ? outcome.value : outcome.error;
               const bool ok = error.isEmpty();
               const QString message = ok ? (count == 1 ? tr("Saved 1 rule; every stored charge was re-allocated.")
                                                       : tr("Saved %1 rules; every stored charge was re-allocated.")
                                                             .arg(Format::locale().toString(count)))
                                          : tr("Not saved: %1").arg(error);
               showNotice(message, !ok);
               if (ok) {
                   m_list->forgetDeleted();
                   setModified(false);
                   load(false); // the unallocated total changed
                   Q_EMIT rulesSaved();
               }
               updateActions();
               schedulePreview();
               Q_EMIT saveFinished(ok, message);
           });
}

void RulesEditorDialog::reject()
{
    if (m_saving)
        return; // the save cannot be interrupted; the dialog closes when it has ended
    if (!isWindowModified()) {
        QDialog::reject();
        return;
    }
    auto *box = new QMessageBox(QMessageBox::Question, tr("Unsaved rules"),
                                tr("The rules were changed but not saved. Discard the changes?"),
                                QMessageBox::Discard | QMessageBox::Cancel, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setDefaultButton(QMessageBox::Cancel);
    connect(box, &QMessageBox::finished, this, [this](int result) {
        if (result == QMessageBox::Discard)
            QDialog::reject();
    });
    box->open();
}
