// Kolmogorov-Avrami-Ishibashi switching of a ferroelectric as a function of equivalent
// time: under a constant field KAI gives the switched fraction 1 - exp[-(t/tau)^n]; under
// any field history the fraction follows the same curve in the equivalent time
// e = integral dt / tau(V(t)) since switching in this direction began. Using e (not the
// fraction) as the quantity that is integrated makes the onset visible to an integrator:
// with n > 1 the fraction starts as e^n, far below any absolute tolerance, while e grows
// linearly. Regularised with an equivalent-time offset eps so that the slope is finite at
// e = 0 also for n < 1:
//     done(e) = 1 - exp(-Q),   Q = (e + eps)^n - eps^n,
// the KAI curve with its clock started eps early, minus what it would have switched by then
// (relative difference from pure KAI about n eps / e for n >= 1, 0.05 % after 0.2 tau for n = 2).
#pragma once

namespace memspice::devices::ftj {

inline constexpr double kEquivalentTimeOffset = 1e-4;  // eps, in units of tau
inline constexpr double kSaturationExponent = 36;      // Q beyond which the fraction is complete (e^-36)

struct KaiPoint {
    double done = 0;       // fraction switched in this direction
    double remaining = 1;  // 1 - done, accurate when done is close to 1
    double slope = 0;      // d done / de
    double curvature = 0;  // d^2 done / de^2
};

class KaiLaw {
public:
    explicit KaiLaw(double n);
    // The fraction after equivalent time e (units of tau); for e < 0 (only reached by a
    // Newton iterate) continued linearly.
    KaiPoint at(double e) const;
    // The equivalent time at which the fraction still to switch equals `remaining`
    // (inverse of at().remaining), capped at saturation().
    double equivalent_time(double remaining) const;
    // Equivalent time where Q reaches kSaturationExponent: switching is complete.
    double saturation() const { return saturation_; }

private:
    double n_, offset_power_, slope_at_zero_, saturation_;
};

}  // namespace memspice::devices::ftj
