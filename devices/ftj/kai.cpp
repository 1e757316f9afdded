#include "devices/ftj/kai.hpp"

#include <cmath>

namespace memspice::devices::ftj {

KaiLaw::KaiLaw(double n)
    : n_(n), offset_power_(std::pow(kEquivalentTimeOffset, n)),
      slope_at_zero_(n * std::pow(kEquivalentTimeOffset, n - 1)),
      saturation_(std::pow(kSaturationExponent + offset_power_, 1 / n) - kEquivalentTimeOffset) {}

KaiPoint KaiLaw::at(double e) const {
    KaiPoint p;
    if (e < 0) {
        p.done = slope_at_zero_ * e;
        p.remaining = 1 - p.done;
        p.slope = slope_at_zero_;
        return p;
    }
    const double base = e + kEquivalentTimeOffset;
    const double q = std::pow(base, n_) - offset_power_;
    const double dq = n_ * std::pow(base, n_ - 1), d2q = n_ * (n_ - 1) * std::pow(base, n_ - 2);
    p.remaining = std::exp(-q);
    p.done = -std::expm1(-q);
    p.slope = dq * p.remaining;
    p.curvature = (d2q - dq * dq) * p.remaining;
    return p;
}

double KaiLaw::equivalent_time(double remaining) const {
    if (!(remaining > std::exp(-kSaturationExponent))) return saturation_;
    if (remaining >= 1) return 0;
    return std::pow(-std::log(remaining) + offset_power_, 1 / n_) - kEquivalentTimeOffset;
}

}  // namespace memspice::devices::ftj
