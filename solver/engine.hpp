// The engine interface: a circuit description in, waveforms out. Two implementations:
// "ngspice" (libngspice, solver/ngspice/) and "native" (MNA on SUNDIALS IDA + KLU,
// solver/native/). Both run every analysis of the circuit, in order.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/circuit.hpp"
#include "solver/waveform.hpp"

namespace memspice {

struct EngineOptions {
    // Extra XSPICE code-model libraries for the ngspice engine, loaded before the circuit
    // (memspice.cm is found and loaded automatically; see solver/ngspice/).
    std::vector<std::string> code_model_libraries;
    // Progress reports for long runs (simulated time, steps); the command line shows them
    // on stderr when it is a terminal. Empty: silent.
    std::function<void(const std::string&)> progress;
};

class Engine {
public:
    virtual ~Engine() = default;
    virtual std::string name() const = 0;
    // Runs every analysis of the circuit. Throws InputError for a circuit the engine cannot
    // accept (naming the element and its location) and SimulationError when it fails.
    virtual SimulationResult run(const Circuit& circuit) = 0;
};

// "ngspice" or "native"; throws InputError for another name.
std::unique_ptr<Engine> make_engine(std::string_view name, const EngineOptions& options = {});

}  // namespace memspice
