// AC small-signal analysis: the circuit linearized at its operating point, (G + j w C) Y = B
// at each frequency of the sweep (ngspice's dec / oct / lin point sets), with the sources'
// AC phasors as B. One complex KLU factorization per frequency on the shared symbolic
// analysis. Device states are linearized with their dynamics (x' = f(v, x)), as in the
// transient; switches keep their operating-point state.
#pragma once

#include <vector>

#include "core/circuit.hpp"
#include "solver/native/mna_system.hpp"
#include "solver/waveform.hpp"

namespace memspice::native {

// The frequencies of an .ac analysis (throws InputError for a bad specification).
std::vector<double> ac_frequencies(const Analysis& analysis);

// G and C of the circuit linearized at y (n + 1 values), on the system's pattern
// (value_count() entries each).
void linearize(MnaSystem& system, const std::vector<double>& y, std::vector<double>& g, std::vector<double>& c);

Plot run_ac(MnaSystem& system, const Analysis& analysis);

}  // namespace memspice::native
