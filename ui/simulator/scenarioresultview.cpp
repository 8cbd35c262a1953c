#include "simulator/scenarioresultview.h"

#include "analytics/freshness.h"
#include "charts/chartstyle.h"
#include "forecasts/forecastchart.h"
#include "format/format.h"
#include "shell/style.h"
#include "simulator/simulatorformat.h"

#include <QAbstractSeries>
#include <QChart>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>

using SimulatorFormat::moneyItem;
using SimulatorFormat::textItem;

namespace {

QLabel *kpiLabel(QWidget *parent, const QString &objectName)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::RichText);
    label->setWordWrap(true);
    return label;
}

QString kpiHtml(const QString &title, Cost::BigMoney value, Cost::BigMoney low, Cost::BigMoney high, const QString &currency)
{
    const QString colour = Style::css(value >= 0 ? Palette::Role::Positive : Palette::Role::Negative);
    const QString html = QStringLiteral("<div style='color:%5; font-size:9pt;'>%1</div>"
                          "<div style='color:%2; font-size:17pt; font-weight:600;'>%3</div>"
                          "<div style='color:%6; font-size:9pt;'>%4</div>")
        .arg(title.toHtmlEscaped(), colour, Format::money(value, currency, Format::Precision::WholeFromThousand).toHtmlEscaped(),
             ScenarioResultView::tr("range %1").arg(Format::moneyRange(low, high, currency, Format::Precision::WholeFromThousand)).toHtmlEscaped(),
             Style::css(Palette::Role::MutedText), Style::css(Palette::Role::SecondaryText));
    return Style::scaledFontSizes(html);
}

} // namespace

ScenarioResultView::ScenarioResultView(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("scenarioResult"));
    m_banner = new QFrame(this);
    m_banner->setObjectName(QStringLiteral("unpricedFrame"));
    Style::banner(static_cast<QFrame *>(m_banner), Style::Banner::Error); // created as a QFrame just above
    m_unpriced = new QLabel(m_banner);
    m_unpriced->setObjectName(QStringLiteral("unpricedBanner"));
    m_unpriced->setWordWrap(true);
    m_unpriced->setTextFormat(Qt::PlainText);
    Style::text(m_unpriced, Style::Text{Palette::Role::ErrorBannerText, 0, true});
    m_addPrices = new QPushButton(tr("Add prices\u2026"), m_banner);
    auto *bannerLayout = new QHBoxLayout(m_banner);
    bannerLayout->setContentsMargins(10, 6, 10, 6);
    bannerLayout->addWidget(m_unpriced, 1);
    bannerLayout->addWidget(m_addPrices);
    m_banner->hide();
    connect(m_addPrices, &QPushButton::clicked, this, &ScenarioResultView::addPricesRequested);

    m_monthly = kpiLabel(this, QStringLiteral("monthlySavings"));
    m_annual = kpiLabel(this, QStringLiteral("annualSavings"));
    m_period = kpiLabel(this, QStringLiteral("periodTotals"));
    auto *kpis = new QHBoxLayout;
    kpis->setSpacing(24);
    kpis->addWidget(m_monthly, 1);
    kpis->addWidget(m_annual, 1);
    kpis->addWidget(m_period, 2);

    m_warnings = new QLabel(this);
    m_warnings->setObjectName(QStringLiteral("scenarioWarnings"));
    m_warnings->setWordWrap(true);
    m_warnings->setTextFormat(Qt::PlainText);
    Style::text(m_warnings, Style::Text{Palette::Role::Warning, 9});
    m_warnings->hide();

    m_chart = new ForecastChart(this);
    m_chart->setAccessibleName(tr("Daily cost, baseline and scenario"));
    m_chart->setMinimumHeight(200);
    connect(m_chart, &ForecastChart::rebuilt, this, [this] {
        // The chart's band is the scenario's ± range, not a forecast interval.
        const QList<QAbstractSeries *> all = m_chart->chart()->series();
        for (QAbstractSeries *s : all)
            if (s->name() == ForecastChart::tr("80% range"))
                s->setName(tr("Scenario range"));
    });
    m_features = new QTableWidget(this);
    m_features->setObjectName(QStringLiteral("featureTable"));
    m_features->setAccessibleName(tr("Savings by feature"));
    SimulatorFormat::styleTable(m_features);
    SimulatorFormat::resetTable(m_features, {tr("Feature"), tr("Baseline"), tr("Scenario"), tr("Savings"), tr("Savings %")});
    m_features->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_features->setMinimumHeight(140); // the header and a few rows; a small window scrolls the page

    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_chart);
    split->addWidget(m_features);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);
    layout->addWidget(m_banner);
    layout->addLayout(kpis);
    layout->addWidget(m_warnings);
    layout->addWidget(split, 1);
}

QString ScenarioResultView::unpricedText(const std::vector<Simulation::UnpricedUsage> &unpriced, const QString &currency)
{
    if (unpriced.empty())
        return {};
    // One entry per model: the engine lists it per token kind, and a cell's bill goes with
    // the first kind it lacks a price for, so only the model's sum is meaningful.
    struct Model {
        QString name, provider;
        QStringList kinds;
        Cost::BigMoney billed = 0;
    };
    std::vector<Model> models;
    for (const auto &u : unpriced) {
        const QString name = QString::fromStdString(u.model)
            + (u.tier == Pricing::Tier::Standard ? QString() : QStringLiteral(" ") + QString::fromLatin1(Pricing::tierName(u.tier)));
        const QString provider = QString::fromStdString(u.provider);
        auto it = std::find_if(models.begin(), models.end(), [&](const Model &m) { return m.name == name && m.provider == provider; });
        if (it == models.end())
            it = models.insert(models.end(), Model{name, provider, {}, 0});
        it->kinds << tr("%1 %2").arg(Format::compactCount(u.tokens), QString::fromLatin1(Pricing::priceKindName(u.kind)));
        it->billed += u.billed;
    }
    QStringList parts;
    for (const Model &m : models)
        parts << tr("%1 (%2): %3 tokens, %4 billed").arg(m.name, m.provider, m.kinds.join(QStringLiteral(", ")), Format::money(m.billed, currency, Format::Precision::WholeFromThousand));
    return tr("UNPRICED \u2014 no catalog price, left out of baseline and scenario (not counted as $0): %1")
        .arg(parts.join(QStringLiteral("; ")));
}

void ScenarioResultView::setResult(const Simulation::ScenarioResult &r, std::int64_t completeUntil)
{
    m_result = r;
    const QString currency = QString::fromStdString(r.currency.empty() ? std::string("USD") : r.currency);
    const QString unpriced = unpricedText(r.unpriced, currency);
    m_unpriced->setText(unpriced);
    m_banner->setVisible(!unpriced.isEmpty());

    if (r.baseline == 0 && !r.unpriced.empty()) {
        const QString none = QStringLiteral("<div style='color:%3; font-size:9pt;'>%1</div>"
                                            "<div style='color:%4; font-size:17pt; font-weight:600;'>\u2014</div>"
                                            "<div style='color:%5; font-size:9pt;'>%2</div>");
        const QString muted = Style::css(Palette::Role::MutedText), bad = Style::css(Palette::Role::Negative),
                      secondary = Style::css(Palette::Role::SecondaryText);
        m_monthly->setText(Style::scaledFontSizes(none.arg(tr("Savings per month"), tr("no priced usage"), muted, bad, secondary)));
        m_annual->setText(Style::scaledFontSizes(none.arg(tr("Savings per year"), tr("no priced usage"), muted, bad, secondary)));
    } else {
        m_monthly->setText(kpiHtml(tr("Savings per month"), r.monthly, r.monthlyLow, r.monthlyHigh, currency));
        m_annual->setText(kpiHtml(tr("Savings per year"), r.annual, r.annualLow, r.annualHigh, currency));
    }
    m_period->setText(Style::scaledFontSizes(tr("<div style='color:%8; font-size:9pt;'>Over %1 \u2013 %2 (%n day(s))</div>"
                         "<div style='color:%9; font-size:10pt;'>Baseline %3 (billed %4)<br>Scenario %5 "
                         "(range %6), %7 saved</div>", nullptr, static_cast<int>(r.days))
                          .arg(Format::shortDate(r.fromDay, true), Format::shortDate(r.toDay, true),
                               Format::money(r.baseline, currency, Format::Precision::WholeFromThousand), Format::money(r.billed, currency, Format::Precision::WholeFromThousand),
                               Format::money(r.scenario, currency, Format::Precision::WholeFromThousand),
                               Format::moneyRange(r.scenarioLow, r.scenarioHigh, currency, Format::Precision::WholeFromThousand),
                               Format::signedPercent(r.savingsPercent()).remove(QLatin1Char('+')),
                               Style::css(Palette::Role::MutedText), Style::css(Palette::Role::Text))));
    QStringList warnings;
    for (const auto &w : r.warnings)
        warnings << QStringLiteral("\u26A0 ") + QString::fromStdString(w);
    m_warnings->setText(warnings.join(QLatin1Char('\n')));
    m_warnings->setVisible(!warnings.isEmpty());

    // The band: each day's scenario widened by the period's relative ± spread (drawing only).
    BandChart::Data data;
    data.firstDay = r.fromDay;
    data.currency = currency;
    data.actualName = tr("Baseline (real usage)");
    data.forecastName = tr("Scenario");
    const double point = Cost::toDouble(r.scenario);
    const double spread = point > 0 ? Cost::toDouble(r.scenarioHigh - r.scenario) / point : 0.0;
    // Days whose data is still arriving (today, a provider a day late) hold only part of their
    // spend: drawn apart with what they cost so far, not as a fall of baseline and scenario. At
    // least one day stays drawn in full.
    const std::int64_t firstPartial = completeUntil > 0 ? Analytics::Freshness::firstPartialDay(completeUntil)
                                                        : std::numeric_limits<std::int64_t>::max();
    ForecastChart::Partial partial;
    const double nan = std::nan("");
    for (const auto &d : r.daily) {
        const double b = Cost::toDouble(d.baseline), s = Cost::toDouble(d.scenario);
        const bool arriving = d.day >= firstPartial && d.day > r.daily.front().day;
        if (arriving && partial.soFar.empty())
            partial.firstDay = d.day;
        if (arriving)
            partial.soFar.push_back(b);
        data.actual.push_back(arriving ? nan : b);
        data.forecast.push_back(arriving ? nan : s);
        if (spread > 0) {
            data.lo80.push_back(arriving ? nan : std::max(0.0, s * (1.0 - spread)));
            data.hi80.push_back(arriving ? nan : s * (1.0 + spread));
        }
    }
    if (!partial.soFar.empty())
        partial.note = tr("%1 (spend so far)").arg(ChartStyle::partialNote(completeUntil, true));
    m_chart->setData(data, partial);

    SimulatorFormat::resetTable(m_features, {tr("Feature"), tr("Baseline"), tr("Scenario"), tr("Savings"), tr("Savings %")});
    m_features->setRowCount(static_cast<int>(r.features.size()));
    int row = 0;
    for (const auto &f : r.features) {
        const QString name = f.feature.empty() ? tr("(unallocated)") : QString::fromStdString(f.feature);
        m_features->setItem(row, 0, textItem(name));
        m_features->setItem(row, 1, moneyItem(f.baseline, currency));
        m_features->setItem(row, 2, moneyItem(f.scenario, currency));
        m_features->setItem(row, 3, moneyItem(f.savings(), currency));
        m_features->setItem(row, 4, SimulatorFormat::percentItem(
                                        f.baseline == 0 ? std::nan("") : Cost::toDouble(f.savings()) / Cost::toDouble(f.baseline) * 100.0));
        ++row;
    }
    m_features->setSortingEnabled(true);
}

void ScenarioResultView::whenDrawn(const std::function<void()> &done) { m_chart->whenRebuilt(done); }
