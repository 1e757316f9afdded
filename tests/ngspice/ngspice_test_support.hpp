// Helpers for the ngspice engine tests: run a hand-written deck, look at its vectors.
#pragma once

#include <catch2/catch.hpp>

#include <cmath>
#include <initializer_list>
#include <string>
#include <vector>

#include "netlists/reader.hpp"
#include "solver/ngspice/ngspice_deck.hpp"
#include "solver/ngspice/ngspice_engine.hpp"

namespace memspice::test {

// Runs `lines` (title first, `.end` last) with the analyses given as ngspice commands.
inline SimulationResult run_deck(std::vector<std::string> lines, std::initializer_list<const char*> commands) {
    NgspiceDeck deck;
    deck.lines = std::move(lines);
    for (const char* c : commands) deck.analyses.push_back({c, {}});
    return run_ngspice_deck(deck);
}

// Reads netlist text (as the file "test.cir") and runs it in the ngspice engine: the
// path a user's netlist takes (reader, writer, libngspice driver).
inline SimulationResult run_netlist(std::string_view text, const EngineOptions& options = {}) {
    const Circuit circuit = read_netlist_text(text, "test.cir");
    NgspiceEngine engine(options);
    return engine.run(circuit);
}

// The time (or other scale value) at which `y` crosses `level` going in `direction`
// (+1 up, -1 down), linearly interpolated; all crossings in order.
inline std::vector<double> crossings(const std::vector<double>& x, const std::vector<double>& y, double level,
                                     int direction) {
    std::vector<double> at;
    for (std::size_t k = 1; k < y.size(); ++k) {
        const double a = y[k - 1] - level, b = y[k] - level;
        const bool up = a < 0 && b >= 0, down = a > 0 && b <= 0;
        if ((direction > 0 && up) || (direction < 0 && down))
            at.push_back(x[k - 1] + (x[k] - x[k - 1]) * a / (a - b));
    }
    return at;
}

}  // namespace memspice::test
