// Linear transients against closed forms: RC, RL and RLC step responses, sinusoidal steady
// state with its decaying start, coupled inductors, and the transient's handling of
// breakpoints, .ic / uic, tstart and tstop.
#include <catch2/catch.hpp>

#include <cmath>
#include <complex>
#include <numbers>

#include "circuit_builder.hpp"
#include "solver/native/native_engine.hpp"

using namespace memspice;
using test::CircuitBuilder;
using test::vec;
using Shape = TransientFunction::Shape;

namespace {

// Largest |simulated - exact| over the output points of `name`.
template <class Exact>
double max_error(const Plot& plot, const std::string& name, Exact exact, double from = 0) {
    const auto& t = vec(plot, "time").real;
    const auto& v = vec(plot, name).real;
    double worst = 0;
    for (std::size_t k = 0; k < t.size(); ++k)
        if (t[k] >= from) worst = std::max(worst, std::abs(v[k] - exact(t[k])));
    return worst;
}

void tight(CircuitBuilder& b) {
    b.option("reltol", "1e-6");
    b.option("abstol", "1e-15");
    b.option("vntol", "1e-9");
}

}  // namespace

TEST_CASE("RC charging through a ramp: exact solution at every output point") {
    // Input ramps 0 -> 1 V in tr, then stays; v' = (u - v) / tau.
    const double r = 1e3, c = 1e-9, tau = r * c, tr = 0.2e-6, tstop = 5e-6;
    CircuitBuilder b("rc ramp");
    b.waveform(b.v("v1", "in", "0", 0), Shape::Pwl, {0, 0, tr, 1, 1, 1});
    b.r("r1", "in", "out", r);
    b.c("c1", "out", "0", c);
    b.tran(10e-9, tstop);
    tight(b);
    const Plot tran = NativeEngine().run(b.circuit()).plots.at(0);
    const double a = 1 / tr;
    auto exact = [&](double t) {
        if (t <= tr) return a * (t - tau + tau * std::exp(-t / tau));
        const double at_tr = a * (tr - tau + tau * std::exp(-tr / tau));
        return 1 + (at_tr - 1) * std::exp(-(t - tr) / tau);
    };
    CHECK(max_error(tran, "v(out)", exact) < 1e-5);
    // The ramp's end is a breakpoint: an output point lands on it exactly.
    const auto& t = vec(tran, "time").real;
    CHECK(std::find(t.begin(), t.end(), tr) != t.end());
    CHECK(t.front() == 0);
    CHECK(t.back() == tstop);
    // Steps are limited to tstep (ngspice's default maximum step), so outputs are dense.
    for (std::size_t k = 1; k < t.size(); ++k) REQUIRE(t[k] - t[k - 1] <= 10e-9 * (1 + 1e-9));
}

TEST_CASE("RL with uic and an inductor initial current decays exponentially") {
    const double r = 10, l = 1e-3, i0 = 0.2, tau = l / r;
    CircuitBuilder b("rl decay");
    b.l("l1", "a", "0", l).params["ic"] = i0;
    b.r("r1", "a", "0", r);
    b.tran(1e-6, 5 * tau, 0, true);
    tight(b);
    const Plot tran = NativeEngine().run(b.circuit()).plots.at(0);
    // i(l1) flows from a through l1 to ground; r1 carries it back: v(a) = -r i.
    CHECK(max_error(tran, "i(l1)", [&](double t) { return i0 * std::exp(-t / tau); }) < 1e-6 * i0 * 10);
    CHECK(max_error(tran, "v(a)", [&](double t) { return -r * i0 * std::exp(-t / tau); }, 1e-9) < 1e-5 * r * i0);
}

TEST_CASE("series RLC step response, underdamped, closed form") {
    const double r = 20, l = 1e-6, c = 1e-9;
    const double alpha = r / (2 * l), w0 = 1 / std::sqrt(l * c), wd = std::sqrt(w0 * w0 - alpha * alpha);
    CircuitBuilder b("rlc");
    b.v("v1", "in", "0", 1);
    b.r("r1", "in", "a", r);
    b.l("l1", "a", "out", l);
    b.c("c1", "out", "0", c).params["ic"] = 0;
    b.tran(5e-9, 2e-6, 0, true);
    tight(b);
    const Plot tran = NativeEngine().run(b.circuit()).plots.at(0);
    auto v_c = [&](double t) {
        return 1 - std::exp(-alpha * t) * (std::cos(wd * t) + alpha / wd * std::sin(wd * t));
    };
    auto i_l = [&](double t) { return c * std::exp(-alpha * t) * (w0 * w0 / wd) * std::sin(wd * t); };
    CHECK(max_error(tran, "v(out)", v_c) < 2e-5);
    CHECK(max_error(tran, "i(l1)", i_l) < 2e-5 * c * w0);
}

TEST_CASE("RC driven by a sine: steady-state amplitude and phase plus the decaying start") {
    const double r = 1e3, c = 1e-6, tau = r * c, f = 500, w = 2 * std::numbers::pi * f, amplitude = 2;
    CircuitBuilder b("rc sine");
    b.waveform(b.v("v1", "in", "0", 0), Shape::Sin, {0, amplitude, f});
    b.r("r1", "in", "out", r);
    b.c("c1", "out", "0", c);
    b.tran(20e-6, 10e-3);
    tight(b);
    const Plot tran = NativeEngine().run(b.circuit()).plots.at(0);
    const std::complex<double> h = 1.0 / std::complex<double>(1, w * tau);
    const double gain = std::abs(h), phase = std::arg(h);
    auto exact = [&](double t) {
        return amplitude * gain * (std::sin(w * t + phase) - std::sin(phase) * std::exp(-t / tau));
    };
    CHECK(max_error(tran, "v(out)", exact) < 1e-5 * amplitude);
}

TEST_CASE("coupled inductors: secondary current of a transformer driven by a sine current") {
    const double l1 = 1e-3, l2 = 4e-3, k = 0.9, m = k * std::sqrt(l1 * l2), r = 50, i0 = 0.1;
    const double f = 2e3, w = 2 * std::numbers::pi * f;
    CircuitBuilder b("transformer");
    b.waveform(b.i("i1", "0", "p", 0), Shape::Sin, {0, i0, f});
    b.l("l1", "p", "0", l1);
    b.l("l2", "s", "0", l2);
    b.r("r2", "s", "0", r);
    b.add(ElementType::Coupling, "k1", {}, k).controls = {"l1", "l2"};
    b.tran(2e-6, 2e-3);
    tight(b);
    const Plot tran = NativeEngine().run(b.circuit()).plots.at(0);
    // Secondary loop: l2 di2/dt + m di1/dt + r i2 = 0 with i1 = i0 sin(w t) (i(l2) from s to 0,
    // the resistor returns it: v(s) = l2 di2/dt + m di1/dt = -r i2).
    const std::complex<double> steady = -m * i0 * w / std::complex<double>(r, w * l2);
    auto i2 = [&](double t) {
        const double ss = std::real(steady * std::exp(std::complex<double>(0, w * t)));
        const double ss0 = std::real(steady);
        return ss - ss0 * std::exp(-r * t / l2);
    };
    CHECK(max_error(tran, "i(l2)", i2) < 1e-5 * std::abs(steady));
}

TEST_CASE(".ic holds a node during the operating point, then the transient releases it") {
    const double r = 1e3, c = 1e-9, tau = r * c;
    CircuitBuilder b("ic");
    b.v("v1", "in", "0", 1);
    b.r("r1", "in", "out", r);
    b.c("c1", "out", "0", c);
    b.circuit().initial_conditions["out"] = 0.25;
    b.tran(10e-9, 5e-6);
    tight(b);
    const Plot tran = NativeEngine().run(b.circuit()).plots.at(0);
    CHECK(vec(tran, "v(out)").real.front() == Approx(0.25).margin(1e-9));
    CHECK(max_error(tran, "v(out)", [&](double t) { return 1 - 0.75 * std::exp(-t / tau); }) < 1e-5);
}

TEST_CASE("tstart: output starts at tstart and ends at tstop") {
    CircuitBuilder b("tstart");
    b.waveform(b.v("v1", "in", "0", 0), Shape::Sin, {0, 1, 1e3});
    b.r("r1", "in", "0", 1e3);
    Analysis a;
    a.kind = Analysis::Kind::Tran;
    a.tstep = 1e-5, a.tstop = 2e-3, a.tstart = 1e-3;
    b.circuit().analyses.push_back(a);
    const Plot tran = NativeEngine().run(b.circuit()).plots.at(0);
    const auto& t = vec(tran, "time").real;
    CHECK(t.front() == Approx(1e-3).epsilon(1e-12));
    CHECK(t.back() == 2e-3);
    // Interpolated within the step that contains tstart, to the integration tolerance.
    CHECK(vec(tran, "v(in)").real.front() == Approx(0).margin(1e-4));
}
