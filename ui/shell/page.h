#pragma once

#include "store/store.h"
#include "task/task.h"

#include <QString>
#include <QTimer>
#include <QWidget>

#include <functional>
#include <type_traits>
#include <utility>

/// One page of the main window. It owns the reload policy every page shares: changes of the
/// global date range and store reloads are coalesced on a short single-shot timer, loads run
/// on a Task::Runner (Latest), so results of superseded loads are dropped. A hidden page does
/// not load: it marks itself stale and loads when it is shown.
///
/// Threading contract: a page lives on the GUI thread; the query a subclass passes to
/// runQuery() runs on the global thread pool with its own Cost::Store connection and must not
/// touch the page.
class Page : public QWidget {
    Q_OBJECT
public:
    explicit Page(const QString &dbPath, QWidget *parent = nullptr);

    /// Title for the navigation list and the header.
    virtual QString title() const = 0;

    /// How the window's date range applies to the page: to every figure (Full), to part of what
    /// it shows (Partial), or not at all (None: the window disables the picker).
    enum class RangeUse { Full, Partial, None };
    virtual RangeUse rangeUse() const { return RangeUse::Full; }
    /// What the window says beside the picker when the range does not apply in full.
    virtual QString rangeNote() const { return {}; }

    /// Sets the inclusive day range shown; reloads shortly after.
    void setDateRange(qint64 fromDay, qint64 toDay);
    /// Reloads from the store shortly (after an import or the demo).
    void reload();
    /// True when a range is set, the page is not stale and no load is pending or running.
    bool isLoaded() const;
    /// True when the page was asked to reload while hidden; it loads when shown.
    bool isStale() const { return m_stale; }

    qint64 fromDay() const { return m_fromDay; }
    qint64 toDay() const { return m_toDay; }
    const QString &dbPath() const { return m_dbPath; }

Q_SIGNALS:
    /// The data for the current range and store is in the page's widgets. Pages whose charts
    /// redraw on a timer emit it once those have redrawn (see finishLoad()).
    void loaded();
    /// The user asked for a FOCUS import (e.g. from an empty state).
    void importRequested();
    /// The user asked for the demo workspace.
    void demoRequested();
    /// The user asked to connect an account (the Connect-account wizard).
    void connectRequested();

protected:
    /// Starts loading the current range; implementations call runQuery() once.
    virtual void startLoad() = 0;
    /// Called after apply(), before loaded() is emitted: a page whose widgets finish drawing
    /// later calls `done` then (the default calls it at once). `done` does nothing once a newer
    /// load has started.
    virtual void whenDrawn(const std::function<void()> &done) { done(); }
    void showEvent(QShowEvent *event) override;

    /// Runs `query(Cost::Store &)` (or `query(Task::Context &)`, for a query that honours
    /// cancelLoad()) on a worker thread with a store opened there, then `apply(result)` on the
    /// GUI thread unless a newer load superseded it, then emits loaded(). When the store cannot
    /// be opened, `onOpenError(message)` is called instead of apply.
    template <typename Query, typename Apply, typename OnOpenError>
    void runQuery(Query query, Apply apply, OnOpenError onOpenError);
    /// Asks the running load to stop early; its (partial) result is still applied.
    void cancelLoad() { m_loader.cancel(); }

private:
    void scheduleLoad();
    void finishLoad();

    QString m_dbPath;
    QTimer m_coalesce;
    qint64 m_fromDay = 0;
    qint64 m_toDay = -1;
    bool m_hasRange = false;
    bool m_running = false;
    bool m_stale = false;
    Task::Runner m_loader{this, Task::Runner::Policy::Latest};
    quint64 m_loadSerial = 0; ///< guards whenDrawn() callbacks of a load that a newer one replaced
};

template <typename Query, typename Apply, typename OnOpenError>
void Page::runQuery(Query query, Apply apply, OnOpenError onOpenError)
{
    m_running = true;
    m_loader.run(
        m_dbPath,
        [query = std::move(query)](Task::Context &context) mutable {
            if constexpr (std::is_invocable_v<Query &, Task::Context &>)
                return query(context);
            else
                return query(context.store());
        },
        [this, apply = std::move(apply), onOpenError = std::move(onOpenError)](auto &outcome) mutable {
            if (outcome.ok())
                apply(outcome.value);
            else
                onOpenError(outcome.error);
            finishLoad();
        });
}
