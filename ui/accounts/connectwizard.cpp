#include "accounts/connectwizard.h"

#include "accountmanager.h"
#include "accounts/wizardpages.h"
#include "accounts/wizardrunpages.h"
#include "failuretext.h"
#include "httpclient.h"

#include <QPointer>
#include <QUrl>

ConnectWizard::ConnectWizard(Conn::AccountManager *manager, const std::optional<Conn::AccountConfig> &edit,
                             QWidget *parent)
    : QWizard(parent)
    , m_manager(manager)
    , m_editing(edit.has_value())
{
    setWindowTitle(m_editing ? tr("Edit account") : tr("Connect an account"));
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnLastPage, true);
    setOption(QWizard::NoCancelButtonOnLastPage, true);
    setMinimumSize(680, 540);
    if (edit) {
        m_config = *edit;
        m_savedId = 0;
        setProvider(edit->provider);
    }
    setPage(SourcePageId, new WizardSourcePage(this));
    setPage(CredentialsPageId, new WizardCredentialsPage(this));
    setPage(OptionsPageId, new WizardOptionsPage(this));
    setPage(TestPageId, new WizardTestPage(this));
    setPage(SyncPageId, new WizardSyncPage(this));
    setStartId(SourcePageId);
}

ConnectWizard::~ConnectWizard() = default;

void ConnectWizard::setProvider(const QString &id)
{
    if (m_entry && m_entry->descriptor.id == id)
        return;
    m_entry = Conn::ConnectorRegistry::find(id);
    m_config.provider = id;
    // Options of another source don't carry over; the pages fill in defaults.
    if (!m_editing)
        m_config.options.clear();
    m_secret.clear();
}

void ConnectWizard::saveAccount(std::function<void(bool ok, const QString &error)> done)
{
    const QPointer<ConnectWizard> self(this);
    auto saved = [self, done](qint64 id, const QString &error) {
        if (!self)
            return;
        if (id == 0) {
            done(false, error);
            return;
        }
        self->m_config.id = id;
        self->m_savedId = id;
        Q_EMIT self->accountSaved(id);
        done(true, QString());
    };
    const qint64 id = m_savedId != 0 ? m_savedId : (m_editing ? m_config.id : 0);
    if (id == 0) {
        m_manager->addAccount(m_config, m_secret, saved);
        return;
    }
    m_config.id = id;
    const std::optional<QString> secret = m_secret.isEmpty() ? std::nullopt : std::optional<QString>(m_secret);
    m_manager->updateAccount(m_config, secret, [saved, id](bool ok, const QString &error) { saved(ok ? id : 0, error); });
}

void ConnectWizard::reject()
{
    // Closing during the initial sync cancels it; windows already committed stay.
    if (m_manager->engine()->isRunning())
        m_manager->engine()->cancel();
    QWizard::reject();
}

namespace WizardText {

QString headline(Conn::ErrorKind kind)
{
    return Conn::FailureText::headline(kind); // the same words as `burnrate accounts test`
}

QString baseUrlProblem(const QString &url)
{
    if (url.trimmed().isEmpty())
        return {};
    QString why;
    if (!Conn::HttpClient::isAllowedUrl(QUrl(url.trimmed(), QUrl::StrictMode), &why))
        return why;
    return {};
}

} // namespace WizardText
