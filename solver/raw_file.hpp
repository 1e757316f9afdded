// Results as ngspice raw files, which ngspice's `load` command and waveform viewers read.
//
// The format is ngspice's own: a text header (Title, Date, Plotname, Flags, No. Variables,
// No. Points, Variables: index, name and type per line) followed by the values, either as
// text ("Values:") or as doubles in this machine's byte order ("Binary:", what ngspice writes
// by default). The first variable is the scale. Vectors keep their canonical names (`v(out)`,
// `i(v1)`), which is how ngspice itself names them in raw files. A plot with complex vectors
// (.ac) is written complex throughout, its real frequency scale with zero imaginary parts.
// Several plots may follow each other in one file; ngspice loads each as a plot.
#pragma once

#include <filesystem>
#include <ostream>
#include <span>
#include <string>

#include "solver/waveform.hpp"

namespace memspice {

struct RawFileOptions {
    bool binary = true;
    // The "Date:" line; empty: the current local time, in ngspice's format.
    std::string date;
    // Vectors to write besides the scale (all when empty); unknown names throw InputError.
    std::vector<std::string> vectors;
};

// The plot's name in the raw file: "Transient Analysis", "AC Analysis",
// "DC transfer characteristic", "Operating Point" (ngspice's), else the analysis name.
std::string raw_plot_name(const Plot& plot);

void write_raw(std::ostream& out, std::span<const Plot> plots, const RawFileOptions& options = {});

// The same into a file; throws InputError if the file cannot be written.
void save_raw(const std::filesystem::path& file, std::span<const Plot> plots, const RawFileOptions& options = {});

}  // namespace memspice
