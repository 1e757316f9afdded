// The ngspice engine on circuit descriptions read from netlists: locations of ngspice's
// complaints, .control scripts, .save, subcircuits, code-model libraries.
#include "ngspice_test_support.hpp"

#include "core/error.hpp"
#include "solver/engine.hpp"

using namespace memspice;
using memspice::test::run_netlist;

TEST_CASE("a line ngspice rejects is reported at its place in the user's netlist") {
    // ngspice sees the XSPICE instance as line 5 of what it received (no comment, no blank
    // line); the user wrote it on line 6.
    try {
        run_netlist("bad code model\n* a comment\nv1 in 0 1\nr1 in out 1k\n\na1 in out foo\n"
                    ".model foo nosuchcm(gain=1)\n.tran 1u 10u\n.end\n");
        FAIL("no exception");
    } catch (const InputError& e) {
        CHECK(e.where() == SourceLocation{"test.cir", 6});
        CHECK_THAT(e.message(), Catch::Contains("ngspice rejected the netlist") &&
                                    Catch::Contains("unable to find definition of model foo"));
    }
}

TEST_CASE("a failed analysis is a simulation error with ngspice's words") {
    try {
        run_netlist("singular\nv1 in 0 1\nr1 in 0 1k\nc1 out 0 1u\nr2 out x 1k\nc2 x 0 1u\n.op\n.end\n");
        FAIL("no exception");
    } catch (const SimulationError& e) {
        CHECK_THAT(e.message(), Catch::Contains("ngspice 'op' failed") && Catch::Contains("singular matrix"));
    }
}

TEST_CASE("a .control script runs instead of the analyses, and its quit is left out") {
    const auto result = run_netlist(R"(scripted divider
v1 in 0 1
r1 in out 1k
r2 out 0 3k
.tran 1u 10u
.control
run
op
let ratio = v(out)/v(in)
quit
.endc
.end
)");
    REQUIRE(result.plots.size() == 2);
    CHECK(result.plots[0].analysis == "tran");
    CHECK(result.plots[0].title == "scripted divider");
    CHECK(result.plots[1].analysis == "op");
    CHECK(result.plots[1].at("v(out)").real.at(0) == Approx(0.75));
    CHECK(result.plots[1].at("ratio").real.at(0) == Approx(0.75));
    // ngspice is still usable: quit never reached it.
    CHECK(run_netlist("after\nv1 a 0 2\nr1 a 0 1k\n.op\n.end\n").plots.at(0).at("i(v1)").real.at(0) ==
          Approx(-2e-3));
}

TEST_CASE(".save restricts the vectors, and the engine expects only those") {
    const auto result = run_netlist("saved\nv1 in 0 1\nr1 in out 1k\nr2 out 0 1k\n.save v(out)\n.op\n.dc v1 0 1 1\n.end\n");
    REQUIRE(result.plots.size() == 2);
    CHECK(result.plots[0].vectors.size() == 1);
    CHECK(result.plots[0].at("v(out)").real.at(0) == Approx(0.5));
    CHECK(result.plots[1].vectors.size() == 2);  // v-sweep and v(out)
}

TEST_CASE("subcircuit nodes and sources keep ngspice's flattened names") {
    const auto result = run_netlist(R"(subcircuits
.subckt divider top bottom
rtop top mid 1k
rbottom mid sense 1k
vsense sense bottom 0
.ends
v1 in 0 2
x1 in 0 divider
.op
.end
)");
    const Plot& op = result.plots.at(0);
    CHECK(op.at("v(x1.mid)").real.at(0) == Approx(1).epsilon(1e-6));
    // 2 V across 2 kOhm: 1 mA flows into vsense's + node (sense) and through it.
    CHECK(op.at("i(v.x1.vsense)").real.at(0) == Approx(1e-3).epsilon(1e-9));
}

TEST_CASE("code-model libraries given in the engine options are loaded first") {
    EngineOptions options;
    options.code_model_libraries = {"/usr/lib/x86_64-linux-gnu/ngspice/analog.cm"};
    const auto result = run_netlist(R"(limiter
v1 in 0 sin(0 1 1k)
a1 in out lim
.model lim limit(gain=2 out_lower_limit=-0.5 out_upper_limit=0.5 limit_range=1e-6)
r1 out 0 1k
.tran 10u 1m
.end
)",
                                    options);
    const auto& out = result.plots.at(0).at("v(out)").real;
    CHECK(*std::max_element(out.begin(), out.end()) == Approx(0.5).margin(1e-6));
    CHECK(*std::min_element(out.begin(), out.end()) == Approx(-0.5).margin(1e-6));

    options.code_model_libraries = {"/nonexistent/library.cm"};
    CHECK_THROWS_AS(run_netlist("x\nv1 a 0 1\nr1 a 0 1\n.op\n.end\n", options), InputError);
}

TEST_CASE("make_engine gives the ngspice engine by name") {
    const auto engine = make_engine("ngspice");
    CHECK(engine->name() == "ngspice");
    CHECK_THROWS_AS(make_engine("spectre"), InputError);
}

TEST_CASE("many engine runs in one process leave no plots behind") {
    for (int k = 0; k < 20; ++k) {
        const auto result = run_netlist("rc\nv1 in 0 dc 1 ac 1\nr1 in out 1k\nc1 out 0 1u\n.op\n.ac dec 3 1 1k\n.end\n");
        REQUIRE(result.plots.size() == 2);
        const std::complex<double> h = 1.0 / std::complex<double>(1.0, 2 * 3.141592653589793 * 1e-3);  // 1 Hz
        CHECK(std::abs(result.plots[1].at("v(out)").complex.at(0) - h) < 1e-12);
        CHECK(ngspice_plot_count() == 0);
    }
}
