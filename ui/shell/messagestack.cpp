#include "shell/messagestack.h"

#include <QLabel>

MessageStack::MessageStack(QWidget *content, QWidget *parent)
    : QStackedWidget(parent)
    , m_content(content)
    , m_message(new QLabel(this))
{
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #5f6b7a; font-size: 11pt;"));
    addWidget(m_content);
    addWidget(m_message);
}

void MessageStack::showMessage(const QString &text)
{
    m_message->setText(text);
    setCurrentWidget(m_message);
}

void MessageStack::showContent() { setCurrentWidget(m_content); }
