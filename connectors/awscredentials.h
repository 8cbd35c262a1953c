#pragma once

#include "sigv4.h"

#include <QMap>
#include <QString>
#include <QStringList>

namespace Conn {

/// AWS credentials as the connector uses them, and where they came from (for messages).
struct AwsCredentials {
    QString accessKeyId;
    QString secretAccessKey;
    QString sessionToken;  ///< temporary credentials only
    QString region;        ///< from the profile's config, empty when not set
    QString source;        ///< "keychain" or "profile <name> (<file>)"; never a secret

    bool isComplete() const { return !accessKeyId.isEmpty() && !secretAccessKey.isEmpty(); }
    SigV4::Credentials toSigV4() const
    {
        return {accessKeyId.toUtf8(), secretAccessKey.toUtf8(), sessionToken.toUtf8()};
    }
};

/// Sections of one AWS shared file: section name → (key → value). Config-file sections are
/// stored under the profile name ("[profile dev]" → "dev", "[default]" → "default").
using AwsIniSections = QMap<QString, QMap<QString, QString>>;

/// Parses the text of ~/.aws/credentials (configFile false) or ~/.aws/config (true) the way the
/// AWS CLI reads them: `[section]`, `key = value`, `#`/`;` comment lines, indented nested
/// settings skipped. Returns false with "<file>:<line>: ..." in *error on a malformed line.
bool parseAwsIni(const QByteArray &text, bool configFile, const QString &fileName, AwsIniSections *out,
                 QString *error);

/// $AWS_SHARED_CREDENTIALS_FILE, else ~/.aws/credentials.
QString awsCredentialsFilePath();
/// $AWS_CONFIG_FILE, else ~/.aws/config.
QString awsConfigFilePath();

/// Profile names found in either file (sorted, without duplicates). Unreadable files are skipped.
QStringList awsProfileNames(const QString &credentialsPath, const QString &configPath);

/// Loads `profile` from the two files (keys in the credentials file win over the config file; the
/// region comes from the config file). Missing files are fine as long as the profile is found.
/// Profiles that need role assumption, SSO or a credential process fail with a clear message.
bool loadAwsProfile(const QString &profile, const QString &credentialsPath, const QString &configPath,
                    AwsCredentials *out, QString *error);

/// Credentials for an account: the profile named by option "profile" (or by a "profile" field of
/// the secret) when set, read from the shared files on every call (nothing copied to the
/// keychain); otherwise the keychain secret (packSecret JSON with access_key_id,
/// secret_access_key, session_token).
bool resolveAwsCredentials(const QMap<QString, QString> &options, const QString &secret, AwsCredentials *out,
                           QString *error);

} // namespace Conn
