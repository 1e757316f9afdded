#include <iostream>
#include <optional>

#include "apps/cli_arguments.hpp"
#include "apps/commands.hpp"
#include "apps/help_text.hpp"
#include "apps/netlist_input.hpp"
#include "core/error.hpp"
#include "solver/engine.hpp"
#include "solver/gnuplot_plot.hpp"
#include "solver/result_files.hpp"
#include "solver/result_report.hpp"
#include "solver/vector_selection.hpp"

namespace memspice::cli {

namespace {

const OptionSpec run_options[] = {
    {"engine", 0, true}, {"output", 'o', true}, {"plot", 0, true}, {"vectors", 0, true}, {"help", 'h', false},
};

void draw(const SimulationResult& result, const std::filesystem::path& base, const std::vector<std::string>& vectors) {
    const std::vector<std::filesystem::path> paths = per_analysis_paths(base, result.plots);
    bool drawn = false;
    for (std::size_t k = 0; k < result.plots.size(); ++k) {
        const Plot& plot = result.plots[k];
        if (plot.scale.empty()) {
            std::cout << plot.analysis << ": no figure (an operating point is a single point)\n";
            continue;
        }
        PlotOptions options;
        options.vectors = vectors;
        render_plot(plot, paths[k], options);
        std::cout << "drew " << paths[k].string() << " (" << plot.analysis << ")\n";
        drawn = true;
    }
    if (!drawn) throw InputError("--plot: no analysis with a scale to plot against (only operating points)");
}

}  // namespace

int run_command(std::span<const std::string> args) {
    Arguments arguments;
    try {
        arguments = parse_arguments(args, run_options);
    } catch (const InputError& e) {
        throw InputError(e.message() + " (see memspice run --help)");
    }
    if (arguments.has_flag("help")) {
        std::cout << run_help;
        return 0;
    }
    const std::filesystem::path netlist = netlist_argument(arguments, "run");
    const std::vector<std::string> vectors =
        arguments.value("vectors") ? parse_vector_list(*arguments.value("vectors")) : std::vector<std::string>{};
    const std::optional<std::string> output = arguments.value("output");
    const std::optional<std::string> figure = arguments.value("plot");
    // Wrong file names are reported before a possibly long simulation.
    if (output) result_format(*output);
    if (figure) check_plot_file(*figure);

    const Circuit circuit = load_netlist(netlist);
    const auto engine = make_engine(arguments.value("engine").value_or("ngspice"), terminal_engine_options());
    SimulationResult result;
    try {
        result = engine->run(circuit);
    } catch (...) {
        end_progress();
        throw;
    }
    end_progress();

    if (output) {
        const auto written = save_results(*output, result.plots, vectors);
        for (std::size_t k = 0; k < written.size(); ++k)
            std::cout << "wrote " << written[k].string() << " (" << result.plots[k].analysis << ", "
                      << result.plots[k].points() << (result.plots[k].points() == 1 ? " point)\n" : " points)\n");
    }
    if (figure) draw(result, *figure, vectors);
    if (!output) {
        SimulationResult others;
        for (const Plot& plot : result.plots) {
            if (plot.analysis == "op" && plot.scale.empty()) std::cout << format_operating_point(plot, vectors);
            else others.plots.push_back(plot);
        }
        if (!others.plots.empty()) {
            std::cout << format_summary(others);
            std::cout << "write the waveforms with -o OUT.csv or -o OUT.raw";
            if (!figure) std::cout << ", draw them with --plot OUT.png or --plot OUT.svg";
            std::cout << '\n';
        }
        if (result.plots.empty()) std::cout << "the netlist's .control script left no results\n";
    }
    return 0;
}

}  // namespace memspice::cli
