// Hysteresis of the VO2 insulating fraction g(T) with return-point memory, for the
// electro-thermal model (vo2_thermal). The major loop is that of Zhang, Qiu, Di Ventra and
// Schuller (MODELS.md 2.2),
//     g(T) = 1/2 + 1/2 tanh[beta (Tc - (T + u))],  u = -w/2 heating, +w/2 cooling;
// every point inside the loop is the major curve shifted by some u in [-w/2, w/2], and a
// branch is a path u(T). Reversal points (T, u) are kept on a stack (discrete memory,
// updated only at accepted time points); inside a time step the branch is a continuous
// function of T, including a reversal at the last accepted temperature, so Newton sees no
// jump and the committed memory reproduces what Newton saw. Details: devices/mott/README.md.
#pragma once

#include "devices/smooth.hpp"

namespace memspice::devices::mott {

struct MajorLoop {
    double width = 0;   // w, K
    double center = 0;  // Tc, K
    double beta = 0;    // 1/K
    double span = 0;    // temperature span of a first-order reversal curve across the loop, K (>= w/0.9)
};

// Layout of the memory (kMemorySize doubles):
//   [0] direction * (n + 1): direction +1 heating, -1 cooling; n reversal points stored
//   [1] temperature at the last accepted time point (0: not yet set)
//   [2 + 2k], [3 + 2k]: reversal point k (T in K, shift u in K), k = 0 .. n-1, oldest first
class Vo2Hysteresis {
public:
    static constexpr int kMaxReversals = 3;
    // Largest |du/dT| on any branch: g decreases with T at no less than 10 % of the major
    // curve's slope at the same point.
    static constexpr double kMaxSlope = 0.9;
    static constexpr int kMemorySize = 2 + 2 * kMaxReversals;

    Vo2Hysteresis(const MajorLoop& loop, double reversal_threshold);

    void initialize(double* memory, int direction) const;
    // Insulating fraction at temperature t given the memory of the last accepted point.
    smooth::ValueSlope fraction(const double* memory, double t) const;
    // Shift u(T) of the current branch and du/dT.
    smooth::ValueSlope shift(const double* memory, double t) const;
    // Commits temperature t of an accepted time point: records a reversal once the
    // temperature has moved back more than the reversal threshold, forgets inner loops
    // that have closed (return-point memory), and drops the oldest reversal when full.
    void update(double* memory, double t) const;

    // The major-loop curve 1/2 + 1/2 tanh(beta (Tc - x)) and its slope, x = T + u.
    smooth::ValueSlope major(double x) const;

private:
    struct Chain {
        int direction = 1;
        int n = 0;
        double t[kMaxReversals + 1] = {};
        double u[kMaxReversals + 1] = {};
    };
    Chain load(const double* memory) const;
    void store(const Chain& chain, double* memory) const;
    smooth::ValueSlope branch(const Chain& chain, double t) const;
    void reverse(Chain& chain, double t) const;
    double first_order_exponent() const;
    void close_loops(Chain& chain, double t) const;

    MajorLoop loop_;
    double threshold_;
};

}  // namespace memspice::devices::mott
