#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace Conn {

/// The words of a meter / SKU description, lower-cased (ASCII), split at any character of
/// `separators`; empty words are dropped. Pure function.
std::vector<std::string> lowerWords(std::string_view text, std::string_view separators);

} // namespace Conn
