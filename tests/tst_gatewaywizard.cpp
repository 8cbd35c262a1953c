// The Connect-account wizard for the telemetry sources of issue #24, offscreen: LiteLLM proxy
// (master key, the proxy's address, test, save and sync into the telemetry against a loopback
// stand-in of /spend/logs) and Langfuse (public and secret key, packed into one keychain entry,
// against a loopback stand-in of the v2 observations API). The keys end up in the keychain only.
#include "accountmanager.h"
#include "cloudtest.h"
#include "fakeserver.h"
#include "gatewaytest.h"
#include "guitestmain.h"
#include "secretbinding.h"
#include "telemetrywindow.h"
#include "wizardaccounts.h"
#include "wizardtest.h"

#include <QLabel>
#include <QTemporaryDir>

using namespace TestSupport;

namespace {

// Two gpt-4o calls on GatewayTest::cliDay(), as each service writes them.
QByteArray liteLlmRows()
{
    const QByteArray d = GatewayTest::cliDay().toString(Qt::ISODate).toLatin1();
    return R"([{"request_id":"w-1","startTime":")" + d + R"(T08:00:00Z","model":"gpt-4o","custom_llm_provider":"openai",)"
           R"("prompt_tokens":1000,"completion_tokens":10,"metadata":{"feature":"chat"}},)"
           R"({"request_id":"w-2","startTime":")" + d + R"(T09:00:00Z","model":"gpt-4o","custom_llm_provider":"openai",)"
           R"("prompt_tokens":2000,"completion_tokens":20,"request_tags":["feature:search"]}])";
}

QByteArray langfusePage()
{
    const QByteArray d = GatewayTest::cliDay().toString(Qt::ISODate).toLatin1();
    return R"({"data":[{"id":"g-1","type":"GENERATION","startTime":")" + d + R"(T08:00:00Z","providedModelName":"gpt-4o",)"
           R"("usageDetails":{"input":1000,"output":10},"tags":["feature:chat"]},)"
           R"({"id":"g-2","type":"GENERATION","startTime":")" + d + R"(T09:00:00Z","providedModelName":"gpt-4o",)"
           R"("usageDetails":{"input":2000,"output":20},"traceName":"search"}],"meta":{"cursor":null}})";
}

// The page's rows when the request's range holds cliDay(), else none.
bool asksForCliDay(const FakeRequest &req, const QString &fromKey, const QString &toKey)
{
    // Both services' values start with the day: "2025-03-04", "2025-03-04T00:00:00Z".
    const QDate from = QDate::fromString(req.queryValue(fromKey).left(10), Qt::ISODate);
    const QDate to = QDate::fromString(req.queryValue(toKey).left(10), Qt::ISODate);
    return from.isValid() && to.isValid() && from <= GatewayTest::cliDay() && GatewayTest::cliDay() < to;
}

} // namespace

class TestGatewayWizard : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void liteLlmPages();
    void langfusePages();

private:
    void runWizard(const QString &provider, const QString &name, const QMap<QString, QString> &credentials, const QString &baseUrl);
    WizardAccounts m_accounts;
};

void TestGatewayWizard::init()
{
    bool skip = false;
    const QString why = m_accounts.open(&skip);
    if (skip)
        QSKIP(qPrintable(why));
    QVERIFY2(why.isEmpty(), qPrintable(why));
}

void TestGatewayWizard::cleanup()
{
    m_accounts.close();
}

// Source page → credentials (masked) and address → options (five days back) → a passing
// test → save and sync; the sync page counts model calls, and the telemetry holds both calls.
void TestGatewayWizard::runWizard(const QString &provider, const QString &name, const QMap<QString, QString> &credentials,
                                  const QString &baseUrl)
{
    ConnectWizard wizard(m_accounts.manager.get());
    wizard.resize(760, 640);
    wizard.show();
    QVERIFY(WizardTest::chooseSource(wizard, provider, name));
    wizard.next();
    QCOMPARE(wizard.currentId(), int(ConnectWizard::CredentialsPageId));
    for (auto it = credentials.cbegin(); it != credentials.cend(); ++it) {
        auto *field = wizard.findChild<QLineEdit *>(QStringLiteral("cred_") + it.key());
        QVERIFY2(field, qPrintable(it.key()));
        QCOMPARE(field->echoMode(), QLineEdit::Password);
        field->setText(it.value());
    }
    wizard.findChild<QLineEdit *>(QStringLiteral("baseUrl"))->setText(baseUrl);
    wizard.next();
    QCOMPARE(wizard.currentId(), int(ConnectWizard::OptionsPageId));
    wizard.findChild<QLineEdit *>(QStringLiteral("opt_history_days"))->setText(QStringLiteral("5"));
    wizard.next();
    QCOMPARE(wizard.currentId(), int(ConnectWizard::TestPageId));
    const Conn::TestResult result = WizardTest::testResult(wizard);
    QVERIFY2(result.ok, qPrintable(result.message));
    QVERIFY(WizardTest::snap(wizard, QStringLiteral("wizard-") + provider + QStringLiteral("-test")));
    QVERIFY(WizardTest::saveAndSync(wizard));
    auto *status = wizard.findChild<QLabel *>(QStringLiteral("syncStatus"));
    QVERIFY(status);
    QVERIFY2(status->text().contains(QLatin1String("2 model calls added to the telemetry")), qPrintable(status->text()));
    const auto account = m_accounts.manager->accountByName(name);
    QVERIFY(account);
    const GatewayTest::Stored stored = GatewayTest::stored(m_accounts.db, Conn::TelemetryWindow::sourceOf(*account));
    QCOMPARE(stored.calls, qint64(2));
    QCOMPARE(stored.tokens, qint64(3030));
}

void TestGatewayWizard::liteLlmPages()
{
    FakeServer server;
    QVERIFY(server.start());
    const QByteArray key = "sk-litellm-wizard-master";
    server.route("GET", QStringLiteral("/spend/logs"), [](const FakeRequest &req) {
        return FakeResponse::json(asksForCliDay(req, QStringLiteral("start_date"), QStringLiteral("end_date")) ? liteLlmRows() : "[]");
    }, FakeServer::requireHeader("authorization", "Bearer " + key));
    runWizard(QStringLiteral("litellm"), QStringLiteral("LiteLLM proxy"), {{QStringLiteral("api_key"), QString::fromLatin1(key)}},
              server.baseUrl());
    QVERIFY(!server.requestsFor(QStringLiteral("/spend/logs")).isEmpty());
    QCOMPARE(m_accounts.secretOnlyInKeychain(QStringLiteral("LiteLLM proxy"), key), QString());
}

void TestGatewayWizard::langfusePages()
{
    FakeServer server;
    QVERIFY(server.start());
    const QByteArray publicKey = "pk-lf-wizard", secretKey = "sk-lf-wizard-secret";
    server.route("GET", QStringLiteral("/api/public/v2/observations"), [](const FakeRequest &req) {
        return FakeResponse::json(asksForCliDay(req, QStringLiteral("fromStartTime"), QStringLiteral("toStartTime"))
                                      ? langfusePage()
                                      : QByteArray(R"({"data":[],"meta":{"cursor":null}})"));
    }, FakeServer::requireHeader("authorization", "Basic " + (publicKey + ':' + secretKey).toBase64()));
    runWizard(QStringLiteral("langfuse"), QStringLiteral("Langfuse"),
              {{QStringLiteral("public_key"), QString::fromLatin1(publicKey)}, {QStringLiteral("secret_key"), QString::fromLatin1(secretKey)}},
              server.baseUrl());
    QCOMPARE(m_accounts.secretOnlyInKeychain(QStringLiteral("Langfuse"), secretKey), QString());
}

BURNRATE_GUI_TEST_MAIN(TestGatewayWizard)
#include "tst_gatewaywizard.moc"
