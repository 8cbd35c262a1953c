#pragma once

#include "domain/costrecord.h"

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace Export {

/// The dimension texts of one stored combination (`combo`), as the export reads them.
struct ComboText {
    std::array<std::string, Cost::kDimCount> dims;
    Cost::TokenKind kind = Cost::TokenKind::None;
};

/// One output row: a stored charge, or one allocation part of it, with exact amounts.
struct ChargeRow {
    std::int64_t start = 0;
    std::int64_t end = 0;
    std::int64_t periodStart = 0;
    std::int64_t periodEnd = 0;
    Cost::Money billed = 0;
    Cost::Money effective = 0;
    Cost::Money list = 0;
    Cost::Money contracted = 0;
    double consumed = 0;        ///< NaN = null
    double pricing = 0;         ///< NaN = null
    std::int64_t tokens = -1;   ///< -1 = not known
    std::int64_t requests = -1; ///< -1 = not known
    bool split = false;         ///< one part of a charge allocation split over several rows
    std::string_view feature;   ///< after the allocation rules
    std::string_view team;
    /// Columns the importer kept verbatim (`fact.extras`), name → value.
    const std::vector<std::pair<std::string, std::string>> *extras = nullptr;
};

/// Lays out FOCUS 1.2 rows: the 57 FOCUS 1.2 columns in the specification's order, then
/// Burnrate's `x_` columns, then the extra columns the importer kept. Pure: formats into a
/// string, no I/O. Per-combination text is prepared once (prepare()) and reused for every row.
class FocusRowWriter {
public:
    /// `extraNames`: names found in the extras of the rows to write; `defaultCurrency` fills a
    /// BillingCurrency the store does not know.
    FocusRowWriter(const std::vector<std::string> &extraNames, std::string defaultCurrency);

    /// The header line's column names, in order.
    const std::vector<std::string> &columns() const { return m_names; }
    /// Appends the header line.
    void appendHeader(std::string &out) const;
    /// Prepares the per-combination cells of `combo`; returns its handle for appendRow().
    std::size_t prepare(const ComboText &combo);
    /// Appends one CSV line for `row` of the prepared combination `handle`.
    void appendRow(std::size_t handle, const ChargeRow &row, std::string &out) const;

    /// The 57 FOCUS 1.2 column names, in the specification's order.
    static const std::vector<std::string> &focusColumns();
    /// The SkuPriceDetails JSON for a model and token kind (FOCUS AI working-draft keys ModelId,
    /// TokenDirection, TokenCacheAction), merged into `original` when it is a JSON object.
    static std::string skuPriceDetails(std::string_view original, std::string_view model, Cost::TokenKind kind);

    enum class Source : std::uint8_t;

private:
    struct Column {
        std::string name;
        Source source;
        std::uint8_t index = 0; ///< Dim for dimension columns
        std::string extraKey;   ///< the extras key an Extra column reads
    };
    struct Prepared {
        std::vector<std::string> cells; ///< CSV-escaped, per column; empty for per-row columns
        std::string consumedUnit, pricingUnit;
        double consumedMult = 0, pricingMult = 0;
        Cost::TokenKind kind = Cost::TokenKind::None;
        bool usageOrPurchase = true;
    };

    void appendTime(std::string &out, std::size_t slot, std::int64_t t) const;

    std::vector<Column> m_columns;
    std::vector<std::string> m_names;
    std::string m_currency;
    std::vector<Prepared> m_prepared;
    mutable std::array<std::pair<std::int64_t, std::string>, 4> m_times{}; ///< last instant per time column
};

/// Appends `text` as one CSV field (quoted when it holds a comma, quote or line break).
void appendCsvField(std::string &out, std::string_view text);
/// Appends an exact decimal of `amount` (money units, see Cost::Money) without trailing zeros.
void appendMoney(std::string &out, Cost::Money amount);

} // namespace Export
