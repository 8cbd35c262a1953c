#include "accounts/wizardrunpages.h"

#include "accountmanager.h"
#include "accounts/connectwizard.h"
#include "connectorregistry.h"
#include "shell/style.h"
#include "syncengine.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace {

constexpr Style::Text kOkStyle{Palette::Role::Positive, 0, true};
constexpr Style::Text kErrorStyle{Palette::Role::Negative, 0, true};

QLabel *wrapping(QLabel *label)
{
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

// ---- Test connection ----------------------------------------------------------------------

WizardTestPage::WizardTestPage(ConnectWizard *wizard)
    : m_wizard(wizard)
    , m_target(wrapping(new QLabel))
    , m_busy(new QProgressBar)
    , m_headline(wrapping(new QLabel))
    , m_message(wrapping(new QLabel))
    , m_requestNote(wrapping(new QLabel))
    , m_retry(new QPushButton(tr("&Test again")))
{
    setTitle(tr("Test the connection"));
    setSubTitle(tr("One small request checks the address, the credentials and their permissions."));
    setCommitPage(true);
    setButtonText(QWizard::CommitButton, tr("&Save and sync"));
    m_busy->setRange(0, 0);
    m_busy->setTextVisible(false);
    m_busy->setMaximumHeight(8);
    m_headline->setObjectName(QStringLiteral("testHeadline"));
    m_message->setObjectName(QStringLiteral("testMessage"));
    m_retry->setObjectName(QStringLiteral("testAgain"));
    m_requestNote->setObjectName(QStringLiteral("requestNote"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_retry);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_target);
    layout->addWidget(m_busy);
    layout->addSpacing(8);
    layout->addWidget(m_headline);
    layout->addWidget(m_message);
    layout->addLayout(buttons);
    layout->addSpacing(8);
    layout->addWidget(m_requestNote);
    layout->addStretch(1);
    connect(m_retry, &QPushButton::clicked, this, &WizardTestPage::runTest);
    connect(wizard->manager(), &Conn::AccountManager::testFinished, this, &WizardTestPage::onFinished);
}

void WizardTestPage::initializePage()
{
    const auto &entry = m_wizard->entry();
    const QString address = m_wizard->config().baseUrl.isEmpty() && entry ? entry->descriptor.defaultBaseUrl
                                                                           : m_wizard->config().baseUrl;
    m_target->setText(address.isEmpty() ? tr("Checking %1 \u201c%2\u201d.").arg(entry ? entry->descriptor.displayName : QString(),
                                                                                 m_wizard->config().name)
                                        : tr("Connecting to %1 as \u201c%2\u201d.").arg(address, m_wizard->config().name));
    // Billed requests (AWS Cost Explorer): say what "Save and sync" will cost before it is clicked.
    const QString note = Conn::ConnectorRegistry::requestNote(m_wizard->config(), Conn::SyncStatus{},
                                                              QDateTime::currentDateTimeUtc().date());
    m_requestNote->setText(note.isEmpty() ? QString() : tr("Initial sync: %1").arg(note));
    m_requestNote->setVisible(!note.isEmpty());
    runTest();
}

void WizardTestPage::cleanupPage()
{
    m_generation = 0; // a result arriving after Back is ignored
    m_testing = false;
}

void WizardTestPage::runTest()
{
    m_testing = true;
    m_result = Conn::TestResult{};
    m_busy->show();
    m_retry->setEnabled(false);
    m_headline->setText(tr("Testing\u2026"));
    Style::clear(m_headline);
    m_message->clear();
    Q_EMIT completeChanged();
    m_generation = m_wizard->manager()->testConnection(m_wizard->config(), m_wizard->secret());
}

void WizardTestPage::onFinished(quint64 generation, const Conn::TestResult &result)
{
    if (generation != m_generation)
        return;
    m_testing = false;
    m_result = result;
    m_busy->hide();
    m_retry->setEnabled(true);
    m_headline->setText(result.ok ? tr("\u2713 Connection works") : tr("\u2717 %1").arg(WizardText::headline(result.kind)));
    Style::text(m_headline, result.ok ? kOkStyle : kErrorStyle);
    QString message = result.message;
    if (!result.ok && (result.kind == Conn::ErrorKind::Unauthorized || result.kind == Conn::ErrorKind::Forbidden))
        message += QStringLiteral("\n\n") + tr("Go Back to re-enter the key.");
    m_message->setText(message);
    Q_EMIT completeChanged();
    Q_EMIT testDone(result);
}

bool WizardTestPage::isComplete() const { return !m_testing && !m_saving && m_result.ok; }

bool WizardTestPage::validatePage()
{
    if (m_saved)
        return true;
    if (m_saving)
        return false;
    m_saving = true;
    m_busy->show();
    m_retry->setEnabled(false);
    Q_EMIT completeChanged(); // Next stays disabled while the account is written
    const QPointer<WizardTestPage> self(this);
    m_wizard->saveAccount([self](bool ok, const QString &error) {
        if (!self)
            return;
        self->m_saving = false;
        self->m_busy->hide();
        self->m_retry->setEnabled(true);
        Q_EMIT self->completeChanged();
        if (!ok) {
            self->m_headline->setText(tr("\u2717 The account could not be saved"));
            Style::text(self->m_headline, kErrorStyle);
            self->m_message->setText(error);
            return;
        }
        self->m_saved = true;
        self->m_wizard->next();
        self->m_saved = false;
    });
    return false;
}

// ---- Initial sync -------------------------------------------------------------------------

WizardSyncPage::WizardSyncPage(ConnectWizard *wizard)
    : m_wizard(wizard)
    , m_status(wrapping(new QLabel))
    , m_progress(new QProgressBar)
    , m_detail(wrapping(new QLabel))
    , m_cancel(new QPushButton(tr("&Cancel sync")))
{
    setTitle(tr("Initial sync"));
    setSubTitle(tr("The account is saved. Its history is fetched window by window; each window is stored whole."));
    setFinalPage(true);
    m_status->setObjectName(QStringLiteral("syncStatus"));
    m_progress->setObjectName(QStringLiteral("syncProgress"));
    m_cancel->setObjectName(QStringLiteral("cancelSync"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_cancel);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addWidget(m_progress);
    layout->addWidget(m_detail);
    layout->addLayout(buttons);
    layout->addStretch(1);
    Conn::SyncEngine *engine = wizard->manager()->engine();
    connect(m_cancel, &QPushButton::clicked, engine, &Conn::SyncEngine::cancel);
    connect(engine, &Conn::SyncEngine::progress, this, &WizardSyncPage::onProgress);
    connect(engine, &Conn::SyncEngine::finished, this, &WizardSyncPage::onFinished);
}

void WizardSyncPage::initializePage()
{
    QString error;
    m_progress->setRange(0, 0);
    m_detail->clear();
    Style::clear(m_status);
    m_status->setText(tr("Syncing \u201c%1\u201d\u2026").arg(m_wizard->config().name));
    m_syncing = m_wizard->manager()->sync({m_wizard->savedAccountId()}, &error);
    m_cancel->setEnabled(m_syncing);
    if (!m_syncing) {
        m_progress->setRange(0, 1);
        m_status->setText(tr("The sync could not start: %1").arg(error));
        Style::text(m_status, kErrorStyle);
    }
    Q_EMIT completeChanged();
}

void WizardSyncPage::onProgress(qint64 accountId, int done, int total, const QString &text)
{
    if (!m_syncing || accountId != m_wizard->savedAccountId())
        return;
    if (total > 0) {
        m_progress->setRange(0, total);
        m_progress->setValue(done);
    }
    m_detail->setText(text);
}

void WizardSyncPage::onFinished(const QList<Conn::SyncOutcome> &outcomes)
{
    if (!m_syncing)
        return;
    m_syncing = false;
    m_cancel->setEnabled(false);
    m_progress->setRange(0, 1);
    m_progress->setValue(1);
    bool ok = false;
    for (const Conn::SyncOutcome &o : outcomes) {
        if (o.accountId != m_wizard->savedAccountId())
            continue;
        ok = o.ok;
        const QLocale locale;
        if (o.ok) {
            m_status->setText((o.telemetry ? tr("\u2713 Synced: %1 model calls added to the telemetry in %n window(s).", nullptr, o.windows)
                                           : tr("\u2713 Synced: %1 charges in %n window(s).", nullptr, o.windows))
                                  .arg(locale.toString(o.rows)));
            Style::text(m_status, kOkStyle);
            m_detail->setText(o.notices.join(QLatin1Char(' '))); // e.g. an instance without a price
        } else if (o.cancelled) {
            m_status->setText(tr("Sync cancelled. %n complete window(s) kept; the next sync continues from there.", nullptr, o.windows));
        } else {
            m_status->setText(tr("\u2717 The sync failed. Complete windows were kept (%1).").arg(o.windows));
            Style::text(m_status, kErrorStyle);
            m_detail->setText(o.error);
        }
    }
    Q_EMIT completeChanged();
    Q_EMIT syncDone(ok);
    Q_EMIT m_wizard->syncFinished(ok);
}

bool WizardSyncPage::isComplete() const { return !m_syncing; }
