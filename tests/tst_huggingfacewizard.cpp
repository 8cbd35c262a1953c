// The Connect-account wizard for Hugging Face Inference Endpoints, offscreen: source page →
// namespace (plain) and user access token (masked) → history → a passing connection test against a
// loopback stand-in of the management API (Bearer hf_…, else 401) → save and first sync. The
// estimate lands in the store exactly and the token is in the keychain only.
#include "accountmanager.h"
#include "analytics/analytics.h"
#include "fakeserver.h"
#include "guitestmain.h"
#include "store/store.h"
#include "wizardaccounts.h"
#include "wizardtest.h"

#include <QDateTime>
#include <QLabel>
#include <QLocale>
#include <QTimeZone>

using namespace TestSupport;

namespace {

// One endpoint running on aws nvidia-a10g x1 ($1/h) for the two hours before `now`.
QByteArray runningEndpoint(const QDateTime &now)
{
    const QByteArray since = now.addSecs(-7200).toString(Qt::ISODate).toLatin1();
    return R"({"items":[{"name":"chat","model":{"repository":"meta-llama/Llama-3.1-8B-Instruct"},)"
           R"("compute":{"accelerator":"gpu","instanceType":"nvidia-a10g","instanceSize":"x1"},)"
           R"("provider":{"vendor":"aws","region":"us-east-1"},)"
           R"("status":{"state":"running","updatedAt":")" + since + R"(","readyReplica":1,"targetReplica":1}}]})";
}

QByteArray httpDate(const QDateTime &t)
{
    return QLocale::c().toString(t.toUTC(), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'")).toLatin1();
}

} // namespace

class TestHuggingFaceWizard : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup() { m_accounts.close(); }
    void connectsAndSyncs();

private:
    WizardAccounts m_accounts;
};

void TestHuggingFaceWizard::init()
{
    bool skip = false;
    const QString why = m_accounts.open(&skip);
    if (skip)
        QSKIP(qPrintable(why));
    QVERIFY2(why.isEmpty(), qPrintable(why));
}

void TestHuggingFaceWizard::connectsAndSyncs()
{
    const QByteArray token = "hf_wizardToken0123456789";
    QDateTime now = QDateTime::currentDateTimeUtc();
    now.setTime(QTime(now.time().hour(), now.time().minute(), now.time().second()));
    FakeServer server;
    QVERIFY(server.start());
    server.route("GET", QStringLiteral("/v2/endpoint/acme-org"), [now](const FakeRequest &) {
        FakeResponse r = FakeResponse::json(runningEndpoint(now));
        r.headers.append({QByteArrayLiteral("Date"), httpDate(now)});
        return r;
    }, FakeServer::requireHeader("authorization", "Bearer " + token));

    ConnectWizard wizard(m_accounts.manager.get());
    wizard.resize(760, 640);
    wizard.show();
    QVERIFY(WizardTest::chooseSource(wizard, QStringLiteral("huggingface"), QStringLiteral("HF endpoints")));
    wizard.next();
    QCOMPARE(wizard.currentId(), int(ConnectWizard::CredentialsPageId));
    auto *ns = wizard.findChild<QLineEdit *>(QStringLiteral("cred_namespace"));
    auto *secret = wizard.findChild<QLineEdit *>(QStringLiteral("cred_token"));
    QVERIFY(ns && secret);
    QCOMPARE(ns->echoMode(), QLineEdit::Normal);
    QCOMPARE(secret->echoMode(), QLineEdit::Password);
    ns->setText(QStringLiteral("acme-org"));
    secret->setText(QString::fromLatin1(token));
    wizard.findChild<QLineEdit *>(QStringLiteral("baseUrl"))->setText(server.baseUrl());
    wizard.next();
    QCOMPARE(wizard.currentId(), int(ConnectWizard::OptionsPageId));
    wizard.findChild<QLineEdit *>(QStringLiteral("opt_history_days"))->setText(QStringLiteral("2"));
    wizard.next();
    QCOMPARE(wizard.currentId(), int(ConnectWizard::TestPageId));
    const Conn::TestResult result = WizardTest::testResult(wizard);
    QVERIFY2(result.ok, qPrintable(result.message));
    QVERIFY2(result.message.contains(QLatin1String("1 endpoint")), qPrintable(result.message));
    QVERIFY(WizardTest::snap(wizard, QStringLiteral("wizard-huggingface-test")));
    QVERIFY(WizardTest::saveAndSync(wizard));
    auto *status = wizard.findChild<QLabel *>(QStringLiteral("syncStatus"));
    QVERIFY(status);
    QVERIFY2(status->text().contains(QLatin1String("Synced")), qPrintable(status->text()));

    // Two hours at $1/h, estimated.
    Cost::Store store;
    QVERIFY(store.open(m_accounts.db.toStdString()));
    Analytics::TotalsRequest request;
    request.metric = Analytics::Metric::Billed;
    request.filters = {{"provider", "Hugging Face"}};
    std::vector<Analytics::TotalsRow> rows;
    std::string error;
    QVERIFY2(Analytics::totals(store.db(), request, rows, error), error.c_str());
    Cost::BigMoney billed = 0;
    for (const auto &r : rows)
        billed += r.value;
    QCOMPARE(QString::fromStdString(Cost::formatMoney(billed)), QStringLiteral("2.00"));
    QCOMPARE(m_accounts.secretOnlyInKeychain(QStringLiteral("HF endpoints"), token), QString());
}

BURNRATE_GUI_TEST_MAIN(TestHuggingFaceWizard)
#include "tst_huggingfacewizard.moc"
