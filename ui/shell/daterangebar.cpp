#include "shell/daterangebar.h"

#include "format/format.h"

#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>

DateRangeBar::DateRangeBar(QWidget *parent)
    : QWidget(parent)
{
    m_presets = new QComboBox(this);
    m_presets->setObjectName(QStringLiteral("rangePreset"));
    const std::pair<Preset, QString> items[] = {
        {Preset::Last7Days, tr("Last 7 days")},   {Preset::Last30Days, tr("Last 30 days")},
        {Preset::Last90Days, tr("Last 90 days")}, {Preset::MonthToDate, tr("Month to date")},
        {Preset::LastMonth, tr("Last month")},    {Preset::All, tr("All data")},
        {Preset::Custom, tr("Custom\u2026")},
    };
    for (const auto &[preset, text] : items)
        m_presets->addItem(text, static_cast<int>(preset));
    m_presets->setSizeAdjustPolicy(QComboBox::AdjustToContents);

    const QLocale locale = Format::locale();
    auto makeEdit = [&](const QString &name) {
        auto *edit = new QDateEdit(this);
        edit->setObjectName(name);
        edit->setLocale(locale);
        edit->setDisplayFormat(Format::dateEditFormat());
        edit->setCalendarPopup(true);
        connect(edit, &QDateEdit::dateChanged, this, &DateRangeBar::onDateEdited);
        return edit;
    };
    m_fromEdit = makeEdit(QStringLiteral("rangeFrom"));
    m_fromEdit->setAccessibleName(tr("Range start"));
    m_toEdit = makeEdit(QStringLiteral("rangeTo"));
    m_toEdit->setAccessibleName(tr("Range end"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(m_presets);
    layout->addSpacing(6);
    layout->addWidget(m_fromEdit);
    layout->addWidget(new QLabel(QStringLiteral("\u2013"), this));
    layout->addWidget(m_toEdit);

    connect(m_presets, &QComboBox::activated, this, [this](int index) {
        setPreset(static_cast<Preset>(m_presets->itemData(index).toInt()));
    });

    // Until the store reports its days, presets end today.
    const qint64 today = Format::dayOfDate(QDate::currentDate());
    m_firstDataDay = today;
    m_lastDataDay = today;
    m_presets->setCurrentIndex(m_presets->findData(static_cast<int>(m_preset)));
    applyPreset();
}

void DateRangeBar::setDataRange(qint64 firstDay, qint64 lastDay, bool hasData)
{
    m_firstDataDay = qMin(firstDay, lastDay);
    m_lastDataDay = lastDay;
    m_hasData = hasData;
    applyPreset();
}

std::pair<qint64, qint64> DateRangeBar::rangeWithData(qint64 firstDay, qint64 lastDay) const
{
    if (m_preset == Preset::Custom && m_toDay >= m_fromDay)
        return {m_fromDay, m_toDay};
    if (!m_hasData)
        return presetRange(firstDay, lastDay);
    return presetRange(qMin(m_firstDataDay, firstDay), qMax(m_lastDataDay, lastDay));
}

void DateRangeBar::setPreset(Preset preset)
{
    m_preset = preset;
    {
        const QSignalBlocker block(m_presets);
        m_presets->setCurrentIndex(m_presets->findData(static_cast<int>(preset)));
    }
    applyPreset();
    if (preset == Preset::Custom)
        m_fromEdit->setFocus();
}

void DateRangeBar::setCustomRange(qint64 fromDay, qint64 toDay)
{
    m_preset = Preset::Custom;
    {
        const QSignalBlocker block(m_presets);
        m_presets->setCurrentIndex(m_presets->findData(static_cast<int>(m_preset)));
    }
    setRange(qMin(fromDay, toDay), qMax(fromDay, toDay));
}

void DateRangeBar::applyPreset()
{
    if (m_preset == Preset::Custom && m_toDay >= m_fromDay)
        return; // keep what the editors show
    const auto [from, to] = presetRange(m_firstDataDay, m_lastDataDay);
    setRange(from, to);
}

std::pair<qint64, qint64> DateRangeBar::presetRange(qint64 firstDataDay, qint64 end) const
{
    const QDate endDate = Format::dateOfDay(end);
    switch (m_preset) {
    case Preset::Last7Days: return {end - 6, end};
    case Preset::Last30Days: return {end - 29, end};
    case Preset::MonthToDate: return {Format::dayOfDate(QDate(endDate.year(), endDate.month(), 1)), end};
    case Preset::LastMonth: {
        const QDate first = QDate(endDate.year(), endDate.month(), 1).addMonths(-1);
        return {Format::dayOfDate(first), Format::dayOfDate(first.addMonths(1)) - 1};
    }
    case Preset::All: return {firstDataDay, end};
    case Preset::Last90Days:
    case Preset::Custom: break; // a custom range not set yet starts as the last 90 days
    }
    return {end - 89, end};
}

void DateRangeBar::onDateEdited()
{
    // Editing either date is a custom range.
    setCustomRange(Format::dayOfDate(m_fromEdit->date()), Format::dayOfDate(m_toEdit->date()));
}

void DateRangeBar::setRange(qint64 fromDay, qint64 toDay)
{
    {
        const QSignalBlocker blockFrom(m_fromEdit);
        const QSignalBlocker blockTo(m_toEdit);
        m_fromEdit->setDate(Format::dateOfDay(fromDay));
        m_toEdit->setDate(Format::dateOfDay(toDay));
    }
    if (fromDay == m_fromDay && toDay == m_toDay)
        return;
    m_fromDay = fromDay;
    m_toDay = toDay;
    Q_EMIT rangeChanged(fromDay, toDay);
}
