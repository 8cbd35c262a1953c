#pragma once

#include "shell/storestatus.h"

#include <QMainWindow>
#include <QString>
#include <QStringList>

class BudgetAlertWatcher;
class DateRangeBar;
class ImportController;
class Page;
class QAction;
class QLabel;
class QListWidget;
class QStackedWidget;
namespace Ui {
class AlertCenter;
}

/// The window: navigation, the global date range, menus and the status bar. It builds the
/// pages and wires them to the range, the store status and the import controller; the pages
/// do the rest.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(const QString &dbPath, QWidget *parent = nullptr);

    /// Ids of all pages in navigation order ("overview", …); also the screenshot page names.
    static QStringList pageIds();

    /// Selects the page with `id`; false when there is none.
    bool showPage(const QString &id);
    /// The page with `id`, or nullptr.
    Page *page(const QString &id) const;
    Page *currentPage() const;
    /// The id of the page shown ("overview", …).
    QString currentPageId() const;
    /// The store this window shows.
    QString storePath() const { return m_dbPath; }
    /// Shows the Accounts page and opens its Connect-account wizard.
    void connectAccount();

    DateRangeBar *dateRangeBar() const { return m_rangeBar; }
    ImportController *importController() const { return m_import; }
    StoreStatus *storeStatus() const { return m_status; }
    Ui::AlertCenter *alertCenter() const { return m_alerts; }
    BudgetAlertWatcher *budgetAlertWatcher() const { return m_budgetAlerts; }

Q_SIGNALS:
    /// File → Open store… or Open recent picked another store (DesktopSession opens it).
    void openStoreRequested(const QString &path);
    /// The window is about to close (its geometry and page can still be read).
    void closing();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildMenus();
    void chooseStore();
    QWidget *buildSidebar();
    void addPage(Page *page, const QString &id);
    void onStoreStatus(const StoreStatus::Info &info);
    void updateRangeBar();
    void showAbout();

    QString m_dbPath;
    StoreStatus *m_status = nullptr;
    ImportController *m_import = nullptr;
    Ui::AlertCenter *m_alerts = nullptr;
    BudgetAlertWatcher *m_budgetAlerts = nullptr;
    DateRangeBar *m_rangeBar = nullptr;
    QListWidget *m_nav = nullptr;
    QStackedWidget *m_pages = nullptr;
    QLabel *m_pageTitle = nullptr;
    QLabel *m_rangeNote = nullptr; ///< why the range does not apply (in full) to the current page
    QLabel *m_pathLabel = nullptr;
    QLabel *m_countLabel = nullptr;
    QAction *m_importAction = nullptr;
    QAction *m_demoAction = nullptr;
    QStringList m_ids;
    bool m_hasData = false;
};
