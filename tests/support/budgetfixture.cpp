#include "budgetfixture.h"

#include "testsupport.h"

#include "domain/timeparse.h"
#include "import/ingestor.h"
#include "store/store.h"

#include <QFile>
#include <QtGlobal>

#include <string>
#include <vector>

namespace BudgetFixture {

namespace {

bool isWeekend(std::int64_t d) { return ((d + 3) % 7 + 7) % 7 >= 5; }

Cost::Money chatbotSpend(std::int64_t d)
{
    const Cost::Money wobble = ((d * 7919) % 13 - 6) * 15000000000LL; // ±9.00, deterministic
    return (isWeekend(d) ? 601250000000LL : 1002500000000LL) + wobble + d % 7;
}

Cost::Money searchSpend(std::int64_t) { return 505000000000LL; }

} // namespace

std::int64_t day(const char *iso) { return TestSupport::day(iso); }

std::int64_t firstDay() { return day("2024-10-01"); }

std::int64_t lastDay() { return day("2025-03-31"); }

Cost::Money spendOf(const Scope &scope, std::int64_t d)
{
    if (d < firstDay() || d > lastDay())
        return 0;
    const std::string dim = scope.dim, value = scope.value;
    const bool chatbot = dim.empty() || (dim == "feature" && value == "chatbot") || (dim == "model" && value == "gpt-4o")
        || (dim == "provider" && value == "OpenAI") || (dim == "team" && value == "support");
    const bool search = dim.empty() || (dim == "feature" && value == "search")
        || (dim == "model" && value == "gemini-2.0-flash") || (dim == "provider" && value == "Google Cloud")
        || (dim == "team" && value == "discovery");
    return (chatbot ? chatbotSpend(d) : 0) + (search ? searchSpend(d) : 0);
}

Cost::BigMoney sumOf(const Scope &scope, std::int64_t from, std::int64_t to)
{
    Cost::BigMoney s = 0;
    for (std::int64_t d = from; d <= to; ++d)
        s += spendOf(scope, d);
    return s;
}

bool writeStore(const QString &path)
{
    Cost::Store store;
    if (!store.open(path.toStdString()))
        return false;
    Cost::ImportMeta meta;
    meta.kind = "test";
    meta.path = "budget fixture";
    meta.batch = Cost::Ingestor::newBatch(store.db());
    Cost::Ingestor ingestor(store.db());
    if (!ingestor.begin(meta))
        return false;
    std::vector<Cost::FactRow> rows;
    for (std::int64_t d = firstDay(); d <= lastDay(); ++d) {
        int y = 0;
        unsigned m = 0, dd = 0;
        Cost::civilFromDays(d, y, m, dd);
        const std::int64_t periodStart = Cost::daysFromCivil(y, m, 1) * 86400;
        const std::int64_t periodEnd = Cost::daysFromCivil(m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1, 1) * 86400;
        for (int f = 0; f < 2; ++f) {
            using Cost::Dim;
            Cost::Record r;
            r.setDim(Dim::Provider, f == 0 ? "OpenAI" : "Google Cloud");
            r.setDim(Dim::BillingAccount, f == 0 ? "org-test" : "proj-test");
            r.setDim(Dim::Service, f == 0 ? "OpenAI API" : "Vertex AI");
            r.setDim(Dim::Model, f == 0 ? "gpt-4o" : "gemini-2.0-flash");
            r.setDim(Dim::Feature, f == 0 ? "chatbot" : "search");
            r.setDim(Dim::Team, f == 0 ? "support" : "discovery");
            r.setDim(Dim::ChargeCategory, "Usage");
            r.setDim(Dim::Currency, "USD");
            r.chargeStart = d * 86400 + 12 * 3600;
            r.chargeEnd = r.chargeStart + 3600;
            r.billingPeriodStart = periodStart;
            r.billingPeriodEnd = periodEnd;
            const Cost::Money cost = f == 0 ? chatbotSpend(d) : searchSpend(d);
            r.setAmount(Cost::Amount::Billed, cost);
            r.setAmount(Cost::Amount::Effective, cost);
            rows.emplace_back();
            ingestor.resolve(r, rows.back());
        }
    }
    Cost::IngestResult result;
    if (!ingestor.insert(rows.data(), rows.size()) || !ingestor.commit(1, 1, result)) {
        qWarning("budget fixture: ingest failed: %s", ingestor.error().c_str());
        ingestor.rollback();
        return false;
    }
    return result.rows == static_cast<std::int64_t>(rows.size());
}

bool StoreCopies::init()
{
    m_template = m_dir.filePath(QStringLiteral("template.sqlite"));
    return m_dir.isValid() && writeStore(m_template);
}

QString StoreCopies::fresh()
{
    const QString path = m_dir.filePath(QStringLiteral("store%1.sqlite").arg(++m_copies));
    if (!QFile::copy(m_template, path))
        qFatal("cannot copy the test store");
    return path;
}

} // namespace BudgetFixture
