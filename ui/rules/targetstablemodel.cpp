#include "rules/targetstablemodel.h"

#include "format/format.h"
#include "rules/rulestablemodel.h"
#include "shell/style.h"

#include <QColor>

#include <cmath>

TargetsTableModel::TargetsTableModel(QObject *parent)
    : ListTableModel(parent)
{
}

QVariant TargetsTableModel::cellData(const Allocation::Target &t, const QModelIndex &index, int role) const
{
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        switch (index.column()) {
        case FeatureColumn:
            return t.feature.empty() && role == Qt::DisplayRole ? tr("(keep tag)") : QString::fromStdString(t.feature);
        case TeamColumn:
            return t.team.empty() && role == Qt::DisplayRole ? tr("(keep tag)") : QString::fromStdString(t.team);
        case ShareColumn: {
            const QString text = RulesTableModel::shareText(t.sharePpm);
            return role == Qt::EditRole ? text.chopped(Format::locale().percent().size()) : text;
        }
        }
        break;
    case Qt::ForegroundRole:
        if ((index.column() == FeatureColumn && t.feature.empty()) || (index.column() == TeamColumn && t.team.empty()))
            return Style::colour(Palette::Role::FaintText);
        if (index.column() == ShareColumn && t.sharePpm <= 0)
            return Style::colour(Palette::Role::Negative);
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == ShareColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case Qt::ToolTipRole:
        if (index.column() == FeatureColumn && t.feature.empty())
            return tr("Empty: the charge keeps the feature of its tags.");
        if (index.column() == TeamColumn && t.team.empty())
            return tr("Empty: the charge keeps the team of its tags.");
        break;
    default: break;
    }
    return {};
}

QStringList TargetsTableModel::columnTitles() const
{
    return {tr("Feature"), tr("Team"), tr("Share")};
}

Qt::ItemFlags TargetsTableModel::columnFlags(int) const
{
    return Qt::ItemIsEditable;
}

bool TargetsTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!isCell(index) || role != Qt::EditRole)
        return false;
    Allocation::Target &t = itemAt(index.row());
    const QString text = value.toString().trimmed();
    switch (index.column()) {
    case FeatureColumn: t.feature = text.toStdString(); break;
    case TeamColumn: t.team = text.toStdString(); break;
    case ShareColumn: {
        std::int64_t ppm = 0;
        if (!parseShare(text, ppm))
            return false;
        t.sharePpm = ppm;
        break;
    }
    default: return false;
    }
    Q_EMIT dataChanged(index, index);
    Q_EMIT edited();
    return true;
}

void TargetsTableModel::setTargets(const std::vector<Allocation::Target> &targets)
{
    resetItems(targets);
}

void TargetsTableModel::appendTarget()
{
    const std::int64_t left = Allocation::kShareScale - totalPpm();
    const int row = rowCount();
    beginInsertRows(QModelIndex(), row, row);
    m_items.push_back(Allocation::Target{{}, {}, left > 0 ? left : 0});
    endInsertRows();
    Q_EMIT edited();
}

bool TargetsTableModel::removeTarget(int row)
{
    if (!eraseItem(row))
        return false;
    Q_EMIT edited();
    return true;
}

std::int64_t TargetsTableModel::totalPpm() const
{
    std::int64_t total = 0;
    for (const Allocation::Target &t : m_items)
        total += t.sharePpm;
    return total;
}

bool TargetsTableModel::parseShare(const QString &text, std::int64_t &ppm)
{
    QString number = text.trimmed();
    const QLocale loc = Format::locale();
    if (number.endsWith(loc.percent()))
        number.chop(loc.percent().size());
    else if (number.endsWith(QLatin1Char('%')))
        number.chop(1);
    number = number.trimmed();
    bool ok = false;
    double value = loc.toDouble(number, &ok);
    if (!ok)
        value = QLocale::c().toDouble(number, &ok);
    if (!ok || !std::isfinite(value) || std::abs(value) > 1e6)
        return false;
    ppm = std::llround(value * 1e4);
    return true;
}
