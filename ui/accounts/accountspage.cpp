#include "accounts/accountspage.h"

#include "accountmanager.h"
#include "accounts/connectwizard.h"
#include "accounts/receiverpanel.h"
#include "connectorregistry.h"
#include "format/format.h"
#include "shell/style.h"
#include "syncengine.h"
#include "task/task.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <climits>

namespace {

enum Column { NameCol, ProviderCol, StatusCol, LastSyncCol, RowsCol, ErrorCol, ColumnCount };

QString providerName(const QString &id)
{
    const auto entry = Conn::ConnectorRegistry::find(id);
    return entry ? entry->descriptor.displayName : id;
}

QString when(const QDateTime &utc)
{
    if (!utc.isValid())
        return QObject::tr("never");
    return Format::timestamp(utc.toLocalTime());
}

QTableWidgetItem *item(const QString &text, const QString &tip = {})
{
    auto *it = new QTableWidgetItem(text);
    it->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
    if (!tip.isEmpty())
        it->setToolTip(tip);
    return it;
}

} // namespace

AccountsPage::AccountsPage(const QString &dbPath, QWidget *parent)
    : Page(dbPath, parent)
    , m_manager(new Conn::AccountManager(dbPath, this))
    , m_table(new QTableWidget(0, ColumnCount))
    , m_empty(new QLabel)
    , m_message(new QLabel)
    , m_progress(new QProgressBar)
    , m_connect(new QPushButton(tr("&Connect account\u2026")))
    , m_edit(new QPushButton(tr("&Edit\u2026")))
    , m_test(new QPushButton(tr("&Test")))
    , m_sync(new QPushButton(tr("S&ync now")))
    , m_pause(new QPushButton(tr("&Pause")))
    , m_remove(new QPushButton(tr("&Remove\u2026")))
    , m_cancel(new QPushButton(tr("Cancel sync")))
    , m_removal(new Task::Runner(this, Task::Runner::Policy::Every))
{
    // No store connection on this thread: the manager's snapshot loads on the pool.
    m_manager->refresh();
    m_connect->setDefault(true);
    m_table->setObjectName(QStringLiteral("accounts"));
    m_table->setHorizontalHeaderLabels({tr("Account"), tr("Source"), tr("Status"), tr("Last successful sync"),
                                        tr("Charges"), tr("Last error")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(ErrorCol, QHeaderView::Stretch);
    m_table->setAlternatingRowColors(true);
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setText(tr("<h3>No accounts connected</h3><p>Connect OpenAI, Anthropic, AWS, Azure, Google Cloud or a folder "
                        "of FOCUS exports: Burnrate syncs their cost and usage into this computer's store.</p>"));
    m_message->setWordWrap(true);
    m_message->setObjectName(QStringLiteral("accountsMessage"));
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_progress->hide();
    m_cancel->hide();

    auto *buttons = new QHBoxLayout;
    for (QPushButton *b : {m_connect, m_edit, m_test, m_sync, m_pause, m_remove})
        buttons->addWidget(b);
    buttons->addStretch(1);
    auto *syncRow = new QHBoxLayout;
    syncRow->addWidget(m_progress, 1);
    syncRow->addWidget(m_cancel);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 8, 20, 16);
    layout->addLayout(buttons);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_empty, 1);
    layout->addLayout(syncRow);
    layout->addWidget(m_message);
    m_receiver = new ReceiverPanel(dbPath);
    layout->addWidget(m_receiver);
    // Telemetry changes what the pages show (coverage, per-feature cost) as a sync does.
    connect(m_receiver, &ReceiverPanel::telemetryStored, this, &AccountsPage::storeChanged);

    connect(m_connect, &QPushButton::clicked, this, &AccountsPage::connectAccount);
    connect(m_edit, &QPushButton::clicked, this, &AccountsPage::editSelected);
    connect(m_test, &QPushButton::clicked, this, &AccountsPage::testSelected);
    connect(m_sync, &QPushButton::clicked, this, &AccountsPage::syncSelected);
    connect(m_pause, &QPushButton::clicked, this, &AccountsPage::togglePausedSelected);
    connect(m_remove, &QPushButton::clicked, this, &AccountsPage::removeSelected);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &AccountsPage::updateActions);
    connect(m_table, &QTableWidget::cellDoubleClicked, this, &AccountsPage::editSelected);
    connect(m_manager, &Conn::AccountManager::accountsChanged, this, &Page::reload);
    connect(m_manager, &Conn::AccountManager::testFinished, this, [this](quint64 generation, const Conn::TestResult &r) {
        if (generation != m_testGeneration)
            return;
        showMessage(r.ok ? tr("\u2713 %1").arg(r.message.isEmpty() ? tr("Connection works.") : r.message)
                         : tr("\u2717 %1: %2").arg(WizardText::headline(r.kind), r.message),
                    !r.ok);
        m_test->setEnabled(true);
    });
    Conn::SyncEngine *engine = m_manager->engine();
    connect(m_cancel, &QPushButton::clicked, engine, &Conn::SyncEngine::cancel);
    connect(engine, &Conn::SyncEngine::progress, this, [this](qint64, int done, int total, const QString &text) {
        if (total > 0) {
            m_progress->setRange(0, total);
            m_progress->setValue(done);
        }
        m_progress->setFormat(text.isEmpty() ? QStringLiteral("%p%") : text);
    });
    connect(engine, &Conn::SyncEngine::finished, this, &AccountsPage::onSyncFinished);
    updateActions();
}

AccountsPage::~AccountsPage() = default;

QString AccountsPage::title() const { return tr("Accounts"); }

QString AccountsPage::rangeNote() const
{
    return tr("Accounts are not limited to a date range");
}

AccountsPage::Snapshot AccountsPage::query(Cost::Store &store)
{
    Snapshot snapshot;
    Conn::AccountStore accounts(store.db());
    for (const Conn::AccountConfig &a : accounts.list())
        snapshot.rows.push_back(Row{a, accounts.status(a.id)});
    snapshot.error = accounts.lastError();
    return snapshot;
}

void AccountsPage::startLoad()
{
    runQuery([](Cost::Store &store) { return query(store); }, [this](const Snapshot &s) { apply(s); },
             [this](const QString &message) { apply(Snapshot{message, {}}); });
}

void AccountsPage::apply(const Snapshot &snapshot)
{
    const qint64 selected = selectedId();
    m_snapshot = snapshot;
    m_table->setRowCount(0);
    m_table->setRowCount(static_cast<int>(snapshot.rows.size()));
    const QLocale locale;
    for (int r = 0; r < snapshot.rows.size(); ++r) {
        const Row &row = snapshot.rows[r];
        const Conn::SyncStatus &s = row.status;
        QString status = row.account.paused ? tr("Paused")
            : !s.lastError.isEmpty()        ? tr("Failing")
            : s.lastSuccess.isValid()       ? tr("Up to date")
                                            : tr("Not synced yet");
        if (s.syncedThrough.isValid() && !row.account.paused)
            status += tr(" (through %1)").arg(Format::day(s.syncedThrough.addDays(-1)));
        auto *name = item(row.account.name);
        name->setData(Qt::UserRole, row.account.id);
        m_table->setItem(r, NameCol, name);
        m_table->setItem(r, ProviderCol, item(providerName(row.account.provider)));
        m_table->setItem(r, StatusCol, item(status));
        m_table->setItem(r, LastSyncCol, item(when(s.lastSuccess)));
        QTableWidgetItem *rows = nullptr;
        if (s.telemetry) { // a LiteLLM or Langfuse account: model calls in the telemetry, not charges
            const int calls = static_cast<int>(std::min<qint64>(s.totalRows, INT_MAX));
            const int added = static_cast<int>(std::min<qint64>(s.lastRows, INT_MAX));
            rows = item(tr("%n model calls", nullptr, calls), tr("In the application telemetry; %n added by the last sync", nullptr, added));
        } else {
            rows = item(locale.toString(s.totalRows), tr("%1 charges written by the last sync").arg(locale.toString(s.lastRows)));
        }
        rows->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_table->setItem(r, RowsCol, rows);
        auto *error = item(s.lastError, s.lastError);
        if (!s.lastError.isEmpty())
            error->setForeground(Style::colour(Palette::Role::Negative));
        m_table->setItem(r, ErrorCol, error);
    }
    const bool empty = snapshot.rows.isEmpty() && snapshot.error.isEmpty();
    m_table->setVisible(!empty);
    m_empty->setVisible(empty);
    if (!snapshot.error.isEmpty())
        showMessage(snapshot.error, true);
    selectAccount(selected);
    updateActions();
}

qint64 AccountsPage::selectedId() const
{
    const auto rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return 0;
    const QTableWidgetItem *it = m_table->item(rows.first().row(), NameCol);
    return it ? it->data(Qt::UserRole).toLongLong() : 0;
}

void AccountsPage::selectAccount(qint64 id)
{
    for (int r = 0; r < m_table->rowCount(); ++r) {
        if (m_table->item(r, NameCol)->data(Qt::UserRole).toLongLong() == id) {
            m_table->selectRow(r);
            return;
        }
    }
    if (m_table->rowCount() > 0 && id == 0)
        m_table->selectRow(0);
}

std::optional<Conn::AccountConfig> AccountsPage::selectedAccount() const
{
    return m_manager->snapshotAccount(selectedId());
}

void AccountsPage::updateActions()
{
    const bool syncing = m_manager->engine()->isRunning() || m_removing;
    const auto account = selectedAccount();
    m_connect->setEnabled(m_snapshot.error.isEmpty() && !m_removing);
    for (QPushButton *b : {m_edit, m_test, m_remove})
        b->setEnabled(account.has_value() && !syncing);
    m_sync->setEnabled(account.has_value() && !syncing && !account->paused);
    m_pause->setEnabled(account.has_value() && !syncing && !m_pausing);
    m_pause->setText(account && account->paused ? tr("Res&ume") : tr("&Pause"));
    m_progress->setVisible(syncing);
    m_cancel->setVisible(syncing && !m_removing);
}

void AccountsPage::showMessage(const QString &text, bool error)
{
    m_message->setText(text);
    if (error)
        Style::text(m_message, Style::kError);
    else
        Style::clear(m_message);
}

void AccountsPage::openWizard(const std::optional<Conn::AccountConfig> &edit)
{
    auto *wizard = new ConnectWizard(m_manager, edit, this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    const bool adding = !edit;
    connect(wizard, &ConnectWizard::accountSaved, this, [this, adding](qint64 id) {
        reload();
        if (adding)
            selectAccount(id);
    });
    connect(wizard, &ConnectWizard::syncFinished, this, [this] {
        reload();
        Q_EMIT storeChanged();
    });
    wizard->open();
}

void AccountsPage::connectAccount()
{
    openWizard(std::nullopt);
}

void AccountsPage::editSelected()
{
    const auto account = selectedAccount();
    if (!account || m_manager->engine()->isRunning())
        return;
    openWizard(account);
}

void AccountsPage::testSelected()
{
    const auto account = selectedAccount();
    if (!account)
        return;
    m_test->setEnabled(false);
    showMessage(tr("Testing \u201c%1\u201d\u2026").arg(account->name), false);
    m_testGeneration = m_manager->testConnection(*account);
}

void AccountsPage::syncSelected()
{
    if (const qint64 id = selectedId())
        startSync({id});
}

void AccountsPage::syncAll() { startSync({}); }

void AccountsPage::startSync(const QList<qint64> &ids)
{
    QString error;
    if (!m_manager->sync(ids, &error)) {
        showMessage(error, true);
        return;
    }
    m_progress->setRange(0, 0);
    m_progress->setFormat(tr("Starting\u2026"));
    showMessage(tr("Syncing\u2026 Complete windows are stored as they arrive; Cancel keeps them."), false);
    updateActions();
}

void AccountsPage::onSyncFinished(const QList<Conn::SyncOutcome> &outcomes)
{
    QStringList lines;
    bool failed = false;
    for (const Conn::SyncOutcome &o : outcomes) {
        if (o.ok)
            lines << (o.telemetry ? tr("\u2713 %1: %2 model calls added to the telemetry")
                                  : tr("\u2713 %1: %2 charges")).arg(o.accountName, QLocale().toString(o.rows))
                  + (o.notices.isEmpty() ? QString() : QLatin1Char(' ') + o.notices.join(QLatin1Char(' ')));
        else if (o.cancelled)
            lines << tr("%1: cancelled, %n complete window(s) kept", nullptr, o.windows).arg(o.accountName);
        else {
            failed = true;
            lines << tr("\u2717 %1").arg(o.error);
        }
    }
    showMessage(lines.join(QLatin1Char('\n')), failed);
    updateActions();
    reload();
    Q_EMIT storeChanged();
}

void AccountsPage::togglePausedSelected()
{
    const auto account = selectedAccount();
    if (!account || m_pausing)
        return;
    m_pausing = true;
    updateActions();
    m_manager->setPaused(account->id, !account->paused, [this](bool ok, const QString &error) {
        m_pausing = false;
        if (!ok)
            showMessage(error, true);
        updateActions();
        Q_EMIT pauseFinished(ok);
    });
}

void AccountsPage::removeSelected()
{
    const auto account = selectedAccount();
    if (!account)
        return;
    QMessageBox box(QMessageBox::Question, tr("Remove account"),
                    tr("Remove \u201c%1\u201d? Its secret is deleted from the keychain.").arg(account->name),
                    QMessageBox::NoButton, this);
    box.setInformativeText(tr("Keep the charges it synced (they stay in every view, no longer updated), or delete "
                              "them from the store?"));
    QPushButton *keep = box.addButton(tr("Remove, &keep data"), QMessageBox::AcceptRole);
    QPushButton *drop = box.addButton(tr("Remove and &delete data"), QMessageBox::DestructiveRole);
    box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(keep);
    box.exec();
    if (box.clickedButton() == keep)
        removeAccount(account->id, false);
    else if (box.clickedButton() == drop)
        removeAccount(account->id, true);
}

bool AccountsPage::removeAccount(qint64 id, bool deleteData)
{
    if (m_removing)
        return false;
    m_removing = true;
    m_progress->setRange(0, 0);
    m_progress->setFormat(deleteData ? tr("Removing the account and its data\u2026") : tr("Removing the account\u2026"));
    showMessage(QString(), false);
    updateActions();
    m_manager->removeAccount(id, deleteData, *m_removal, [this, deleteData](bool ok, const QString &error) {
        m_removing = false;
        showMessage(ok ? tr("Account removed%1.").arg(deleteData ? tr(" with its data") : QString()) : error, !ok);
        updateActions();
        reload();
        if (deleteData)
            Q_EMIT storeChanged();
        Q_EMIT removeFinished(ok);
    });
    return true;
}
