#include "shell/messagestack.h"

#include "shell/style.h"

#include <QLabel>

MessageStack::MessageStack(QWidget *content, QWidget *parent)
    : QStackedWidget(parent)
    , m_content(content)
    , m_message(new QLabel(this))
{
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    Style::mutedLabel(m_message, 11);
    addWidget(m_content);
    addWidget(m_message);
}

void MessageStack::showMessage(const QString &text)
{
    m_message->setText(text);
    setCurrentWidget(m_message);
}

void MessageStack::showContent() { setCurrentWidget(m_content); }
