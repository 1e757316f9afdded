// Simulator options of the native engine: SPICE's tolerances and limits, read from the
// circuit's .options (and .temp) with ngspice's defaults, plus the native engine's own
// settings.
#pragma once

#include "core/circuit.hpp"
#include "solver/native/sparse_lu.hpp"

namespace memspice::native {

struct SolverOptions {
    double reltol = 1e-3;    // relative tolerance (Newton convergence, IDA rtol)
    double abstol = 1e-12;   // absolute current tolerance, A
    double vntol = 1e-6;     // absolute voltage tolerance, V
    double gmin = 1e-12;     // conductance across pn junctions, S
    int itl1 = 100;          // DC operating point Newton iterations
    int itl2 = 50;           // DC sweep Newton iterations per point
    double temperature_c = 27;
    double tnom_c = 27;
    bool no_op_before_tran = false;  // uic
    Ordering ordering = Ordering::Auto;

    double temperature_k() const { return temperature_c + 273.15; }
    double tnom_k() const { return tnom_c + 273.15; }

    // ngspice's defaults overridden by .options reltol abstol vntol gmin itl1 itl2 temp tnom
    // and .temp; throws InputError for a value out of range.
    static SolverOptions from_circuit(const Circuit& circuit, Ordering ordering = Ordering::Auto);
};

}  // namespace memspice::native
