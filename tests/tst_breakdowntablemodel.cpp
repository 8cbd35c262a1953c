// The table model of the spend pages: consistent under QAbstractItemModelTester with real
// breakdowns, sorting on numbers (exact money for costs, unknowns last), blanks — never 0 —
// where a figure is unknown, and names for empty keys.
#include "analytics/breakdown.h"
#include "domain/timeparse.h"
#include "guitestmain.h"
#include "testsupport.h"
#include "import/demogenerator.h"
#include "spend/breakdowntablemodel.h"
#include "spend/spendformat.h"
#include "store/store.h"

#include <algorithm>
#include <iterator>

#include <QAbstractItemModelTester>
#include <QPersistentModelIndex>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using Analytics::BreakdownRow;
using Model = BreakdownTableModel;

namespace {

Cost::BigMoney dollars(double amount)
{
    return static_cast<Cost::BigMoney>(std::llround(amount * 100)) * (Cost::kMoneyScale / 100);
}

BreakdownRow row(const char *key, double cost, std::int64_t tokens = 0, std::int64_t requests = 0, double previous = 0)
{
    BreakdownRow r;
    r.key = key;
    r.cost = dollars(cost);
    r.previousCost = dollars(previous);
    r.tokens = tokens;
    r.requests = requests;
    if (tokens > 0) {
        r.kindTokens[0] = tokens / 2;
        r.kindTokens[3] = tokens - tokens / 2;
        std::copy(std::begin(r.kindTokens), std::end(r.kindTokens), std::begin(r.kindPricedTokens));
        r.kindCost[0] = r.cost / 4;
        r.kindCost[3] = r.cost - r.cost / 4;
        r.tokenCost = r.cost;
        r.pricedTokens = tokens;
    }
    r.requestCost = r.cost;
    r.pricedRequests = requests;
    return r;
}

Analytics::Breakdown synthetic()
{
    Analytics::Breakdown b;
    b.query.topN = 2;
    // Costs whose text order ("$10", "$100", "$9") differs from their numeric order.
    b.rows = {row("alpha", 100, 1'000'000, 50, 80), row("beta", 10, 2'000, 0, 0), row("gamma", 9, 0, 0, 12),
              row("", 9.5, 500, 5, 9.5)};
    for (const BreakdownRow &r : b.rows)
        b.total += r.cost;
    for (BreakdownRow &r : b.rows)
        r.share = Cost::toDouble(r.cost) / Cost::toDouble(b.total);
    return b;
}

QStringList column(const Model &model, int c, int role = Qt::DisplayRole)
{
    QStringList out;
    for (int r = 0; r < model.rowCount(); ++r)
        out << model.data(model.index(r, c), role).toString();
    return out;
}

} // namespace

class TestBreakdownTableModel : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    Cost::Store m_store;
    const std::int64_t m_end = Cost::daysFromCivil(2026, 3, 31);

    Analytics::Breakdown load(const std::string &dimension, std::vector<Analytics::Filter> filters = {})
    {
        Analytics::BreakdownQuery q;
        q.dimension = dimension;
        q.toDay = m_end;
        q.fromDay = m_end - 59;
        q.filters = std::move(filters);
        q.topN = 4;
        return TestSupport::loadBreakdown(m_store.db(), q);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QLocale::setDefault(QLocale::c());
        std::string error;
        QVERIFY2(TestSupport::openDemoStore(m_store, m_dir.filePath(QStringLiteral("t.sqlite")), m_end, 120, &error), error.c_str());
    }

    void realDataUnderTester_data()
    {
        QTest::addColumn<QString>("dimension");
        for (const char *d : {"model", "feature", "provider", "service", "team", "token_kind", "billing_account"})
            QTest::newRow(d) << QString::fromLatin1(d);
    }
    void realDataUnderTester()
    {
        QFETCH(QString, dimension);
        Model model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const Analytics::Breakdown b = load(dimension.toStdString());
        QVERIFY(b.rows.size() >= 2);
        model.setBreakdown(b, dimension, QStringLiteral("USD"));
        QCOMPARE(model.rowCount(), static_cast<int>(b.rows.size()));
        QCOMPARE(model.columnCount(), static_cast<int>(Model::ColumnCount));
        // Initially by cost, descending: the breakdown's own order.
        for (int r = 0; r < model.rowCount(); ++r)
            QCOMPARE(model.keyAt(r), QString::fromStdString(b.rows[static_cast<std::size_t>(r)].key));
        QCOMPARE(model.headerData(Model::Name, Qt::Horizontal).toString(), SpendFormat::dimensionTitle(dimension));

        // Every column, both ways: the numbers behind the cells are ordered, unknowns last.
        for (int c = 0; c < Model::ColumnCount; ++c) {
            for (Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
                QPersistentModelIndex first(model.index(0, c));
                const QString firstKey = model.keyAt(0);
                model.sort(c, order);
                QVERIFY(first.isValid());
                QCOMPARE(model.data(first, Model::KeyRole).toString(), firstKey); // persistent indexes follow their row
                for (int r = 1; r < model.rowCount(); ++r) {
                    if (c == Model::Name)
                        continue;
                    if (c == Model::Cost) {
                        const Cost::BigMoney a = model.rowAt(r - 1).cost, z = model.rowAt(r).cost;
                        QVERIFY(order == Qt::AscendingOrder ? a <= z : a >= z);
                        continue;
                    }
                    const double a = model.data(model.index(r - 1, c), Model::SortRole).toDouble();
                    const double z = model.data(model.index(r, c), Model::SortRole).toDouble();
                    if (std::isnan(a)) {
                        QVERIFY2(std::isnan(z), "an unknown value sorted before a known one");
                        continue;
                    }
                    if (!std::isnan(z))
                        QVERIFY(order == Qt::AscendingOrder ? a <= z : a >= z);
                }
            }
        }
        // A reload keeps the chosen sort.
        model.sort(Model::Share, Qt::AscendingOrder);
        model.setBreakdown(load(dimension.toStdString(), {{"provider", "OpenAI"}}), dimension, QStringLiteral("USD"));
        for (int r = 1; r < model.rowCount(); ++r)
            QVERIFY(model.rowAt(r - 1).share <= model.rowAt(r).share);
        model.setBreakdown(Analytics::Breakdown{}, dimension, QStringLiteral("USD"));
        QCOMPARE(model.rowCount(), 0);
    }

    void sortsNumbersNotStrings()
    {
        Model model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setBreakdown(synthetic(), QStringLiteral("model"), QStringLiteral("USD"));
        model.sort(Model::Cost, Qt::AscendingOrder);
        QCOMPARE(column(model, Model::Cost), (QStringList{QStringLiteral("$9.00"), QStringLiteral("$9.50"),
                                                          QStringLiteral("$10.00"), QStringLiteral("$100.00")}));
        model.sort(Model::Cost, Qt::DescendingOrder);
        QCOMPARE(column(model, Model::Name),
                 (QStringList{QStringLiteral("alpha"), QStringLiteral("beta"), QStringLiteral("Not itemised by model"), QStringLiteral("gamma")}));
        // Change: +25% (alpha), 0% (none), -25% (gamma); beta had nothing before and sorts last either way.
        model.sort(Model::Change, Qt::DescendingOrder);
        QCOMPARE(column(model, Model::Name).first(), QStringLiteral("alpha"));
        QCOMPARE(column(model, Model::Name).last(), QStringLiteral("beta"));
        model.sort(Model::Change, Qt::AscendingOrder);
        QCOMPARE(column(model, Model::Name).first(), QStringLiteral("gamma"));
        QCOMPARE(column(model, Model::Name).last(), QStringLiteral("beta"));
        // Tokens: 1M > 2,000 > 500; gamma reports none and goes last in both directions.
        model.sort(Model::Tokens, Qt::AscendingOrder);
        QCOMPARE(column(model, Model::Name),
                 (QStringList{QStringLiteral("Not itemised by model"), QStringLiteral("beta"), QStringLiteral("alpha"), QStringLiteral("gamma")}));
        model.sort(Model::Tokens, Qt::DescendingOrder);
        QCOMPARE(column(model, Model::Name).last(), QStringLiteral("gamma"));
    }

    void unknownIsBlankNeverZero()
    {
        Model model;
        model.setBreakdown(synthetic(), QStringLiteral("model"), QStringLiteral("USD"));
        model.sort(Model::Cost, Qt::DescendingOrder);
        // alpha: everything known.
        QCOMPARE(model.data(model.index(0, Model::Tokens)).toString(), QStringLiteral("1.00M"));
        QCOMPARE(model.data(model.index(0, Model::Requests)).toString(), QStringLiteral("50"));
        QCOMPARE(model.data(model.index(0, Model::Change)).toString(), QStringLiteral("+25.0%"));
        QCOMPARE(model.data(model.index(0, Model::TokensPerRequest)).toString(), QStringLiteral("20,000"));
        QCOMPARE(model.data(model.index(0, Model::CostPerRequest)).toString(), QStringLiteral("$2.00"));
        // $25 of input over 500,000 tokens: $50 per million.
        QCOMPARE(model.data(model.index(0, Model::InputPerMillion)).toString(), QStringLiteral("$50.00"));
        QCOMPARE(model.data(model.index(0, Model::CachedShare)).toString(), QStringLiteral("0.0%"));
        QCOMPARE(model.data(model.index(0, Model::Cost), Qt::ToolTipRole).toString(), QStringLiteral("alpha: $100.00 billed"));
        // beta: no requests, no previous period, no cached tokens.
        QCOMPARE(model.data(model.index(1, Model::Requests)).toString(), QString());
        QCOMPARE(model.data(model.index(1, Model::TokensPerRequest)).toString(), QString());
        QCOMPARE(model.data(model.index(1, Model::CostPerRequest)).toString(), QString());
        QCOMPARE(model.data(model.index(1, Model::CachedPerMillion)).toString(), QString());
        QCOMPARE(model.data(model.index(1, Model::Change)).toString(), QStringLiteral("new"));
        QVERIFY(std::isnan(model.data(model.index(1, Model::Change), Model::SortRole).toDouble()));
        QCOMPARE(model.data(model.index(1, Model::Change), Model::ExportRole).toString(), QString());
        // gamma: no tokens at all — every token figure blank.
        for (int c : {int(Model::Tokens), int(Model::InputPerMillion), int(Model::OutputPerMillion),
                      int(Model::BlendedPerMillion), int(Model::CachedShare)}) {
            QCOMPARE(model.data(model.index(3, c)).toString(), QString());
            QCOMPARE(model.data(model.index(3, c), Model::ExportRole).toString(), QString());
        }
        QCOMPARE(model.data(model.index(3, Model::Change)).toString(), QStringLiteral("\u221225.0%"));
        // Colour swatches follow the series: the top two in colour, the rest in Other's grey.
        QVERIFY(model.data(model.index(0, Model::Name), Qt::DecorationRole).value<QColor>()
                != model.data(model.index(2, Model::Name), Qt::DecorationRole).value<QColor>());
        QCOMPARE(model.data(model.index(2, Model::Name), Qt::DecorationRole).value<QColor>(),
                 model.data(model.index(3, Model::Name), Qt::DecorationRole).value<QColor>());
    }

    void emptyKeysAreNamed_data()
    {
        QTest::addColumn<QString>("dimension");
        QTest::addColumn<QString>("shown");
        // Allocation dimensions name an empty key "(unallocated)", model "Not itemised by model" (cost
        // billed without line items, issue #23 item 3), the others "(none)".
        for (const char *d : {"feature", "team"})
            QTest::newRow(d) << QString::fromLatin1(d) << QStringLiteral("(unallocated)");
        QTest::newRow("model") << QStringLiteral("model") << QStringLiteral("Not itemised by model");
        QTest::newRow("provider") << QStringLiteral("provider") << QStringLiteral("(none)");
    }
    void emptyKeysAreNamed()
    {
        QFETCH(QString, dimension);
        QFETCH(QString, shown);
        Model model;
        model.setBreakdown(synthetic(), dimension, QStringLiteral("USD"));
        model.sort(Model::Name, Qt::AscendingOrder);
        const QStringList names = column(model, Model::Name);
        QVERIFY(names.contains(shown));
        const int r = static_cast<int>(names.indexOf(shown));
        QCOMPARE(model.keyAt(r), QString());
        QCOMPARE(model.data(model.index(r, Model::Name), Model::KeyRole).toString(), QString());
    }
};

BURNRATE_GUI_TEST_MAIN(TestBreakdownTableModel)
#include "tst_breakdowntablemodel.moc"
