#include "solver/ngspice/ngspice_engine.hpp"

namespace memspice {

NgspiceEngine::NgspiceEngine(EngineOptions options) : options_(std::move(options)) {}

SimulationResult NgspiceEngine::run(const Circuit&) {
    throw SimulationError("the ngspice engine is not built yet");
}

}  // namespace memspice
