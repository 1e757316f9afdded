// The memspice commands. Each parses its arguments, calls the library and prints; errors
// are thrown (InputError: exit status 2, SimulationError: 1) and reported by main().
#pragma once

#include <span>
#include <string>

namespace memspice::cli {

// `memspice run NETLIST ...`; returns the exit status.
int run_command(std::span<const std::string> args);

// `memspice compare NETLIST ...`; returns the exit status (1 when the engines disagree).
int compare_command(std::span<const std::string> args);

}  // namespace memspice::cli
