// Reading the netlist a command names, with the checks every command makes.
#pragma once

#include <filesystem>
#include <functional>
#include <string>

#include "apps/cli_arguments.hpp"
#include "core/circuit.hpp"
#include "solver/engine.hpp"

namespace memspice::cli {

// The one positional argument, the netlist; throws InputError (with a pointer to
// `memspice <command> --help`) when it is missing or there are more.
std::filesystem::path netlist_argument(const Arguments& arguments, const std::string& command);

// Reads the netlist; throws InputError for a missing file and for a netlist with nothing
// to run (no analysis and no .control script).
Circuit load_netlist(const std::filesystem::path& file);

// Engine options for the command line: progress reports on stderr when it is a terminal.
EngineOptions terminal_engine_options();

// Clears a progress line left on the terminal.
void end_progress();

}  // namespace memspice::cli
