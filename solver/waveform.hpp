// Simulation results in one form for both engines: a plot per analysis, each a set of
// named vectors over a common scale (time, frequency, the swept source).
//
// Vector names (both engines use exactly these):
//   time, frequency          the scale of .tran / .ac
//   v-sweep, i-sweep, temp-sweep   the scale of .dc (ngspice's names)
//   v(node)                  node voltage, node name as in the circuit ("x1.n3")
//   i(vsource)               branch current of a V source, inductor, E or H (ngspice's
//                            `name#branch`), positive into the + node through the element
//   anything else            ngspice's own names, unchanged (e.g. @r1[i])
// .op gives a plot with one point and no scale.
#pragma once

#include <complex>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace memspice {

struct Vector {
    std::string name;
    std::vector<double> real;                  // .op, .dc, .tran, and every plot's scale
    std::vector<std::complex<double>> complex; // .ac (its `frequency` scale stays real)
    bool is_complex() const { return !complex.empty(); }
    std::size_t size() const { return is_complex() ? complex.size() : real.size(); }
};

struct Plot {
    std::string analysis;   // "op", "dc", "tran", "ac"
    std::string title;      // circuit title
    std::string scale;      // name of the scale vector, "" for op
    std::vector<Vector> vectors;  // the scale (if any) first

    const Vector* find(std::string_view name) const;  // case-insensitive
    const Vector& at(std::string_view name) const;     // throws SimulationError if absent
    std::size_t points() const { return vectors.empty() ? 0 : vectors.front().size(); }
};

struct SimulationResult {
    std::vector<Plot> plots;  // one per analysis, in the netlist's order
    std::string log;          // what the engine printed (ngspice's output stream), for diagnostics
};

// Canonical vector name from one of ngspice's ("in" -> "v(in)", "v1#branch" -> "i(v1)",
// "V(IN)" -> "v(in)"); names already canonical or unknown are lower-cased and kept.
std::string canonical_vector_name(std::string_view ngspice_name);

}  // namespace memspice
