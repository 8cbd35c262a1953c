#include "shell/filterhistory.h"

#include <QAction>
#include <QWidget>

FilterHistory::FilterHistory(std::shared_ptr<SpendFilter> filter, QWidget *window, std::function<bool()> applies)
    : QObject(window)
    , m_filter(std::move(filter))
    , m_applies(std::move(applies))
{
    m_back = new QAction(tr("Back"), this);
    m_back->setObjectName(QStringLiteral("goBack"));
    m_back->setShortcuts({QKeySequence(Qt::ALT | Qt::Key_Left), QKeySequence(Qt::Key_Back)});
    m_forward = new QAction(tr("Forward"), this);
    m_forward->setObjectName(QStringLiteral("goForward"));
    m_forward->setShortcuts({QKeySequence(Qt::ALT | Qt::Key_Right), QKeySequence(Qt::Key_Forward)});
    for (QAction *a : {m_back, m_forward}) {
        a->setShortcutContext(Qt::WindowShortcut);
        window->addAction(a);
    }
    connect(m_back, &QAction::triggered, this, &FilterHistory::back);
    connect(m_forward, &QAction::triggered, this, &FilterHistory::forward);
    connect(m_filter.get(), &SpendFilter::changed, this, [this] {
        if (!m_navigating)
            m_undone.clear(); // a new narrowing: what was undone is no longer ahead
        update();
    });
    update();
}

bool FilterHistory::back()
{
    if (m_filter->isEmpty() || (m_applies && !m_applies()))
        return false;
    m_undone << m_filter->steps().last();
    m_navigating = true;
    m_filter->back();
    m_navigating = false;
    return true;
}

bool FilterHistory::forward()
{
    if (m_undone.isEmpty() || (m_applies && !m_applies()))
        return false;
    const SpendFilter::Step step = m_undone.takeLast();
    m_navigating = true;
    m_filter->narrow(step.dimension, step.value);
    m_navigating = false;
    return true;
}

void FilterHistory::update()
{
    m_back->setEnabled(!m_filter->isEmpty());
    m_forward->setEnabled(!m_undone.isEmpty());
}
