// Contracts: the JSON format and its errors (never a throw), exact discounts and amortised fees,
// the precedence of contract prices (negotiated > discount on list > list), the store, and the
// issue's acceptance: a 20% OpenAI discount from a date makes `prices check` show no gap after
// that date (and the list-price gap before it), and the simulator's savings scale by 0.8.
#include "contracts/contractbook.h"
#include "contracts/contractjson.h"
#include "contracts/contractstore.h"
#include "domain/timeparse.h"
#include "import/focusimporter.h"
#include "import/ingestor.h"
#include "pricing/pricedusage.h"
#include "pricing/pricestore.h"
#include "pricing/pricingestimate.h"
#include "simulation/scenarioengine.h"
#include "store/store.h"
#include "testsupport.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

using TestSupport::day;
using TestSupport::usd;
using Contracts::Contract;
using Pricing::PriceKind;

namespace {

const char *kExample = R"({"burnrate_contracts": 1, "contracts": [
  {"name": "OpenAI 2026", "provider": "OpenAI", "from": "2026-03-06", "discount_pct": "20",
   "credits": [{"amount": "500", "expires": "2026-06-30", "note": "startup credit"}],
   "commitments": [{"type": "monthly_minimum", "amount": "1000.00"}]},
  {"name": "mini deal", "provider": "OpenAI", "model": "gpt-4o-mini", "from": "2026-01-01", "to": "2026-12-31",
   "discount_pct": 10, "prices": [{"model": "gpt-4o-mini", "input": "0.10"}],
   "commitments": [{"type": "provisioned", "amount": "365.00"}]},
  {"name": "org-2", "provider": "OpenAI", "account": "org-2", "from": "2026-01-01", "discount_pct": "50"},
  {"name": "Claude output", "provider": "Anthropic", "token_kind": "output", "from": "2026-01-01", "discount_pct": "30"}]})";

std::vector<Contract> example()
{
    std::vector<Contract> out;
    std::string error;
    if (!Contracts::fromJson(kExample, out, error))
        qWarning("%s", error.c_str());
    return out;
}

// FOCUS rows for gpt-4o on days [first, last]: 1M input and 100k output tokens a day, billed at
// list ($2.50 + $1.00) before `discountFrom` and at 80% of list from it on.
QByteArray openAiCsv(const char *first, const char *last, const char *discountFrom)
{
    QByteArray csv = "BilledCost,BillingAccountId,BillingCurrency,ChargePeriodStart,ChargePeriodEnd,ConsumedQuantity,ConsumedUnit,"
                     "ServiceProviderName,ServiceName,SkuId,SkuMeter,SkuPriceDetails\n";
    for (std::int64_t d = day(first); d <= day(last); ++d) {
        const bool discounted = d >= day(discountFrom);
        const QByteArray start = QByteArray::fromStdString(Cost::formatDay(d)) + "T00:00:00Z";
        const QByteArray end = QByteArray::fromStdString(Cost::formatDay(d + 1)) + "T00:00:00Z";
        auto row = [&](const char *billed, const char *tokens, const char *meter, const char *type) {
            csv += QByteArray(billed) + ",org-1,USD," + start + "," + end + "," + tokens + ",Tokens,OpenAI,OpenAI API,gpt-4o-2024-08-06,"
                + meter + ",\"{\"\"ModelId\"\":\"\"gpt-4o-2024-08-06\"\",\"\"TokenType\"\":\"\"" + type + "\"\"}\"\n";
        };
        row(discounted ? "2.00" : "2.50", "1000000", "Input Tokens", "Input");
        row(discounted ? "0.80" : "1.00", "100000", "Output Tokens", "Output");
    }
    return csv;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

} // namespace

class TestContracts : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_db; ///< the acceptance store (no contract stored yet)

private Q_SLOTS:
    void initTestCase()
    {
        m_db = m_dir.filePath(QStringLiteral("openai.sqlite"));
        const QString csv = m_dir.filePath(QStringLiteral("openai.csv"));
        QVERIFY(writeFile(csv, openAiCsv("2026-03-01", "2026-03-10", "2026-03-06")));
        Cost::Store store;
        QVERIFY(store.open(m_db.toStdString()));
        Cost::FocusImporter importer(store.db());
        const auto imported = importer.importFile(csv.toStdString(), Cost::Ingestor::newBatch(store.db()));
        QVERIFY2(imported.ok, imported.error.toString().c_str());
    }

    void jsonRoundTrip()
    {
        const auto read = example();
        QCOMPARE(read.size(), std::size_t(4));
        QCOMPARE(read[0].discountBp, 2000);
        QCOMPARE(read[0].credits[0].amount, usd("500"));
        QCOMPARE(read[0].credits[0].expiresDay, day("2026-06-30"));
        QCOMPARE(read[1].discountBp, 1000);
        QCOMPARE(read[1].prices[0].price(PriceKind::Input), usd("0.10"));
        QVERIFY(!read[1].prices[0].has(PriceKind::Output));
        QCOMPARE(read[3].tokenKind.value(), PriceKind::Output);
        const std::string json = Contracts::toJson(read);
        std::vector<Contract> again;
        std::string error;
        QVERIFY2(Contracts::fromJson(json, again, error), error.c_str());
        QCOMPARE(Contracts::toJson(again), json);
        QCOMPARE(again[1].commitments[0].kind, Contracts::CommitmentKind::Provisioned);
        QCOMPARE(again[1].toDay, day("2026-12-31"));
    }

    void jsonErrors_data()
    {
        QTest::addColumn<QByteArray>("contract");
        QTest::addColumn<QString>("error");
        const QByteArray ok = R"("provider": "OpenAI", "from": "2026-01-01")";
        auto row = [&](const char *tag, const QByteArray &fields, const char *error) {
            const QByteArray name = fields.startsWith("\"name\"") ? QByteArray() : QByteArray(R"("name": "x", )");
            QTest::newRow(tag) << QByteArray("{" + name + fields + "}") << QString::fromUtf8(error);
        };
        row("name not a string", R"("name": 5, "provider": "OpenAI", "from": "2026-01-01", "discount_pct": 5)",
            "contracts[0]: field 'name': must be a string, not 5");
        row("no provider", R"("from": "2026-01-01", "discount_pct": 5)", "contracts[0] (x): field 'provider': is required");
        row("no from", R"("provider": "OpenAI", "discount_pct": 5)", "contracts[0] (x): field 'from': is required");
        row("bad date", R"("provider": "OpenAI", "from": "2026-13-01", "discount_pct": 5)", "field 'from': '2026-13-01' is not a date");
        row("from a number", R"("provider": "OpenAI", "from": 20260101, "discount_pct": 5)", "field 'from': '20260101' is not a date");
        row("to before from", ok + R"(, "to": "2025-12-31", "discount_pct": 5)", "contracts[0] (x): field 'to': must be after 'from'");
        row("three decimals", ok + R"(, "discount_pct": "12.345")", "field 'discount_pct': '12.345' is not a percentage");
        row("above 100", ok + R"(, "discount_pct": 101)", "field 'discount_pct': '101' is not a percentage");
        row("discount an array", ok + R"(, "discount_pct": [20])", "field 'discount_pct': '[20]' is not a percentage");
        row("misspelt field", ok + R"(, "discount": 20)", "contracts[0] (x): field 'discount': is not a contract field");
        row("bad token kind", ok + R"(, "token_kind": "cached", "discount_pct": 5)", "field 'token_kind': must be input, cache_read");
        row("price without model", ok + R"(, "prices": [{"input": "1"}])", "contracts[0] (x).prices[0]: field 'model': is required");
        row("negative price", ok + R"(, "prices": [{"model": "gpt-4o", "input": "-1"}])",
            "contracts[0] (x).prices[0]: field 'input': '-1' is not a price");
        row("price without prices", ok + R"(, "prices": [{"model": "gpt-4o"}])", "contracts[0] (x).prices[0]: no price given");
        row("prices an object", ok + R"(, "prices": {"model": "gpt-4o"})", "contracts[0] (x): field 'prices': must be an array");
        row("zero credit", ok + R"(, "credits": [{"amount": 0}])", "contracts[0] (x).credits[0]: field 'amount': '0' is not an amount above zero");
        row("credit not an object", ok + R"(, "credits": [5])", "contracts[0] (x).credits[0]: must be an object");
        row("bad commitment", ok + R"(, "commitments": [{"type": "yearly", "amount": 5}])",
            "contracts[0] (x).commitments[0]: field 'type': must be monthly_minimum or provisioned");
        row("provisioned open-ended", ok + R"(, "commitments": [{"type": "provisioned", "amount": 5}])",
            "contracts[0] (x): field 'to': is required with a provisioned commitment");
        row("no terms", ok, "contracts[0] (x): field 'discount_pct': no terms");
    }

    void jsonErrors()
    {
        QFETCH(QByteArray, contract);
        QFETCH(QString, error);
        std::vector<Contract> out(1);
        std::string why;
        QVERIFY(!Contracts::fromJson(R"({"burnrate_contracts": 1, "contracts": [)" + contract.toStdString() + "]}", out, why));
        QVERIFY2(QString::fromStdString(why).contains(error), why.c_str());
        QCOMPARE(out.size(), std::size_t(1)); // unchanged on error
    }

    void fileErrors_data()
    {
        QTest::addColumn<QByteArray>("file");
        QTest::addColumn<QString>("error");
        QTest::newRow("syntax") << QByteArray("{\"burnrate_contracts\": 1,") << QStringLiteral("line 1, column");
        QTest::newRow("wrong format") << QByteArray(R"({"burnrate_prices": 1})") << QStringLiteral("not a Burnrate contracts file");
        QTest::newRow("array") << QByteArray("[]") << QStringLiteral("not a Burnrate contracts file");
        QTest::newRow("contracts not an array") << QByteArray(R"({"burnrate_contracts": 1, "contracts": {}})")
                                                << QStringLiteral("field 'contracts' must be an array");
        QTest::newRow("duplicate name")
            << QByteArray(R"({"burnrate_contracts": 1, "contracts": [
                 {"name": "a", "provider": "OpenAI", "from": "2026-01-01", "discount_pct": 5},
                 {"name": "a", "provider": "OpenAI", "from": "2026-01-01", "discount_pct": 6}]})")
            << QStringLiteral("contracts[1] (a): field 'name': another contract in the file has this name");
    }

    void fileErrors()
    {
        QFETCH(QByteArray, file);
        QFETCH(QString, error);
        std::vector<Contract> out;
        std::string why;
        QVERIFY(!Contracts::fromJson(file.toStdString(), out, why));
        QVERIFY2(QString::fromStdString(why).contains(error), why.c_str());
    }

    void exactDiscountAndFees()
    {
        int bp = 0;
        QVERIFY(Contracts::parseDiscount("12.5", bp));
        QCOMPARE(bp, 1250);
        QCOMPARE(Contracts::discountText(bp), std::string("12.5"));
        QVERIFY(!Contracts::parseDiscount("0.125", bp));
        QCOMPARE(Contracts::discounted(usd("2.50"), 2000), usd("2.00"));
        QCOMPARE(Contracts::discounted(3, 5000), Cost::Money(2)); // 1.5 units → 2, half away from zero
        // A provisioned fee of $100 over 7 days: the parts differ by a unit at most and sum exactly.
        Cost::Money sum = 0;
        for (std::int64_t d = 10; d < 17; ++d) {
            const auto part = Contracts::amortisedFee(usd("100"), 10, 17, d);
            QVERIFY(part == usd("100") / 7 || part == usd("100") / 7 + 1);
            sum += part;
        }
        QCOMPARE(sum, usd("100"));
        QCOMPARE(Contracts::amortisedFee(usd("100"), 10, 17, 17), Cost::Money(0));
    }

    void precedence_data()
    {
        QTest::addColumn<QString>("provider");
        QTest::addColumn<QString>("account");
        QTest::addColumn<QString>("model");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("day");
        QTest::addColumn<QString>("list");  // "" = the catalog has none
        QTest::addColumn<QString>("price"); // "" = unpriced
        QTest::addColumn<QString>("basis");
        QTest::addColumn<QString>("contract");
        const int in = static_cast<int>(PriceKind::Input), out = static_cast<int>(PriceKind::Output);
        auto row = [](const char *tag, const char *provider, const char *account, const char *model, int kind, const char *day,
                      const char *list, const char *price, const char *basis, const char *contract) {
            QTest::newRow(tag) << QString::fromUtf8(provider) << QString::fromUtf8(account) << QString::fromUtf8(model) << kind
                               << QString::fromUtf8(day) << QString::fromUtf8(list) << QString::fromUtf8(price)
                               << QString::fromUtf8(basis) << QString::fromUtf8(contract);
        };
        row("before the term", "OpenAI", "org-1", "gpt-4o", in, "2026-03-05", "2.50", "2.50", "list", "");
        row("first day", "OpenAI", "org-1", "gpt-4o", in, "2026-03-06", "2.50", "2.00", "discount", "OpenAI 2026");
        row("dated spelling", "openai", "org-1", "gpt-4o-2024-08-06", in, "2026-03-06", "2.50", "2.00", "discount", "OpenAI 2026");
        row("negotiated beats discount", "OpenAI", "org-1", "gpt-4o-mini", in, "2026-03-06", "0.15", "0.10", "negotiated", "mini deal");
        row("model discount beats provider's", "OpenAI", "org-1", "gpt-4o-mini", out, "2026-03-06", "0.60", "0.54", "discount",
            "mini deal");
        row("model term over", "OpenAI", "org-1", "gpt-4o-mini", in, "2026-12-31", "0.15", "0.12", "discount", "OpenAI 2026");
        row("account's own", "OpenAI", "org-2", "gpt-4o", in, "2026-03-06", "2.50", "1.25", "discount", "org-2");
        row("negotiated beats account discount", "OpenAI", "org-2", "gpt-4o-mini", in, "2026-03-06", "0.15", "0.10", "negotiated",
            "mini deal");
        row("token kind scope", "Anthropic", "", "claude-sonnet-4", out, "2026-03-06", "15.00", "10.50", "discount", "Claude output");
        row("other kind", "Anthropic", "", "claude-sonnet-4", in, "2026-03-06", "3.00", "3.00", "list", "");
        row("other provider family", "Azure OpenAI", "org-1", "gpt-4o", in, "2026-03-06", "2.50", "2.50", "list", "");
        row("no list, no deal", "OpenAI", "org-1", "mystery-model", in, "2026-03-06", "", "", "list", "");
        row("negotiated without list", "OpenAI", "org-1", "gpt-4o-mini", in, "2026-03-06", "", "0.10", "negotiated", "mini deal");
    }

    void precedence()
    {
        QFETCH(QString, provider);
        QFETCH(QString, account);
        QFETCH(QString, model);
        QFETCH(int, kind);
        QFETCH(QString, day);
        QFETCH(QString, list);
        QFETCH(QString, price);
        QFETCH(QString, basis);
        QFETCH(QString, contract);
        const Contracts::ContractBook book(example());
        const std::optional<Cost::Money> listPrice = list.isEmpty() ? std::nullopt : std::optional(usd(list.toUtf8().constData()));
        const auto p = book.price(provider.toStdString(), account.toStdString(), model.toStdString(), static_cast<PriceKind>(kind),
                                  TestSupport::day(day.toUtf8().constData()), listPrice);
        QCOMPARE(p.priced, !price.isEmpty());
        if (p.priced)
            QCOMPARE(QString::fromStdString(Cost::formatMoney(p.perMillion, 2)), price);
        QCOMPARE(QString::fromUtf8(Contracts::priceBasisName(p.basis)), basis);
        QCOMPARE(p.contract ? QString::fromStdString(p.contract->name) : QString(), contract);
    }

    void storeSaveLoadRemove()
    {
        Cost::Store store;
        QVERIFY(store.open(m_dir.filePath(QStringLiteral("crud.sqlite")).toStdString()));
        std::string error;
        Contracts::ImportResult result;
        QVERIFY2(Contracts::importContracts(store.db(), example(), false, result, error), error.c_str());
        QCOMPARE(result.added, 4);
        std::vector<Contract> stored;
        QVERIFY2(Contracts::loadContracts(store.db(), stored, error), error.c_str());
        QCOMPARE(stored.size(), std::size_t(4));
        QCOMPARE(stored[0].name, std::string("Claude output")); // by name
        QVERIFY(stored[0].id > 0);
        QCOMPARE(Contracts::toJson(stored).size(), Contracts::toJson(example()).size());

        Contract edited = stored[1];
        edited.discountBp = 2500;
        QVERIFY2(Contracts::saveContract(store.db(), edited, error), error.c_str());
        Contract clash = stored[2];
        clash.name = stored[1].name;
        QVERIFY(!Contracts::saveContract(store.db(), clash, error));
        QVERIFY2(error.find("another contract has this name") != std::string::npos, error.c_str());
        Contract invalid = stored[2];
        invalid.toDay = invalid.fromDay;
        QVERIFY(!Contracts::saveContract(store.db(), invalid, error));
        QVERIFY2(error.find("field 'to'") != std::string::npos, error.c_str());

        // A file that names two of them, with --replace: one replaced, one added, three removed.
        std::vector<Contract> file{edited, example()[0]};
        file[1].name = "new one";
        QVERIFY2(Contracts::importContracts(store.db(), file, true, result, error), error.c_str());
        QCOMPARE(result.replaced, 1);
        QCOMPARE(result.added, 1);
        QCOMPARE(result.removed, 3);
        QVERIFY(Contracts::loadContracts(store.db(), stored, error));
        QCOMPARE(stored.size(), std::size_t(2));
        QCOMPARE(stored[0].discountBp, 2500);
        QVERIFY(Contracts::removeContract(store.db(), stored[0].id, error));
        QVERIFY(!Contracts::removeContract(store.db(), stored[0].id, error));
        QVERIFY(Contracts::loadContracts(store.db(), stored, error));
        QCOMPARE(stored.size(), std::size_t(1));

        // A bad file changes nothing: the second contract fails inside the transaction.
        std::vector<Contract> bad = example();
        bad[1].toDay = bad[1].fromDay;
        QVERIFY(!Contracts::importContracts(store.db(), bad, true, result, error));
        QVERIFY(Contracts::loadContracts(store.db(), stored, error));
        QCOMPARE(stored.size(), std::size_t(1));
    }

    // Estimated vs billed on the acceptance store, per day: without a contract the days from
    // 2026-03-06 are 20% under the list estimate; with the contract every day's gap is zero, the
    // days before it priced at list and the days from it at the contract price.
    void estimateFollowsContract()
    {
        Simulation::UsageQuery q;
        q.fromDay = day("2026-03-01");
        q.toDay = day("2026-03-10");
        TestSupport::StoreUsage loaded;
        std::string error;
        QVERIFY2(TestSupport::loadStoreUsage(m_db, q, &loaded, &error), error.c_str());
        const auto list = Simulation::estimateVsBilled(loaded.priced());
        QCOMPARE(list.days.size(), std::size_t(10));
        for (const auto &d : list.days)
            QCOMPARE(d.billed - d.estimated, d.day < day("2026-03-06") ? Cost::BigMoney(0) : Cost::BigMoney(-usd("0.70")));
        QVERIFY(list.rows[0].mismatch);
        QVERIFY(!list.rows[0].contract);

        loaded.catalog->setAdjuster(std::make_shared<Contracts::ContractBook>(std::vector<Contract>{example()[0]}));
        const auto contract = Simulation::estimateVsBilled(loaded.priced());
        for (const auto &d : contract.days) {
            QCOMPARE(d.billed, d.estimated);
            QCOMPARE(d.estimated, Cost::BigMoney(d.day < day("2026-03-06") ? usd("3.50") : usd("2.80")));
        }
        QCOMPARE(contract.rows.size(), std::size_t(1));
        QCOMPARE(contract.rows[0].gap(), Cost::BigMoney(0));
        QVERIFY(!contract.rows[0].mismatch);
        QVERIFY(contract.rows[0].contract);
        QCOMPARE(contract.rows[0].listEstimated, list.rows[0].estimated);
    }

    // The command: without contracts `prices check` shows the 20% gap after the date; after
    // `contracts import`, none after it, and before it the list-price gap (none: billed at list).
    void pricesCheckCommand()
    {
        const QString db = m_dir.filePath(QStringLiteral("cli.sqlite"));
        QVERIFY(QFile::copy(m_db, db));
        auto check = [&](const char *from, const char *to, nlohmann::json &out) {
            QString text, err;
            const int code = TestSupport::runBurnrate({QStringLiteral("--db"), db, QStringLiteral("prices"), QStringLiteral("check"),
                                                       QStringLiteral("--from"), QString::fromLatin1(from), QStringLiteral("--to"),
                                                       QString::fromLatin1(to), QStringLiteral("--format"), QStringLiteral("json")},
                                                      &text, &err);
            out = nlohmann::json::parse(text.toStdString(), nullptr, false);
            return code == 0 && out.is_object() && out["models"].size() == 1;
        };
        auto text = [](const nlohmann::json &v) { return QString::fromStdString(v.is_string() ? v.get<std::string>() : v.dump()); };
        nlohmann::json j;
        QVERIFY(check("2026-03-06", "2026-03-10", j));
        QCOMPARE(text(j["gap"]), QStringLiteral("-3.50")); // 5 days × −$0.70
        QCOMPARE(text(j["models"][0]["status"]), QStringLiteral("mismatch"));

        const QString file = m_dir.filePath(QStringLiteral("contracts.json"));
        QVERIFY(writeFile(file, kExample));
        QString out, err;
        QCOMPARE(TestSupport::runBurnrate({QStringLiteral("--db"), db, QStringLiteral("contracts"), QStringLiteral("import"), file},
                                          &out, &err),
                 0);
        QVERIFY2(out.startsWith(QStringLiteral("4 contracts added, 0 replaced, 0 removed")), qPrintable(out));

        QVERIFY(check("2026-03-06", "2026-03-10", j));
        QCOMPARE(text(j["gap"]), QStringLiteral("0.00"));
        QCOMPARE(text(j["estimated"]), QStringLiteral("14.00"));
        QCOMPARE(text(j["list_estimated"]), QStringLiteral("17.50"));
        QCOMPARE(text(j["models"][0]["status"]), QStringLiteral("ok"));
        QCOMPARE(text(j["models"][0]["price_basis"]), QStringLiteral("contract"));
        QVERIFY(check("2026-03-01", "2026-03-05", j));
        QCOMPARE(text(j["gap"]), QStringLiteral("0.00"));
        QCOMPARE(text(j["estimated"]), QStringLiteral("17.50"));
        QCOMPARE(text(j["models"][0]["price_basis"]), QStringLiteral("list"));

        // list and export show what was imported; export → import is a fixed point.
        QCOMPARE(TestSupport::runBurnrate({QStringLiteral("--db"), db, QStringLiteral("contracts"), QStringLiteral("list")}, &out, &err), 0);
        QVERIFY2(out.contains(QStringLiteral("OpenAI 2026,OpenAI,,,,2026-03-06,,20,0,500.00,monthly_minimum 1000.00\n")), qPrintable(out));
        const QString exported = m_dir.filePath(QStringLiteral("exported.json"));
        QCOMPARE(TestSupport::runBurnrate({QStringLiteral("--db"), db, QStringLiteral("contracts"), QStringLiteral("export"),
                                           QStringLiteral("--out"), exported},
                                          &out, &err),
                 0);
        std::vector<Contract> back;
        std::string error;
        QFile f(exported);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY2(Contracts::fromJson(f.readAll().toStdString(), back, error), error.c_str());
        QCOMPARE(back.size(), std::size_t(4));

        // A broken file names the contract and field, and changes nothing.
        QVERIFY(writeFile(file, R"({"burnrate_contracts": 1, "contracts": [{"name": "x", "provider": "OpenAI", "from": "2026-01-01",
                                    "discount_pct": "abc"}]})"));
        QCOMPARE(TestSupport::runBurnrate({QStringLiteral("--db"), db, QStringLiteral("contracts"), QStringLiteral("import"), file},
                                          &out, &err),
                 1);
        QVERIFY2(err.contains(QStringLiteral("contracts.json: contracts[0] (x): field 'discount_pct': 'abc' is not a percentage")),
                 qPrintable(err));
        QCOMPARE(TestSupport::runBurnrate({QStringLiteral("--db"), db, QStringLiteral("contracts"), QStringLiteral("bogus")}, &out, &err), 2);
        QCOMPARE(TestSupport::runBurnrate({QStringLiteral("--db"), db, QStringLiteral("contracts"), QStringLiteral("import")}, &out, &err), 2);
        QVERIFY2(err.contains(QStringLiteral("import needs exactly one FILE.json")), qPrintable(err));

        // --help answers without touching (or creating) a store.
        const QString none = m_dir.filePath(QStringLiteral("none.sqlite"));
        QCOMPARE(TestSupport::runBurnrate({QStringLiteral("--db"), none, QStringLiteral("contracts"), QStringLiteral("--help")}, &out, &err), 0);
        QVERIFY2(out.startsWith(QStringLiteral("Usage: burnrate contracts ")) && out.contains(QStringLiteral("--replace")), qPrintable(out));
        QVERIFY(!QFile::exists(none));
    }

    // The same scenario with and without a 20% discount: every price is exactly 0.8 × list, and
    // the token counts make each side's numerator a whole number of money units, so savings scale
    // by exactly 0.8. (With arbitrary token counts each side is rounded once to 1e-10, so the
    // scaled savings can differ from 0.8 × savings by at most one such unit.)
    void simulatorSavingsScale()
    {
        auto catalog = std::make_shared<Pricing::PriceCatalog>();
        std::string error;
        QVERIFY2(Pricing::PriceCatalog::loadBuiltin(*catalog, error), error.c_str());
        auto usage = std::make_shared<Simulation::UsageSnapshot>();
        usage->fromDay = day("2026-03-01");
        usage->toDay = day("2026-03-10");
        Simulation::UsageGroup g;
        g.provider = "OpenAI";
        g.model = "gpt-4o";
        g.feature = "chatbot";
        const auto group = Simulation::addGroup(*usage, g);
        for (std::int64_t d = usage->fromDay; d <= usage->toDay; ++d) {
            Simulation::UsageCell c;
            c.day = d;
            c.group = group;
            c.tokens = {10'000'000, 0, 0, 0, 2'000'000};
            c.requests = 1000;
            usage->cells.push_back(c);
        }
        Simulation::Scenario scenario;
        QVERIFY2(Simulation::parseScenario(R"({"burnrate_scenario": 1, "name": "swap", "steps": [
            {"type": "model_swap", "features": ["chatbot"], "from_model": "gpt-4o", "to_model": "gpt-4o-mini", "share_pct": 50}]})",
                                           scenario, error),
                 error.c_str());
        const auto atList = Simulation::evaluate(Simulation::PricedUsage(usage, catalog), scenario);
        auto contracted = std::make_shared<Pricing::PriceCatalog>(*catalog);
        Contract c;
        c.name = "20%";
        c.provider = "OpenAI";
        c.fromDay = usage->fromDay;
        c.discountBp = 2000;
        contracted->setAdjuster(std::make_shared<Contracts::ContractBook>(std::vector<Contract>{c}));
        const auto atContract = Simulation::evaluate(Simulation::PricedUsage(usage, contracted), scenario);
        QVERIFY(atList.savings > 0);
        QCOMPARE(atContract.baseline * 10, atList.baseline * 8);
        QCOMPARE(atContract.savings * 10, atList.savings * 8);
        QCOMPARE(atContract.savingsLow * 10, atList.savingsLow * 8);
        QCOMPARE(atContract.savingsHigh * 10, atList.savingsHigh * 8);
        QCOMPARE(atList.baseline, Cost::BigMoney(usd("450.00"))); // 10 days × (10M × $2.50 + 2M × $10) / 1M
    }
};

QTEST_GUILESS_MAIN(TestContracts)
#include "tst_contracts.moc"
