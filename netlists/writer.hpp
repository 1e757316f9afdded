// The netlist writer: circuit description -> ngspice-dialect text. The one place that
// knows ngspice's syntax; reading what it writes gives back the same circuit.
#pragma once

#include <string>
#include <vector>

#include "core/circuit.hpp"

namespace memspice {

struct WriterOptions {
    // Write the analyses as dot cards (.op/.dc/.tran/.ac). The ngspice engine turns this
    // off and issues them as commands instead (in batch mode a .op card prints every
    // device's operating point, which takes seconds on large circuits).
    bool analyses = true;
    // Write the .control block kept from the input.
    bool control = true;
    // memspice devices (Device elements) expanded for ngspice's code models in memspice.cm:
    // state nodes with their 1 F capacitors, per-instance model cards. Round-trip text keeps
    // them in memspice's own one-line syntax instead.
    bool expand_devices = false;
};

// The netlist as lines, title first, `.end` last.
std::vector<std::string> write_netlist_lines(const Circuit& circuit, const WriterOptions& options = {});
std::string write_netlist(const Circuit& circuit, const WriterOptions& options = {});

}  // namespace memspice
