#pragma once

#include "recommend/quotaexport.h"
#include "recommend/recommend.h"
#include "recommend/recommendstate.h"
#include "shell/page.h"
#include "task/task.h"

#include <QString>

#include <map>
#include <optional>
#include <string>
#include <vector>

class QCheckBox;
class QLabel;
class QPushButton;
class QStackedWidget;
class QTableWidget;

/// The Recommendations page (issue #19): the savings opportunities in the range's usage, ranked by
/// monthly savings with their range, confidence and evidence; Open in Simulator with the scenario
/// pre-filled; Dismiss / Snooze with a reason (stored, undoable with Ctrl+Z); and the
/// recommendations already realised, with the saving measured on later usage. Loading scans the
/// range on the thread pool and records what it found (Recommend::track).
class RecommendationsPage : public Page {
    Q_OBJECT
public:
    struct Snapshot {
        QString error;
        QString warning; ///< what was found could not be recorded (the list still shows)
        QString currency;
        qint64 fromDay = 0;
        qint64 toDay = -1;
        qint64 today = 0;
        std::vector<Recommend::Recommendation> found;         ///< ranked, as the engine gives them
        std::map<std::string, Recommend::Tracked> tracked;    ///< the store's memory, by key
    };
    /// One line of the list: a recommendation found in the range and what the store says of it.
    struct Row {
        const Recommend::Recommendation *recommendation = nullptr;
        Recommend::Status status = Recommend::Status::Open;
        QString reason;
        qint64 snoozeUntil = 0;
    };

    explicit RecommendationsPage(const QString &dbPath, QWidget *parent = nullptr);

    QString title() const override;

    /// Scans the range and records what it found; runs on a worker thread.
    static Snapshot query(Cost::Store &store, qint64 fromDay, qint64 toDay, qint64 today);

    const Snapshot &snapshot() const { return m_snapshot; }
    /// The list as shown (open ones, and dismissed / snoozed ones when those are shown).
    const std::vector<Row> &rows() const { return m_rows; }
    /// Evaluates as of `day` instead of today (UTC); 0 = today. For tests and fixed-date stores.
    void setToday(qint64 day) { m_today = day; }
    QTableWidget *table() const { return m_table; }
    QTableWidget *realisedTable() const { return m_realised; }
    QLabel *summaryLabel() const { return m_summary; }
    QLabel *evidenceLabel() const { return m_evidence; }
    QLabel *statusLabel() const { return m_status; }
    QCheckBox *showHiddenBox() const { return m_showHidden; }

    /// Opens the Simulator on the selected recommendation's scenario.
    void openSelectedInSimulator();
    /// Dismisses / snoozes the selected recommendation (asks for the reason and date first unless
    /// given); restores a dismissed or snoozed one; undoes the last of these.
    void dismissSelected(const std::optional<QString> &reason = std::nullopt);
    void snoozeSelected(const std::optional<QString> &reason = std::nullopt, std::optional<qint64> untilDay = std::nullopt);
    void restoreSelected();
    void undo();
    /// Writes the open guardrails' suggested limits in `format` to `path` (asks where when empty).
    void exportQuotas(Recommend::QuotaFormat format, const QString &path = QString());

Q_SIGNALS:
    /// The user asked to open `scenario` in the Simulator.
    void openInSimulator(const Simulation::Scenario &scenario);

protected:
    void startLoad() override;

private:
    void apply(const Snapshot &snapshot);
    void fillList();
    void fillRealised();
    void showSelected();
    const Row *selectedRow() const;
    /// Writes a new status for `key`, remembering the previous one for Undo.
    void changeStatus(const std::string &key, Recommend::Status status, const QString &reason, qint64 until,
                      const QString &done);

    QStackedWidget *m_stack = nullptr;
    QWidget *m_content = nullptr;
    QLabel *m_empty = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_summaryNote = nullptr;
    QTableWidget *m_table = nullptr;
    QLabel *m_evidence = nullptr;
    QPushButton *m_open = nullptr;
    QPushButton *m_dismiss = nullptr;
    QPushButton *m_snooze = nullptr;
    QPushButton *m_restore = nullptr;
    QPushButton *m_quotas = nullptr;
    QCheckBox *m_showHidden = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_undo = nullptr;
    QLabel *m_realisedTitle = nullptr;
    QTableWidget *m_realised = nullptr;
    Snapshot m_snapshot;
    std::vector<Row> m_rows;
    std::string m_selectedKey;
    std::optional<Recommend::Tracked> m_undoState; ///< the state before the last Dismiss / Snooze / Restore
    qint64 m_today = 0;
    bool m_warningShown = false; ///< the status line says the store could not be written
    Task::Runner m_writer{this, Task::Runner::Policy::Every};
};
