// What contracts' commitments and credits come to (contracts/contractledger): a monthly minimum
// prorated over a partial month and its unused part, a provisioned fee whose monthly shares sum
// to the fee exactly, credits drawn in expiry order with the forecast day they run out, the scope
// of a contract on a real store, and `burnrate contracts status`.
#include "contracts/contractjson.h"
#include "contracts/contractledger.h"
#include "domain/timeparse.h"
#include "import/focusimporter.h"
#include "import/ingestor.h"
#include "store/store.h"
#include "testsupport.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using Contracts::CommitmentKind;
using Contracts::Contract;
using TestSupport::day;
using TestSupport::usd;

namespace {

Contract openAi(const char *from)
{
    Contract c;
    c.name = "deal";
    c.provider = "OpenAI";
    c.fromDay = day(from);
    return c;
}

/// `perDay` billed every day of [from, asOf], and a flat forecast of `forecastPerDay` after.
struct Series {
    Contracts::ScopeSpend spend;
    Contracts::SpendForecast forecast;
};
Series flat(const char *from, const char *asOf, const char *perDay, double forecastPerDay)
{
    Series s;
    s.spend.firstDay = day(from);
    s.spend.currency = "USD";
    s.spend.perDay.assign(static_cast<std::size_t>(day(asOf) - day(from) + 1), usd(perDay));
    s.forecast.firstDay = day(asOf) + 1;
    s.forecast.perDay.assign(Contracts::kForecastHorizon, forecastPerDay);
    return s;
}

Contracts::Statement statementFor(const Contract &c, const Series &s, const char *from, const char *to, const char *asOf)
{
    Contracts::Statement out;
    out.fromDay = day(from);
    out.toDay = day(to);
    out.asOfDay = day(asOf);
    Contracts::accountContract(c, s.spend, s.forecast, out);
    return out;
}

} // namespace

class TestContractLedger : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

private Q_SLOTS:
    // $310 a month from Mar 16: March owes 16/31 of it ($160.00); $5 a day leaves $80 of March and
    // $160 of April unused; May (open, $5 so far a day and forecast) falls short by $155.
    void monthlyMinimum()
    {
        Contract c = openAi("2026-03-16");
        c.commitments.push_back({CommitmentKind::MonthlyMinimum, usd("310"), "minimum"});
        const auto s = statementFor(c, flat("2026-03-16", "2026-05-10", "5", 5.0), "2026-03-01", "2026-05-31", "2026-05-10");
        QCOMPARE(s.commitments.size(), std::size_t(3));
        const auto &mar = s.commitments[0], &apr = s.commitments[1], &may = s.commitments[2];
        QCOMPARE(mar.fromDay, day("2026-03-16"));
        QCOMPARE(mar.toDay, day("2026-04-01"));
        QCOMPARE(mar.committed, Cost::BigMoney(usd("160")));
        QCOMPARE(mar.used, Cost::BigMoney(usd("80")));
        QVERIFY(mar.complete);
        QCOMPARE(mar.unused, Cost::BigMoney(usd("80")));
        QVERIFY(!mar.metDay);
        QCOMPARE(apr.committed, Cost::BigMoney(usd("310")));
        QCOMPARE(apr.unused, Cost::BigMoney(usd("160")));
        QVERIFY(!may.complete);
        QCOMPARE(may.used, Cost::BigMoney(usd("50")));
        QCOMPARE(may.unused, Cost::BigMoney(0));
        QCOMPARE(may.forecastUnused, Cost::BigMoney(usd("155"))); // 310 − 31 × 5
        QVERIFY(!may.forecastMetDay);
        QCOMPARE(s.unusedTotal(), Cost::BigMoney(usd("240")));

        // $20 a day meets April on its 16th day ($320); May is met by the forecast on May 16.
        const auto met = statementFor(c, flat("2026-03-16", "2026-05-10", "20", 20.0), "2026-04-01", "2026-05-31", "2026-05-10");
        QCOMPARE(met.commitments.size(), std::size_t(2));
        QCOMPARE(met.commitments[0].metDay, std::optional<std::int64_t>(day("2026-04-16")));
        QCOMPARE(met.commitments[0].unused, Cost::BigMoney(0));
        QVERIFY(!met.commitments[1].metDay);
        QCOMPARE(met.commitments[1].forecastMetDay, std::optional<std::int64_t>(day("2026-05-16")));
        QCOMPARE(met.unusedTotal(), Cost::BigMoney(0));
    }

    // A $1000 fee over 92 days: the months' shares are the amortised days' and sum to $1000 exactly.
    void provisionedShares()
    {
        Contract c = openAi("2026-03-10");
        c.toDay = day("2026-06-10");
        c.commitments.push_back({CommitmentKind::Provisioned, usd("1000"), {}});
        const auto s = statementFor(c, flat("2026-03-10", "2026-06-30", "0", 0.0), "2026-01-01", "2026-12-31", "2026-06-30");
        QCOMPARE(s.commitments.size(), std::size_t(4));
        Cost::BigMoney sum = 0;
        for (const auto &m : s.commitments) {
            Cost::BigMoney days = 0;
            for (std::int64_t d = m.fromDay; d < m.toDay; ++d)
                days += Contracts::amortisedFee(c.commitments[0].amount, c.fromDay, c.toDay, d);
            QCOMPARE(m.committed, days);
            QCOMPARE(m.unused, m.committed); // nothing billed
            sum += m.committed;
        }
        QCOMPARE(sum, Cost::BigMoney(usd("1000")));
        QCOMPARE(s.commitments.back().toDay, day("2026-06-10"));
    }

    // $15 a day from Mar 1: a $100 credit expiring Mar 11 is used up on Mar 7 and its last $5
    // spill into a $300 credit without expiry, which holds $100 on Mar 20 and runs out on Mar 27
    // at the forecast's $15 a day. A $1000 credit expiring Apr 1 (drawn after both) expires with
    // what the forecast leaves.
    void creditsInExpiryOrder()
    {
        Contract c = openAi("2026-03-01");
        c.credits.push_back({usd("300"), Contracts::kOpenEnded, "open"});
        c.credits.push_back({usd("100"), day("2026-03-11"), "short"});
        const Series series = flat("2026-03-01", "2026-03-20", "15", 15.0);
        const auto s = statementFor(c, series, "2026-03-01", "2026-03-31", "2026-03-20");
        QCOMPARE(s.credits.size(), std::size_t(2));
        const auto &shortCredit = s.credits[0], &open = s.credits[1];
        QCOMPARE(shortCredit.note, std::string("short"));
        QCOMPARE(shortCredit.used, Cost::BigMoney(usd("100")));
        QCOMPARE(shortCredit.remaining, Cost::BigMoney(0));
        QCOMPARE(shortCredit.ranOutDay, std::optional<std::int64_t>(day("2026-03-07")));
        QCOMPARE(open.used, Cost::BigMoney(usd("200"))); // $5 on Mar 7, then 13 days × $15
        QCOMPARE(open.remaining, Cost::BigMoney(usd("100")));
        QVERIFY(!open.ranOutDay);
        QCOMPARE(open.forecastRunOutDay, std::optional<std::int64_t>(day("2026-03-27")));
        QVERIFY(!open.expired);

        Contract big = openAi("2026-03-01");
        big.credits.push_back({usd("1000"), day("2026-04-01"), "big"});
        const auto b = statementFor(big, series, "2026-03-01", "2026-03-31", "2026-03-20");
        QCOMPARE(b.credits.size(), std::size_t(1));
        QCOMPARE(b.credits[0].remaining, Cost::BigMoney(usd("700")));
        QVERIFY(!b.credits[0].forecastRunOutDay);
        QCOMPARE(b.credits[0].forecastLeftAtExpiry, Cost::BigMoney(usd("535"))); // 700 − 11 days × $15
        const auto expired = statementFor(big, series, "2026-03-01", "2026-04-30", "2026-04-20");
        QVERIFY(expired.credits[0].expired);
    }

    // On a store: a contract sees its provider's charges only, a token-kind contract its kind only.
    void statementOnStore()
    {
        const QString db = m_dir.filePath(QStringLiteral("ledger.sqlite"));
        const QString csv = m_dir.filePath(QStringLiteral("ledger.csv"));
        {
            QFile f(csv);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(TestSupport::tokenFocusCsv("2026-03-01", "2026-03-10"));
        }
        Cost::Store store;
        QVERIFY(store.open(db.toStdString()));
        Cost::FocusImporter importer(store.db());
        const auto imported = importer.importFile(csv.toStdString(), Cost::Ingestor::newBatch(store.db()));
        QVERIFY2(imported.ok, imported.error.toString().c_str());

        const char *json = R"({"burnrate_contracts": 1, "contracts": [
          {"name": "all", "provider": "OpenAI", "from": "2026-03-01", "commitments": [{"type": "monthly_minimum", "amount": "310"}],
           "credits": [{"amount": "20", "note": "promo"}]},
          {"name": "output", "provider": "OpenAI", "token_kind": "output", "from": "2026-03-04",
           "commitments": [{"type": "monthly_minimum", "amount": "31"}]},
          {"name": "other account", "provider": "OpenAI", "account": "org-9", "from": "2026-03-01", "credits": [{"amount": "5"}]}]})";
        std::vector<Contract> contracts;
        std::string error;
        QVERIFY2(Contracts::fromJson(json, contracts, error), error.c_str());
        Contracts::Statement s;
        QVERIFY2(Contracts::buildStatement(store.db(), contracts, day("2026-03-01"), day("2026-03-10"), day("2026-03-10"), s, error),
                 error.c_str());
        QCOMPARE(s.commitments.size(), std::size_t(2));
        QCOMPARE(s.commitments[0].contract, std::string("all"));
        QCOMPARE(s.commitments[0].used, Cost::BigMoney(usd("28.00"))); // 10 days × $2.80, no Claude
        QCOMPARE(s.commitments[0].currency, std::string("USD"));
        QCOMPARE(s.commitments[1].contract, std::string("output"));
        QCOMPARE(s.commitments[1].committed, Cost::BigMoney(usd("28"))); // 28 of 31 days
        QCOMPARE(s.commitments[1].used, Cost::BigMoney(usd("5.60")));   // 7 days × $0.80
        QCOMPARE(s.credits.size(), std::size_t(2));
        QCOMPARE(s.credits[0].contract, std::string("all"));
        QCOMPARE(s.credits[0].ranOutDay, std::optional<std::int64_t>(day("2026-03-08"))); // $2.80 × 8 ≥ $20
        QCOMPARE(s.credits[1].contract, std::string("other account"));
        QCOMPARE(s.credits[1].used, Cost::BigMoney(0));

        // The command prints the same (the store's data ended in the past: as of its last day).
        const QString file = m_dir.filePath(QStringLiteral("contracts.json"));
        {
            QFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(json);
        }
        QString out, err;
        QCOMPARE(TestSupport::runBurnrate({QStringLiteral("--db"), db, QStringLiteral("contracts"), QStringLiteral("import"), file}, &out, &err), 0);
        QCOMPARE(TestSupport::runBurnrate({QStringLiteral("--db"), db, QStringLiteral("contracts"), QStringLiteral("status")}, &out, &err), 0);
        const QStringList lines = out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.value(0), QStringLiteral("contract,line,from,to,amount,used,left,status,day,currency,note"));
        QVERIFY2(lines.value(1).startsWith(QStringLiteral("all,monthly_minimum,2026-03-01,2026-03-31,310.00,28.00,")), qPrintable(out));
        QVERIFY2(lines.contains(QStringLiteral("all,credit,2026-03-01,,20.00,20.00,0.00,used_up,2026-03-08,USD,promo")), qPrintable(out));
        QCOMPARE(TestSupport::runBurnrate({QStringLiteral("--db"), db, QStringLiteral("contracts"), QStringLiteral("status"),
                                           QStringLiteral("--format"), QStringLiteral("xml")},
                                          &out, &err),
                 2);
    }
};

QTEST_GUILESS_MAIN(TestContractLedger)
#include "tst_contractledger.moc"
