#pragma once

#include "domain/costrecord.h"

#include <string>
#include <string_view>
#include <vector>

namespace Cost {

/// Maps FOCUS columns (any version, any producer) to Records. Pure: no I/O, no store.
class FocusRowParser {
public:
    /// Reads the header; false with error()/errorColumn() when a mandatory column is missing.
    bool setHeader(const std::vector<std::string_view> &header);
    /// Number of columns the header declared.
    std::size_t columnCount() const { return m_columns.size(); }
    /// Converts one row; false with error()/errorColumn() on a malformed value. The record's
    /// views point into `fields` or into this parser (valid until the next call).
    bool parse(const std::vector<std::string_view> &fields, Record &out);
    /// Whether parse() checks that every field is valid UTF-8 (needed only once the file showed
    /// a byte outside ASCII; see CsvReader::sawNonAscii). On by default.
    void setCheckUtf8(bool check) { m_checkUtf8 = check; }
    const std::string &error() const { return m_error; }
    const std::string &errorColumn() const { return m_errorColumn; }
    /// Amounts rounded to ten decimals so far.
    std::int64_t roundedAmounts() const { return m_rounded; }

    enum class Role : std::uint8_t {
        Extra, Dim, PriceDim, Amount, ChargeStart, ChargeEnd, PeriodStart, PeriodEnd, Consumed, PricingQty, Provider, Requests, Tokens
    };

private:
    struct Column {
        std::string name;
        Role role = Role::Extra;
        std::uint8_t target = 0; // Dim or Amount index
    };
    bool fail(const Column &col, std::string message);

    std::vector<Column> m_columns;
    std::string m_extras;
    std::string m_error;
    std::string m_errorColumn;
    bool m_checkUtf8 = true;
    std::int64_t m_rounded = 0;
    std::string m_lastStartText[2];
    std::int64_t m_lastStart[2] = {0, 0};
};

} // namespace Cost
