// Work arrays sized for one MNA system: unknowns with the ground slot (n + 1) and matrix
// values with the scratch slot (nnz + 1).
#pragma once

#include <vector>

#include "solver/native/mna_system.hpp"

namespace memspice::native {

struct Workspace {
    explicit Workspace(const MnaSystem& system)
        : y(static_cast<std::size_t>(system.size()) + 1), ydot(y.size()), residual(y.size()), delta(y.size()),
          g(static_cast<std::size_t>(system.pattern().value_count())), c(g.size()) {}
    std::vector<double> y, ydot, residual, delta;
    std::vector<double> g, c;
};

}  // namespace memspice::native
