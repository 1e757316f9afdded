// Writing results to the files a user names: the format from the extension, and one file
// per analysis when there are several.
//
// Naming: with one analysis, OUT.ext as given. With several, OUT-<analysis>.ext for each
// (out-op.csv, out-tran.csv); an analysis that occurs more than once is numbered from 1 in
// netlist order, as ngspice numbers its plots (out-tran1.csv, out-tran2.csv).
#pragma once

#include <filesystem>
#include <span>
#include <string>
#include <vector>

#include "solver/waveform.hpp"

namespace memspice {

enum class ResultFormat { Csv, Raw };

// .csv or .raw (case-insensitive); anything else throws InputError naming the file.
ResultFormat result_format(const std::filesystem::path& file);

// The file for each plot, following the naming above.
std::vector<std::filesystem::path> per_analysis_paths(const std::filesystem::path& base, std::span<const Plot> plots);

// Writes each plot to its file (CSV or binary raw), with the chosen vectors (all when empty);
// returns the files written.
std::vector<std::filesystem::path> save_results(const std::filesystem::path& base, std::span<const Plot> plots,
                                                std::span<const std::string> vectors = {});

}  // namespace memspice
