#pragma once

#include <QStackedWidget>

class QLabel;

/// A page's content, or in its place a centred muted message (no data yet, an error): the
/// empty and error states the analysis pages share.
class MessageStack : public QStackedWidget {
    Q_OBJECT
public:
    explicit MessageStack(QWidget *content, QWidget *parent = nullptr);

    void showMessage(const QString &text);
    void showContent();
    QLabel *messageLabel() const { return m_message; }

private:
    QWidget *m_content;
    QLabel *m_message;
};
