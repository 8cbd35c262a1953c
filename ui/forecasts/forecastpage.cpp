#include "forecasts/forecastpage.h"

#include "analytics/periods.h"
#include "charts/chartstyle.h"
#include "contracts/contractoutlook.h"
#include "contracts/contractstore.h"
#include "forecasts/forecastchart.h"
#include "format/dates.h"
#include "format/format.h"
#include "shell/messagestack.h"
#include "shell/style.h"

#include <QComboBox>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace {

constexpr int kPageMargin = 20;
constexpr int kMinHistoryDays = 90;

QString choiceText(const Analytics::SeriesRef &ref)
{
    if (ref.dim.empty())
        return ForecastPage::tr("Total spend");
    static const struct {
        const char *dim;
        const char *title;
    } kTitles[] = {{"provider", QT_TRANSLATE_NOOP("ForecastPage", "Provider")}, {"model", QT_TRANSLATE_NOOP("ForecastPage", "Model")},
                   {"feature", QT_TRANSLATE_NOOP("ForecastPage", "Feature")}, {"team", QT_TRANSLATE_NOOP("ForecastPage", "Team")},
                   {"endpoint", QT_TRANSLATE_NOOP("ForecastPage", "Endpoint")}};
    QString title = QString::fromStdString(ref.dim);
    for (const auto &t : kTitles)
        if (ref.dim == t.dim)
            title = ForecastPage::tr(t.title);
    return QStringLiteral("%1: %2").arg(title, QString::fromStdString(ref.value));
}

QString methodText(const std::string &method)
{
    return QString::fromStdString(method).replace(QLatin1Char('+'), QStringLiteral(" + "));
}

} // namespace

ForecastPage::ForecastPage(const QString &dbPath, QWidget *parent)
    : Page(dbPath, parent)
{
    setObjectName(QStringLiteral("forecastPage"));
    qRegisterMetaType<Analytics::ForecastView>();
    m_content = buildContent();
    m_stack = new MessageStack(m_content, this);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);
}

QString ForecastPage::title() const { return tr("Forecast"); }

QString ForecastPage::rangeNote() const
{
    return tr("The forecast starts from the latest data; the range sets the history shown");
}

QWidget *ForecastPage::buildContent()
{
    auto *content = new QWidget(this);
    m_series = new QComboBox(content);
    m_series->setObjectName(QStringLiteral("forecastSeries"));
    m_series->setMinimumContentsLength(28);
    m_series->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_series->setToolTip(tr("The series to forecast (Alt+S)"));
    m_horizonBox = new QComboBox(content);
    for (int days : {30, 60, 90})
        m_horizonBox->addItem(tr("%n day(s)", nullptr, days), days);
    auto *seriesLabel = new QLabel(tr("&Series:"), content);
    seriesLabel->setBuddy(m_series);
    auto *horizonLabel = new QLabel(tr("&Horizon:"), content);
    horizonLabel->setBuddy(m_horizonBox);
    m_method = new QLabel(content);
    Style::text(m_method, Style::kCaption);
    auto *controls = new QHBoxLayout;
    controls->addWidget(seriesLabel);
    controls->addWidget(m_series);
    controls->addSpacing(16);
    controls->addWidget(horizonLabel);
    controls->addWidget(m_horizonBox);
    controls->addStretch(1);
    controls->addWidget(m_method);

    auto *card = new QFrame(content);
    card->setObjectName(QStringLiteral("forecastCard"));
    Style::card(card);
    m_projection = new QLabel(card);
    m_projection->setObjectName(QStringLiteral("projection"));
    m_projection->setWordWrap(true);
    m_projection->setTextFormat(Qt::PlainText);
    Style::text(m_projection, Style::Text{Palette::Role::Text, 13, true});
    m_accuracy = new QLabel(card);
    m_accuracy->setObjectName(QStringLiteral("accuracy"));
    m_accuracy->setWordWrap(true);
    m_accuracy->setTextFormat(Qt::PlainText);
    Style::text(m_accuracy, Style::Text{Palette::Role::SecondaryText, 10});
    m_contracts = new QLabel(card);
    m_contracts->setObjectName(QStringLiteral("contractsOutlook"));
    m_contracts->setWordWrap(true);
    m_contracts->setTextFormat(Qt::PlainText);
    m_contracts->hide();
    Style::text(m_contracts, Style::Text{Palette::Role::SecondaryText, 10});
    m_chart = new ForecastChart(card);
    m_chart->setAccessibleName(tr("Daily spend and forecast"));
    m_chart->setMinimumHeight(260);
    auto *cardLayout = new QVBoxLayout(card);
    cardLayout->setContentsMargins(18, 14, 12, 10);
    cardLayout->setSpacing(6);
    cardLayout->addWidget(m_projection);
    cardLayout->addWidget(m_accuracy);
    cardLayout->addWidget(m_contracts);
    cardLayout->addWidget(m_chart, 1);

    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(kPageMargin, 4, kPageMargin, kPageMargin);
    layout->setSpacing(12);
    layout->addLayout(controls);
    layout->addWidget(card, 1);

    connect(m_series, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (m_filling || index < 0)
            return;
        const QStringList parts = m_series->itemData(index).toStringList();
        m_ref = parts.size() == 2 ? Analytics::SeriesRef{parts[0].toStdString(), parts[1].toStdString()}
                                  : Analytics::SeriesRef{};
        reload();
    });
    connect(m_horizonBox, &QComboBox::currentIndexChanged, this,
            [this](int index) { setHorizon(m_horizonBox->itemData(index).toInt()); });
    return content;
}

bool ForecastPage::selectSeries(const Analytics::SeriesRef &ref)
{
    for (int i = 0; i < m_series->count(); ++i) {
        const QStringList parts = m_series->itemData(i).toStringList();
        if (parts.size() == 2 && parts[0].toStdString() == ref.dim && parts[1].toStdString() == ref.value) {
            m_series->setCurrentIndex(i);
            return true;
        }
    }
    return false;
}

void ForecastPage::setHorizon(int days)
{
    if (days <= 0 || days == m_horizon)
        return;
    m_horizon = days;
    const int index = m_horizonBox->findData(days);
    if (index >= 0)
        m_horizonBox->setCurrentIndex(index);
    reload();
}

ForecastPage::Snapshot ForecastPage::query(Cost::Store &store, const Analytics::SeriesRef &ref, int horizon)
{
    Snapshot s;
    if (store.isEmpty())
        return s;
    s.empty = false;
    std::string error;
    if (!Analytics::seriesChoices(store.db(), s.choices, error)) {
        s.error = QString::fromStdString(error);
        return s;
    }
    s.view = Analytics::computeForecastView(store.db(), ref, horizon);
    if (!s.view.ok)
        s.error = QString::fromStdString(s.view.error);
    // The contracts' outlook: this month's commitments and the credits still open.
    std::vector<Contracts::Contract> contracts;
    std::int64_t firstDay = 0, lastDay = 0;
    if (Contracts::loadContracts(store.db(), contracts, error) && !contracts.empty()
        && Analytics::dataRange(store.db(), firstDay, lastDay)) {
        const std::int64_t asOf = Analytics::lastCompleteDay(Analytics::todayUtc(), lastDay);
        auto statement = std::make_shared<Contracts::Statement>();
        if (Contracts::buildStatement(store.db(), contracts, Analytics::monthStartDay(asOf), asOf, asOf, *statement, error))
            s.contracts = std::move(statement);
    }
    return s;
}

void ForecastPage::startLoad()
{
    const Analytics::SeriesRef ref = m_ref;
    const int horizon = m_horizon;
    runQuery([ref, horizon](Cost::Store &store) { return query(store, ref, horizon); },
             [this](const Snapshot &snapshot) { apply(snapshot); },
             [this](const QString &message) { showMessage(tr("Cannot open the store: %1").arg(message)); });
}

void ForecastPage::showMessage(const QString &message)
{
    m_stack->showMessage(message);
}

void ForecastPage::fillChoices(const std::vector<Analytics::SeriesRef> &choices)
{
    m_filling = true;
    m_series->clear();
    m_series->addItem(choiceText({}), QStringList{QString(), QString()});
    int current = 0;
    for (const Analytics::SeriesRef &ref : choices) {
        m_series->addItem(choiceText(ref), QStringList{QString::fromStdString(ref.dim), QString::fromStdString(ref.value)});
        if (ref == m_ref)
            current = m_series->count() - 1;
    }
    m_series->setCurrentIndex(current);
    m_filling = false;
}

void ForecastPage::apply(const Snapshot &snapshot)
{
    if (snapshot.empty) {
        showMessage(tr("No cost data yet: import a FOCUS export or load the demo workspace to see a forecast."));
        return;
    }
    fillChoices(snapshot.choices);
    m_snapshot = snapshot;
    if (!snapshot.error.isEmpty()) {
        showMessage(tr("Cannot forecast %1: %2").arg(choiceText(m_ref), snapshot.error));
        return;
    }
    m_stack->showContent();
    const Analytics::ForecastView &v = snapshot.view;
    const QString currency = QString::fromStdString(v.currency);
    m_projection->setText(Analytics::projectionSentence(v.month, currency));
    m_accuracy->setText(Analytics::accuracySentence(v.result, currency));
    m_method->setText(tr("Method: %1").arg(methodText(v.result.method)));
    QStringList outlook;
    if (snapshot.contracts) {
        for (const Contracts::CommitmentMonth &m : snapshot.contracts->commitments)
            if (!m.complete)
                outlook << tr("%1 (%2, %3): %4")
                               .arg(QString::fromStdString(m.contract), ContractOutlook::kind(m.kind), Format::monthYear(m.fromDay),
                                    ContractOutlook::outlook(m));
        for (const Contracts::CreditBalance &b : snapshot.contracts->credits)
            if (!b.expired && !b.ranOutDay)
                outlook << tr("%1 (%2): %3")
                               .arg(QString::fromStdString(b.contract), ContractOutlook::line(b),
                                    ContractOutlook::outlook(b, snapshot.contracts->asOfDay));
    }
    m_contracts->setText(tr("Contracts — %1").arg(outlook.join(QStringLiteral(" · "))));
    m_contracts->setVisible(!outlook.isEmpty());

    // History from the range's start, but never less than kMinHistoryDays before the forecast.
    const ForecastChart::Data data = BandChart::fromForecastView(v, fromDay(), kMinHistoryDays);
    ForecastChart::Partial partial;
    if (!v.history.partialSoFar.empty()) {
        partial.firstDay = v.history.lastDay() - v.history.partialDays + 1;
        partial.soFar = v.history.partialSoFar;
        partial.note = tr("%1 (forecast in full)").arg(ChartStyle::partialNote(v.history.completeUntil, true));
    }
    m_chart->setData(data, partial);
}

void ForecastPage::whenDrawn(const std::function<void()> &done)
{
    m_chart->whenRebuilt(done);
}
