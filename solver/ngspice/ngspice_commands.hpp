// The analyses of a circuit description as ngspice commands, and the vectors each must give.
// The engine issues analyses as commands rather than dot cards (in batch mode a .op card
// prints every device's operating point, which takes seconds on large circuits).
#pragma once

#include <string>
#include <vector>

#include "core/circuit.hpp"

namespace memspice::ngspice {

// "op", "dc v1 0 5 0.1 [v2 0 1 0.5]", "tran 1e-06 0.001 [tstart [tmax]] [uic]", "ac dec 10 1 1e+06".
std::string analysis_command(const Analysis& analysis);

// "op", "dc", "tran", "ac" (Plot::analysis).
std::string analysis_name(Analysis::Kind kind);

// The scale ngspice gives the analysis: "time", "frequency", "v-sweep"/"i-sweep"/
// "temp-sweep"/"res-sweep" after the first (inner) swept quantity, "" for op.
std::string scale_name(const Analysis& analysis);

// Vectors the analysis must produce for `circuit`: its scale, v(node) of every node and
// i(element) of every element ngspice gives a branch current (V sources, inductors, E, H,
// B voltage sources). Only the scale when the circuit restricts what is saved (.save).
std::vector<std::string> expected_vectors(const Circuit& circuit, const Analysis& analysis);

}  // namespace memspice::ngspice
