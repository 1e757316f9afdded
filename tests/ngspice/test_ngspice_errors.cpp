// Failures ngspice reports only in its output stream, and the simulator's life across runs.
#include "ngspice_test_support.hpp"

#include <thread>

#include "core/error.hpp"

using namespace memspice;
using memspice::test::run_deck;

namespace {

// A deck whose lines come from "test.cir", one line each, from line 1.
NgspiceDeck located(std::vector<std::string> lines, std::vector<NgspiceAnalysis> analyses) {
    NgspiceDeck deck;
    deck.lines = std::move(lines);
    deck.analyses = std::move(analyses);
    deck.locate = [](std::size_t k) { return SourceLocation{"test.cir", static_cast<int>(k) + 1}; };
    deck.origin = SourceLocation{"test.cir", 0};
    return deck;
}

const std::vector<std::string> divider = {"divider", "v1 in 0 10", "r1 in mid 1k", "r2 mid 0 3k", ".end"};

}  // namespace

TEST_CASE("an undefined model is an input error at its line, with ngspice's message") {
    const NgspiceDeck deck =
        located({"bad model", "v1 in 0 1", "r1 in out 1k", "d1 out 0 nomodel", ".end"}, {{"op", {}}});
    try {
        run_ngspice_deck(deck);
        FAIL("no exception");
    } catch (const InputError& e) {
        CHECK(e.where() == SourceLocation{"test.cir", 4});
        CHECK_THAT(e.message(), Catch::Contains("ngspice rejected the netlist") &&
                                    Catch::Contains("could not find a valid modelname") &&
                                    Catch::Contains("d1 out 0 nomodel"));
    }
    CHECK(ngspice_plot_count() == 0);
}

TEST_CASE("an unknown subcircuit is an input error at the line ngspice quotes") {
    const NgspiceDeck deck = located({"bad subckt", "v1 in 0 1", "x1 in 0 nosub", "r1 in 0 1k", ".end"}, {{"op", {}}});
    try {
        run_ngspice_deck(deck);
        FAIL("no exception");
    } catch (const InputError& e) {
        CHECK(e.where() == SourceLocation{"test.cir", 3});
        CHECK_THAT(e.message(), Catch::Contains("unknown subckt"));
    }
}

TEST_CASE("a singular circuit is a simulation error quoting ngspice") {
    // Node `out` has only a capacitor to ground: no DC path, the matrix is singular.
    try {
        run_deck({"singular", "v1 in 0 1", "r1 in 0 1k", "c1 out 0 1u", "r2 out x 1k", "c2 x 0 1u", ".end"}, {"op"});
        FAIL("no exception");
    } catch (const SimulationError& e) {
        CHECK_THAT(e.message(), Catch::Contains("ngspice 'op' failed") && Catch::Contains("singular matrix"));
    }
    CHECK(ngspice_plot_count() == 0);
}

TEST_CASE("a transient that cannot take a step is a simulation error") {
    // A current source that flips sign as its own node crosses 0.5 V has no consistent
    // operating point; with tolerances far below what double precision resolves, no time
    // step is small enough.
    try {
        run_deck({"no step", "v1 a 0 pulse(0 5 0 1p 1p 1u 2u)", "d1 a b dd", "c1 b 0 1p",
                  "b1 b 0 i = v(b) > 0.5 ? 1 : -1", ".model dd d is=1e-14",
                  ".options reltol=1e-9 abstol=1e-20 vntol=1e-20 chgtol=1e-30", ".end"},
                 {"tran 1n 10u"});
        FAIL("no exception");
    } catch (const SimulationError& e) {
        CHECK_THAT(e.message(), Catch::Contains("Timestep too small") || Catch::Contains("timestep too small"));
    }
}

TEST_CASE("an expected vector that ngspice did not produce is a simulation error") {
    try {
        run_ngspice_deck(located(divider, {{"op", {"v(mid)", "v(nowhere)"}}}));
        FAIL("no exception");
    } catch (const SimulationError& e) {
        CHECK_THAT(e.message(), Catch::Contains("gave no v(nowhere)"));
    }
}

TEST_CASE("expected vectors come first, in the given order") {
    const auto result = run_ngspice_deck(located(divider, {{"op", {"v(in)", "v(mid)", "i(v1)"}}}));
    const Plot& plot = result.plots.at(0);
    REQUIRE(plot.vectors.size() == 3);
    CHECK(plot.vectors[0].name == "v(in)");
    CHECK(plot.vectors[1].name == "v(mid)");
    CHECK(plot.vectors[2].name == "i(v1)");
}

TEST_CASE("a missing code-model library is an input error") {
    NgspiceDeck deck = located(divider, {{"op", {}}});
    deck.code_models = {"/nonexistent/memspice-test.cm"};
    CHECK_THROWS_AS(run_ngspice_deck(deck), InputError);
    deck.code_models = {"/etc/hostname"};  // exists, but is no shared library
    try {
        run_ngspice_deck(deck);
        FAIL("no exception");
    } catch (const InputError& e) {
        CHECK_THAT(e.message(), Catch::Contains("could not load code-model library"));
    }
}

TEST_CASE("a standard XSPICE code model runs after its library is loaded") {
    // analog.cm is loaded by ngspice's spinit already; loading it again is harmless.
    NgspiceDeck deck = located({"limiter", "v1 in 0 sin(0 1 1k)", "a1 in out lim",
                                ".model lim limit(gain=2 out_lower_limit=-1 out_upper_limit=1 limit_range=1e-6)",
                                "r1 out 0 1k", ".end"},
                               {{"tran 10u 1m", {"time", "v(in)", "v(out)"}}});
    deck.code_models = {"/usr/lib/x86_64-linux-gnu/ngspice/analog.cm"};
    const auto result = run_ngspice_deck(deck);
    const auto& in = result.plots.at(0).at("v(in)").real;
    const auto& out = result.plots.at(0).at("v(out)").real;
    for (std::size_t k = 0; k < in.size(); ++k) CHECK(out[k] == Approx(std::clamp(2 * in[k], -1.0, 1.0)).margin(1e-4));
}

TEST_CASE("a .control script runs on loading and its plots are collected") {
    NgspiceDeck deck;
    deck.lines = {"scripted", "v1 in 0 1", "r1 in out 1k", "r2 out 0 1k", ".control", "op", "tran 1u 10u",
                  "let gain = v(out)/v(in)", ".endc", ".end"};
    const auto result = run_ngspice_deck(deck);
    REQUIRE(result.plots.size() == 2);
    CHECK(result.plots[0].analysis == "op");
    CHECK(result.plots[0].at("v(out)").real.at(0) == Approx(0.5));
    CHECK(result.plots[1].analysis == "tran");
    CHECK(result.plots[1].scale == "time");
    const Vector& gain = result.plots[1].at("gain");  // a `let` vector keeps its name
    for (double g : gain.real) CHECK(g == Approx(0.5));
    CHECK(ngspice_plot_count() == 0);
}

TEST_CASE("many runs in one process: same answers, no plots left behind") {
    for (int k = 0; k < 40; ++k) {
        INFO("run " << k);
        const auto result = run_deck(divider, {"op", "dc v1 0 10 5"});
        REQUIRE(result.plots.size() == 2);
        CHECK(result.plots[0].at("v(mid)").real.at(0) == Approx(7.5).epsilon(1e-12));
        CHECK(result.plots[1].at("v(mid)").real == std::vector<double>{0, 3.75, 7.5});
        CHECK(ngspice_plot_count() == 0);
        if (k % 4 == 0) {  // failures in between leave nothing behind either
            CHECK_THROWS_AS(run_deck({"bad", "d1 a 0 nomodel", "r1 a 0 1", ".end"}, {"op"}), InputError);
            CHECK(ngspice_plot_count() == 0);
        }
    }
}

TEST_CASE("concurrent callers take turns") {
    std::vector<double> answers(4, 0.0);
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < answers.size(); ++t) {
        threads.emplace_back([t, &answers] {
            const double v = static_cast<double>(t + 1);
            const std::vector<std::string> deck = {"thread", "v1 in 0 " + std::to_string(t + 1), "r1 in mid 1k",
                                                   "r2 mid 0 1k", ".end"};
            for (int k = 0; k < 5; ++k) {
                const auto result = run_deck(deck, {"op"});
                answers[t] += result.plots.at(0).at("v(mid)").real.at(0) - v / 2;
            }
        });
    }
    for (auto& thread : threads) thread.join();
    for (double a : answers) CHECK(a == Approx(0).margin(1e-12));
}
