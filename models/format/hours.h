#pragma once

#include <QString>

/// Hours as the window and the report show them (billed instance hours of an endpoint). Part of
/// the one formatting module (format.h); a header of its own so that only its callers include it.
namespace Format {

/// Hours with the locale's grouping and up to two decimals, trailing zeros dropped ("2,160", "1.5").
QString hours(double hours);

} // namespace Format
