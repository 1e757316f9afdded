// Diode and level-1 MOSFET operating points against the device equations solved by hand
// (a scalar Newton iteration on the one unknown each circuit leaves).
#include <catch2/catch.hpp>

#include <cmath>
#include <functional>

#include "circuit_builder.hpp"
#include "solver/native/native_engine.hpp"

using namespace memspice;
using test::CircuitBuilder;
using test::value_at;

namespace {

constexpr double kBoltzmann = 1.38064852e-23, kCharge = 1.6021766208e-19;
double vt_at(double celsius) { return kBoltzmann / kCharge * (celsius + 273.15); }

// Root of f on [lo, hi] by bisection to machine precision (f(lo) and f(hi) of opposite sign).
double root(const std::function<double(double)>& f, double lo, double hi) {
    double flo = f(lo);
    for (int k = 0; k < 200; ++k) {
        const double mid = 0.5 * (lo + hi);
        const double fm = f(mid);
        if ((fm < 0) == (flo < 0)) lo = mid, flo = fm;
        else hi = mid;
    }
    return 0.5 * (lo + hi);
}

void tight(CircuitBuilder& b) {
    b.option("reltol", "1e-10");
    b.option("vntol", "1e-14");
    b.option("abstol", "1e-18");
}

}  // namespace

TEST_CASE("diode forward bias through a resistor, with series resistance") {
    const double is = 2e-14, n = 1.8, rs = 5, r = 1e3, v = 5, gmin = 1e-12;
    CircuitBuilder b("diode");
    b.v("v1", "in", "0", v);
    b.r("r1", "in", "a", r);
    b.add(ElementType::Diode, "d1", {"a", "0"}).model = "dm";
    b.model("dm", "d", {{"is", is}, {"n", n}, {"rs", rs}});
    b.op();
    tight(b);
    const Plot op = NativeEngine().run(b.circuit()).plots.at(0);
    const double vte = n * vt_at(27);
    // Junction voltage vj: current through r and rs equals the junction current (+ gmin).
    const auto junction = [&](double vj) { return is * (std::exp(vj / vte) - 1) + gmin * vj; };
    const double vj = root([&](double x) { return (v - x) / (r + rs) - junction(x); }, 0, 1.5);
    const double i = junction(vj);
    CHECK(value_at(op, "v(a)") == Approx(vj + i * rs).epsilon(1e-9));
    CHECK(value_at(op, "i(v1)") == Approx(-i).epsilon(1e-9));
}

TEST_CASE("diode reverse bias follows SPICE's cubic reverse tail") {
    const double is = 1e-12, r = 1e6, v = -3, gmin = 1e-12;
    CircuitBuilder b("diode reverse");
    b.v("v1", "in", "0", v);
    b.r("r1", "in", "a", r);
    b.add(ElementType::Diode, "d1", {"a", "0"}).model = "dm";
    b.model("dm", "d", {{"is", is}});
    b.op();
    tight(b);
    const Plot op = NativeEngine().run(b.circuit()).plots.at(0);
    const double vt = vt_at(27);
    const auto current = [&](double vd) {
        if (vd >= -3 * vt) return is * (std::exp(vd / vt) - 1) + gmin * vd;
        const double a = 3 * vt / (vd * std::exp(1.0));
        return -is * (1 + a * a * a) + gmin * vd;
    };
    const double vd = root([&](double x) { return (v - x) / r - current(x); }, -3.1, 0);
    CHECK(value_at(op, "v(a)") == Approx(vd).epsilon(1e-9));
}

TEST_CASE("diode saturation current follows the temperature (eg, xti)") {
    const double is = 1e-14, eg = 1.11, xti = 3, r = 1e4, v = 2, gmin = 1e-12;
    CircuitBuilder b("diode temperature");
    b.v("v1", "in", "0", v);
    b.r("r1", "in", "a", r);
    b.add(ElementType::Diode, "d1", {"a", "0"}).model = "dm";
    b.model("dm", "d", {{"is", is}});
    b.circuit().temperature = 85;
    b.op();
    tight(b);
    const Plot op = NativeEngine().run(b.circuit()).plots.at(0);
    const double t = 85 + 273.15, tnom = 300.15, vt = vt_at(85);
    const double is_t = is * std::exp((t / tnom - 1) * eg / vt + xti * std::log(t / tnom));
    const double vd = root([&](double x) { return (v - x) / r - is_t * (std::exp(x / vt) - 1) - gmin * x; }, 0, 1);
    CHECK(value_at(op, "v(a)") == Approx(vd).epsilon(1e-9));
}

TEST_CASE("NMOS level 1 in saturation and in the linear region, with body effect") {
    const double vto = 0.8, kp = 1e-4, lambda = 0.02, gamma = 0.4, phi = 0.65, w = 20e-6, l = 2e-6, gmin = 1e-12;
    const double beta = kp * w / l;
    for (const double vg : {2.0, 4.5}) {
        const double vdd = 5, rd = 4e3, vs = 0.5;  // source lifted: vsb = 0.5 V
        CircuitBuilder b("nmos");
        b.v("vdd", "vdd", "0", vdd);
        b.v("vg", "g", "0", vg);
        b.v("vs", "s", "0", vs);
        b.r("rd", "vdd", "d", rd);
        Element& m = b.add(ElementType::Mosfet, "m1", {"d", "g", "s", "0"});
        m.model = "nm";
        m.params = {{"w", w}, {"l", l}};
        b.model("nm", "nmos", {{"vto", vto}, {"kp", kp}, {"lambda", lambda}, {"gamma", gamma}, {"phi", phi}});
        b.op();
        tight(b);
        const Plot op = NativeEngine().run(b.circuit()).plots.at(0);
        const double vt_body = vto + gamma * (std::sqrt(phi + vs) - std::sqrt(phi));
        const double vgst = vg - vs - vt_body;
        const double vt = vt_at(27);
        // Drain current of the channel plus the bulk-drain junction (reverse biased, with gmin).
        const auto drain_current = [&](double vd) {
            const double vds = vd - vs, vbd = -vd;
            double ich;
            if (vgst <= vds) ich = 0.5 * beta * (1 + lambda * vds) * vgst * vgst;
            else ich = beta * (1 + lambda * vds) * vds * (vgst - 0.5 * vds);
            const double ibd = vbd <= -3 * vt ? gmin * vbd - 1e-14 : 1e-14 * (std::exp(vbd / vt) - 1) + gmin * vbd;
            return ich - ibd;
        };
        const double vd = root([&](double x) { return (vdd - x) / rd - drain_current(x); }, vs, vdd);
        INFO("vg = " << vg << ", " << (vgst <= vd - vs ? "saturation" : "linear"));
        CHECK(value_at(op, "v(d)") == Approx(vd).epsilon(1e-9));
    }
}

TEST_CASE("PMOS level 1 mirrors the NMOS equations, and drain and source swap when reversed") {
    const double vto = -0.7, kp = 5e-5, w = 10e-6, l = 1e-6, beta = kp * w / l, gmin = 1e-12;
    // A PMOS whose "drain" terminal sits above its "source": the device runs reversed.
    const double vdd = 3, vg = 0, r = 2e3;
    CircuitBuilder b("pmos reversed");
    b.v("vdd", "top", "0", vdd);
    b.v("vg", "g", "0", vg);
    Element& m = b.add(ElementType::Mosfet, "m1", {"top", "g", "out", "top"});
    m.model = "pm";
    m.params = {{"w", w}, {"l", l}};
    b.model("pm", "pmos", {{"vto", vto}, {"kp", kp}});
    b.r("r1", "out", "0", r);
    b.op();
    tight(b);
    const Plot op = NativeEngine().run(b.circuit()).plots.at(0);
    // Effective source = "top" (higher potential), bulk tied to it: |vgs| = vdd, |vds| = vdd - vout.
    const double vgst = vdd - vg - (-vto), vt = vt_at(27);
    const auto current = [&](double vout) {
        const double vsd = vdd - vout;
        const double ich = vgst <= vsd ? 0.5 * beta * vgst * vgst : beta * vsd * (vgst - 0.5 * vsd);
        // The junction between the bulk (at vdd) and the terminal "out" is reverse biased
        // by vsd; gmin in parallel.
        const double vj = -vsd;
        const double ij = vj <= -3 * vt ? gmin * vj - 1e-14 : 1e-14 * (std::exp(vj / vt) - 1) + gmin * vj;
        return ich - ij;
    };
    const double vout = root([&](double x) { return current(x) - x / r; }, 0, vdd);
    CHECK(value_at(op, "v(out)") == Approx(vout).epsilon(1e-9));
}

TEST_CASE("model problems are input errors naming the model and parameter") {
    CircuitBuilder b("bad model");
    b.v("v1", "a", "0", 1);
    b.add(ElementType::Diode, "d1", {"a", "0"}).model = "dm";
    b.model("dm", "d", {{"isr", 1e-10}});
    b.op();
    CHECK_THROWS_WITH(NativeEngine().run(b.circuit()), Catch::Contains("isr") && Catch::Contains("dm"));
    b.circuit().models.back().params = {{"n", -1}};
    CHECK_THROWS_WITH(NativeEngine().run(b.circuit()), Catch::Contains("parameter n"));
    b.circuit().elements.back().model = "nothere";
    CHECK_THROWS_WITH(NativeEngine().run(b.circuit()), Catch::Contains("nothere"));
}
