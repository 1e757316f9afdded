// Kolmogorov-Avrami-Ishibashi switching in equivalent-time (state-dependent ODE) form, for
// the switched-domain fraction s of a ferroelectric. Under a constant field KAI gives
// s(t) = 1 - exp[-(t/tau)^n]; written as an ODE in s it reads
//     ds/dt = (n/tau) (1 - s) q^((n-1)/n),   q = -ln(1 - s),
// which depends on the state only, so a train of pulses is integrated in equivalent time.
// The right-hand side is singular at s = 0 (zero for n > 1, so s = 0 never leaves; infinite
// for n < 1). Regularised with an offset eps of the equivalent time (units of tau):
//     ds/dt = (n/tau) (1 - s) (q + eps^n)^((n-1)/n),
// whose exact solution from s = 0 is s = 1 - exp(-[(t/tau + eps)^n - eps^n]): the KAI curve
// with its clock started eps tau early, minus the eps^n it would have switched by then
// (relative difference 2 eps tau / t for n = 2).
#pragma once

#include "devices/smooth.hpp"

namespace memspice::devices::ftj {

inline constexpr double kEquivalentTimeOffset = 1e-4;  // eps, in units of tau

// Growth of the switched fraction, per unit of t/tau: (value, d/ds). n in [0.5, 5].
// For s <= 0 it is held at its value at 0, for s >= 1 it is 0 (s stays in [0, 1]).
smooth::ValueSlope kai_growth(double s, double n);

// Closed form of the regularised equation from s = 0 after an equivalent time x = t/tau.
double kai_fraction(double x, double n);

}  // namespace memspice::devices::ftj
