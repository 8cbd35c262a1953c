#include "endpoints/endpointspage.h"

#include "analytics/currency.h"
#include "endpoints/endpointtext.h"
#include "endpoints/utilisationheatmap.h"
#include "format/dates.h"
#include "pricing/pricecatalog.h"
#include "pricing/pricestore.h"
#include "shell/style.h"

#include <QFrame>
#include <QHeaderView>
#include <QLabel>
#include <QScrollBar>
#include <QStackedWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace {

constexpr int kPageMargin = 20;
constexpr int kMaxRows = 12;

std::string keyOf(const Endpoints::EndpointStats &s) { return s.provider + '\x1f' + s.endpoint; }

} // namespace

EndpointsPage::EndpointsPage(const QString &dbPath, QWidget *parent)
    : Page(dbPath, parent)
{
    setObjectName(QStringLiteral("endpointsPage"));
    m_content = new QWidget(this);
    m_summary = new QLabel(m_content);
    m_summary->setObjectName(QStringLiteral("endpointSummary"));
    m_summary->setWordWrap(true);
    Style::text(m_summary, Style::kCardTitle);

    const QStringList headers = Endpoints::columnHeaders();
    m_table = new QTableWidget(0, static_cast<int>(headers.size()), m_content);
    m_table->setObjectName(QStringLiteral("endpointsTable"));
    m_table->setAccessibleName(tr("Endpoints"));
    m_table->setHorizontalHeaderLabels(headers);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setTabKeyNavigation(false); // Tab leaves the table; arrows move in it
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->setWordWrap(false);
    for (int col = 0; col < headers.size(); ++col)
        if (Endpoints::isNumericColumn(col))
            m_table->horizontalHeaderItem(col)->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);

    auto *card = new QFrame(m_content);
    card->setObjectName(QStringLiteral("endpointCard"));
    Style::card(card);
    card->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum); // the space left goes below it, not into it
    m_detail = new QLabel(card);
    m_detail->setObjectName(QStringLiteral("endpointDetail"));
    m_detail->setWordWrap(true);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_heatMap = new UtilisationHeatMap(card);
    m_comparison = new QLabel(card);
    m_comparison->setObjectName(QStringLiteral("apiComparison"));
    m_comparison->setWordWrap(true);
    m_comparison->setTextInteractionFlags(Qt::TextSelectableByMouse);
    Style::text(m_comparison, Style::kStrong);
    auto *cardLayout = new QVBoxLayout(card);
    cardLayout->setContentsMargins(18, 12, 12, 10);
    cardLayout->setSpacing(8);
    cardLayout->addWidget(m_detail);
    cardLayout->addWidget(m_heatMap);
    cardLayout->addWidget(m_comparison);
    cardLayout->addStretch(1);

    auto *layout = new QVBoxLayout(m_content);
    layout->setContentsMargins(kPageMargin, 4, kPageMargin, kPageMargin);
    layout->setSpacing(10);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
    layout->addWidget(card);
    layout->addStretch(0);

    m_empty = new QLabel(this);
    m_empty->setObjectName(QStringLiteral("endpointsEmpty"));
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setContentsMargins(40, 0, 40, 0);
    Style::mutedLabel(m_empty, 11);
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_content);
    m_stack->addWidget(m_empty);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_stack);

    connect(m_table, &QTableWidget::itemSelectionChanged, this, &EndpointsPage::showSelected);
}

QString EndpointsPage::title() const { return tr("Endpoints"); }

bool EndpointsPage::isShowingEmptyState() const { return m_stack->currentWidget() == m_empty; }

EndpointsPage::Snapshot EndpointsPage::query(Cost::Store &store, qint64 fromDay, qint64 toDay)
{
    Snapshot s;
    Pricing::PriceCatalog catalog;
    std::string error;
    if (!Pricing::loadCatalog(store.db(), catalog, error) || !Endpoints::endpointStats(store.db(), catalog, fromDay, toDay, s.endpoints, error)
        || !Endpoints::endpointWeekHours(store.db(), s.endpoints, fromDay, toDay, s.weeks, error)) {
        s.error = QString::fromStdString(error);
        return s;
    }
    s.currency = QString::fromStdString(s.endpoints.empty() || s.endpoints.front().currency.empty() ? Analytics::displayCurrency(store.db())
                                                                                                      : s.endpoints.front().currency);
    return s;
}

void EndpointsPage::startLoad()
{
    const qint64 from = fromDay(), to = toDay();
    runQuery([from, to](Cost::Store &store) { return query(store, from, to); }, [this](const Snapshot &snapshot) { apply(snapshot); },
             [this](const QString &message) {
                 Snapshot failed;
                 failed.error = message;
                 apply(failed);
             });
}

void EndpointsPage::apply(const Snapshot &snapshot)
{
    m_snapshot = snapshot;
    if (!snapshot.error.isEmpty()) {
        m_empty->setText(tr("Cannot read the endpoints: %1").arg(snapshot.error));
        m_stack->setCurrentWidget(m_empty);
        return;
    }
    if (snapshot.endpoints.empty()) {
        m_empty->setText(tr("No hour-billed endpoint in %1.").arg(Format::dayRange(fromDay(), toDay())) + QStringLiteral("\n\n")
                         + Endpoints::sourcesText());
        m_stack->setCurrentWidget(m_empty);
        m_table->setRowCount(0);
        m_heatMap->clear();
        return;
    }
    m_stack->setCurrentWidget(m_content);
    m_summary->setText(Endpoints::summaryText(snapshot.endpoints, snapshot.currency));

    const QSignalBlocker block(m_table);
    m_table->setRowCount(static_cast<int>(snapshot.endpoints.size()));
    int selected = 0;
    for (int row = 0; row < static_cast<int>(snapshot.endpoints.size()); ++row) {
        const Endpoints::EndpointStats &s = snapshot.endpoints[static_cast<std::size_t>(row)];
        const QStringList cells = Endpoints::rowCells(s);
        for (int col = 0; col < cells.size(); ++col) {
            auto *item = new QTableWidgetItem(cells[col]);
            if (Endpoints::isNumericColumn(col))
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_table->setItem(row, col, item);
        }
        if (keyOf(s) == m_selectedKey)
            selected = row;
    }
    // As tall as its rows (a few endpoints leave no empty table), scrolling past kMaxRows.
    int height = m_table->horizontalHeader()->sizeHint().height() + 2 * m_table->frameWidth()
        + m_table->horizontalScrollBar()->sizeHint().height();
    for (int row = 0; row < std::min(m_table->rowCount(), kMaxRows); ++row)
        height += m_table->rowHeight(row);
    m_table->setMaximumHeight(height);
    m_table->selectRow(selected);
    showSelected();
}

void EndpointsPage::showSelected()
{
    const int row = m_table->currentRow();
    if (row < 0 || row >= static_cast<int>(m_snapshot.endpoints.size())) {
        m_detail->setText(tr("Select an endpoint to see its week."));
        m_heatMap->clear();
        m_comparison->clear();
        return;
    }
    const Endpoints::EndpointStats &s = m_snapshot.endpoints[static_cast<std::size_t>(row)];
    m_selectedKey = keyOf(s);
    m_detail->setText(Endpoints::describe(s));
    m_heatMap->setWeek(m_snapshot.weeks[static_cast<std::size_t>(row)]);
    m_comparison->setText(Endpoints::apiComparisonText(s));
}
