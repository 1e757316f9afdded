#include "devices/ftj/kai.hpp"

#include <cmath>

namespace memspice::devices::ftj {

smooth::ValueSlope kai_growth(double s, double n) {
    if (s >= 1) return {0, 0};
    const double a = (n - 1) / n, offset = std::pow(kEquivalentTimeOffset, n);
    const double q = s > 0 ? -std::log1p(-s) : 0.0;  // -ln(1 - s)
    const double base = q + offset;
    const double power = std::pow(base, a);
    const double value = n * (1 - s) * power;
    if (s <= 0) return {n * power, 0};  // held at its value at 0 (s never goes below 0)
    // d/ds [(1 - s) base^a] = -base^a + (1 - s) a base^(a-1) dq/ds, dq/ds = 1/(1 - s).
    return {value, n * (a * power / base - power)};
}

double kai_fraction(double x, double n) {
    const double q = std::pow(x + kEquivalentTimeOffset, n) - std::pow(kEquivalentTimeOffset, n);
    return -std::expm1(-q);
}

}  // namespace memspice::devices::ftj
