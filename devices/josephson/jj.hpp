// Josephson junction, RCSJ model with the phase as its state (family `jj`), parameter
// names as the `jj` models of JoSIM and WRspice. Equations, units and deviations:
// devices/josephson/README.md.
#pragma once

#include "devices/device.hpp"
#include "devices/smooth.hpp"

namespace memspice::devices::josephson {

const Family& jj_family();

// The quasiparticle branch of rtype=1: the piecewise-linear current of WRspice (subgap
// conductance 1/r0 below vg - delv/2, a step of icrit/icfct across delv, 1/rn above),
// with its corners rounded over +-delv/4 so the conductance is continuous (exactly the
// piecewise-linear current outside the rounded corners). All values are already scaled by
// the area.
class QuasiparticleBranch {
public:
    QuasiparticleBranch(double r0, double rn, double vg, double delv, double step_current);
    // Current (A) and conductance (S) at junction voltage v (V); odd in v.
    smooth::ValueSlope at(double v) const;

private:
    double g0_, gn_, g_step_;   // subgap, normal and gap-step conductances, S
    double v_low_, v_high_;     // the two corners, V
    double width_;              // half-width of the rounded corners, V
};

}  // namespace memspice::devices::josephson
