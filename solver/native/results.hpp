// Result plots with the vector names both engines use (solver/waveform.hpp): v(node) for
// every circuit node, i(name) for every branch current (V, L, E, H, B v=), and
// v(<instance>#<state>) for device states. Internal nodes of device models are not output,
// as in ngspice. The scale vector is real in every plot. Every value is checked for
// finiteness before it leaves the engine.
#pragma once

#include <complex>
#include <string>
#include <vector>

#include "solver/native/mna_system.hpp"
#include "solver/waveform.hpp"

namespace memspice::native {

class PlotBuilder {
public:
    // `scale` is the name of the scale vector ("" for op).
    PlotBuilder(const MnaSystem& system, std::string analysis, std::string scale);
    // Appends one point; throws SimulationError if any output value is not finite, naming
    // the vector and the scale value.
    void add(double scale_value, const double* y);
    void add_complex(double scale_value, const std::complex<double>* y);
    std::size_t points() const { return points_; }
    Plot finish();

private:
    [[noreturn]] void not_finite(std::size_t column, double scale_value) const;

    Plot plot_;
    std::vector<int> unknown_of_column_;
    std::size_t points_ = 0;
    // Points are stored row by row (one contiguous row per point, cache-friendly for large
    // circuits) and turned into vectors by finish().
    std::vector<double> rows_;
    std::vector<std::complex<double>> complex_rows_;
    std::vector<double> scale_values_;  // the scale is real, also the frequency of .ac
};

}  // namespace memspice::native
