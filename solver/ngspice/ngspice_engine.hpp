// The ngspice engine: drives libngspice (one simulator per process) behind the Engine
// interface. See solver/ngspice/README or the implementation for its protocol.
#pragma once

#include "solver/engine.hpp"

namespace memspice {

class NgspiceEngine final : public Engine {
public:
    explicit NgspiceEngine(EngineOptions options = {});
    std::string name() const override { return "ngspice"; }
    SimulationResult run(const Circuit& circuit) override;

private:
    EngineOptions options_;
};

}  // namespace memspice
