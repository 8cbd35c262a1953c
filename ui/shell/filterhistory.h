#pragma once

#include "spend/spendfilter.h"

#include <QList>
#include <QObject>

#include <functional>
#include <memory>

class QAction;
class QWidget;

/// Back (Alt+Left) and Forward (Alt+Right) through the spend drill-down, as in a browser: Back
/// drops the last narrowing (the breadcrumbs' Back button), Forward puts it back; any other
/// change of the filter starts a new history. The keys act while `applies()` says so (the
/// current page shows the drill-down). GUI thread.
class FilterHistory : public QObject {
    Q_OBJECT
public:
    FilterHistory(std::shared_ptr<SpendFilter> filter, QWidget *window, std::function<bool()> applies);

    /// Steps back one narrowing; false when there is none.
    bool back();
    /// Re-applies the narrowing Back removed last; false when there is none.
    bool forward();
    QAction *backAction() const { return m_back; }
    QAction *forwardAction() const { return m_forward; }

private:
    void update();

    std::shared_ptr<SpendFilter> m_filter;
    std::function<bool()> m_applies;
    QList<SpendFilter::Step> m_undone; ///< the steps Back removed, the latest last
    bool m_navigating = false;
    QAction *m_back = nullptr;
    QAction *m_forward = nullptr;
};
