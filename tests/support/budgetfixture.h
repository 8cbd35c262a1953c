#pragma once

#include "domain/money.h"

#include <QString>
#include <QTemporaryDir>

#include <cstdint>

/// A store with known daily AI spend, for the budget tests: two features from 2024-10-01 to
/// 2025-03-31, one charge per feature and day.
/// chatbot (OpenAI, gpt-4o, team support): 100.25 on weekdays, 60.125 at weekends, ±9.00 of
/// deterministic noise, plus (day mod 7) units of 1e-10 so that sums are exact to the last decimal.
/// search (Google Cloud, gemini-2.0-flash, team discovery): 50.50 every day.
namespace BudgetFixture {

/// A DIM=VALUE scope; an empty dim is all spend.
struct Scope {
    const char *dim = "";
    const char *value = "";
};

/// Day number of a "YYYY-MM-DD" date (aborts the test on a typo).
std::int64_t day(const char *iso);

/// First and last day with charges.
std::int64_t firstDay();
std::int64_t lastDay();

/// The test's own expectation of one scope's spend on one day.
Cost::Money spendOf(const Scope &scope, std::int64_t day);

/// Exact spend of a scope over [from, to].
Cost::BigMoney sumOf(const Scope &scope, std::int64_t from, std::int64_t to);

/// Creates the store at `path` through Cost::Ingestor; false on failure.
bool writeStore(const QString &path);

/// The fixture store written once into a temporary folder, and fresh copies of it (each test has
/// its own budgets and alerts).
class StoreCopies {
public:
    /// Writes the template store; false on failure.
    bool init();
    /// The template's path (read-only use).
    const QString &templatePath() const { return m_template; }
    /// A new copy of the template (aborts the test when it cannot be made).
    QString fresh();

private:
    QTemporaryDir m_dir;
    QString m_template;
    int m_copies = 0;
};

} // namespace BudgetFixture
