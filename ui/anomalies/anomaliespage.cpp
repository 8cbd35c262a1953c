#include "anomalies/anomaliespage.h"

#include "analytics/currency.h"
#include "anomalies/anomalychart.h"
#include "anomalies/anomalytablemodel.h"
#include "anomalies/anomalytext.h"
#include "anomaly/anomalystore.h"
#include "format/format.h"
#include "shell/style.h"

#include <QAction>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <cstdlib>

namespace {

const Analytics::Sensitivity kLevels[] = {Analytics::Sensitivity::Low, Analytics::Sensitivity::Normal,
                                          Analytics::Sensitivity::High};
// How much of the series the chart shows around the anomaly.
constexpr std::int64_t kHourBefore = 5 * 86400, kHourAfter = 2 * 86400;
constexpr std::int64_t kDayBefore = 60 * 86400, kDayAfter = 14 * 86400;
constexpr int kDrawPollMs = 20;

// The selected anomaly's detail: causes, the series' trace around it, feedback state.
// The detail of anomaly `id`, its money in the currency of the page's range [fromDay, toDay].
AnomalyDetailPanel::Detail loadDetail(Cost::Store &store, qint64 id, qint64 fromDay, qint64 toDay, QString &error)
{
    AnomalyDetailPanel::Detail d;
    Analytics::AnomalyStore anomalies(store.db());
    Analytics::AnomalySettings settings;
    std::map<std::pair<Analytics::SeriesKey, Analytics::AnomalyGrain>, std::vector<std::int64_t>> resets;
    std::string e;
    Analytics::SeriesData series;
    if (!anomalies.get(id, d.anomaly, e) || !anomalies.causes(id, d.causes, e) || !anomalies.loadSettings(settings, e)
        || !anomalies.rebaselines(resets, e) || !Analytics::loadSeries(store.db(), d.anomaly.series, d.anomaly.grain, series, e)) {
        error = QString::fromStdString(e);
        return d;
    }
    d.canUndo = anomalies.canUndo(id);
    d.globalSensitivity = settings.sensitivity;
    for (const auto &[key, s] : settings.perSeries)
        if (key == d.anomaly.series)
            d.ownSensitivity = s;
    d.currency = QString::fromStdString(Analytics::displayCurrency(store.db(), fromDay, toDay));
    const auto r = resets.find({d.anomaly.series, d.anomaly.grain});
    std::vector<Analytics::TracePoint> trace;
    Analytics::detectAnomalies(series, settings.sensitivityOf(d.anomaly.series), settings.minImpact,
                               r != resets.end() ? r->second : std::vector<std::int64_t>{}, &trace);
    const bool hourly = d.anomaly.grain == Analytics::AnomalyGrain::Hour;
    const std::int64_t from = d.anomaly.start - (hourly ? kHourBefore : kDayBefore);
    const std::int64_t to = d.anomaly.end + (hourly ? kHourAfter : kDayAfter);
    for (const Analytics::TracePoint &p : trace)
        if (p.time >= from && p.time < to)
            d.trace.push_back(p);
    d.completeUntil = series.completeUntil;
    return d;
}

} // namespace

struct AnomaliesPage::LoadResult {
    AnomalyScanOutcome outcome;
    std::vector<Analytics::Anomaly> anomalies;
    Analytics::AnomalySettings settings;
    QString currency;
    QString error;
};

AnomaliesPage::AnomaliesPage(const QString &dbPath, QWidget *parent)
    : Page(dbPath, parent)
{
    m_scanner = new AnomalyScanner(dbPath, this);
    m_model = new AnomalyTableModel(this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(AnomalyTableModel::kSortRole);

    m_sensitivity = new QComboBox;
    m_sensitivity->setObjectName(QStringLiteral("sensitivity"));
    for (Analytics::Sensitivity s : kLevels)
        m_sensitivity->addItem(AnomalyText::sensitivity(s));
    m_sensitivity->setToolTip(tr("How eagerly anomalies are raised: High also flags smaller deviations, Low only clear ones"));
    m_minImpact = new QDoubleSpinBox;
    m_minImpact->setObjectName(QStringLiteral("minImpact"));
    m_minImpact->setAccessibleName(tr("Minimum impact"));
    m_minImpact->setRange(0, 1e9);
    m_minImpact->setDecimals(2);
    m_minImpact->setSingleStep(5);
    m_minImpact->setKeyboardTracking(false);
    m_minImpact->setToolTip(tr("Deviations smaller than this (in money, against the expected cost) never become anomalies"));
    m_rescan = new QPushButton(tr("Rescan"));
    m_rescan->setObjectName(QStringLiteral("rescan"));
    m_rescan->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    m_rescan->setToolTip(tr("Scan every series again (Ctrl+Shift+R)"));
    m_progress = new QProgressBar;
    m_progress->setRange(0, 100);
    m_progress->setMaximumWidth(140);
    m_progress->setTextVisible(false);
    m_cancel = new QPushButton(tr("Cancel"));
    m_status = new QLabel;
    Style::mutedLabel(m_status);
    m_status->setWordWrap(true); // a long status wraps; it never widens the window

    auto *controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Sensitivity:")));
    controls->addWidget(m_sensitivity);
    controls->addSpacing(12);
    controls->addWidget(new QLabel(tr("Minimum impact:")));
    controls->addWidget(m_minImpact);
    controls->addSpacing(12);
    controls->addWidget(m_rescan);
    controls->addWidget(m_progress);
    controls->addWidget(m_cancel);
    controls->addWidget(m_status, 1);

    m_summary = new QLabel;
    m_summary->setObjectName(QStringLiteral("anomalySummary"));
    m_summary->setWordWrap(true);

    m_table = new QTableView;
    m_table->setObjectName(QStringLiteral("anomalyTable"));
    m_table->setAccessibleName(tr("Anomalies"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(AnomalyTableModel::When, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(AnomalyTableModel::Cause, QHeaderView::Stretch);
    m_table->horizontalHeader()->setMinimumSectionSize(60);

    m_detail = new AnomalyDetailPanel;
    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(m_table);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 4, 20, 12);
    layout->addLayout(controls);
    layout->addWidget(m_summary);
    layout->addWidget(splitter, 1);
    setScanning(false);

    // The pane shows the selected row's anomaly, or none: a row deselected (Ctrl+click) keeps its
    // current index, and selecting it again changes no current row.
    auto follow = [this] {
        const QModelIndexList rows = m_table->selectionModel()->selectedRows();
        const qint64 id = rows.isEmpty() ? 0 : rows.first().data(AnomalyTableModel::kIdRole).toLongLong();
        if (id == m_selectedId)
            return;
        m_selectedId = id;
        loadDetail();
    };
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, follow);
    connect(m_sensitivity, &QComboBox::activated, this, [this] { applySettings(); });
    connect(m_minImpact, &QDoubleSpinBox::valueChanged, this, [this] { applySettings(); });
    connect(m_rescan, &QPushButton::clicked, this, [this] {
        write(tr("Rescanning"), [](Analytics::AnomalyStore &, std::string &) { return true; });
    });
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        m_scanner->cancel();
        cancelLoad();
    });
    connect(m_scanner, &AnomalyScanner::started, this, [this] { setScanning(true); });
    connect(m_scanner, &AnomalyScanner::progress, this, [this](int p) { setScanning(true, p); });
    connect(m_scanner, &AnomalyScanner::finished, this, [this](const AnomalyScanOutcome &o) {
        setScanning(false);
        if (!o.error.isEmpty())
            m_status->setText(o.error == QStringLiteral("cancelled") ? tr("Scan cancelled; the previous anomalies are shown")
                                                                    : tr("Scan failed: %1").arg(o.error));
        else if (o.scanned)
            reload();
    });
    connect(m_detail, &AnomalyDetailPanel::statusRequested, this, [this](qint64 id, Analytics::AnomalyStatus s) {
        if (write(tr("Saving feedback"), [id, s](Analytics::AnomalyStore &store, std::string &e) { return store.setStatus(id, s, e); }))
            m_verdicts << id;
    });
    connect(m_detail, &AnomalyDetailPanel::undoRequested, this, &AnomaliesPage::undoVerdict);
    // Ctrl+Z undoes the latest verdict of this session, whichever anomaly is shown (the store
    // keeps each anomaly's previous status). A focused text field keeps Ctrl+Z for its text.
    auto *undo = new QAction(tr("Undo feedback"), this);
    undo->setObjectName(QStringLiteral("undoVerdict"));
    undo->setShortcuts(QKeySequence::Undo);
    undo->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(undo, &QAction::triggered, this, [this] {
        if (m_verdicts.isEmpty()) {
            m_status->setText(tr("Nothing to undo"));
            return;
        }
        undoVerdict(m_verdicts.last());
    });
    addAction(undo);
    connect(m_detail, &AnomalyDetailPanel::seriesSensitivityRequested, this,
            [this](const Analytics::SeriesKey &key, std::optional<Analytics::Sensitivity> s) {
                write(tr("Saving the series sensitivity"), [key, s](Analytics::AnomalyStore &store, std::string &e) {
                    return store.setSeriesSensitivity(key, s, e);
                });
            });
}

void AnomaliesPage::scanIfStale()
{
    m_scanner->scanIfStale();
}

bool AnomaliesPage::selectAnomaly(qint64 id)
{
    const int row = m_model->rowOf(id);
    if (row < 0)
        return false;
    m_table->setCurrentIndex(m_proxy->mapFromSource(m_model->index(row, 0)));
    return true;
}

void AnomaliesPage::startLoad()
{
    m_status->setText(tr("Loading\u2026"));
    const std::int64_t from = fromDay() * 86400, to = (toDay() + 1) * 86400;
    runQuery(
        [from, to](Task::Context &context) {
            LoadResult r;
            // A store changed since the last scan (the demo, an import by the CLI) is scanned first.
            r.outcome = scanAndCollect(context.store(), context.cancelFlag());
            Analytics::AnomalyStore anomalies(context.db());
            std::string e;
            if (!anomalies.list(from, to, r.anomalies, e) || !anomalies.loadSettings(r.settings, e))
                r.error = QString::fromStdString(e);
            r.currency = QString::fromStdString(Analytics::displayCurrency(context.db(), from / 86400, to / 86400 - 1));
            return r;
        },
        [this](const LoadResult &r) { apply(r); },
        [this](const QString &error) {
            m_model->setAnomalies({}, m_currency);
            m_status->setText(tr("Cannot open the store: %1").arg(error));
            m_detail->clear(tr("No data"));
        });
}

void AnomaliesPage::apply(const LoadResult &r)
{
    postAnomalyAlerts(r.outcome);
    m_settings = r.settings;
    m_currency = r.currency;
    m_sensitivity->setCurrentIndex(static_cast<int>(std::find(std::begin(kLevels), std::end(kLevels), r.settings.sensitivity)
                                                    - std::begin(kLevels)));
    {
        const QSignalBlocker block(m_minImpact);
        // The symbol where the locale's money puts it: "$10.00", "10,00 $".
        const QString symbol = Format::currencySymbol(r.currency);
        const QString sample = Format::locale().toCurrencyString(1.0, symbol, 0);
        const bool after = !sample.startsWith(symbol) && sample.endsWith(symbol);
        m_minImpact->setPrefix(after ? QString() : symbol);
        m_minImpact->setSuffix(after ? sample.mid(sample.indexOf(QLatin1Char('1')) + 1) : QString());
        m_minImpact->setValue(Cost::toDouble(r.settings.minImpact));
    }
    const qint64 keep = m_selectedId;
    m_model->setAnomalies(r.anomalies, r.currency);
    const QString error = !r.error.isEmpty() ? r.error : r.outcome.error;
    if (!error.isEmpty())
        m_status->setText(error == QStringLiteral("cancelled") ? tr("Scan cancelled; the previous anomalies are shown")
                                                               : tr("Error: %1").arg(error));
    else if (r.outcome.scanned)
        m_status->setText(tr("Scanned %1 series (%2 points) in %3 s")
                              .arg(r.outcome.result.series)
                              .arg(Format::locale().toString(static_cast<qlonglong>(r.outcome.result.points)))
                              .arg(Format::locale().toString(r.outcome.result.seconds, 'f', 1)));
    else
        m_status->setText(tr("Up to date"));
    updateSummary();
    m_selectedId = -1; // force a detail load for the selection below
    if (!selectAnomaly(keep)) {
        if (m_proxy->rowCount() > 0) {
            m_table->setCurrentIndex(m_proxy->index(0, 0));
        } else {
            m_selectedId = 0;
            loadDetail();
        }
    }
}

void AnomaliesPage::updateSummary()
{
    const auto &list = m_model->anomalies();
    if (list.empty()) {
        m_summary->setText(tr("No anomalies in this range. Every total, provider, model, feature, team and endpoint series stayed "
                              "within its expected band, or moved by less than the minimum impact."));
        return;
    }
    int fresh = 0;
    const Analytics::Anomaly *largest = &list.front();
    for (const Analytics::Anomaly &a : list) {
        fresh += a.status == Analytics::AnomalyStatus::New;
        if (std::llabs(a.impact()) > std::llabs(largest->impact()))
            largest = &a;
    }
    m_summary->setText(tr("%n anomalies in this range, %1 not reviewed. Largest: %2.", nullptr, static_cast<int>(list.size()))
                           .arg(fresh)
                           .arg(AnomalyText::headline(*largest, m_currency)));
}

void AnomaliesPage::loadDetail()
{
    if (m_selectedId <= 0) {
        m_detailLoader.invalidate();
        m_detail->clear(m_model->rowCount() > 0 ? tr("Select an anomaly to see its series and root cause")
                                                : tr("No anomalies in this range"));
        Q_EMIT detailLoaded();
        return;
    }
    m_detailLoader.run(
        dbPath(),
        [id = m_selectedId, from = fromDay(), to = toDay()](Task::Context &context) {
            std::pair<AnomalyDetailPanel::Detail, QString> out;
            out.first = ::loadDetail(context.store(), id, from, to, out.second);
            return out;
        },
        [this](Task::Outcome<std::pair<AnomalyDetailPanel::Detail, QString>> &outcome) {
            const QString error = outcome.ok() ? outcome.value.second : outcome.error;
            if (error.isEmpty())
                m_detail->setDetail(outcome.value.first);
            else
                m_detail->clear(tr("Cannot load the anomaly: %1").arg(error));
            Q_EMIT detailLoaded();
        });
}

void AnomaliesPage::undoVerdict(qint64 id)
{
    if (!write(tr("Undoing feedback"), [id](Analytics::AnomalyStore &store, std::string &e) { return store.undoFeedback(id, e); }))
        return;
    if (const auto it = std::find(m_verdicts.crbegin(), m_verdicts.crend(), id); it != m_verdicts.crend())
        m_verdicts.removeAt(std::distance(it, m_verdicts.crend()) - 1);
    selectAnomaly(id); // show what was undone
}

bool AnomaliesPage::write(const QString &what, std::function<bool(Analytics::AnomalyStore &, std::string &)> action)
{
    if (m_writer.isBusy())
        return false;
    m_detail->setBusy(true);
    m_status->setText(what + QStringLiteral("\u2026"));
    m_writer.write(
        dbPath(),
        [action = std::move(action)](Cost::SqliteDb &db, std::string &error) {
            Analytics::AnomalyStore anomalies(db);
            if (!action(anomalies, error))
                return false;
            Analytics::invalidateScan(db);
            return true;
        },
        [this](const QString &error) {
            m_detail->setBusy(false);
            if (!error.isEmpty())
                m_status->setText(tr("Not saved: %1").arg(error));
            else
                m_scanner->scanIfStale(); // settings or feedback changed: rescan, then reload
            Q_EMIT writeFinished(error);
        });
    return true;
}

void AnomaliesPage::whenDrawn(const std::function<void()> &done)
{
    // The detail (chart, causes) of the selected row loads after the table: wait for it.
    if (!m_detailLoader.isBusy() && !m_detail->chart()->isRebuildPending()) {
        done();
        return;
    }
    QTimer::singleShot(kDrawPollMs, this, [this, done] { whenDrawn(done); });
}

void AnomaliesPage::applySettings()
{
    const Analytics::Sensitivity s = kLevels[std::clamp(m_sensitivity->currentIndex(), 0, 2)];
    Cost::Money impact = 0;
    Cost::parseMoney(QString::number(m_minImpact->value(), 'f', 2).toStdString(), impact);
    if (s == m_settings.sensitivity && impact == m_settings.minImpact)
        return;
    m_settings.sensitivity = s;
    m_settings.minImpact = impact;
    write(tr("Saving the scan settings"), [s, impact](Analytics::AnomalyStore &store, std::string &e) {
        return store.saveSettings(s, impact, e);
    });
}

void AnomaliesPage::setScanning(bool scanning, int percent)
{
    m_progress->setVisible(scanning);
    m_cancel->setVisible(scanning);
    m_rescan->setEnabled(!scanning);
    if (scanning) {
        m_progress->setValue(percent);
        m_status->setText(tr("Scanning for anomalies\u2026"));
    }
}
