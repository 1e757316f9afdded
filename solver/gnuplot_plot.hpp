// Plots of results through gnuplot: one figure per analysis, the chosen vectors against the
// scale, axes labelled with quantities and units (core/units.hpp unit_of_vector).
//
// - .tran / .dc: lines against time or the swept value; voltages on the left axis and, when
//   there are both, currents on the right one. A nested .dc sweep draws one line per outer
//   value.
// - .ac: a Bode plot: magnitude in dB (20 log10 |x|, re 1 V or 1 A) above, phase in degrees
//   (unwrapped along frequency) below, on a logarithmic frequency axis.
// - .op has no scale to plot against: asking to plot it is an InputError.
// The terminal follows the output's extension: .png (pngcairo) or .svg. The script, with the
// data inline, is kept next to the figure as OUT.gp so that it can be edited and re-run.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include "solver/waveform.hpp"

namespace memspice {

struct PlotOptions {
    std::vector<std::string> vectors;  // besides the scale; empty: default_plot_vectors
    int width = 1000, height = 700;    // pixels (PNG) or points (SVG)
};

// What is plotted when no vectors are chosen: the node voltages, or the other vectors when
// there are none, at most `limit` of them in the plot's order.
std::vector<std::string> default_plot_vectors(const Plot& plot, std::size_t limit = 10);

// Checks that `output` names a figure format gnuplot is asked for (.png or .svg); throws
// InputError naming the file otherwise.
void check_plot_file(const std::filesystem::path& output);

// The gnuplot script that draws `plot` into `output` (.png or .svg, else InputError).
std::string gnuplot_script(const Plot& plot, const std::filesystem::path& output, const PlotOptions& options = {});

// Writes the script next to `output` (extension .gp) and runs gnuplot on it. Throws
// InputError for a plot that cannot be drawn or an unknown extension, and SimulationError
// when gnuplot is missing, fails (its messages are quoted) or writes an empty file.
void render_plot(const Plot& plot, const std::filesystem::path& output, const PlotOptions& options = {});

}  // namespace memspice
