#pragma once

#include <string>

namespace Cli {

/// A CSV field for output: quoted (with doubled quotes) only when it has to be.
std::string csvField(const std::string &s);

} // namespace Cli
