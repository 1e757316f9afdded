// Perpendicular STT magnetic tunnel junction (family `mtj`): Brinkman parallel resistance,
// bias-dependent TMR, and seeded stochastic switching (Neel-Brown thermal activation,
// precessional switching above Ic0, superparamagnetic telegraph noise at small Delta),
// realised step-independently with an accumulated-hazard clock and event-indexed random
// thresholds. Equations and parameters: devices/mtj/README.md.
#pragma once

#include "devices/device.hpp"

namespace memspice::devices::mtj {

const Family& mtj_family();

// Quantities derived from the parameters (SI units), exposed for tests and documentation.
struct MtjDerived {
    double area = 0;            // junction area, m^2
    double r_parallel = 0;      // R_P from the Brinkman formula, Ohm
    double barrier_energy = 0;  // E_b = Delta k_B T, J
    double ic0 = 0;             // critical current (4 q alpha / (hbar eta)) E_b, A
    double hk = 0;              // mu0 H_k = 2 E_b / (Ms V_free), T
    double tau_d = 0;           // (1 + alpha^2) / (alpha gamma mu0 H_k), s
    double precession_time = 0; // tau_D ln(pi / (2 theta0)), s: switching time at I = 2 Ic0
};
MtjDerived mtj_derived(const ParameterSet& parameters);

// Memory layout (discrete memory of the hybrid model), see README.md.
namespace memory_slot {
inline constexpr int orientation = 0;  // +1 P, -1 AP (initially the sign of m0)
inline constexpr int events = 1;       // number of switching events so far (random draw index)
inline constexpr int direction = 2;    // +1 / -1: the clock counts up or down in this dwell
inline constexpr int origin = 3;       // clock value where this dwell's hazard is zero
inline constexpr int last_time = 4;    // time of the last accepted point, s
inline constexpr int size = 5;
}  // namespace memory_slot

}  // namespace memspice::devices::mtj
