#include "apps/netlist_input.hpp"

#include <unistd.h>

#include <iostream>

#include "core/error.hpp"
#include "netlists/reader.hpp"

namespace memspice::cli {

namespace {
bool progress_shown = false;
}

std::filesystem::path netlist_argument(const Arguments& arguments, const std::string& command) {
    if (arguments.positional.empty())
        throw InputError("missing NETLIST (see memspice " + command + " --help)");
    if (arguments.positional.size() > 1)
        throw InputError("unexpected argument '" + arguments.positional[1] + "': one NETLIST expected (see memspice " +
                         command + " --help)");
    return arguments.positional.front();
}

Circuit load_netlist(const std::filesystem::path& file) {
    std::error_code ec;
    if (!std::filesystem::exists(file, ec)) throw InputError(SourceLocation{file.string(), 0}, "no such file");
    if (std::filesystem::is_directory(file, ec))
        throw InputError(SourceLocation{file.string(), 0}, "is a directory, not a netlist");
    Circuit circuit = read_netlist_file(file);
    if (circuit.analyses.empty() && circuit.control_lines.empty())
        throw InputError(SourceLocation{file.string(), 0},
                         "nothing to run: the netlist has no analysis (.op, .dc, .tran, .ac) and no .control block");
    return circuit;
}

EngineOptions terminal_engine_options() {
    EngineOptions options;
    if (isatty(STDERR_FILENO)) {
        options.progress = [](const std::string& status) {
            std::cerr << '\r' << status << "        " << std::flush;
            progress_shown = true;
        };
    }
    return options;
}

void end_progress() {
    if (!progress_shown) return;
    std::cerr << '\r' << std::string(60, ' ') << '\r' << std::flush;
    progress_shown = false;
}

}  // namespace memspice::cli
