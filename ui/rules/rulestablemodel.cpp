#include "rules/rulestablemodel.h"

#include "format/format.h"
#include "shell/style.h"

#include <QColor>
#include <QFont>

#include <algorithm>

namespace {

QString fromStd(const std::string &s) { return QString::fromStdString(s); }

} // namespace

RulesTableModel::RulesTableModel(QObject *parent)
    : ListTableModel(parent)
{
}

QVariant RulesTableModel::cellData(const Allocation::Rule &r, const QModelIndex &index, int role) const
{
    const bool invalid = !problem(index.row()).isEmpty();
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn: return r.name.empty() ? tr("(unnamed rule)") : fromStd(r.name);
        case ConditionColumn: return conditionText(r);
        case TargetsColumn: return targetsText(r);
        }
        break;
    case Qt::CheckStateRole:
        if (index.column() == NameColumn)
            return r.enabled ? Qt::Checked : Qt::Unchecked;
        break;
    case Qt::ToolTipRole:
        if (invalid)
            return problem(index.row());
        if (!r.enabled)
            return tr("Disabled: this rule matches nothing until it is enabled again.");
        return data(index, Qt::DisplayRole); // cells are often elided
    case Qt::ForegroundRole:
        if (invalid)
            return Style::colour(Palette::Role::Negative);
        if (!r.enabled)
            return Style::colour(Palette::Role::FaintText);
        break;
    case Qt::FontRole:
        if (index.column() == NameColumn && r.name.empty()) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        break;
    default: break;
    }
    return {};
}

QStringList RulesTableModel::columnTitles() const
{
    return {tr("Rule"), tr("When"), tr("Allocate to")};
}

Qt::ItemFlags RulesTableModel::columnFlags(int column) const
{
    return column == NameColumn ? Qt::ItemIsUserCheckable : Qt::NoItemFlags;
}

bool RulesTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!isCell(index) || index.column() != NameColumn || role != Qt::CheckStateRole)
        return false;
    Allocation::Rule r = rule(index.row());
    r.enabled = value.value<Qt::CheckState>() == Qt::Checked;
    setRule(index.row(), r);
    return true;
}

void RulesTableModel::setRules(const std::vector<Allocation::Rule> &rules)
{
    resetItems(rules);
}

void RulesTableModel::setRule(int row, const Allocation::Rule &r)
{
    if (row < 0 || row >= rowCount())
        return;
    itemAt(row) = r;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void RulesTableModel::insertRule(int row, const Allocation::Rule &r)
{
    row = std::clamp(row, 0, rowCount());
    beginInsertRows(QModelIndex(), row, row);
    m_items.insert(m_items.begin() + row, r);
    endInsertRows();
    // Row numbers below the new rule changed.
    Q_EMIT headerDataChanged(Qt::Vertical, row, rowCount() - 1);
}

bool RulesTableModel::removeRule(int row)
{
    if (!eraseItem(row))
        return false;
    if (row < rowCount())
        Q_EMIT headerDataChanged(Qt::Vertical, row, rowCount() - 1);
    return true;
}

bool RulesTableModel::moveRule(int from, int to)
{
    if (from < 0 || from >= rowCount() || to < 0 || to >= rowCount() || from == to)
        return false;
    // beginMoveRows takes the destination before which the row lands, in pre-move numbering.
    if (!beginMoveRows(QModelIndex(), from, from, QModelIndex(), to > from ? to + 1 : to))
        return false;
    Allocation::Rule moved = std::move(itemAt(from));
    m_items.erase(m_items.begin() + from);
    m_items.insert(m_items.begin() + to, std::move(moved));
    endMoveRows();
    Q_EMIT headerDataChanged(Qt::Vertical, std::min(from, to), std::max(from, to));
    return true;
}

QString RulesTableModel::problem(int row) const
{
    if (row < 0 || row >= rowCount())
        return {};
    return problemOf(rule(row));
}

QString RulesTableModel::problemOf(const Allocation::Rule &r)
{
    const std::string p = Allocation::validate(r);
    // validate() prints the total as "90.000000%"; say it the way the share column does.
    if (p.rfind("shares add up to", 0) == 0) {
        std::int64_t total = 0;
        for (const Allocation::Target &t : r.targets)
            total += t.sharePpm;
        return tr("shares add up to %1, not 100%").arg(shareText(total));
    }
    return fromStd(p);
}

QString RulesTableModel::firstProblem() const
{
    for (int row = 0; row < rowCount(); ++row) {
        const QString p = problem(row);
        if (p.isEmpty())
            continue;
        const std::string &name = rule(row).name;
        return name.empty() ? tr("Rule %1: %2").arg(row + 1).arg(p)
                            : tr("Rule %1 (%2): %3").arg(row + 1).arg(fromStd(name), p);
    }
    return {};
}

QString RulesTableModel::conditionText(const Allocation::Rule &r)
{
    const QString dim = fromStd(r.dimension);
    const QString pattern = fromStd(r.pattern);
    switch (r.match) {
    case Allocation::Match::Exact: return tr("%1 is \u201C%2\u201D").arg(dim, pattern);
    case Allocation::Match::Glob: return tr("%1 matches \u201C%2\u201D").arg(dim, pattern);
    case Allocation::Match::Regex: return tr("%1 matches regex /%2/").arg(dim, pattern);
    }
    return dim;
}

QString RulesTableModel::targetsText(const Allocation::Rule &r)
{
    QStringList parts;
    for (const Allocation::Target &t : r.targets) {
        QString who;
        if (!t.feature.empty() && !t.team.empty())
            who = tr("%1 / %2").arg(fromStd(t.feature), fromStd(t.team));
        else if (!t.feature.empty())
            who = fromStd(t.feature);
        else if (!t.team.empty())
            who = tr("team %1").arg(fromStd(t.team));
        else
            who = tr("(nothing)");
        parts << (r.targets.size() > 1 ? tr("%1 %2").arg(who, shareText(t.sharePpm)) : who);
    }
    return parts.isEmpty() ? tr("(no target)") : parts.join(QStringLiteral(" \u00B7 "));
}

QString RulesTableModel::shareText(std::int64_t sharePpm)
{
    const QLocale loc = Format::locale();
    // Four decimals at most: one part per million is 0.0001%.
    QString number = loc.toString(static_cast<double>(sharePpm) / 1e4, 'f', 4);
    const QChar dot = loc.decimalPoint().at(0);
    if (number.contains(dot)) {
        while (number.endsWith(loc.zeroDigit()))
            number.chop(1);
        if (number.endsWith(dot))
            number.chop(1);
    }
    return number + loc.percent();
}
