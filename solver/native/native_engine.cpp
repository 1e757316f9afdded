#include "solver/native/native_engine.hpp"

namespace memspice {

NativeEngine::NativeEngine(EngineOptions options) : options_(std::move(options)) {}

SimulationResult NativeEngine::run(const Circuit&) {
    throw SimulationError("the native engine is not built yet");
}

}  // namespace memspice
