#pragma once

#include "domain/money.h"

#include <optional>
#include <string_view>

namespace Conn {

/// The hourly price of one replica of a Hugging Face Inference Endpoint instance (USD, exact), by
/// vendor, instance type and size exactly as the management API names them ("aws",
/// "nvidia-a10g", "x1"); nullopt for an instance the shipped table does not know. Pure.
std::optional<Cost::Money> huggingFaceHourlyPrice(std::string_view vendor, std::string_view instanceType,
                                                  std::string_view instanceSize);

} // namespace Conn
