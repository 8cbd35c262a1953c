#pragma once

#include "allocation/allocation.h"
#include "rules/rulesjobs.h"
#include "task/task.h"

#include <QDialog>
#include <QString>
#include <QTimer>

class QLabel;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QWidget;
class RuleForm;
class RulesListPanel;
class RulesTableModel;

/// Edits the ordered allocation rules of a store: add, edit, duplicate, delete (undoable),
/// reorder and enable rules, import and export JSON, with live validation, a preview of what
/// the selected rule moves in the last 30 days of data and the unallocated cost of those days.
/// Nothing is written until Save, which replaces the stored rules and re-allocates every
/// charge; rulesSaved() then tells the window to reload its pages.
///
/// Threading contract: the dialog lives on the GUI thread. Loading, previews and saving run on
/// Task::Runners, each task with its own Cost::Store; superseded loads and previews are dropped.
class RulesEditorDialog : public QDialog {
    Q_OBJECT
public:
    explicit RulesEditorDialog(const QString &dbPath, QWidget *parent = nullptr);

    RulesTableModel *rulesModel() const { return m_model; }
    RulesListPanel *rulesPanel() const { return m_list; }
    RuleForm *ruleForm() const { return m_form; }
    QPushButton *saveButton() const { return m_save; }

    /// The stored rules and the unallocated total have been read.
    bool isLoaded() const { return m_loaded; }
    /// A save is running.
    bool isBusy() const { return m_saving; }
    /// No preview is pending or running.
    bool isPreviewSettled() const { return !m_previewTimer.isActive() && !m_previewer.isBusy(); }
    /// The edited list differs from the stored one.
    bool hasUnsavedChanges() const { return isWindowModified(); }

    /// Why Save is disabled, translated; empty when it is enabled.
    QString saveBlockedReason() const;
    /// The preview line ("This rule moves $12,340 of the last 30 days (3 combinations)").
    QString previewText() const;
    /// Exact amount the last preview moves (valid when a preview is shown).
    Cost::BigMoney previewMoved() const { return m_previewMoved; }
    /// The unallocated line.
    QString unallocatedText() const;
    /// The notice shown above the buttons (import errors, save outcome, undo).
    QString noticeText() const;

public Q_SLOTS:
    /// Saves on a worker thread; the dialog stays open and shows the outcome.
    void save();
    void reject() override;

Q_SIGNALS:
    /// The stored rules and the unallocated total have been read.
    void loaded();
    /// Rules were saved and every charge re-allocated: pages should reload.
    void rulesSaved();
    /// A save ended; `message` is what the dialog shows.
    void saveFinished(bool ok, const QString &message);
    /// A new preview line is shown.
    void previewUpdated();

private:
    QWidget *buildFooter();
    void load(bool withRules);
    void applySummary(const RulesJobs::Summary &summary);
    int currentRow() const;
    void onCurrentRowChanged(int row);
    void onFormEdited();
    void onModelChanged();
    void schedulePreview();
    void startPreview();
    void updateActions();
    void setModified(bool modified);
    void showNotice(const QString &text, bool error, bool offerUndo = false);
    void clearNotice();
    QString windowText(qint64 fromDay, qint64 toDay) const;

    QString m_dbPath;
    RulesTableModel *m_model = nullptr;
    RulesListPanel *m_list = nullptr;
    RuleForm *m_form = nullptr;
    QStackedWidget *m_formStack = nullptr;
    QLabel *m_emptyForm = nullptr;
    QLabel *m_preview = nullptr;
    QLabel *m_unallocated = nullptr;
    QLabel *m_notice = nullptr;
    QPushButton *m_undo = nullptr;
    QProgressBar *m_busy = nullptr;
    QLabel *m_blocked = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_close = nullptr;

    QTimer m_previewTimer;
    Task::Runner m_loader{this, Task::Runner::Policy::Latest};
    Task::Runner m_previewer{this, Task::Runner::Policy::Latest};
    Task::Runner m_saver{this, Task::Runner::Policy::Every};
    Cost::BigMoney m_previewMoved = 0;
    bool m_loaded = false;
    bool m_saving = false;
    bool m_formSyncing = false;
};
