#pragma once

/// Round tick steps for money and value axes, shared by the window's charts and the report's.
/// Pure functions; any thread.
namespace AxisTicks {

/// 1, 2, 2.5 or 5 times a power of ten, at least `raw` (1 when `raw` is not positive).
double niceStep(double raw);
/// Decimals (at most 6) needed to print multiples of `step` exactly.
int decimalsFor(double step);

} // namespace AxisTicks
