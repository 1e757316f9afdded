// The ngspice engine: runs a circuit description in libngspice behind the Engine interface.
//
// Protocol (see ngspice_deck.hpp and ngspice_simulator.hpp for the layers under it):
// - one simulator per process, initialized once; runs are serialized and the simulator is
//   cleared after each (`destroy all`, `remcirc`), so many runs in one process do not
//   accumulate plots or circuits;
// - code-model libraries are loaded first, once per process: memspice.cm (when built) and
//   EngineOptions::code_model_libraries;
// - the circuit goes in as text from the netlist writer (devices expanded for memspice.cm,
//   no analysis cards) and each analysis is issued as a command (`op`, `dc ...`, `tran ...`,
//   `ac ...`); every vector of the plot it makes is copied out at once, with canonical names
//   (solver/waveform.hpp); an .ac plot has a real `frequency` scale and complex vectors;
// - a circuit with a .control block is sent with its analysis cards and its script, which
//   ngspice runs on loading; every plot the script leaves is collected, in creation order
//   (Plot::analysis from the plot's name: "tran", "ac", ... "unknown" for `setplot new`).
//   `quit`/`exit` lines are left out of the script: ngspice cannot be restarted after them;
// - errors: ngspice's output stream is scanned (its return codes report nothing); a rejected
//   netlist throws InputError at the element ngspice blamed, a failed analysis, a missing
//   vector or a non-finite value throws SimulationError; both quote ngspice's own lines.
//   SimulationResult::log holds everything ngspice printed during the run.
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
