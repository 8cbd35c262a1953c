#include "teamstoretest.h"

#include "store/pgdb.h"
#include "store/store.h"
#include "store/storecopy.h"

#include <QCoreApplication>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

namespace TestSupport {

namespace {
QStringList &created()
{
    static QStringList names;
    return names;
}
} // namespace

QString testCluster() { return qEnvironmentVariable("BURNRATE_TEST_PG"); }

bool onTeamStore() { return qEnvironmentVariable("BURNRATE_TEST_BACKEND") == QLatin1String("postgresql"); }

QString newTestDatabase()
{
    const QString cluster = testCluster();
    if (cluster.isEmpty())
        qFatal("BURNRATE_TEST_PG is not set: run the suite with packaging/dev.sh test, which starts a throw-away PostgreSQL");
    const QString name = QStringLiteral("burnrate_test_%1_%2").arg(QCoreApplication::applicationPid()).arg(created().size() + 1);
    Cost::PgDb admin;
    if (!admin.open(cluster.toStdString()) || !admin.exec("CREATE DATABASE " + name.toStdString()))
        qFatal("cannot create a test database: %s", admin.error().c_str());
    created() << name;
    QUrl url(cluster);
    url.setPath(QLatin1Char('/') + name);
    return url.toString();
}

QString newTeamStore(const QString &from)
{
    QTemporaryDir dir;
    QString source = from;
    if (source.isEmpty()) { // an empty store at this build's schema, made as every new file is
        source = dir.filePath(QStringLiteral("empty.sqlite"));
        Cost::Store empty;
        if (!empty.open(source.toStdString())) {
            qWarning("cannot make an empty store: %s", empty.error().c_str());
            return {};
        }
    }
    const QString team = newTestDatabase();
    Cost::StoreCopySummary summary;
    std::string error;
    if (Cost::copyStore(source.toStdString(), team.toStdString(), summary, error))
        return team;
    qWarning("store copy to the test cluster failed: %s", error.c_str());
    return {};
}

void dropTestDatabases()
{
    Cost::PgDb admin;
    if (admin.open(testCluster().toStdString()))
        for (const QString &name : created())
            admin.exec("DROP DATABASE IF EXISTS " + name.toStdString() + " WITH (FORCE)");
    created().clear();
}

} // namespace TestSupport
