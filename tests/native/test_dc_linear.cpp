// Linear DC analyses against exact answers: an R-2R ladder, controlled sources solved by
// hand, nested sweeps, and the diagnosis of singular circuits.
#include <catch2/catch.hpp>

#include <cmath>

#include "circuit_builder.hpp"
#include "solver/native/native_engine.hpp"

using namespace memspice;
using test::CircuitBuilder;
using test::value_at;

TEST_CASE("R-2R ladder halves the voltage at every node, exactly") {
    const int stages = 40;
    const double r = 1e3, v = 3.3;
    CircuitBuilder b("r-2r ladder");
    b.v("v1", "n0", "0", v);
    for (int k = 1; k <= stages; ++k) {
        b.r(test::indexed("rs", k), test::indexed("n", k - 1), test::indexed("n", k), r);
        b.r(test::indexed("rp", k), test::indexed("n", k), "0", 2 * r);
    }
    b.r("rt", test::indexed("n", stages), "0", 2 * r);
    b.op();
    NativeEngine engine;
    const SimulationResult result = engine.run(b.circuit());
    const Plot& op = result.plots.at(0);
    CHECK(op.analysis == "op");
    for (int k = 0; k <= stages; ++k)
        CHECK(value_at(op, "v(" + test::indexed("n", k) + ")") == Approx(v / std::pow(2.0, k)).epsilon(1e-12));
    // The ladder is 2R seen from the source; the source current flows out of its + node.
    CHECK(value_at(op, "i(v1)") == Approx(-v / (2 * r)).epsilon(1e-12));
    // A linear circuit's operating point is one factorization and one solve.
    CHECK(engine.statistics().lu.factorizations == 1);
    CHECK(engine.statistics().lu.refactorizations == 0);
}

TEST_CASE("controlled sources E, F, G, H and a current source, solved by hand") {
    CircuitBuilder b("controlled sources");
    b.v("vin", "in", "0", 2);
    b.r("rin", "in", "0", 1e3);
    // E: e = 3 * v(in) = 6 V across 2k -> i(e1) = -3 mA.
    b.add(ElementType::Vcvs, "e1", {"e", "0", "in", "0"}, 3);
    b.r("re", "e", "0", 2e3);
    // G: 1 mS * v(in) = 2 mA from g through the source to ground, into 1k -> v(g) = -2 V.
    b.add(ElementType::Vccs, "g1", {"g", "0", "in", "0"}, 1e-3);
    b.r("rg", "g", "0", 1e3);
    // F: 2 * i(e1) = -6 mA from f to ground through the source -> v(f) = 6 V over 1k.
    b.add(ElementType::Cccs, "f1", {"f", "0"}).controls = {"e1"};
    b.circuit().elements.back().value = 2;
    b.r("rf", "f", "0", 1e3);
    // H: v(h) = 500 * i(e1) = -1.5 V.
    b.add(ElementType::Ccvs, "h1", {"h", "0"}).controls = {"e1"};
    b.circuit().elements.back().value = 500;
    b.r("rh", "h", "0", 1e3);
    // I: 1 mA from 0 through the source into node x, 4k to ground -> 4 V.
    b.i("i1", "0", "x", 1e-3);
    b.r("rx", "x", "0", 4e3);
    b.op();
    const Plot op = NativeEngine().run(b.circuit()).plots.at(0);
    CHECK(value_at(op, "v(e)") == Approx(6).epsilon(1e-12));
    CHECK(value_at(op, "i(e1)") == Approx(-3e-3).epsilon(1e-12));
    CHECK(value_at(op, "v(g)") == Approx(-2).epsilon(1e-12));
    CHECK(value_at(op, "v(f)") == Approx(6).epsilon(1e-12));
    CHECK(value_at(op, "v(h)") == Approx(-1.5).epsilon(1e-12));
    CHECK(value_at(op, "i(h1)") == Approx(1.5e-3).epsilon(1e-12));
    CHECK(value_at(op, "v(x)") == Approx(4).epsilon(1e-12));
}

TEST_CASE("nested DC sweep: inner source varies fastest, scale named after it") {
    CircuitBuilder b("nested sweep");
    b.v("va", "a", "0", 0);
    b.i("ib", "0", "b", 0);
    b.r("r1", "a", "out", 1e3);
    b.r("r2", "b", "out", 1e3);
    b.r("r3", "out", "0", 1e3);
    b.r("r4", "b", "0", 1e9);
    b.dc({DcSweep{"va", 0, 1, 0.25}, DcSweep{"ib", 0, 2e-3, 1e-3}});
    const Plot dc = NativeEngine().run(b.circuit()).plots.at(0);
    REQUIRE(dc.scale == "v-sweep");
    REQUIRE(dc.points() == 15);
    const auto& sweep = test::vec(dc, "v-sweep").real;
    const auto& out = test::vec(dc, "v(out)").real;
    for (std::size_t p = 0; p < 15; ++p) {
        const double va = 0.25 * static_cast<double>(p % 5);
        const double ib = 1e-3 * static_cast<double>(p / 5);
        CHECK(sweep[p] == Approx(va).margin(1e-15));
        // Node out: (va - v)/1k + (vb - v)/1k = v/1k with vb fed by ib (r4 negligible):
        // solve exactly with r4 included.
        const double g = 1e-3, g4 = 1e-9;
        // Unknowns v, vb: (va - v) g + (vb - v) g = v g ; ib = (vb - v) g + vb g4
        const double vb_coefficient = g + g4;
        // From the second: vb = (ib + v g) / (g + g4); substitute into the first.
        const double v = (va * g + ib * g / vb_coefficient) / (3 * g - g * g / vb_coefficient);
        CHECK(out[p] == Approx(v).epsilon(1e-12));
    }
}

TEST_CASE("a node without a DC path to ground is named") {
    CircuitBuilder b("floating");
    b.v("v1", "a", "0", 1);
    b.r("r1", "a", "0", 1e3);
    b.c("c1", "a", "mid", 1e-12);
    b.c("c2", "mid", "0", 1e-12);
    b.op();
    CHECK_THROWS_AS(NativeEngine().run(b.circuit()), SimulationError);
    CHECK_THROWS_WITH(NativeEngine().run(b.circuit()), Catch::Contains("no DC path to ground from node mid"));
}

TEST_CASE("a loop of voltage sources and inductors is named") {
    CircuitBuilder b("loop");
    b.v("v1", "a", "0", 1);
    b.l("l1", "a", "b", 1e-6);
    b.v("v2", "b", "0", 2);
    b.r("r1", "a", "0", 1e3);
    b.op();
    try {
        NativeEngine().run(b.circuit());
        FAIL("expected a singular-matrix error");
    } catch (const SimulationError& e) {
        const std::string m = e.what();
        CHECK_THAT(m, Catch::Contains("loop of voltage sources"));
        CHECK_THAT(m, Catch::Contains("v1"));
        CHECK_THAT(m, Catch::Contains("l1"));
        CHECK_THAT(m, Catch::Contains("v2"));
    }
}

TEST_CASE("bad element values are input errors naming the element") {
    CircuitBuilder b("bad");
    b.v("v1", "a", "0", 1);
    b.r("r1", "a", "0", 0);
    b.op();
    CHECK_THROWS_AS(NativeEngine().run(b.circuit()), InputError);
    CHECK_THROWS_WITH(NativeEngine().run(b.circuit()), Catch::Contains("r1"));
}
