// Transient analysis on SUNDIALS IDA (variable-order BDF with local error control) with the
// system's KLU factorization as linear solver.
//
// - Start: the operating point (with .ic nodes held, as ngspice does), or with `uic` the
//   given initial conditions (capacitor and inductor ic=, .ic node values, else 0). The
//   t = 0 output is that point; the derivative IDA starts from (and any jump of the
//   algebraic unknowns, e.g. a source whose DC value differs from its t = 0 value) comes
//   from one backward-Euler step of a tiny size.
// - Tolerances: IDA's rtol = reltol; atol = vntol for voltages, abstol for currents,
//   vntol x the family's state scale for device states (as the state node of the ngspice
//   expansion, a voltage, gets vntol); only differential unknowns (capacitor nodes,
//   inductor currents, states) enter the error test, algebraic ones follow exactly.
// - Steps are at most tmax (default min(tstep, (tstop - tstart)/50), ngspice's); IDA stops
//   exactly at every breakpoint (source corners) and restarts there at order 1; ideal
//   switches change state at the located crossing of their threshold.
// - Output: every accepted step from tstart on (tstart itself interpolated), ending at tstop.
// - Failures name the time and the unknown (and its elements) with the largest weighted
//   local error, or explain the singular matrix.
#pragma once

#include <functional>
#include <string>

#include "core/circuit.hpp"
#include "solver/native/mna_system.hpp"
#include "solver/waveform.hpp"

namespace memspice::native {

using ProgressReporter = std::function<void(const std::string&)>;

Plot run_transient(MnaSystem& system, const Analysis& analysis, const ProgressReporter& progress = {});

}  // namespace memspice::native
