#pragma once

#include "domain/money.h"

#include <QString>

#include <cstdint>

class QTableWidget;
class QTableWidgetItem;

/// Table cells and phrases shared by the Simulator page's views and the price editor.
/// GUI thread (items) or any thread (text).
namespace SimulatorFormat {

/// A read-only cell with `text` (and `tip`).
QTableWidgetItem *textItem(const QString &text, const QString &tip = {});
/// A read-only, right-aligned money cell; sorts by the exact value.
QTableWidgetItem *moneyItem(Cost::BigMoney value, const QString &currency);
/// A read-only day cell ("Dec 5, 2026", Format::shortDate); sorts by the date.
QTableWidgetItem *dayItem(std::int64_t day);
/// A read-only, right-aligned percent cell ("12.3%", "—" for NaN).
QTableWidgetItem *percentItem(double percent);
/// Clears `table` and sets the header labels (sorting off while filling).
void resetTable(QTableWidget *table, const QStringList &headers);
/// A table styled like the rest of the pages (no grid, alternating rows, selectable rows).
void styleTable(QTableWidget *table);

} // namespace SimulatorFormat
