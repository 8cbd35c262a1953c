#include "spend/breakdowntablemodel.h"

#include "charts/chartstyle.h"
#include "format/format.h"
#include "shell/style.h"
#include "spend/spendformat.h"

#include <QColor>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace {

constexpr double kUnknown = std::numeric_limits<double>::quiet_NaN();
constexpr Palette::Role kUp = Palette::Role::Negative; // more spend: bad news
constexpr Palette::Role kDown = Palette::Role::Positive;

double knownCount(std::int64_t value)
{
    return value > 0 ? static_cast<double>(value) : kUnknown;
}

// The number behind a numeric column; NaN when unknown.
double numeric(const Analytics::BreakdownRow &row, int column)
{
    switch (column) {
    case BreakdownTableModel::Cost: return Cost::toDouble(row.cost);
    case BreakdownTableModel::Share: return row.share;
    case BreakdownTableModel::Change: return row.changePercent();
    case BreakdownTableModel::Tokens: return knownCount(row.tokens);
    case BreakdownTableModel::Requests: return knownCount(row.requests);
    case BreakdownTableModel::InputPerMillion: return row.costPerMillion(0);
    case BreakdownTableModel::CachedPerMillion: return row.costPerMillion(1);
    case BreakdownTableModel::OutputPerMillion: return row.costPerMillion(3);
    case BreakdownTableModel::BlendedPerMillion: return row.blendedCostPerMillion();
    case BreakdownTableModel::TokensPerRequest: return row.tokensPerRequest();
    case BreakdownTableModel::CostPerRequest: return row.costPerRequest();
    case BreakdownTableModel::CachedShare: return row.cachedInputShare();
    default: return kUnknown;
    }
}

// Full precision, locale-independent, blank when unknown (CSV cells).
QString plainNumber(double value)
{
    return std::isfinite(value) ? QString::number(value, 'g', 12) : QString();
}

} // namespace

BreakdownTableModel::BreakdownTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void BreakdownTableModel::setBreakdown(const Analytics::Breakdown &breakdown, const QString &dimension,
                                       const QString &currency)
{
    beginResetModel();
    m_rows = breakdown.rows;
    m_ranks.resize(m_rows.size());
    const int top = std::max(0, breakdown.query.topN);
    std::vector<SeriesColours::Series> drawn; // the chart's series: the top rows, then "Other"
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        m_ranks[i] = static_cast<int>(i) < top ? static_cast<int>(i) : -1; // rows arrive by cost, descending
        if (m_ranks[i] >= 0)
            drawn.push_back({QString::fromStdString(m_rows[i].key), false});
    }
    if (drawn.size() < m_rows.size())
        drawn.push_back({QString(), true});
    m_slots = SeriesColours::assign(drawn); // the swatches take the colours the chart draws
    m_dimension = dimension;
    m_currency = currency;
    sortRows();
    endResetModel();
}

int BreakdownTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int BreakdownTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString BreakdownTableModel::keyAt(int row) const
{
    return QString::fromStdString(rowAt(row).key);
}

QVariant BreakdownTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto &row = m_rows[static_cast<std::size_t>(index.row())];
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return display(row, column);
    case Qt::ToolTipRole:
        return toolTip(row, column);
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(column == Name ? Qt::Alignment(Qt::AlignLeft | Qt::AlignVCenter)
                                                  : Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
    case Qt::DecorationRole:
        if (column == Name)
        {
            const int rank = m_ranks[static_cast<std::size_t>(index.row())];
            return Palette::current().series(rank < 0 ? -1 : m_slots[static_cast<std::size_t>(rank)], rank < 0);
        }
        return {};
    case Qt::ForegroundRole:
        if (column == Change && row.previousCost != 0) {
            const double change = row.changePercent();
            if (std::abs(change) >= 0.05)
                return Style::colour(change > 0 ? kUp : kDown);
        }
        return {};
    case SortRole:
        return column == Name ? QVariant(QString::fromStdString(row.key)) : QVariant(numeric(row, column));
    case ExportRole:
        return exportValue(row, column);
    case KeyRole:
        return QString::fromStdString(row.key);
    default:
        return {};
    }
}

QVariant BreakdownTableModel::display(const Analytics::BreakdownRow &row, int column) const
{
    const QLocale locale = Format::locale();
    const double value = numeric(row, column);
    switch (column) {
    case Name:
        return SpendFormat::valueText(m_dimension, QString::fromStdString(row.key));
    case Cost:
        return Format::money(row.cost, m_currency, Format::Precision::Cents);
    case Share:
    case CachedShare:
        return Format::share(value, QString());
    case Change:
        if (row.previousCost == 0)
            return row.cost > 0 ? tr("new") : QString();
        return Format::signedPercent(value);
    case Tokens:
    case Requests:
        return std::isfinite(value) ? Format::compactCount(static_cast<qint64>(value)) : QString();
    case TokensPerRequest:
        if (!std::isfinite(value))
            return QString();
        return locale.toString(value, 'f', value >= 100 ? 0 : 1);
    default:
        return Format::unitPrice(value, m_currency);
    }
}

QVariant BreakdownTableModel::exportValue(const Analytics::BreakdownRow &row, int column) const
{
    switch (column) {
    case Name:
        return SpendFormat::valueText(m_dimension, QString::fromStdString(row.key));
    case Cost:
        return QString::fromStdString(Cost::formatMoney(row.cost));
    case Tokens:
        return row.tokens > 0 ? QString::number(row.tokens) : QString();
    case Requests:
        return row.requests > 0 ? QString::number(row.requests) : QString();
    case Share:
    case CachedShare:
        return plainNumber(numeric(row, column) * 100.0);
    default:
        return plainNumber(numeric(row, column));
    }
}

QVariant BreakdownTableModel::toolTip(const Analytics::BreakdownRow &row, int column) const
{
    const QLocale locale = Format::locale();
    const QString name = SpendFormat::valueText(m_dimension, QString::fromStdString(row.key));
    switch (column) {
    case Name:
        return tr("%1 \u2014 click to filter every page to it").arg(name);
    case Cost:
        return tr("%1: %2 billed").arg(name, Format::money(row.cost, m_currency, Format::Precision::AllDecimals));
    case Change:
        return tr("Previous period: %1").arg(Format::money(row.previousCost, m_currency, Format::Precision::AllDecimals));
    case Tokens:
        if (row.tokens <= 0)
            return tr("No token counts reported");
        return tr("%1 tokens: %2 input, %3 cached input, %4 cache write, %5 output")
            .arg(locale.toString(row.tokens), locale.toString(row.kindTokens[0]), locale.toString(row.kindTokens[1]),
                 locale.toString(row.kindTokens[2]), locale.toString(row.kindTokens[3]));
    case Requests:
        return row.requests > 0 ? tr("%1 requests").arg(locale.toString(row.requests))
                                : tr("The sources do not report requests");
    case InputPerMillion:
    case CachedPerMillion:
    case OutputPerMillion: {
        const int kind = column == InputPerMillion ? 0 : column == CachedPerMillion ? 1 : 3;
        if (row.kindTokens[kind] <= 0)
            return tr("No tokens of this kind");
        if (row.kindPricedTokens[kind] <= 0)
            return tr("Billed within input: %1 cached input tokens").arg(locale.toString(row.kindTokens[kind]));
        QString price = tr("%1 for %2 tokens").arg(Format::money(row.kindCost[kind], m_currency, Format::Precision::AllDecimals),
                                                   locale.toString(row.kindPricedTokens[kind]));
        if (row.kindPricedTokens[kind] != row.kindTokens[kind])
            price = tr("%1 (with %2 cached input tokens billed within input)")
                        .arg(price, locale.toString(row.kindPricedTokens[kind] - row.kindTokens[kind]));
        // Cost from sources that bill this kind but report no tokens is not in the price.
        if (row.kindCostWithoutTokens[kind] == 0)
            return price;
        return tr("%1 (the sources that report tokens); %2 more from sources that report none")
            .arg(price, Format::money(row.kindCostWithoutTokens[kind], m_currency, Format::Precision::AllDecimals));
    }
    case BlendedPerMillion: {
        const std::int64_t tokens = std::accumulate(std::begin(row.kindTokens), std::end(row.kindTokens), std::int64_t(0));
        if (tokens <= 0)
            return tr("No token counts reported");
        Cost::BigMoney kindsCost = 0;
        for (int k = 0; k < 4; ++k)
            kindsCost += row.kindCost[k] + row.kindCostWithoutTokens[k];
        const QString price = tr("%1 for %2 tokens").arg(Format::money(row.tokenCost, m_currency, Format::Precision::AllDecimals), locale.toString(tokens));
        return row.tokenCost == kindsCost ? price : tr("%1 (the sources that report tokens)").arg(price);
    }
    case CostPerRequest: {
        if (row.requests <= 0)
            return tr("The sources do not report requests");
        const QString price = tr("%1 for %2 requests").arg(Format::money(row.requestCost, m_currency, Format::Precision::AllDecimals),
                                                           locale.toString(row.requests));
        return row.requestCost == row.cost ? price : tr("%1 (the sources that report requests)").arg(price);
    }
    default: {
        const QVariant shown = display(row, column);
        return shown.toString().isEmpty() ? QVariant(tr("Unknown")) : shown;
    }
    }
}

QVariant BreakdownTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return {};
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(section == Name ? Qt::Alignment(Qt::AlignLeft | Qt::AlignVCenter)
                                                   : Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
    if (role == Qt::ToolTipRole) {
        // Unit prices count only the cost of sources that report the quantity (breakdown.h).
        switch (section) {
        case Change: return tr("Change against the period of the same length just before the range");
        case InputPerMillion: return tr("Cost per million uncached input tokens");
        case CachedPerMillion: return tr("Cost per million cached input tokens");
        case OutputPerMillion: return tr("Cost per million output tokens");
        case BlendedPerMillion: return tr("Cost per million tokens of every kind");
        case CostPerRequest: return tr("Cost per request, from the sources that report requests");
        case CachedShare: return tr("Cached input tokens as a share of all input tokens");
        default: return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name: return SpendFormat::dimensionTitle(m_dimension);
    case Cost: return tr("Cost");
    case Share: return tr("Share");
    case Change: return tr("Change");
    case Tokens: return tr("Tokens");
    case Requests: return tr("Requests");
    case InputPerMillion: return tr("Input\n/ 1M");
    case CachedPerMillion: return tr("Cached\n/ 1M");
    case OutputPerMillion: return tr("Output\n/ 1M");
    case BlendedPerMillion: return tr("Blended\n/ 1M");
    case TokensPerRequest: return tr("Tokens\n/ request");
    case CostPerRequest: return tr("Cost\n/ request");
    case CachedShare: return tr("Cached\ninput");
    default: return {};
    }
}

QStringList BreakdownTableModel::exportHeader() const
{
    const QString c = m_currency.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(m_currency);
    return {SpendFormat::dimensionTitle(m_dimension),
            tr("Cost%1").arg(c),
            tr("Share (%)"),
            tr("Change vs previous period (%)"),
            tr("Tokens"),
            tr("Requests"),
            tr("Input cost per 1M tokens%1").arg(c),
            tr("Cached input cost per 1M tokens%1").arg(c),
            tr("Output cost per 1M tokens%1").arg(c),
            tr("Blended cost per 1M tokens%1").arg(c),
            tr("Tokens per request"),
            tr("Cost per request%1").arg(c),
            tr("Cached input share (%)")};
}

void BreakdownTableModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= ColumnCount)
        return;
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    m_sortColumn = column;
    m_sortOrder = order;
    std::vector<std::size_t> from(m_rows.size());
    std::iota(from.begin(), from.end(), std::size_t{0});
    sortRows(&from);
    // Persistent indexes follow their rows: from[newRow] is the old row.
    std::vector<int> newRowOf(from.size());
    for (std::size_t n = 0; n < from.size(); ++n)
        newRowOf[from[n]] = static_cast<int>(n);
    const QModelIndexList persistent = persistentIndexList();
    QModelIndexList moved;
    moved.reserve(persistent.size());
    for (const QModelIndex &index : persistent)
        moved << (index.isValid() ? createIndex(newRowOf[static_cast<std::size_t>(index.row())], index.column())
                                  : QModelIndex());
    changePersistentIndexList(persistent, moved);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

void BreakdownTableModel::sortRows(std::vector<std::size_t> *permutation)
{
    std::vector<std::size_t> order(m_rows.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    const bool ascending = m_sortOrder == Qt::AscendingOrder;
    const int column = m_sortColumn;
    auto less = [&](std::size_t ia, std::size_t ib) {
        const Analytics::BreakdownRow &a = m_rows[ia];
        const Analytics::BreakdownRow &b = m_rows[ib];
        if (column == Name) {
            const int c = QString::compare(SpendFormat::valueText(m_dimension, QString::fromStdString(a.key)),
                                           SpendFormat::valueText(m_dimension, QString::fromStdString(b.key)),
                                           Qt::CaseInsensitive);
            if (c != 0)
                return ascending ? c < 0 : c > 0;
        } else if (column == Cost) {
            if (a.cost != b.cost)
                return ascending ? a.cost < b.cost : a.cost > b.cost;
        } else {
            const double x = numeric(a, column);
            const double y = numeric(b, column);
            const bool xKnown = !std::isnan(x), yKnown = !std::isnan(y);
            if (xKnown != yKnown)
                return xKnown; // unknown cells last, whichever the direction
            if (xKnown && x != y)
                return ascending ? x < y : x > y;
        }
        // Ties: largest cost first, then by key, so the order is the same on every reload.
        return a.cost != b.cost ? a.cost > b.cost : a.key < b.key;
    };
    std::stable_sort(order.begin(), order.end(), less);
    std::vector<Analytics::BreakdownRow> rows;
    std::vector<int> ranks;
    rows.reserve(order.size());
    ranks.reserve(order.size());
    for (std::size_t i : order) {
        rows.push_back(m_rows[i]);
        ranks.push_back(m_ranks[i]);
    }
    m_rows = std::move(rows);
    m_ranks = std::move(ranks);
    if (permutation) {
        std::vector<std::size_t> composed(order.size());
        for (std::size_t n = 0; n < order.size(); ++n)
            composed[n] = (*permutation)[order[n]];
        *permutation = std::move(composed);
    }
}
