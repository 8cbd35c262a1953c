#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <utility>

/// Names of enum values as they are stored and typed on the command line, from one table per
/// enum, so that each name is written once for both directions.
namespace Cost {

template <typename E>
using EnumName = std::pair<E, std::string_view>;

/// The value called `name` in `table`; nullopt when none is.
template <typename E, std::size_t N>
constexpr std::optional<E> enumFromName(std::string_view name, const EnumName<E> (&table)[N])
{
    for (const auto &[value, valueName] : table)
        if (valueName == name)
            return value;
    return std::nullopt;
}

/// The name of `value` in `table`; `fallback` when the table has none.
template <typename E, std::size_t N>
constexpr std::string_view enumName(E value, const EnumName<E> (&table)[N], std::string_view fallback)
{
    for (const auto &[v, valueName] : table)
        if (v == value)
            return valueName;
    return fallback;
}

} // namespace Cost
