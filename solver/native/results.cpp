#include "solver/native/results.hpp"

#include <cmath>

#include "core/units.hpp"

namespace memspice::native {

PlotBuilder::PlotBuilder(const MnaSystem& system, std::string analysis, std::string scale) {
    plot_.analysis = std::move(analysis);
    plot_.title = system.circuit().title;
    plot_.scale = std::move(scale);
    if (!plot_.scale.empty()) {
        plot_.vectors.push_back(Vector{plot_.scale, {}, {}});
        unknown_of_column_.push_back(-1);
    }
    const Unknowns& u = system.unknowns();
    for (int k = 0; k < u.size(); ++k) {
        switch (u[k].kind) {
            case UnknownKind::Node:
            case UnknownKind::State: plot_.vectors.push_back(Vector{"v(" + u[k].name + ")", {}, {}}); break;
            case UnknownKind::Branch: plot_.vectors.push_back(Vector{"i(" + u[k].name + ")", {}, {}}); break;
            case UnknownKind::Internal: continue;
        }
        unknown_of_column_.push_back(k);
    }
}

void PlotBuilder::not_finite(std::size_t column, double scale_value) const {
    std::string where = plot_.scale.empty() ? std::string("the operating point")
                                            : plot_.scale + " = " + format_number(scale_value);
    throw SimulationError("native engine: " + plot_.vectors[column].name + " is not finite at " + where);
}

void PlotBuilder::add(double scale_value, const double* y) {
    if (!std::isfinite(scale_value)) not_finite(0, scale_value);
    scale_values_.push_back(scale_value);
    for (std::size_t c = 0; c < unknown_of_column_.size(); ++c) {
        const int k = unknown_of_column_[c];
        if (k < 0) continue;
        if (!std::isfinite(y[k])) not_finite(c, scale_value);
        rows_.push_back(y[k]);
    }
    ++points_;
}

void PlotBuilder::add_complex(double scale_value, const std::complex<double>* y) {
    if (!std::isfinite(scale_value)) not_finite(0, scale_value);
    scale_values_.push_back(scale_value);
    for (std::size_t c = 0; c < unknown_of_column_.size(); ++c) {
        const int k = unknown_of_column_[c];
        if (k < 0) continue;
        if (!std::isfinite(y[k].real()) || !std::isfinite(y[k].imag())) not_finite(c, scale_value);
        complex_rows_.push_back(y[k]);
    }
    ++points_;
}

Plot PlotBuilder::finish() {
    const std::size_t columns = unknown_of_column_.size() - (plot_.scale.empty() ? 0 : 1);
    std::size_t column = 0;
    for (std::size_t c = 0; c < unknown_of_column_.size(); ++c) {
        Vector& v = plot_.vectors[c];
        if (unknown_of_column_[c] < 0) {
            v.real = scale_values_;
            continue;
        }
        if (!complex_rows_.empty()) {
            v.complex.resize(points_);
            for (std::size_t p = 0; p < points_; ++p) v.complex[p] = complex_rows_[p * columns + column];
        } else {
            v.real.resize(points_);
            for (std::size_t p = 0; p < points_; ++p) v.real[p] = rows_[p * columns + column];
        }
        ++column;
    }
    rows_.clear(), complex_rows_.clear(), scale_values_.clear();
    return std::move(plot_);
}

}  // namespace memspice::native
