// Smooth thresholds and bounds shared by the RRAM models. Each returns a value and its
// derivative with respect to the argument, so models chain them into exact Jacobians.
//
// The published models switch with if-branches (a threshold, a clipped state, a sign
// test). Newton needs a model without jumps, so each branch is replaced by one of the
// C¹ polynomials below. They are exact outside a documented width: the smoothing changes
// the model only inside [0, w] of its argument and never switches on motion where the
// original had none.
#pragma once

#include <cmath>

namespace memspice::devices::rram {

struct Smooth {
    double value = 0;
    double slope = 0;  // d value / d argument
};

// max(u, 0) with its corner rounded over [0, w]: 0 for u <= 0, u²(2w - u)/w² on (0, w),
// u for u >= w. C¹ (slope 0 at 0, 1 at w), monotone, below max(u, 0) by at most 4w/27.
inline Smooth smooth_ramp(double u, double w) {
    if (u <= 0) return {0, 0};
    if (u >= w) return {u, 1};
    const double s = u / w;
    return {u * s * (2 - s), s * (4 - 3 * s)};
}

// The unit step rounded over [0, w]: 0 for u <= 0, 3s² - 2s³ (s = u/w) on (0, w), 1 for
// u >= w. C¹, monotone.
inline Smooth smooth_step(double u, double w) {
    if (u <= 0) return {0, 0};
    if (u >= w) return {1, 0};
    const double s = u / w;
    return {s * s * (3 - 2 * s), 6 * s * (1 - s) / w};
}

// A bound window in the distance u to a bound: 1 for u >= w, s(2 - s) (s = u/w) below,
// so motion toward the bound slows linearly to zero at u = 0 and reverses beyond it.
// C¹ everywhere. A state driven at a bound therefore approaches it exponentially (rate
// 2|v|/w for a speed v) and never crosses it: the bound is an equilibrium, and an
// overshoot by the integrator is pushed back instead of amplified.
inline Smooth bound_window(double u, double w) {
    if (u >= w) return {1, 0};
    const double s = u / w;
    return {s * (2 - s), 2 * (1 - s) / w};
}

// The logistic 1/(1 + exp(-u/w)), a C-infinity step of width ~w; overflow-safe.
inline Smooth logistic(double u, double w) {
    const double z = u / w;
    const double e = std::exp(-std::abs(z));  // in (0, 1]: no overflow
    const double value = z >= 0 ? 1 / (1 + e) : e / (1 + e);
    return {value, value * (1 - value) / w};
}

}  // namespace memspice::devices::rram
