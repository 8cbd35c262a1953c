#include "anomalies/anomalytablemodel.h"

#include "anomalies/anomalytext.h"
#include "format/format.h"
#include "shell/style.h"

#include <QBrush>
#include <QColor>
#include <QFont>

#include <cmath>

AnomalyTableModel::AnomalyTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void AnomalyTableModel::setAnomalies(std::vector<Analytics::Anomaly> anomalies, const QString &currency)
{
    beginResetModel();
    m_rows = std::move(anomalies);
    m_currency = currency;
    endResetModel();
}

const Analytics::Anomaly *AnomalyTableModel::anomalyAt(int row) const
{
    return row >= 0 && row < static_cast<int>(m_rows.size()) ? &m_rows[static_cast<std::size_t>(row)] : nullptr;
}

int AnomalyTableModel::rowOf(std::int64_t id) const
{
    for (std::size_t i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].id == id)
            return static_cast<int>(i);
    return -1;
}

int AnomalyTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int AnomalyTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AnomalyTableModel::data(const QModelIndex &index, int role) const
{
    const Analytics::Anomaly *a = index.isValid() ? anomalyAt(index.row()) : nullptr;
    if (!a)
        return {};
    const int col = index.column();
    if (role == kIdRole)
        return QVariant::fromValue<qint64>(a->id);
    if (role == kSortRole) {
        switch (col) {
        case When: return QVariant::fromValue<qint64>(a->start);
        case Series: return AnomalyText::series(a->series);
        case Grain: return static_cast<int>(a->grain);
        case Expected: return Cost::toDouble(a->expected);
        case Actual: return Cost::toDouble(a->actual);
        case Band: return Cost::toDouble(a->bandHigh);
        case Impact: return Cost::toDouble(a->impact());
        case ImpactPercent: return std::isfinite(a->impactPercent()) ? a->impactPercent() : 1e300;
        case Status: return static_cast<int>(a->status);
        case Cause: return AnomalyText::explanation(*a);
        default: return {};
        }
    }
    if (role == Qt::DisplayRole) {
        switch (col) {
        case When: return AnomalyText::when(*a);
        case Series: return AnomalyText::series(a->series);
        case Grain: return AnomalyText::grain(a->grain);
        case Expected: return Format::money(a->expected, m_currency, Format::Precision::WholeFromThousand);
        case Actual: return Format::money(a->actual, m_currency, Format::Precision::WholeFromThousand);
        case Band: return AnomalyText::band(*a, m_currency);
        // Up or down is said by an arrow and the sign too, not by the colour alone.
        case Impact: return (a->impact() > 0 ? QStringLiteral("\u25B2 ") : QStringLiteral("\u25BC ")) + AnomalyText::impact(*a, m_currency);
        case ImpactPercent: return AnomalyText::impactPercent(*a);
        case Status: return AnomalyText::status(a->status);
        case Cause: return a->explanation.empty() ? tr("\u2014") : AnomalyText::explanation(*a);
        default: return {};
        }
    }
    if (role == Qt::ToolTipRole && col == Cause)
        return AnomalyText::explanation(*a);
    if (role == Qt::TextAlignmentRole && col >= Expected && col <= ImpactPercent)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ForegroundRole && (col == Impact || col == ImpactPercent))
        return QBrush(Style::colour(a->impact() > 0 ? Palette::Role::Increase : Palette::Role::Decrease));
    if (role == Qt::ForegroundRole && a->status == Analytics::AnomalyStatus::Expected)
        return QBrush(Style::colour(Palette::Role::FaintText));
    if (role == Qt::FontRole && col == Status && a->status == Analytics::AnomalyStatus::New) {
        QFont f;
        f.setBold(true);
        return f;
    }
    return {};
}

QVariant AnomalyTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case When: return tr("When (UTC)");
    case Series: return tr("Series");
    case Grain: return tr("Grain");
    case Expected: return tr("Expected");
    case Actual: return tr("Actual");
    case Band: return tr("Band");
    case Impact: return tr("Impact");
    case ImpactPercent: return tr("Impact %");
    case Status: return tr("Status");
    case Cause: return tr("Root cause");
    default: return {};
    }
}
