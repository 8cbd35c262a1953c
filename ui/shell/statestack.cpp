#include "shell/statestack.h"

#include "shell/style.h"

#include <QLabel>
#include <QScrollArea>

namespace {

// A window too small for the dashboard scrolls it rather than squeezing its charts and numbers.
QWidget *scrollable(QWidget *dashboard)
{
    auto *area = new QScrollArea;
    area->setObjectName(QStringLiteral("dashboardScroll"));
    area->setAccessibleName(QObject::tr("Dashboard"));
    area->setFrameShape(QFrame::NoFrame);
    area->setWidgetResizable(true);
    area->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    area->setWidget(dashboard);
    area->viewport()->setAutoFillBackground(false);
    dashboard->setAutoFillBackground(false);
    return area;
}

} // namespace

StateStack::StateStack(QWidget *dashboard, QWidget *emptyState, QWidget *parent)
    : QStackedWidget(parent)
    , m_dashboard(scrollable(dashboard))
    , m_emptyState(emptyState)
    , m_error(new QLabel(this))
{
    Style::text(m_error, Style::kPageError);
    m_error->setTextFormat(Qt::PlainText);
    m_error->setAlignment(Qt::AlignCenter);
    m_error->setWordWrap(true);
    addWidget(m_dashboard);
    addWidget(m_emptyState);
    addWidget(m_error);
}

bool StateStack::showResult(bool empty, const QString &readError)
{
    if (empty) {
        setCurrentWidget(m_emptyState);
        return false;
    }
    if (!readError.isEmpty()) {
        showError(tr("Cannot read the store: %1").arg(readError));
        return false;
    }
    setCurrentWidget(m_dashboard);
    return true;
}

void StateStack::showError(const QString &message)
{
    m_error->setText(message);
    setCurrentWidget(m_error);
}
