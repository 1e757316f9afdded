// Ferroelectric tunnel junction (family `ftj`): switched-domain fraction s with KAI/Merz
// switching integrated in equivalent time (valid for pulse trains; a hybrid model whose
// memory holds the switching direction), parallel-domain conductance and a
// polarization-dependent tunnel current of Brinkman-Dynes-Rowell shape. Equations and
// parameters: devices/ftj/README.md.
#pragma once

#include "devices/device.hpp"
#include "devices/smooth.hpp"

namespace memspice::devices::ftj {

const Family& ftj_family();

// Memory layout (discrete memory of the hybrid model), see README.md.
namespace memory_slot {
inline constexpr int direction = 0;   // +1: the frame switches ON, -1: OFF
inline constexpr int sense = 1;       // +1 / -1: the clock counts up or down in this frame
inline constexpr int origin = 2;      // clock value where the frame's equivalent time is zero
inline constexpr int last_clock = 3;  // clock at the last accepted point
inline constexpr int size = 4;
}  // namespace memory_slot

// Tunnel current of one polarization state: low-bias conductance g0 (1/R_ON or 1/R_OFF)
// times the Brinkman-Dynes-Rowell bias dependence of a trapezoidal barrier,
//     G(V)/G(0) = 1 - b V + c V^2,   b = A0 (phi2 - phi1) / (16 phibar^1.5),
//     c = 9 A0^2 / (128 phibar),      A0 = 4 d sqrt(2 m* m_e) / (3 hbar)  (e V in eV),
// integrated to a current, and continued linearly (with the conductance at the limit)
// beyond |V| = v_limit, where the expansion stops being valid.
class TunnelBranch {
public:
    TunnelBranch(double g0, double phi1, double phi2, double thickness, double mass_ratio, double v_limit);
    smooth::ValueSlope at(double v) const;  // current (A) and conductance (S)
    double b() const { return b_; }
    double c() const { return c_; }

private:
    double polynomial_current(double v) const;
    double polynomial_conductance(double v) const;
    double g0_, b_, c_, v_limit_;
};

}  // namespace memspice::devices::ftj
