#pragma once

#include "store/store.h"

#include <QFutureWatcher>
#include <QString>
#include <QTimer>
#include <QWidget>
#include <QtConcurrent/QtConcurrentRun>

#include <functional>
#include <type_traits>
#include <utility>

/// One page of the main window. It owns the reload policy every page shares: changes of the
/// global date range and store reloads are coalesced on a short single-shot timer, each load
/// carries a generation number, and results of superseded loads are dropped. A hidden page
/// does not load: it marks itself stale and loads when it is shown.
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

protected:
    /// Starts loading the current range; implementations call runQuery() once.
    virtual void startLoad() = 0;
    /// Called after apply(), before loaded() is emitted: a page whose widgets finish drawing
    /// later calls `done` then (the default calls it at once). `done` does nothing once a newer
    /// load has started.
    virtual void whenDrawn(const std::function<void()> &done) { done(); }
    void showEvent(QShowEvent *event) override;

    /// Runs `query(Cost::Store &)` on a worker thread with a store opened there, then
    /// `apply(result)` on the GUI thread unless a newer load superseded it, then emits loaded().
    /// When the store cannot be opened, `onOpenError(message)` is called instead of apply.
    template <typename Query, typename Apply, typename OnOpenError>
    void runQuery(Query query, Apply apply, OnOpenError onOpenError);

private:
    void scheduleLoad();
    void finishLoad(quint64 generation);

    QString m_dbPath;
    QTimer m_coalesce;
    qint64 m_fromDay = 0;
    qint64 m_toDay = -1;
    bool m_hasRange = false;
    bool m_running = false;
    bool m_stale = false;
    quint64 m_generation = 0;
};

template <typename Query, typename Apply, typename OnOpenError>
void Page::runQuery(Query query, Apply apply, OnOpenError onOpenError)
{
    using Result = std::invoke_result_t<Query, Cost::Store &>;
    struct Outcome {
        Result result{};
        QString openError;
    };
    const quint64 generation = m_generation;
    m_running = true;
    auto *watcher = new QFutureWatcher<Outcome>(this);
    connect(watcher, &QFutureWatcherBase::finished, this,
            [this, watcher, generation, apply = std::move(apply), onOpenError = std::move(onOpenError)]() mutable {
                watcher->deleteLater();
                if (generation != m_generation)
                    return; // superseded: a newer load is pending or running
                const Outcome outcome = watcher->result();
                if (outcome.openError.isEmpty())
                    apply(outcome.result);
                else
                    onOpenError(outcome.openError);
                finishLoad(generation);
            });
    watcher->setFuture(QtConcurrent::run([path = m_dbPath, query = std::move(query)]() mutable {
        Outcome outcome;
        Cost::Store store;
        if (!store.open(path.toStdString()))
            outcome.openError = QString::fromStdString(store.error());
        else
            outcome.result = query(store);
        return outcome;
    }));
}
