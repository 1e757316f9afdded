// Smooth building blocks for compact models: steps, ramps and limits that keep every
// function and its first derivative continuous, so Newton sees a continuous device.
// Each returns the value and its derivative with respect to the argument.
#pragma once

#include <cmath>

namespace memspice::devices::smooth {

struct ValueSlope {
    double value = 0;
    double slope = 0;  // d value / d argument
};

// Logistic 1/(1 + e^-x), evaluated without overflow for any x.
inline ValueSlope logistic(double x) {
    const double e = std::exp(-std::abs(x));
    const double s = x >= 0 ? 1 / (1 + e) : e / (1 + e);
    return {s, s * (1 - s)};
}

// Softplus ln(1 + e^x): a smooth max(x, 0) of unit width; slope is the logistic.
inline ValueSlope softplus(double x) {
    const double value = x > 0 ? x + std::log1p(std::exp(-x)) : std::log1p(std::exp(x));
    return {value, logistic(x).value};
}

// C2 step with compact support: 0 for x <= 0, 1 for x >= 1, 6x^5 - 15x^4 + 10x^3 between.
// Used where a switch must be exactly off below a threshold (no exponential tails).
inline ValueSlope smootherstep(double x) {
    if (x <= 0) return {0, 0};
    if (x >= 1) return {1, 0};
    const double x2 = x * x;
    return {x2 * x * (x * (6 * x - 15) + 10), 30 * x2 * (x - 1) * (x - 1)};
}

// A corner of half-width w rounded with the integral of smootherstep: 0 for x <= c - w,
// x - c for x >= c + w, C2 in between. Its slope is smootherstep((x - c + w) / 2w).
inline ValueSlope rounded_corner(double x, double c, double w) {
    const double u = (x - c + w) / (2 * w);
    if (u <= 0) return {0, 0};
    if (u >= 1) return {x - c, 1};
    const double u2 = u * u;
    return {2 * w * u2 * u2 * (u * (u - 3) + 2.5), smootherstep(u).value};
}

}  // namespace memspice::devices::smooth
