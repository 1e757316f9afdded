// Comparing two engines' results: the second (e.g. the native engine) is brought onto the
// first's points (the reference, ngspice) by linear interpolation in the scale, and each
// vector's largest deviation is found. A vector passes when
//     max |a - b| <= abstol + reltol * max |reference|
// over all reference points (complex vectors: |a - b| of the complex values).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "solver/waveform.hpp"

namespace memspice {

struct CompareOptions {
    double reltol = 1e-3;
    // Absolute tolerance for every vector; when absent, ngspice's own defaults by quantity:
    // 1e-6 for voltages (vntol), 1e-12 for currents (abstol), 1e-6 for anything else.
    std::optional<double> abstol;
    // Vectors to compare (besides the scale); empty: every vector both results have.
    std::vector<std::string> vectors;

    double abstol_for(const std::string& vector_name) const;
};

struct VectorDeviation {
    std::string name;
    double max_abs = 0;          // largest |a - b|
    double reference_max = 0;    // max |reference| over the points
    double allowed = 0;          // abstol + reltol * reference_max
    std::size_t at_index = 0;    // reference point of the largest deviation
    double at_scale = 0;         // its scale value (0 for an operating point)
    double reference_value = 0;  // the two values there (magnitudes for complex vectors)
    double other_value = 0;
    bool passed() const { return max_abs <= allowed; }
    // max_abs relative to the vector's size, max |reference| (infinite if that is 0).
    double relative() const;
};

struct PlotComparison {
    std::string analysis;  // "tran", ...
    std::string scale;     // "" for op
    std::size_t points = 0;          // reference points compared
    std::size_t points_outside = 0;  // reference points beyond the other's scale range (skipped)
    std::vector<VectorDeviation> vectors;
    std::vector<std::string> only_in_reference, only_in_other;  // not compared
    bool passed() const;
};

struct Comparison {
    std::vector<PlotComparison> plots;
    bool passed() const;
};

// Compares plot by plot (same order and analyses). Throws InputError for a chosen vector
// that a result lacks, and SimulationError when the results cannot be lined up (different
// analyses or plot counts, a scale that cannot be interpolated).
Comparison compare_results(const SimulationResult& reference, const SimulationResult& other,
                           const CompareOptions& options = {});

// The same for one pair of plots.
PlotComparison compare_plots(const Plot& reference, const Plot& other, const CompareOptions& options = {});

}  // namespace memspice
