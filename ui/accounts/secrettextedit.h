#pragma once

#include <QPlainTextEdit>

/// A multi-line secret field (a GCP service-account key, an AWS session token): a QPlainTextEdit
/// that, while masked (the default), paints one bullet per character instead of the text and
/// copies nothing — the multi-line counterpart of QLineEdit::Password. Typing, pasting and
/// setPlainText() work as usual; setMasked(false) (the wizard's "Show" toggle) shows the text.
class SecretTextEdit : public QPlainTextEdit {
    Q_OBJECT
public:
    explicit SecretTextEdit(QWidget *parent = nullptr);

    bool isMasked() const { return m_masked; }
    void setMasked(bool masked);

protected:
    void paintEvent(QPaintEvent *event) override;
    QMimeData *createMimeDataFromSelection() const override;

private:
    bool m_masked = true;
};
