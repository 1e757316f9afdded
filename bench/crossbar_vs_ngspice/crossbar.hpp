// N x N resistive crossbars with wire resistance, as circuit descriptions: the benchmark
// circuit of bench/crossbar_vs_ngspice.
//
// Row i is driven at its left end by a voltage source through one wire segment; each row
// and each column is a chain of wire segments (one per cell); cell (i, j) is a resistor
// between row node r<i>_<j> and column node c<i>_<j>; each column ends at the bottom in a
// sense resistor to ground, or in a 0 V source (virtual ground, its current the output).
#pragma once

#include <cstdint>

#include "core/circuit.hpp"

namespace memspice::bench {

struct CrossbarSpec {
    int n = 32;                  // rows = columns
    double wire_ohms = 1;        // one wire segment
    double r_low = 10e3;         // cell resistances spread log-uniformly in [r_low, r_high]
    double r_high = 100e3;
    double sense_ohms = 100;     // column sense resistors (ignored with virtual_ground)
    bool virtual_ground = false;
    double node_capacitance = 0; // optional capacitance from every node to ground, F
    double drive_volts = 0.5;    // row drivers (DC value; the transient pulses 0 -> drive)
    double tstep = 1e-9;         // the transient: 100 steps of tstep
    bool transient = true;       // add a .tran analysis after the .op
    std::uint64_t seed = 1;      // cell-resistance pattern
};

Circuit make_crossbar(const CrossbarSpec& spec);

}  // namespace memspice::bench
