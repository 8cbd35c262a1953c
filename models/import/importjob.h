#pragma once

#include <QMetaType>
#include <QObject>
#include <QString>
#include <QStringList>

#include <atomic>
#include <cstdint>

namespace Cost {

/// Writes into the store on a worker thread: FOCUS imports and the demo workspace.
///
/// Threading contract: create one ImportJob per action, move it to its own QThread and invoke
/// the slots there (queued). It opens its own store connection on that thread. cancel() is the
/// only member callable from another thread. Exactly one of finished() / failed() ends a run.
class ImportJob : public QObject {
    Q_OBJECT
public:
    /// What a finished run did; summed over all files of one action.
    struct Summary {
        bool demo = false;             ///< true for "Load demo workspace"
        bool cancelled = false;        ///< stopped by cancel(); the cancelled file left no trace
        int files = 0;                 ///< files committed
        std::int64_t rows = 0;         ///< charges written
        std::int64_t skipped = 0;      ///< charges of identical re-imports not written
        std::int64_t replaced = 0;     ///< charges of earlier exports removed by restatement
        std::int64_t rounded = 0;      ///< amounts with more than ten decimals, rounded
        double seconds = 0;
    };

    /// `dbPath` is opened on the worker thread when a run starts.
    explicit ImportJob(const QString &dbPath, QObject *parent = nullptr);

    /// Requests cancellation; thread-safe, returns at once. The run ends with finished()
    /// (Summary::cancelled set) at the next batch boundary, the store unchanged by the current file.
    void cancel() { m_cancel.store(true); }
    /// True once cancel() was called.
    bool isCancelRequested() const { return m_cancel.load(); }

public Q_SLOTS:
    /// Imports FOCUS CSV files as one batch, in order; stops at the first failing file
    /// (files before it stay imported).
    void importFiles(const QStringList &files);
    /// Fills the store with the demo workspace of `days` days ending at day number `endDay`.
    void generateDemo(qint64 endDay, int days);

Q_SIGNALS:
    /// 0–100 over the whole action (bytes for imports), and a line for the user.
    void progress(int percent, const QString &text);
    /// The action ended normally or by cancel().
    void finished(const Cost::ImportJob::Summary &summary);
    /// The action failed; `message` names file:line: column for parse errors. `partial`
    /// describes what was committed before the failure.
    void failed(const QString &message, const Cost::ImportJob::Summary &partial);

private:
    void reportProgress(int percent, const QString &text);

    QString m_dbPath;
    std::atomic_bool m_cancel{false};
    int m_lastPercent = -1;
};

} // namespace Cost

Q_DECLARE_METATYPE(Cost::ImportJob::Summary)
