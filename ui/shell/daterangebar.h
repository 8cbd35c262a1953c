#pragma once

#include <QWidget>

#include <utility>

class QComboBox;
class QDateEdit;

/// The global date range shared by all pages: presets relative to the last day with data
/// (so a store whose newest charge is last week still opens on a full chart) and a custom
/// range with two date editors. Day numbers are days since 1970-01-01, both ends inclusive.
class DateRangeBar : public QWidget {
    Q_OBJECT
public:
    enum class Preset { Last7Days, Last30Days, Last90Days, MonthToDate, LastMonth, All, Custom };

    explicit DateRangeBar(QWidget *parent = nullptr);

    /// The first and last day the store holds; presets are recomputed against them. An empty store
    /// passes today for both and hasData false.
    void setDataRange(qint64 firstDay, qint64 lastDay, bool hasData = true);
    /// The range the current preset will show once the store also holds [firstDay, lastDay] (an
    /// import's days): a preset follows the data, a custom range stays.
    std::pair<qint64, qint64> rangeWithData(qint64 firstDay, qint64 lastDay) const;
    void setPreset(Preset preset);
    /// Switches to Custom with the given days (swapped when reversed).
    void setCustomRange(qint64 fromDay, qint64 toDay);

    Preset preset() const { return m_preset; }
    qint64 fromDay() const { return m_fromDay; }
    qint64 toDay() const { return m_toDay; }

Q_SIGNALS:
    /// The resolved range changed (by the user, a preset or new data).
    void rangeChanged(qint64 fromDay, qint64 toDay);

private:
    void applyPreset();
    std::pair<qint64, qint64> presetRange(qint64 firstDataDay, qint64 lastDataDay) const;
    void onDateEdited();
    void setRange(qint64 fromDay, qint64 toDay);

    QComboBox *m_presets = nullptr;
    QDateEdit *m_fromEdit = nullptr;
    QDateEdit *m_toEdit = nullptr;
    Preset m_preset = Preset::Last90Days;
    qint64 m_firstDataDay = 0;
    qint64 m_lastDataDay = 0;
    bool m_hasData = false;
    qint64 m_fromDay = 0;
    qint64 m_toDay = -1;
};
