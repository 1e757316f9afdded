// Pole analysis against characteristic polynomials: a series RLC, a two-pole op-amp in
// unity feedback, an RC ladder (dense and shift-invert Arnoldi), and the deflation of the
// infinite eigenvalues that a capacitor on an ideal source's node produces.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <complex>
#include <numbers>

#include "circuit_builder.hpp"
#include "solver/native/poles.hpp"

using namespace memspice;
using test::CircuitBuilder;
using cplx = std::complex<double>;

namespace {

// True when every expected root has a computed pole within rtol (relative to |root|).
void check_poles(const std::vector<cplx>& computed, std::vector<cplx> expected, double rtol) {
    REQUIRE(computed.size() == expected.size());
    for (const cplx& e : expected) {
        const auto nearest = std::min_element(computed.begin(), computed.end(), [&](const cplx& a, const cplx& b) {
            return std::abs(a - e) < std::abs(b - e);
        });
        INFO("expected " << e << ", nearest " << *nearest);
        CHECK(std::abs(*nearest - e) <= rtol * std::abs(e));
    }
}

}  // namespace

TEST_CASE("series RLC: s = -alpha +- j wd") {
    const double r = 30, l = 2e-6, c = 5e-9;
    CircuitBuilder b("rlc poles");
    b.v("v1", "in", "0", 0);
    b.r("r1", "in", "a", r);
    b.l("l1", "a", "out", l);
    b.c("c1", "out", "0", c);
    const native::PoleAnalysis p = native::poles(b.circuit());
    const double alpha = r / (2 * l), wd = std::sqrt(1 / (l * c) - alpha * alpha);
    CHECK(p.dense);
    check_poles(p.poles, {cplx(-alpha, wd), cplx(-alpha, -wd)}, 1e-10);
    CHECK(p.stable());
    CHECK(p.slowest_time_constant() == Approx(1 / alpha).epsilon(1e-10));
    CHECK(p.infinite == p.unknowns - 2);
}

TEST_CASE("two-pole op-amp in unity feedback: roots of its characteristic polynomial") {
    const double gm1 = 1e-3, r1 = 1e6, c1 = 1e-9, gm2 = 1e-2, r2 = 1e3, c2 = 1e-12;
    CircuitBuilder b("op-amp follower");
    b.v("vp", "p", "0", 0);
    b.add(ElementType::Vccs, "g1", {"0", "x", "p", "out"}, gm1);  // into x: gm1 (v(p) - v(out))
    b.r("r1", "x", "0", r1);
    b.c("c1", "x", "0", c1);
    b.add(ElementType::Vccs, "g2", {"0", "out", "x", "0"}, gm2);  // into out: gm2 v(x)
    b.r("r2", "out", "0", r2);
    b.c("c2", "out", "0", c2);
    const native::PoleAnalysis p = native::poles(b.circuit());
    // (s c1 + 1/r1)(s c2 + 1/r2) + gm1 gm2 = 0
    const double a2 = c1 * c2, a1 = c1 / r2 + c2 / r1, a0 = 1 / (r1 * r2) + gm1 * gm2;
    const cplx disc = std::sqrt(cplx(a1 * a1 - 4 * a2 * a0));
    check_poles(p.poles, {(-a1 + disc) / (2 * a2), (-a1 - disc) / (2 * a2)}, 1e-9);
    CHECK(p.stable());

    // With the feedback inverted (positive feedback) one pole moves into the right half-plane.
    b.circuit().elements[1].nodes = {"x", "0", "p", "out"};
    const native::PoleAnalysis unstable = native::poles(b.circuit());
    CHECK_FALSE(unstable.stable());
    CHECK(unstable.slowest_time_constant() == std::numeric_limits<double>::infinity());
}

TEST_CASE("RC ladder: all poles densely, the slowest by shift-invert Arnoldi") {
    // N sections: R in series, C to ground; input shorted by the source, far end open.
    // Poles: s_k = -(2 - 2 cos((2k - 1) pi / (2N + 1))) / (R C), k = 1..N.
    const int n = 120;
    const double r = 1e3, c = 1e-12;
    CircuitBuilder b("rc ladder");
    b.v("v1", "n0", "0", 1);
    for (int k = 1; k <= n; ++k) {
        b.r(test::indexed("r", k), test::indexed("n", k - 1), test::indexed("n", k), r);
        b.c(test::indexed("c", k), test::indexed("n", k), "0", c);
    }
    std::vector<cplx> expected;
    for (int k = 1; k <= n; ++k)
        expected.emplace_back(-(2 - 2 * std::cos((2 * k - 1) * std::numbers::pi / (2 * n + 1))) / (r * c), 0);
    const native::PoleAnalysis dense = native::poles(b.circuit());
    CHECK(dense.dense);
    check_poles(dense.poles, expected, 1e-8);

    native::PoleOptions sparse;
    sparse.dense_limit = 0;
    sparse.count = 6;
    const native::PoleAnalysis slow = native::poles(b.circuit(), sparse);
    CHECK_FALSE(slow.dense);
    check_poles(slow.poles, std::vector<cplx>(expected.begin(), expected.begin() + 6), 1e-8);

    // Around a shift: the poles nearest -1e9 rad/s.
    sparse.shift = -1e9;
    sparse.count = 4;
    const native::PoleAnalysis near = native::poles(b.circuit(), sparse);
    std::vector<cplx> nearest = expected;
    std::sort(nearest.begin(), nearest.end(), [](cplx x, cplx y) { return std::abs(x + 1e9) < std::abs(y + 1e9); });
    check_poles(near.poles, std::vector<cplx>(nearest.begin(), nearest.begin() + 4), 1e-8);
}

TEST_CASE("capacitors on ideal-source nodes add no spurious poles") {
    // c0 sits across the ideal source (a higher-index constraint), e1 drives c2 directly.
    const double r = 1e3, c = 1e-9;
    CircuitBuilder b("higher index");
    b.v("v1", "in", "0", 1);
    b.c("c0", "in", "0", 1e-6);
    b.r("r1", "in", "a", r);
    b.c("c1", "a", "0", c);
    b.add(ElementType::Vcvs, "e1", {"b", "0", "a", "0"}, 2);
    b.c("c2", "b", "0", 1e-12);
    b.r("r2", "b", "0", 1e3);
    const native::PoleAnalysis p = native::poles(b.circuit());
    check_poles(p.poles, {cplx(-1 / (r * c), 0)}, 1e-10);
}
