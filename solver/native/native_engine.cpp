#include "solver/native/native_engine.hpp"

#include <chrono>

#include "solver/native/ac_analysis.hpp"
#include "solver/native/dc_analysis.hpp"
#include "solver/native/mna_system.hpp"
#include "solver/native/transient.hpp"

namespace memspice {

NativeEngine::NativeEngine(EngineOptions options, NativeOptions native)
    : options_(std::move(options)), native_(native) {}

SimulationResult NativeEngine::run(const Circuit& circuit) {
    using Clock = std::chrono::steady_clock;
    auto seconds = [](Clock::time_point from) { return std::chrono::duration<double>(Clock::now() - from).count(); };
    statistics_ = {};
    const auto start = Clock::now();
    const native::SolverOptions solver_options = native::SolverOptions::from_circuit(circuit, native_.ordering);
    native::MnaSystem system(circuit, solver_options);
    statistics_.unknowns = system.size();
    statistics_.matrix_entries = system.pattern().nnz();
    statistics_.setup_seconds = seconds(start);
    SimulationResult result;
    for (const Analysis& analysis : circuit.analyses) {
        const auto analysis_start = Clock::now();
        switch (analysis.kind) {
            case Analysis::Kind::Op: result.plots.push_back(native::run_operating_point(system, analysis)); break;
            case Analysis::Kind::Dc: result.plots.push_back(native::run_dc_sweep(system, analysis)); break;
            case Analysis::Kind::Tran:
                result.plots.push_back(native::run_transient(system, analysis, options_.progress));
                break;
            case Analysis::Kind::Ac: result.plots.push_back(native::run_ac(system, analysis)); break;
        }
        statistics_.analysis_seconds.push_back(seconds(analysis_start));
        statistics_.lu = system.lu().statistics();
    }
    return result;
}

}  // namespace memspice
