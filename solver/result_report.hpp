// Results as text for people: an operating-point table, a summary of the plots, a
// comparison report. The library returns the text; the command line prints it.
#pragma once

#include <span>
#include <string>

#include "solver/waveform.hpp"
#include "solver/waveform_compare.hpp"

namespace memspice {

// A number with an SI prefix and its unit, 6 significant digits: "-2.5 mA", "7.5 V", "0 V".
std::string format_quantity(double value, const std::string& unit);

// Node voltages, then branch currents, then anything else, one per line with units.
// `vectors` restricts the table (unknown names throw InputError).
std::string format_operating_point(const Plot& plot, std::span<const std::string> vectors = {});

// One line per plot: analysis, points, scale range and the vectors it holds.
std::string format_summary(const SimulationResult& result);

// Each plot's vectors with their largest deviation (absolute, relative to max |reference|,
// and where), the allowed deviation, and a verdict line.
std::string format_comparison(const Comparison& comparison, const CompareOptions& options);

}  // namespace memspice
