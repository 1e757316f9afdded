#include <iostream>

#include "apps/cli_arguments.hpp"
#include "apps/commands.hpp"
#include "apps/help_text.hpp"
#include "apps/netlist_input.hpp"
#include "core/error.hpp"
#include "solver/engine.hpp"
#include "solver/result_report.hpp"
#include "solver/vector_selection.hpp"
#include "solver/waveform_compare.hpp"

namespace memspice::cli {

namespace {

const OptionSpec compare_options[] = {
    {"reltol", 0, true}, {"abstol", 0, true}, {"vectors", 0, true}, {"help", 'h', false},
};

SimulationResult run_in(const std::string& engine_name, const Circuit& circuit) {
    const auto engine = make_engine(engine_name, terminal_engine_options());
    try {
        SimulationResult result = engine->run(circuit);
        end_progress();
        return result;
    } catch (const SimulationError& e) {
        end_progress();
        throw SimulationError("cannot compare: the " + engine_name + " engine failed: " + e.message());
    } catch (...) {
        end_progress();
        throw;
    }
}

}  // namespace

int compare_command(std::span<const std::string> args) {
    Arguments arguments;
    try {
        arguments = parse_arguments(args, compare_options);
    } catch (const InputError& e) {
        throw InputError(e.message() + " (see memspice compare --help)");
    }
    if (arguments.has_flag("help")) {
        std::cout << compare_help;
        return 0;
    }
    const std::filesystem::path netlist = netlist_argument(arguments, "compare");
    CompareOptions options;
    if (const auto r = arguments.value("reltol")) options.reltol = parse_tolerance("reltol", *r);
    if (const auto a = arguments.value("abstol")) options.abstol = parse_tolerance("abstol", *a);
    if (const auto v = arguments.value("vectors")) options.vectors = parse_vector_list(*v);

    const Circuit circuit = load_netlist(netlist);
    const SimulationResult reference = run_in("ngspice", circuit);
    const SimulationResult other = run_in("native", circuit);
    const Comparison comparison = compare_results(reference, other, options);
    std::cout << "ngspice (reference) vs native engine: " << netlist.string() << '\n';
    std::cout << format_comparison(comparison, options);
    return comparison.passed() ? 0 : 1;
}

}  // namespace memspice::cli
