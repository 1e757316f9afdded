// The memspice command: a thin layer over the library. It parses arguments, calls the
// library, prints, and turns exceptions into exit statuses: 0 success, 1 simulation failure
// or mismatch (SimulationError), 2 bad input or usage (InputError). Never a crash: anything
// else is reported as an internal error with status 1.
#include <iostream>
#include <string>
#include <vector>

#include "apps/commands.hpp"
#include "apps/help_text.hpp"
#include "core/error.hpp"

namespace {

int dispatch(const std::vector<std::string>& args) {
    using namespace memspice;
    if (args.empty()) {
        std::cerr << cli::main_help;
        return 2;
    }
    const std::string& command = args.front();
    if (command == "--help" || command == "-h" || command == "help") {
        std::cout << cli::main_help;
        return 0;
    }
    if (command == "--version") {
        std::cout << "memspice " << MEMSPICE_VERSION << '\n';
        return 0;
    }
    const std::span<const std::string> rest = std::span(args).subspan(1);
    if (command == "run") return cli::run_command(rest);
    if (command == "compare") return cli::compare_command(rest);
    if (command.starts_with("-")) throw InputError("unknown option '" + command + "' (see memspice --help)");
    throw InputError("unknown command '" + command + "': expected run or compare (see memspice --help)");
}

}  // namespace

int main(int argc, char** argv) {
    const std::vector<std::string> args(argv + 1, argv + argc);
    try {
        return dispatch(args);
    } catch (const memspice::InputError& e) {
        std::cerr << "memspice: " << e.what() << '\n';
        return 2;
    } catch (const memspice::Error& e) {
        std::cerr << "memspice: " << e.what() << '\n';
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "memspice: internal error: " << e.what() << '\n';
        return 1;
    } catch (...) {
        std::cerr << "memspice: internal error\n";
        return 1;
    }
}
