#pragma once

#include <QCoreApplication>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <atomic>
#include <cstdint>
#include <functional>

namespace Cost {

class Store;

/// Writes into the store: FOCUS imports and the demo workspace, run synchronously by whoever
/// owns the thread (ImportController runs it in a Task::Runner body on the pool).
///
/// Threading contract: one ImportJob per action, created and run on the thread that owns
/// `store`; the callbacks are called on that thread. `canceled` is polled between batches;
/// once it returns true the run ends (Summary::cancelled) with the current file rolled back.
class ImportJob {
    Q_DECLARE_TR_FUNCTIONS(Cost::ImportJob)
public:
    /// What a finished run did; summed over all files of one action.
    struct Summary {
        bool demo = false;             ///< true for "Load demo workspace"
        bool cancelled = false;        ///< stopped by cancel; the cancelled file left no trace
        int files = 0;                 ///< files committed
        std::int64_t rows = 0;         ///< charges written
        std::int64_t skipped = 0;      ///< charges of identical re-imports not written
        std::int64_t replaced = 0;     ///< charges of earlier exports removed by restatement
        std::int64_t rounded = 0;      ///< amounts with more than ten decimals, rounded
        double seconds = 0;
        std::int64_t firstDay = 0;     ///< the first UTC day of the charges written (when rows > 0)
        std::int64_t lastDay = -1;     ///< the last one; below firstDay when nothing was written
    };
    /// How a run ended: `error` empty when it finished normally or by cancel; otherwise it
    /// names file:line: column for parse errors and `summary` is what was committed before.
    struct Result {
        Summary summary;
        QString error;
        bool ok() const { return error.isEmpty(); }
    };
    /// 0–100 over the whole action (bytes for imports), and a line for the user; called when
    /// the whole percent changes, after the batch that moved it.
    using Progress = std::function<void(int percent, const QString &text)>;
    using Canceled = std::function<bool()>;

    ImportJob(Store &store, Canceled canceled, Progress progress);

    /// Imports FOCUS CSV files as one batch, in order; stops at the first failing file
    /// (files before it stay imported).
    Result importFiles(const QStringList &files);
    /// Fills the store with the demo workspace of `days` days ending at day number `endDay`.
    Result generateDemo(qint64 endDay, int days);

private:
    /// Reports progress, then refreshes the flag the importer polls from `canceled`.
    void reportProgress(int percent, const QString &text);

    Store &m_store;
    Canceled m_canceled;
    Progress m_progress;
    std::atomic_bool m_cancel{false}; ///< the importer's view of m_canceled
    int m_lastPercent = -1;
    QString m_lastText;
};

} // namespace Cost

Q_DECLARE_METATYPE(Cost::ImportJob::Summary)
