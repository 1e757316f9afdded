// `quit` in a .control script: libngspice asks to be unloaded instead of exiting the
// process; the driver turns that into an exception and refuses further runs (libngspice
// cannot be re-initialized). Its own executable, as it leaves the simulator unusable.
#include <catch2/catch.hpp>

#include "core/error.hpp"
#include "solver/ngspice/ngspice_deck.hpp"

using namespace memspice;

TEST_CASE("quit becomes an exception, not a process exit, and later runs say why they cannot run") {
    NgspiceDeck deck;
    deck.lines = {"quitting", "v1 in 0 1", "r1 in 0 1k", ".control", "op", "quit", ".endc", ".end"};
    try {
        run_ngspice_deck(deck);
        FAIL("no exception");
    } catch (const SimulationError& e) {
        CHECK_THAT(e.message(), Catch::Contains("quit") && Catch::Contains("cannot be restarted"));
    }
    NgspiceDeck next;
    next.lines = {"after", "v1 in 0 1", "r1 in 0 1k", ".end"};
    next.analyses = {{"op", {}}};
    try {
        run_ngspice_deck(next);
        FAIL("no exception");
    } catch (const SimulationError& e) {
        CHECK_THAT(e.message(), Catch::Contains("new process"));
    }
}
