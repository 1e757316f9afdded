// The native engine: modified nodal analysis on SUNDIALS IDA with KLU, behind the Engine
// interface.
#pragma once

#include "solver/engine.hpp"

namespace memspice {

class NativeEngine final : public Engine {
public:
    explicit NativeEngine(EngineOptions options = {});
    std::string name() const override { return "native"; }
    SimulationResult run(const Circuit& circuit) override;

private:
    EngineOptions options_;
};

}  // namespace memspice
