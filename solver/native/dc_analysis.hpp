// DC analyses: the operating point (Newton, then gmin stepping, then source stepping, as
// SPICE does when plain Newton fails) and nested DC sweeps.
#pragma once

#include <vector>

#include "core/circuit.hpp"
#include "solver/native/mna_system.hpp"
#include "solver/native/workspace.hpp"
#include "solver/waveform.hpp"

namespace memspice::native {

struct OperatingPointSettings {
    std::vector<NodeForce> forces;     // .ic nodes held during the operating point before a transient
    std::vector<NodeForce> nodesets;   // .nodeset: held for the first solution, then released
};

// Solves the DC operating point into y (n + 1 values). Throws SimulationError naming the
// unknown (and its elements) that failed to converge, or explaining a singular matrix.
void solve_operating_point(MnaSystem& system, Workspace& work, std::vector<double>& y,
                           const OperatingPointSettings& settings = {});

// One DC point from the starting guess y (previous sweep point): plain Newton with the sweep
// iteration limit, then the full operating-point strategy if that fails.
void solve_dc_point(MnaSystem& system, Workspace& work, std::vector<double>& y);

// .op and .dc analyses as plots.
Plot run_operating_point(MnaSystem& system, const Analysis& analysis);
Plot run_dc_sweep(MnaSystem& system, const Analysis& analysis);

}  // namespace memspice::native
