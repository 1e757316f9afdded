// Newton-Raphson on the MNA system with SPICE's convergence test and junction limiting.
// Used for the DC operating point and sweep (Phase::Dc), the initial point of a uic
// transient (Phase::UicInit) and the tiny backward-Euler steps that give a transient its
// consistent initial derivative (Phase::Transient with a previous point).
#pragma once

#include <vector>

#include "solver/native/mna_system.hpp"
#include "solver/native/workspace.hpp"

namespace memspice::native {

struct NewtonSettings {
    Phase phase = Phase::Dc;
    double time = 0;
    int max_iterations = 100;
    double source_scale = 1;
    double node_gmin = 0;
    bool init_junctions = false;  // the first iteration starts junctions at SPICE's initial voltages
    // Backward Euler from (y_previous at the previous time) with step h: y' = (y - y_previous)/h.
    const std::vector<double>* y_previous = nullptr;
    double h = 0;
    const double* y_hold = nullptr;  // UicInit
};

struct NewtonResult {
    bool converged = false;
    bool singular = false;
    int singular_unknown = -1;
    int iterations = 0;
    int worst_unknown = -1;   // the unknown farthest from convergence at the last iteration
};

// Iterates from y (n + 1 values, y[n] = 0) in place.
NewtonResult newton_solve(MnaSystem& system, Workspace& work, std::vector<double>& y, const NewtonSettings& settings);

// True when every value is finite.
bool all_finite(const double* values, std::size_t count);

}  // namespace memspice::native
