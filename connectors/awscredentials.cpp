#include "awscredentials.h"

#include "connector.h"

#include <QDir>
#include <QFile>
#include <QObject>
#include <QSet>

namespace Conn {

namespace {

QString envOr(const char *name, const QString &fallback)
{
    const QString v = qEnvironmentVariable(name);
    return v.isEmpty() ? fallback : v;
}

// Reads one shared file; a missing file is not an error (*found false).
bool readIni(const QString &path, bool configFile, AwsIniSections *out, bool *found, QString *error)
{
    *found = false;
    if (path.isEmpty() || !QFile::exists(path))
        return true;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QObject::tr("Cannot read %1: %2").arg(QDir::toNativeSeparators(path), f.errorString());
        return false;
    }
    *found = true;
    return parseAwsIni(f.readAll(), configFile, QDir::toNativeSeparators(path), out, error);
}

} // namespace

bool parseAwsIni(const QByteArray &text, bool configFile, const QString &fileName, AwsIniSections *out,
                 QString *error)
{
    out->clear();
    QString section;
    bool inSection = false;
    bool inNested = false; // indented lines after "s3 =" belong to a nested block
    int lineNo = 0;
    for (const QByteArray &rawLine : text.split('\n')) {
        ++lineNo;
        QString line = QString::fromUtf8(rawLine);
        if (line.endsWith(u'\r'))
            line.chop(1);
        const QString trimmed = line.trimmed();
        if (trimmed.isEmpty() || trimmed.startsWith(u'#') || trimmed.startsWith(u';'))
            continue;
        const bool indented = line.front().isSpace();
        if (trimmed.startsWith(u'[')) {
            if (!trimmed.endsWith(u']')) {
                *error = QObject::tr("%1:%2: section header is missing its closing ']'").arg(fileName).arg(lineNo);
                return false;
            }
            QString name = trimmed.mid(1, trimmed.size() - 2).trimmed();
            if (configFile && name.startsWith(QStringLiteral("profile ")))
                name = name.mid(8).trimmed();
            else if (configFile && name != u"default")
                name.clear(); // [sso-session x], [services x]: not profiles
            section = name;
            inSection = true;
            inNested = false;
            continue;
        }
        if (indented && inNested)
            continue;
        const qsizetype eq = trimmed.indexOf(u'=');
        if (eq <= 0) {
            *error = QObject::tr("%1:%2: expected 'key = value'").arg(fileName).arg(lineNo);
            return false;
        }
        if (!inSection) {
            *error = QObject::tr("%1:%2: setting before the first [section]").arg(fileName).arg(lineNo);
            return false;
        }
        const QString key = trimmed.left(eq).trimmed().toLower();
        const QString value = trimmed.mid(eq + 1).trimmed();
        inNested = value.isEmpty();
        if (!section.isEmpty() && !inNested)
            (*out)[section].insert(key, value);
    }
    return true;
}

QString awsCredentialsFilePath()
{
    return envOr("AWS_SHARED_CREDENTIALS_FILE", QDir::homePath() + QStringLiteral("/.aws/credentials"));
}

QString awsConfigFilePath()
{
    return envOr("AWS_CONFIG_FILE", QDir::homePath() + QStringLiteral("/.aws/config"));
}

QStringList awsProfileNames(const QString &credentialsPath, const QString &configPath)
{
    QSet<QString> names;
    AwsIniSections sections;
    bool found = false;
    QString error;
    if (readIni(credentialsPath, false, &sections, &found, &error))
        for (auto it = sections.cbegin(); it != sections.cend(); ++it)
            names.insert(it.key());
    if (readIni(configPath, true, &sections, &found, &error))
        for (auto it = sections.cbegin(); it != sections.cend(); ++it)
            names.insert(it.key());
    QStringList list(names.begin(), names.end());
    list.sort();
    return list;
}

bool loadAwsProfile(const QString &profile, const QString &credentialsPath, const QString &configPath,
                    AwsCredentials *out, QString *error)
{
    AwsIniSections creds, config;
    bool haveCreds = false, haveConfig = false;
    if (!readIni(credentialsPath, false, &creds, &haveCreds, error) || !readIni(configPath, true, &config, &haveConfig, error))
        return false;
    if (!creds.contains(profile) && !config.contains(profile)) {
        *error = QObject::tr("AWS profile \"%1\" was not found in %2 or %3.")
                     .arg(profile, QDir::toNativeSeparators(credentialsPath), QDir::toNativeSeparators(configPath));
        return false;
    }
    const QMap<QString, QString> c = creds.value(profile), k = config.value(profile);
    auto pick = [&](const QString &key) { return c.contains(key) ? c.value(key) : k.value(key); };
    AwsCredentials r;
    r.accessKeyId = pick(QStringLiteral("aws_access_key_id"));
    r.secretAccessKey = pick(QStringLiteral("aws_secret_access_key"));
    r.sessionToken = pick(QStringLiteral("aws_session_token"));
    r.region = k.value(QStringLiteral("region"), c.value(QStringLiteral("region")));
    const QString file = c.contains(QStringLiteral("aws_access_key_id")) ? credentialsPath : configPath;
    r.source = QObject::tr("profile %1 (%2)").arg(profile, QDir::toNativeSeparators(file));
    if (!r.isComplete()) {
        for (const char *indirect : {"role_arn", "sso_session", "sso_start_url", "credential_process", "web_identity_token_file"}) {
            const QString key = QString::fromLatin1(indirect);
            if (c.contains(key) || k.contains(key)) {
                *error = QObject::tr("AWS profile \"%1\" gets its credentials through %2, which Burnrate does not run. "
                                     "Use a profile with aws_access_key_id and aws_secret_access_key (for example one "
                                     "written by `aws configure export-credentials`), or enter access keys.")
                             .arg(profile, key);
                return false;
            }
        }
        *error = QObject::tr("AWS profile \"%1\" has no %2.")
                     .arg(profile, r.accessKeyId.isEmpty() ? QStringLiteral("aws_access_key_id")
                                                           : QStringLiteral("aws_secret_access_key"));
        return false;
    }
    *out = r;
    return true;
}

bool resolveAwsCredentials(const QMap<QString, QString> &options, const QString &secret, AwsCredentials *out,
                           QString *error)
{
    const QMap<QString, QString> fields = unpackSecret(secret);
    QString profile = options.value(QStringLiteral("profile")).trimmed();
    if (profile.isEmpty())
        profile = fields.value(QStringLiteral("profile")).trimmed(); // {"profile":"dev"} piped to the CLI
    if (!profile.isEmpty())
        return loadAwsProfile(profile, awsCredentialsFilePath(), awsConfigFilePath(), out, error);
    AwsCredentials r;
    r.accessKeyId = fields.value(QStringLiteral("access_key_id")).trimmed();
    r.secretAccessKey = fields.value(QStringLiteral("secret_access_key")).trimmed();
    r.sessionToken = fields.value(QStringLiteral("session_token")).trimmed();
    r.source = QStringLiteral("keychain");
    if (!r.isComplete()) {
        *error = QObject::tr("Enter an AWS access key ID and secret access key, or name a profile from %1.")
                     .arg(QDir::toNativeSeparators(awsCredentialsFilePath()));
        return false;
    }
    *out = r;
    return true;
}

} // namespace Conn
