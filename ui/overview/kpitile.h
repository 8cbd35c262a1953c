#pragma once

#include <QFrame>
#include <QString>

class QLabel;

/// One KPI card: a caption, a large value and a one-line detail that may carry a tone
/// (e.g. a cost increase in red). Long texts are elided; the full text is the tooltip.
class KpiTile : public QFrame {
    Q_OBJECT
public:
    /// How the detail line is coloured.
    enum class Tone { Neutral, Good, Bad };

    explicit KpiTile(const QString &caption, QWidget *parent = nullptr);

    void setCaption(const QString &caption);
    void setValue(const QString &value);
    void setDetail(const QString &detail, Tone tone = Tone::Neutral);
    /// Shows a placeholder until the next value arrives.
    void clear();

    QString caption() const { return m_caption; }
    /// The full (unelided) value text.
    QString value() const { return m_value; }
    /// The full (unelided) detail text.
    QString detail() const { return m_detail; }
    Tone tone() const { return m_tone; }
    /// The narrowest tile that shows the value whole (at the smallest value size).
    int widthForValue() const;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void updateElision();

    QString m_caption;
    QString m_value;
    QString m_detail;
    Tone m_tone = Tone::Neutral;
    QLabel *m_captionLabel = nullptr;
    QLabel *m_valueLabel = nullptr;
    QLabel *m_detailLabel = nullptr;
};
