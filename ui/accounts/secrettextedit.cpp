#include "secrettextedit.h"

#include <QMimeData>
#include <QPainter>

#include <algorithm>

SecretTextEdit::SecretTextEdit(QWidget *parent) : QPlainTextEdit(parent) {}

void SecretTextEdit::setMasked(bool masked)
{
    m_masked = masked;
    viewport()->update();
}

void SecretTextEdit::paintEvent(QPaintEvent *event)
{
    const int length = document()->characterCount() - 1; // without the final paragraph separator
    if (!m_masked || length <= 0) { // the placeholder of an empty field is not secret
        QPlainTextEdit::paintEvent(event);
        return;
    }
    QPainter painter(viewport());
    painter.fillRect(viewport()->rect(), palette().base());
    painter.setPen(palette().text().color());
    const int margin = static_cast<int>(document()->documentMargin());
    // Bullets by length only (capped to what fits): the key's shape (line breaks, field lengths) stays hidden too.
    painter.drawText(viewport()->rect().adjusted(margin, margin, -margin, -margin), Qt::TextWrapAnywhere,
                     QString(std::min(length, 4000), QChar(0x2022)));
}

QMimeData *SecretTextEdit::createMimeDataFromSelection() const
{
    return m_masked ? new QMimeData : QPlainTextEdit::createMimeDataFromSelection();
}
