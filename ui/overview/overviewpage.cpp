#include "overview/overviewpage.h"

#include "analytics/freshness.h"
#include "analytics/rollupscan.h"
#include "charts/stackedcostchart.h"
#include "format/format.h"
#include "overview/kpitile.h"
#include "shell/statestack.h"
#include "shell/style.h"
#include "spend/currencynote.h"
#include "spend/spendfilter.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>
#include <array>

namespace {

constexpr int kPageMargin = 20;
constexpr int kGap = 14;
constexpr int kEmptyCardWidth = 620;
constexpr int kEmptyCardPadding = 36;

QString changeText(double current, double previous, bool &up, bool &known)
{
    double percent = 0;
    known = Format::percentChange(current, previous, percent);
    up = percent > 0;
    if (!known)
        return {};
    const QChar arrow = percent > 0.05 ? QChar(0x25B2) : percent < -0.05 ? QChar(0x25BC) : QChar(0x25C6);
    return OverviewPage::tr("%1 %2 vs prior 30 days").arg(arrow).arg(Format::signedPercent(percent));
}

QLabel *makeLabel(const QString &text, const Style::Text &style, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    Style::text(label, style);
    label->setTextFormat(Qt::PlainText);
    return label;
}

} // namespace

OverviewPage::OverviewPage(const QString &dbPath, QWidget *parent)
    : Page(dbPath, parent)
    , m_filter(SpendFilter::forStore(dbPath))
{
    connect(m_filter.get(), &SpendFilter::changed, this, &Page::reload);
    setObjectName(QStringLiteral("overviewPage"));
    m_states = new StateStack(buildDashboard(), buildEmptyState(), this);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_states);
}

QString OverviewPage::title() const
{
    return tr("Overview");
}

bool OverviewPage::isShowingEmptyState() const
{
    return m_states->isShowingEmptyState();
}

QWidget *OverviewPage::buildDashboard()
{
    auto *dashboard = new QWidget(this);
    m_monthToDate = new KpiTile(tr("Month to date"), dashboard);
    m_monthToDate->setObjectName(QStringLiteral("kpiMonthToDate"));
    m_last30 = new KpiTile(tr("Last 30 days"), dashboard);
    m_last30->setObjectName(QStringLiteral("kpiLast30"));
    m_topModel = new KpiTile(tr("Top model \u00B7 30 days"), dashboard);
    m_topModel->setObjectName(QStringLiteral("kpiTopModel"));
    m_topFeature = new KpiTile(tr("Top feature \u00B7 30 days"), dashboard);
    m_topFeature->setObjectName(QStringLiteral("kpiTopFeature"));
    m_tokens = new KpiTile(tr("Tokens \u00B7 30 days"), dashboard);
    m_tokens->setObjectName(QStringLiteral("kpiTokens"));

    // Equal columns, so the tiles line up whatever their text; arrangeTiles() sets how many.
    auto *tiles = new QGridLayout;
    tiles->setHorizontalSpacing(kGap);
    tiles->setVerticalSpacing(kGap);
    m_tiles = tiles;

    auto *card = new QFrame(dashboard);
    card->setObjectName(QStringLiteral("chartCard"));
    Style::card(card);
    auto *title = makeLabel(tr("Daily cost by model"), Style::kCardTitle, card);
    m_chartSubtitle = makeLabel(QString(), Style::kCaption, card);
    m_chartTotal = makeLabel(QString(), Style::kCardTitle, card);
    m_chartTotal->setObjectName(QStringLiteral("chartTotal"));
    m_chartTotal->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    auto *totalCaption = makeLabel(tr("Total billed in range"), Style::kCaption, card);
    totalCaption->setAlignment(Qt::AlignRight | Qt::AlignVCenter);

    auto *header = new QGridLayout;
    header->setVerticalSpacing(2);
    header->addWidget(title, 0, 0);
    header->addWidget(m_chartSubtitle, 1, 0);
    header->addWidget(m_chartTotal, 0, 1);
    header->addWidget(totalCaption, 1, 1);
    header->setColumnStretch(0, 1);

    m_chart = new StackedCostChart(card);
    m_chart->setAccessibleName(tr("Daily cost by model"));
    m_chart->setMinimumHeight(320);
    auto *cardLayout = new QVBoxLayout(card);
    cardLayout->setContentsMargins(18, 14, 12, 10);
    cardLayout->setSpacing(8);
    cardLayout->addLayout(header);
    cardLayout->addWidget(m_chart, 1);

    auto *layout = new QVBoxLayout(dashboard);
    layout->setContentsMargins(kPageMargin, 4, kPageMargin, kPageMargin);
    layout->setSpacing(kGap);
    layout->addLayout(tiles);
    m_currencyNote = new CurrencyNote(dashboard);
    layout->addWidget(m_currencyNote);
    layout->addWidget(card, 1);
    arrangeTiles();
    return dashboard;
}

QWidget *OverviewPage::buildEmptyState()
{
    auto *outer = new QWidget(this);
    outer->setObjectName(QStringLiteral("emptyState"));
    auto *card = new QFrame(outer);
    card->setObjectName(QStringLiteral("emptyCard"));
    Style::card(card, 10);
    card->setFixedWidth(kEmptyCardWidth);

    auto *heading = makeLabel(tr("No cost data yet"), Style::kHeading, card);
    auto *text = makeLabel(tr("Connect your OpenAI, Anthropic, AWS, Azure or Google Cloud account, import a FOCUS cost "
                              "export, or explore Burnrate with a demo workspace holding six months of inference spend."),
                           Style::kMuted, card);
    // A wrapped label inside a centred card gets no height-for-width pass: fix its width and
    // reserve the height its lines need.
    QFont textFont = text->font();
    textFont.setPointSizeF(Style::points(10));
    text->setFont(textFont);
    text->setWordWrap(true);
    text->setFixedWidth(kEmptyCardWidth - 2 * kEmptyCardPadding);
    text->setMinimumHeight(text->heightForWidth(text->width()));
    heading->setAlignment(Qt::AlignCenter);
    text->setAlignment(Qt::AlignCenter);

    // Connecting an account is the main way in; a file and the demo are the alternatives.
    auto *connectAccount = new QPushButton(tr("Connect an account\u2026"), card);
    connectAccount->setObjectName(QStringLiteral("connectAccountButton"));
    connectAccount->setDefault(true);
    Style::apply(connectAccount, Style::Sheet::PrimaryButton);
    auto *import = new QPushButton(tr("Import FOCUS file\u2026"), card);
    import->setObjectName(QStringLiteral("importButton"));
    auto *demo = new QPushButton(tr("Load demo workspace"), card);
    demo->setObjectName(QStringLiteral("loadDemoButton"));
    for (QPushButton *button : {import, demo})
        Style::apply(button, Style::Sheet::SecondaryButton);
    for (QPushButton *button : {connectAccount, import, demo})
        button->setMinimumHeight(36);
    connect(connectAccount, &QPushButton::clicked, this, &Page::connectRequested);
    connect(demo, &QPushButton::clicked, this, &Page::demoRequested);
    connect(import, &QPushButton::clicked, this, &Page::importRequested);

    auto *buttons = new QHBoxLayout;
    buttons->setSpacing(10);
    buttons->addStretch(1);
    buttons->addWidget(connectAccount);
    buttons->addWidget(import);
    buttons->addWidget(demo);
    buttons->addStretch(1);

    auto *cardLayout = new QVBoxLayout(card);
    cardLayout->setContentsMargins(kEmptyCardPadding, 32, kEmptyCardPadding, 32);
    cardLayout->setSpacing(12);
    cardLayout->addWidget(heading);
    cardLayout->addWidget(text);
    cardLayout->addSpacing(8);
    cardLayout->addLayout(buttons);

    auto *layout = new QVBoxLayout(outer);
    layout->addStretch(2);
    layout->addWidget(card, 0, Qt::AlignHCenter);
    layout->addStretch(3);
    return outer;
}

OverviewPage::Snapshot OverviewPage::query(Cost::Store &store, qint64 fromDay, qint64 toDay,
                                           const std::vector<Analytics::Filter> &filters)
{
    Snapshot snapshot;
    if (store.isEmpty())
        return snapshot;
    snapshot.empty = false;
    std::string error;
    std::int64_t firstDay = 0, lastDay = 0;
    if (Analytics::dataRange(store.db(), firstDay, lastDay))
        snapshot.lastDataDay = lastDay;
    // One scan of the rollups from the earliest day a tile or the chart needs.
    if (!Analytics::overviewPage(store.db(), fromDay, toDay, kTopModels, snapshot.kpis, snapshot.daily, error, filters)) {
        snapshot.error = QString::fromStdString(error);
        return snapshot;
    }
    // The last days may still be arriving (a sync of today, a provider a day late): the chart
    // hatches them rather than showing a fall.
    if (!Analytics::sliceCompleteUntil(store.db(), filters, snapshot.completeUntil, error))
        snapshot.error = QString::fromStdString(error);
    return snapshot;
}

void OverviewPage::startLoad()
{
    const qint64 from = fromDay();
    const qint64 to = toDay();
    runQuery([from, to, filters = m_filter->filters()](Cost::Store &store) { return query(store, from, to, filters); },
             [this](const Snapshot &snapshot) { apply(snapshot); },
             [this](const QString &message) { m_states->showError(tr("Cannot open the store: %1").arg(message)); });
}

void OverviewPage::resizeEvent(QResizeEvent *event)
{
    Page::resizeEvent(event);
    arrangeTiles();
}

void OverviewPage::arrangeTiles()
{
    // In a narrow window the tiles wrap into rows (5, then 3 + 2, ...) rather than elide a value:
    // the most columns in which every value fits whole.
    const std::array<KpiTile *, 5> tiles{m_monthToDate, m_last30, m_topModel, m_topFeature, m_tokens};
    int needed = 0;
    for (const KpiTile *tile : tiles)
        needed = std::max(needed, tile->widthForValue());
    const int available = width() - 2 * kPageMargin;
    int columns = static_cast<int>(tiles.size());
    while (columns > 1 && (available - (columns - 1) * kGap) / columns < needed)
        columns = columns > 3 ? 3 : columns - 1;
    if (columns == m_tileColumns)
        return;
    m_tileColumns = columns;
    for (KpiTile *tile : tiles)
        m_tiles->removeWidget(tile);
    for (int c = 0; c < static_cast<int>(tiles.size()); ++c)
        m_tiles->setColumnStretch(c, c < columns ? 1 : 0);
    for (int i = 0; i < static_cast<int>(tiles.size()); ++i)
        m_tiles->addWidget(tiles[static_cast<std::size_t>(i)], i / columns, i % columns);
}

void OverviewPage::nameTiles(qint64 asOfDay, qint64 lastDataDay)
{
    // The tiles count back from the end of the range: named "to date" only when that is the
    // latest data, otherwise for the days they show ("May 2025", "30 days to May 31").
    if (asOfDay >= lastDataDay) {
        m_monthToDate->setCaption(tr("Month to date"));
        m_last30->setCaption(tr("Last 30 days"));
        m_topModel->setCaption(tr("Top model \u00B7 30 days"));
        m_topFeature->setCaption(tr("Top feature \u00B7 30 days"));
        m_tokens->setCaption(tr("Tokens \u00B7 30 days"));
        return;
    }
    const QDate asOf = Format::dateOfDay(asOfDay);
    const QString to = Format::shortDate(asOfDay);
    m_monthToDate->setCaption(asOf.day() == asOf.daysInMonth() ? Format::monthYear(asOfDay) : tr("Month to %1").arg(to));
    m_last30->setCaption(tr("30 days to %1").arg(to));
    m_topModel->setCaption(tr("Top model \u00B7 30 days to %1").arg(to));
    m_topFeature->setCaption(tr("Top feature \u00B7 30 days to %1").arg(to));
    m_tokens->setCaption(tr("Tokens \u00B7 30 days to %1").arg(to));
}

void OverviewPage::apply(const Snapshot &snapshot)
{
    if (!m_states->showResult(snapshot.empty, snapshot.error))
        return;
    const Analytics::OverviewKpis &k = snapshot.kpis;
    const QString currency = QString::fromStdString(k.currency);

    const QDate asOf = Format::dateOfDay(k.asOfDay);
    nameTiles(k.asOfDay, snapshot.lastDataDay);
    m_monthToDate->setValue(Format::money(k.monthToDate, currency, Format::Precision::WholeFromThousand));
    m_monthToDate->setDetail(tr("%1 \u2013 %2").arg(Format::shortDate(Format::dayOfDate(QDate(asOf.year(), asOf.month(), 1))),
                                                     Format::shortDate(k.asOfDay)));

    bool up = false, known = false;
    m_last30->setValue(Format::money(k.last30, currency, Format::Precision::WholeFromThousand));
    const QString spendChange = changeText(Cost::toDouble(k.last30), Cost::toDouble(k.previous30), up, known);
    if (known)
        m_last30->setDetail(spendChange, up ? KpiTile::Tone::Bad : KpiTile::Tone::Good);
    else
        m_last30->setDetail(tr("No spend in the prior 30 days"));

    const double last30 = Cost::toDouble(k.last30);
    auto setTop = [&](KpiTile *tile, const std::string &name, Cost::BigMoney cost, const QString &none) {
        if (name.empty()) {
            tile->setValue(QStringLiteral("\u2014"));
            tile->setDetail(none);
            return;
        }
        tile->setValue(QString::fromStdString(name));
        const QString money = Format::money(cost, currency, Format::Precision::WholeFromThousand);
        if (last30 > 0) {
            const QString share = Format::locale().toString(100.0 * Cost::toDouble(cost) / last30, 'f', 0)
                + Format::locale().percent();
            tile->setDetail(tr("%1 \u00B7 %2 of spend").arg(money, share));
        } else {
            tile->setDetail(money);
        }
    };
    setTop(m_topModel, k.topModel, k.topModelCost, tr("No model charges in 30 days"));
    setTop(m_topFeature, k.topFeature, k.topFeatureCost, tr("No feature tags in 30 days"));

    m_tokens->setValue(Format::compactCount(k.tokens30));
    const QString tokenChange = changeText(static_cast<double>(k.tokens30), static_cast<double>(k.previousTokens30), up, known);
    m_tokens->setDetail(known ? tokenChange : tr("No tokens in the prior 30 days"));

    Cost::BigMoney total = 0;
    for (const Cost::BigMoney t : snapshot.daily.seriesTotals)
        total += t;
    const bool sameYear = Format::dateOfDay(fromDay()).year() == Format::dateOfDay(toDay()).year();
    const QString from = Format::shortDate(fromDay(), !sameYear);
    const QString to = Format::shortDate(toDay(), true);
    const QString subtitle = snapshot.daily.names.size() > static_cast<std::size_t>(kTopModels)
        ? tr("Billed cost per day, %1 \u2013 %2 \u00B7 top %3 models, the rest as Other").arg(from, to).arg(kTopModels)
        : tr("Billed cost per day, %1 \u2013 %2").arg(from, to);
    m_chartSubtitle->setText(subtitle);
    m_chartTotal->setText(Format::money(total, currency, Format::Precision::WholeFromThousand));
    m_chart->setData(snapshot.daily, currency, snapshot.completeUntil);
    arrangeTiles(); // the values changed: a longer model name may need wider tiles
    m_currencyNote->setCurrencies(currency, k.otherCurrencies, false);
}
