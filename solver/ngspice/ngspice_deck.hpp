// Running a netlist given as text lines in libngspice: the layer under NgspiceEngine, which
// needs no circuit description (useful for decks written by hand and for tests).
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "solver/waveform.hpp"

namespace memspice {

// One analysis, issued as an ngspice command after the circuit is loaded.
struct NgspiceAnalysis {
    std::string command;                    // "op", "dc v1 0 5 0.1", "tran 1u 1m", "ac dec 10 1 1meg"
    std::vector<std::string> expected;      // vectors that must be in its plot (canonical names)
};

struct NgspiceDeck {
    // The netlist, title first and `.end` last, without analysis cards (they are commands).
    std::vector<std::string> lines;
    // Issued in order after loading; each gives one plot. Empty: the deck's .control block
    // does the work when the circuit is loaded, and every plot it leaves is collected.
    std::vector<NgspiceAnalysis> analyses;
    // XSPICE code-model libraries to load first (each once per process).
    std::vector<std::filesystem::path> code_models;
    // Where a deck line came from, for the InputError when ngspice rejects that line
    // (index into `lines`). Empty: errors name no location.
    std::function<SourceLocation(std::size_t line)> locate;
    // Where the deck as a whole came from (a rejection that names no line).
    SourceLocation origin;
    // ngspice's status reports ("tran: 42%"), when wanted.
    std::function<void(const std::string&)> progress;
};

// Runs the deck in the process's libngspice (one run at a time; concurrent callers wait).
// Throws InputError when ngspice rejects the netlist or a code model cannot be loaded, and
// SimulationError when an analysis fails, an expected vector is missing or a value is not
// finite; both carry ngspice's own message lines. The simulator is cleared afterwards
// (plots and circuits removed) whether the run succeeded or not.
SimulationResult run_ngspice_deck(const NgspiceDeck& deck);

// Number of plots libngspice holds now, ngspice's "const" excluded (0 between runs).
std::size_t ngspice_plot_count();

}  // namespace memspice
