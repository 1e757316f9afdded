// The native engine: modified nodal analysis on SUNDIALS IDA with KLU, behind the Engine
// interface. Analyses: .op, .dc (nested), .tran, .ac; the pole analysis is solver/native/poles.hpp.
#pragma once

#include "solver/engine.hpp"
#include "solver/native/sparse_lu.hpp"

namespace memspice {

// Settings of the native engine beyond EngineOptions (library users, benchmarks).
struct NativeOptions {
    // Fill-reducing ordering of the sparse LU; Auto picks by problem size and fill.
    native::Ordering ordering = native::Ordering::Auto;
};

// Where the time of the last run() went (benchmarks).
struct NativeStatistics {
    int unknowns = 0;
    int matrix_entries = 0;
    double setup_seconds = 0;        // elements, unknowns, pattern
    native::LuStatistics lu;         // ordering, analysis and factorization times
    std::vector<double> analysis_seconds;  // per analysis, in order
};

class NativeEngine final : public Engine {
public:
    explicit NativeEngine(EngineOptions options = {}, NativeOptions native = {});
    std::string name() const override { return "native"; }
    SimulationResult run(const Circuit& circuit) override;
    const NativeStatistics& statistics() const { return statistics_; }

private:
    EngineOptions options_;
    NativeOptions native_;
    NativeStatistics statistics_;
};

}  // namespace memspice
