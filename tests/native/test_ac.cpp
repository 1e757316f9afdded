// AC analysis against closed-form transfer functions, and ngspice's frequency point sets.
#include <catch2/catch.hpp>

#include <cmath>
#include <complex>
#include <numbers>

#include "circuit_builder.hpp"
#include "solver/native/ac_analysis.hpp"
#include "solver/native/native_engine.hpp"

using namespace memspice;
using test::CircuitBuilder;
using test::vec;
using cplx = std::complex<double>;

TEST_CASE("RC low-pass: H(jw) = 1 / (1 + jwRC) at every frequency") {
    const double r = 1e3, c = 1e-9;
    CircuitBuilder b("rc ac");
    Element& v = b.v("v1", "in", "0", 0);
    v.source.has_ac = true;
    v.source.ac_magnitude = 2;
    v.source.ac_phase_deg = 30;
    b.r("r1", "in", "out", r);
    b.c("c1", "out", "0", c);
    b.ac(Analysis::AcSpacing::Dec, 10, 1e3, 1e8);
    const Plot ac = NativeEngine().run(b.circuit()).plots.at(0);
    CHECK(ac.analysis == "ac");
    const auto& f = vec(ac, "frequency").real;
    const auto& out = vec(ac, "v(out)").complex;
    REQUIRE(f.size() == 51);
    CHECK(f.front() == 1e3);
    CHECK(f.back() == Approx(1e8).epsilon(1e-9));
    const cplx input = std::polar(2.0, 30 * std::numbers::pi / 180);
    for (std::size_t k = 0; k < f.size(); ++k) {
        const cplx expected = input / cplx(1, 2 * std::numbers::pi * f[k] * r * c);
        CHECK(std::abs(out[k] - expected) < 1e-12 * std::abs(input));
    }
    // The source current: -(v_in - v_out)/R.
    const auto& i = vec(ac, "i(v1)").complex;
    const cplx expected = -(input - out[20]) / r;
    CHECK(std::abs(i[20] - expected) < 1e-12 * std::abs(expected));
}

TEST_CASE("series RLC band-pass peaks at 1/sqrt(LC) with Q = w0 L / R") {
    const double r = 10, l = 1e-6, c = 1e-9;
    const double f0 = 1 / (2 * std::numbers::pi * std::sqrt(l * c));
    CircuitBuilder b("rlc ac");
    Element& v = b.v("v1", "in", "0", 0);
    v.source.has_ac = true;
    v.source.ac_magnitude = 1;
    b.l("l1", "in", "a", l);
    b.c("c1", "a", "out", c);
    b.r("r1", "out", "0", r);
    b.ac(Analysis::AcSpacing::Lin, 201, 0.5 * f0, 1.5 * f0);
    const Plot ac = NativeEngine().run(b.circuit()).plots.at(0);
    const auto& f = vec(ac, "frequency").real;
    const auto& out = vec(ac, "v(out)").complex;
    REQUIRE(f.size() == 201);
    for (std::size_t k = 0; k < f.size(); ++k) {
        const double w = 2 * std::numbers::pi * f[k];
        const cplx z = cplx(r, w * l - 1 / (w * c));
        CHECK(std::abs(out[k] - r / z) < 1e-10);
    }
    CHECK(std::abs(out[100]) == Approx(1).epsilon(1e-9));  // the middle point is f0
}

TEST_CASE("ngspice's frequency sets: decade, octave, linear") {
    Analysis a;
    a.kind = Analysis::Kind::Ac;
    a.ac_spacing = Analysis::AcSpacing::Dec, a.ac_points = 5, a.fstart = 10, a.fstop = 1e3;
    auto f = native::ac_frequencies(a);
    REQUIRE(f.size() == 11);
    CHECK(f[5] == Approx(100).epsilon(1e-12));
    a.ac_spacing = Analysis::AcSpacing::Oct, a.ac_points = 2, a.fstart = 1, a.fstop = 8;
    f = native::ac_frequencies(a);
    REQUIRE(f.size() == 7);
    CHECK(f[2] == Approx(2).epsilon(1e-12));
    a.ac_spacing = Analysis::AcSpacing::Lin, a.ac_points = 4, a.fstart = 0, a.fstop = 3;
    f = native::ac_frequencies(a);
    CHECK(f == std::vector<double>{0, 1, 2, 3});
    a.ac_spacing = Analysis::AcSpacing::Dec, a.fstart = 0;
    CHECK_THROWS_AS(native::ac_frequencies(a), InputError);
}
