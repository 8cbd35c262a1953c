#include "shell/mainwindow.h"

#include "accounts/accountspage.h"
#include "alerts/alertcenter.h"
#include "alerts/alerthistorydialog.h"
#include "alerts/alertsettingsdialog.h"
#include "alerts/budgetalertwatcher.h"
#include "anomalies/anomaliespage.h"
#include "budgets/budgetspage.h"
#include "contracts/contractsdialog.h"
#include "endpoints/endpointspage.h"
#include "export/exportactions.h"
#include "forecasts/forecastpage.h"
#include "format/format.h"
#include "overview/overviewpage.h"
#include "rules/ruleseditordialog.h"
#include "shell/daterangebar.h"
#include "shell/desktopsession.h"
#include "shell/filterhistory.h"
#include "shell/importcontroller.h"
#include "shell/page.h"
#include "shell/style.h"
#include "recommendations/recommendationspage.h"
#include "simulator/simulatorpage.h"
#include "spend/byfeaturepage.h"
#include "spend/bymodelpage.h"
#include "spend/byproviderpage.h"
#include "spend/byteampage.h"
#include "spend/spendpage.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDate>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QStackedWidget>
#include <QStatusBar>
#include <QVBoxLayout>

#include <functional>
#include <vector>

namespace {

struct PageEntry {
    const char *id;
    std::function<Page *(const QString &dbPath)> create;
};

// Every page of the window, in navigation order. A new page is one line here.
const std::vector<PageEntry> &pageRegistry()
{
    static const std::vector<PageEntry> kPages = {
        {"overview", [](const QString &dbPath) -> Page * { return new OverviewPage(dbPath); }},
        {"by-model", [](const QString &dbPath) -> Page * { return new ByModelPage(dbPath); }},
        {"by-feature", [](const QString &dbPath) -> Page * { return new ByFeaturePage(dbPath); }},
        {"by-provider", [](const QString &dbPath) -> Page * { return new ByProviderPage(dbPath); }},
        {"by-team", [](const QString &dbPath) -> Page * { return new ByTeamPage(dbPath); }},
        {"endpoints", [](const QString &dbPath) -> Page * { return new EndpointsPage(dbPath); }},
        {"anomalies", [](const QString &dbPath) -> Page * { return new AnomaliesPage(dbPath); }},
        {"forecast", [](const QString &dbPath) -> Page * { return new ForecastPage(dbPath); }},
        {"budgets", [](const QString &dbPath) -> Page * { return new BudgetsPage(dbPath); }},
        {"simulator", [](const QString &dbPath) -> Page * { return new SimulatorPage(dbPath); }},
        {"recommendations", [](const QString &dbPath) -> Page * { return new RecommendationsPage(dbPath); }},
        {"accounts", [](const QString &dbPath) -> Page * { return new AccountsPage(dbPath); }},
    };
    return kPages;
}

} // namespace

MainWindow::MainWindow(const QString &dbPath, QWidget *parent)
    : QMainWindow(parent)
    , m_dbPath(dbPath)
{
    setWindowTitle(tr("Burnrate"));
    setMinimumSize(960, 600);
    resize(1280, 800);
    Style::install();
    Style::apply(this, Style::Sheet::Window);

    m_status = new StoreStatus(dbPath, this);
    m_import = new ImportController(dbPath, this);
    m_alerts = new Ui::AlertCenter(dbPath, this);
    m_budgetAlerts = new BudgetAlertWatcher(dbPath, m_alerts, this);
    m_rangeBar = new DateRangeBar;
    m_import->setRangeBar(m_rangeBar); // an import outside the range says so and offers to go there
    m_pages = new QStackedWidget;
    m_pageTitle = new QLabel;
    m_pageTitle->setObjectName(QStringLiteral("pageTitle"));

    auto *header = new QHBoxLayout;
    header->setContentsMargins(20, 16, 20, 8);
    header->addWidget(m_pageTitle);
    header->addStretch(1);
    m_rangeNote = new QLabel;
    m_rangeNote->setObjectName(QStringLiteral("rangeNote"));
    m_rangeNote->setWordWrap(true);
    m_rangeNote->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred); // the picker sets the width
    Style::text(m_rangeNote, Style::kCaption);
    m_rangeNote->hide();
    // The note sits under the picker it explains, as wide as the picker.
    auto *range = new QVBoxLayout;
    range->setSpacing(2);
    range->addWidget(m_rangeBar);
    range->addWidget(m_rangeNote);
    header->addLayout(range);

    auto *canvas = new QWidget;
    canvas->setObjectName(QStringLiteral("canvas"));
    auto *canvasLayout = new QVBoxLayout(canvas);
    canvasLayout->setContentsMargins(0, 0, 0, 0);
    canvasLayout->setSpacing(0);
    canvasLayout->addLayout(header);
    canvasLayout->addWidget(m_pages, 1);

    auto *central = new QWidget;
    auto *centralLayout = new QHBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->setSpacing(0);
    centralLayout->addWidget(buildSidebar());
    centralLayout->addWidget(canvas, 1);
    setCentralWidget(central);

    for (const PageEntry &entry : pageRegistry())
        addPage(entry.create(dbPath), QString::fromLatin1(entry.id));

    m_pathLabel = new QLabel(tr("Store: %1").arg(QDir::toNativeSeparators(dbPath)));
    m_pathLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_pathLabel->setContentsMargins(8, 0, 0, 0);
    m_countLabel = new QLabel(tr("Opening store\u2026"));
    m_countLabel->setContentsMargins(0, 0, 8, 0);
    statusBar()->addWidget(m_pathLabel, 1);
    statusBar()->addPermanentWidget(m_countLabel);

    buildMenus();
    // Alt+Left / Alt+Right step back and forward through the spend drill-down.
    new FilterHistory(SpendFilter::forStore(dbPath), this, [this] { return qobject_cast<SpendPage *>(currentPage()) != nullptr; });

    connect(m_nav, &QListWidget::currentRowChanged, this, [this](int row) {
        m_pages->setCurrentIndex(row);
        if (Page *page = currentPage())
            m_pageTitle->setText(page->title());
        updateRangeBar();
    });
    connect(m_rangeBar, &DateRangeBar::rangeChanged, this, [this](qint64 fromDay, qint64 toDay) {
        for (const QString &id : std::as_const(m_ids))
            page(id)->setDateRange(fromDay, toDay);
    });
    connect(m_status, &StoreStatus::updated, this, &MainWindow::onStoreStatus);
    // Budgets are checked on start and after every import or sync (each refreshes the status).
    connect(m_status, &StoreStatus::updated, m_budgetAlerts, [this](const StoreStatus::Info &info) {
        if (info.ok && !info.empty)
            m_budgetAlerts->check();
    });
    // A sync (or removing an account with its data) changes the store like an import does.
    if (auto *accounts = qobject_cast<AccountsPage *>(page(QStringLiteral("accounts"))))
        connect(accounts, &AccountsPage::storeChanged, m_status, &StoreStatus::refresh);
    if (auto *budgets = qobject_cast<BudgetsPage *>(page(QStringLiteral("budgets"))))
        connect(budgets, &BudgetsPage::budgetsChanged, m_budgetAlerts, &BudgetAlertWatcher::check);
    // Anomalies are scanned off the GUI thread on start and after every import, sync or rules change.
    if (auto *anomalies = qobject_cast<AnomaliesPage *>(page(QStringLiteral("anomalies"))))
        connect(m_status, &StoreStatus::updated, anomalies, [anomalies](const StoreStatus::Info &info) {
            if (info.ok && !info.empty)
                anomalies->scanIfStale();
        });
    if (auto *recommendations = qobject_cast<RecommendationsPage *>(page(QStringLiteral("recommendations"))))
        connect(recommendations, &RecommendationsPage::openInSimulator, this, [this](const Simulation::Scenario &scenario) {
            showPage(QStringLiteral("simulator"));
            if (auto *simulator = qobject_cast<SimulatorPage *>(page(QStringLiteral("simulator"))))
                simulator->setScenario(scenario);
        });
    connect(m_import, &ImportController::storeChanged, m_status, &StoreStatus::refresh);
    connect(m_import, &ImportController::busyChanged, this, [this](bool busy) {
        m_importAction->setEnabled(!busy);
        m_demoAction->setEnabled(!busy);
    });

    m_nav->setCurrentRow(0);
    m_status->refresh();
}

QStringList MainWindow::pageIds()
{
    QStringList ids;
    for (const PageEntry &entry : pageRegistry())
        ids << QString::fromLatin1(entry.id);
    return ids;
}

bool MainWindow::showPage(const QString &id)
{
    const int row = static_cast<int>(m_ids.indexOf(id));
    if (row < 0)
        return false;
    m_nav->setCurrentRow(row);
    return true;
}

Page *MainWindow::page(const QString &id) const
{
    const int row = static_cast<int>(m_ids.indexOf(id));
    return row < 0 ? nullptr : qobject_cast<Page *>(m_pages->widget(row));
}

Page *MainWindow::currentPage() const
{
    return qobject_cast<Page *>(m_pages->currentWidget());
}

QString MainWindow::currentPageId() const
{
    return m_ids.value(m_pages->currentIndex());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    Q_EMIT closing();
    QMainWindow::closeEvent(event);
}

void MainWindow::chooseStore()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open store"), QFileInfo(m_dbPath).absolutePath(),
                                                      tr("Burnrate stores (*.sqlite *.db);;All files (*)"));
    if (!path.isEmpty() && path != m_dbPath)
        Q_EMIT openStoreRequested(path);
}

QWidget *MainWindow::buildSidebar()
{
    auto *sidebar = new QWidget;
    sidebar->setObjectName(QStringLiteral("sidebar"));
    sidebar->setAttribute(Qt::WA_StyledBackground);
    // Its own sheet, not the window's: a file dialog's sidebar (also "sidebar") stays unstyled.
    Style::apply(sidebar, Style::Sheet::Sidebar);
    sidebar->setFixedWidth(184);
    auto *brand = new QLabel(tr("Burnrate"), sidebar);
    brand->setObjectName(QStringLiteral("brand"));
    m_nav = new QListWidget(sidebar);
    m_nav->setObjectName(QStringLiteral("navigation"));
    m_nav->setAccessibleName(tr("Pages"));
    m_nav->setFocusPolicy(Qt::StrongFocus);
    m_nav->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *layout = new QVBoxLayout(sidebar);
    layout->setContentsMargins(0, 0, 0, 12);
    layout->setSpacing(4);
    layout->addWidget(brand);
    layout->addWidget(m_nav, 1);
    return sidebar;
}

void MainWindow::addPage(Page *page, const QString &id)
{
    m_ids << id;
    m_pages->addWidget(page);
    m_nav->addItem(page->title());
    connect(page, &Page::importRequested, m_import, &ImportController::chooseAndImport);
    connect(page, &Page::demoRequested, this, [this] { m_import->requestDemo(!m_status->info().empty); });
    connect(page, &Page::connectRequested, this, &MainWindow::connectAccount);
}

void MainWindow::connectAccount()
{
    showPage(QStringLiteral("accounts"));
    if (auto *accounts = qobject_cast<AccountsPage *>(page(QStringLiteral("accounts"))))
        accounts->connectAccount();
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    m_importAction = file->addAction(tr("&Import FOCUS\u2026"), m_import, &ImportController::chooseAndImport);
    m_importAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    m_demoAction = file->addAction(tr("Load &demo workspace\u2026"), this,
                                   [this] { m_import->requestDemo(!m_status->info().empty); });
    file->addSeparator();
    QAction *openStore = file->addAction(tr("&Open store\u2026"), this, &MainWindow::chooseStore);
    openStore->setShortcut(QKeySequence::Open);
    DesktopSession::addRecentStoresMenu(file, m_dbPath, [this](const QString &path) { Q_EMIT openStoreRequested(path); });
    file->addSeparator();
    auto *accounts = qobject_cast<AccountsPage *>(page(QStringLiteral("accounts")));
    QAction *connectAccount = file->addAction(tr("C&onnect account\u2026"), this, &MainWindow::connectAccount);
    connectAccount->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    QAction *syncAll = file->addAction(tr("&Sync all accounts"), this, [this, accounts] {
        showPage(QStringLiteral("accounts"));
        accounts->syncAll();
    });
    syncAll->setShortcut(QKeySequence(Qt::Key_F5));
    file->addSeparator();
    auto *exports = new ExportActions(m_dbPath, this);
    for (const QString &id : std::as_const(m_ids))
        exports->watchPage(page(id));
    QAction *exportChart = file->addAction(tr("Export &chart\u2026"), this, [this, exports] { exports->exportChart(currentPage()); });
    exportChart->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    file->addAction(tr("Export &report\u2026"), this, [this, exports] {
        exports->exportReport(m_rangeBar->fromDay(), m_rangeBar->toDay(), currentPage());
    });
    file->addAction(tr("Export &FOCUS\u2026"), this,
                    [this, exports] { exports->exportFocus(m_rangeBar->fromDay(), m_rangeBar->toDay(), currentPage()); });
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    quit->setMenuRole(QAction::QuitRole);

    Style::addThemeMenu(menuBar()->addMenu(tr("&View")));

    QMenu *data = menuBar()->addMenu(tr("&Data"));
    data->addAction(tr("&Allocation rules\u2026"), this, [this] {
        auto *dialog = new RulesEditorDialog(m_dbPath, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        // Saved rules re-allocate every charge: refreshing the status reloads every page.
        connect(dialog, &RulesEditorDialog::rulesSaved, m_status, &StoreStatus::refresh);
        dialog->open();
    });

    QMenu *tools = menuBar()->addMenu(tr("&Tools"));
    QAction *prices = tools->addAction(tr("&Prices\u2026"), this, [this] {
        showPage(QStringLiteral("simulator"));
        if (auto *simulator = qobject_cast<SimulatorPage *>(page(QStringLiteral("simulator"))))
            simulator->openPrices();
    });
    prices->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    tools->addAction(tr("&Contracts\u2026"), this, [this] { ContractsDialog::openFrom(m_dbPath, this, [this] { m_status->refresh(); }); });

    QMenu *alerts = menuBar()->addMenu(tr("&Alerts"));
    alerts->addAction(tr("Alert &settings\u2026"), this, [this] {
        auto *dialog = new AlertSettingsDialog(m_alerts, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    QAction *history = alerts->addAction(tr("Alert &history\u2026"), this, [this] {
        auto *dialog = new AlertHistoryDialog(m_alerts, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    history->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H));

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About Burnrate"), this, &MainWindow::showAbout);
    about->setMenuRole(QAction::AboutRole);
}

void MainWindow::onStoreStatus(const StoreStatus::Info &info)
{
    m_countLabel->setText(StoreStatus::summary(info));
    const qint64 today = Format::dayOfDate(QDate::currentDate());
    m_hasData = info.ok && !info.empty;
    updateRangeBar();
    if (info.ok && !info.empty)
        m_rangeBar->setDataRange(info.firstDay, info.lastDay);
    else
        m_rangeBar->setDataRange(today, today, false);
    // New data: every page reloads once (the range change, if any, coalesces with this).
    for (const QString &id : std::as_const(m_ids)) {
        Page *p = page(id);
        p->setDateRange(m_rangeBar->fromDay(), m_rangeBar->toDay());
        p->reload();
    }
}

void MainWindow::updateRangeBar()
{
    // A page the range does not reach says so instead of offering a picker that does nothing.
    const Page *p = currentPage();
    const Page::RangeUse use = p ? p->rangeUse() : Page::RangeUse::Full;
    const QString note = p && use != Page::RangeUse::Full ? p->rangeNote() : QString();
    m_rangeBar->setEnabled(m_hasData && use != Page::RangeUse::None);
    m_rangeBar->setToolTip(note);
    m_rangeNote->setText(note);
    m_rangeNote->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_rangeNote->setVisible(!note.isEmpty());
}

void MainWindow::showAbout()
{
    auto *box = new QMessageBox(QMessageBox::NoIcon, tr("About Burnrate"),
                                tr("<h3>Burnrate %1</h3><p>Local cost analytics for AI inference.</p>"
                                   "<p>Cost data stays in a SQLite store on this computer:<br>%2</p>")
                                    .arg(QApplication::applicationVersion(),
                                         QDir::toNativeSeparators(m_dbPath).toHtmlEscaped()),
                                QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}
