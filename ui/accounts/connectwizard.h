#pragma once

#include "connector.h"
#include "connectorregistry.h"

#include <QWizard>

#include <functional>
#include <optional>

namespace Conn {
class AccountManager;
}

/// The Connect-account wizard: choose a source → credentials → options → test connection →
/// save and initial sync. It is driven by the connector registry's descriptors, so every
/// connector (AI providers, clouds, FOCUS folder) gets its pages without wizard code of its own.
/// Editing an existing account uses the same pages with the source fixed and the stored secret
/// kept unless the user re-enters it.
///
/// The pages share their state through the wizard (provider, config, secret); the account is
/// saved when the user leaves the test page (a commit page: no way back to an unsaved state).
class ConnectWizard : public QWizard {
    Q_OBJECT
public:
    enum PageId { SourcePageId, CredentialsPageId, OptionsPageId, TestPageId, SyncPageId };

    /// `manager` must outlive the wizard. `edit` set = edit that account.
    ConnectWizard(Conn::AccountManager *manager, const std::optional<Conn::AccountConfig> &edit = std::nullopt,
                  QWidget *parent = nullptr);
    ~ConnectWizard() override;

    Conn::AccountManager *manager() const { return m_manager; }
    bool isEditing() const { return m_editing; }

    /// The chosen source (nullopt before one is chosen).
    const std::optional<Conn::ConnectorEntry> &entry() const { return m_entry; }
    void setProvider(const QString &id);

    /// The account being built: name, provider, base URL, options (id set when editing or saved).
    Conn::AccountConfig &config() { return m_config; }
    const Conn::AccountConfig &config() const { return m_config; }

    /// The secret entered on the credentials page; empty when editing and not re-entered.
    const QString &secret() const { return m_secret; }
    void setSecret(const QString &secret) { m_secret = secret; }

    /// Saves (adds or updates) the account through the manager (store steps on the thread pool,
    /// keychain here); `done(ok, error)` follows on this thread unless the wizard is gone.
    /// Called by the test page.
    void saveAccount(std::function<void(bool ok, const QString &error)> done);
    /// Id of the saved account, 0 before saveAccount().
    qint64 savedAccountId() const { return m_savedId; }

Q_SIGNALS:
    /// The account was written (added or updated).
    void accountSaved(qint64 id);
    /// The initial sync ended (ok false on failure or cancel); the store may have new charges.
    void syncFinished(bool ok);

protected:
    void reject() override;

private:
    Conn::AccountManager *m_manager;
    bool m_editing = false;
    std::optional<Conn::ConnectorEntry> m_entry;
    Conn::AccountConfig m_config;
    QString m_secret;
    qint64 m_savedId = 0;
};

namespace WizardText {
/// A short headline for a failure kind ("The key was rejected (HTTP 401)").
QString headline(Conn::ErrorKind kind);
/// Empty when `url` is acceptable as a base URL (https, or http on 127.0.0.1 / localhost);
/// otherwise a plain reason.
QString baseUrlProblem(const QString &url);
} // namespace WizardText
