// Yakopcic generalized model: Jacobian, threshold behaviour, the published g and f, and the
// pinched hysteresis loop under a sine whose lobes shrink with frequency.
#include <catch2/catch.hpp>

#include <cmath>
#include <numbers>

#include "devices/rram/yakopcic.hpp"
#include "tests/devices/device_test_support.hpp"

using namespace memspice;
using devices::rram::yakopcic_family;

namespace {

using State = std::array<double, devices::kMaxStates>;

devices::Outputs evaluate(const devices::DeviceModel& model, double v, double x) {
    devices::Inputs in;
    in.v[0] = v;
    in.x[0] = x;
    devices::Outputs out;
    model.evaluate(in, out);
    return out;
}

// MODELS.md 1.4 written out with the published branches (defaults, eta = 1).
constexpr double kAp = 4000, kAn = 4000, kVp = 0.16, kVn = 0.15, kXp = 0.3, kXn = 0.5, kAlphaP = 1, kAlphaN = 5;
double g_published(double v) {
    if (v > kVp) return kAp * (std::exp(v) - std::exp(kVp));
    if (v < -kVn) return -kAn * (std::exp(-v) - std::exp(kVn));
    return 0;
}
double f_published(double v, double x) {
    if (v >= 0) return x >= kXp ? std::exp(-kAlphaP * (x - kXp)) * ((kXp - x) / (1 - kXp) + 1) : 1;
    return x <= 1 - kXn ? std::exp(kAlphaN * (x + kXn - 1)) * (x / (1 - kXn)) : 1;
}

}  // namespace

TEST_CASE("yakopcic is registered with the MODELS.md defaults and validates eta") {
    REQUIRE(devices::find_family("Yakopcic") == &yakopcic_family());
    const auto p = yakopcic_family().make_parameters({}, {});
    CHECK(p.get("a1") == 0.17);
    CHECK(p.get("b") == 0.05);
    CHECK(p.get("ap") == 4000);
    CHECK(p.get("alphan") == 5);
    CHECK(p.get("x0") == 0.11);
    CHECK_THROWS_AS(test::make_model(yakopcic_family(), {{"eta", 0.5}}), InputError);
    CHECK_THROWS_AS(yakopcic_family().make_parameters({{"xp", 1}}, {}), InputError);
    CHECK_NOTHROW(test::make_model(yakopcic_family(), {{"eta", -1}}));
}

TEST_CASE("yakopcic analytic Jacobian matches finite differences") {
    for (double eta : {1.0, -1.0})
        for (double a2 : {0.17, 0.1}) {
            const auto model = test::make_model(yakopcic_family(), {{"eta", eta}, {"a2", a2}});
            // Both polarities, inside the thresholds, inside the rounded corners (vw = 1 mV)
            // and the a1/a2 blend (|V| < 1 mV); states at and across the window edges
            // xp = 0.3 and 1 - xn = 0.5 (xw = 0.01) and just beyond [0, 1].
            for (double v : {-1.0, -0.2, -0.1505, -0.1, -4e-4, 0.0, 3e-4, 0.1, 0.1605, 0.3, 1.0})
                for (double x : {-0.01, 0.0, 0.05, 0.3, 0.305, 0.4, 0.495, 0.5, 0.8, 1.0, 1.02}) {
                    INFO("eta " << eta << " a2 " << a2 << " v " << v << " x " << x);
                    devices::Inputs in;
                    in.v[0] = v;
                    in.x[0] = x;
                    test::check_jacobian(yakopcic_family(), *model, in, 1e-5, 1e-8);
                }
        }
}

TEST_CASE("yakopcic follows the published g(V) f(V, x) away from the rounded corners") {
    const auto model = test::make_model(yakopcic_family());
    for (double x : {0.0, 0.1, 0.25, 0.35, 0.45, 0.55, 0.7, 0.9, 1.0}) {
        for (double v = -1.5; v <= 1.5; v += 0.01) {
            // Exactly 0 inside the thresholds; the published law once 1 mV (vw) past them
            // and 0.01 (xw) past the window edges.
            const bool near_corner = (v > kVp && v < kVp + 1e-3) || (v < -kVn && v > -kVn - 1e-3);
            const bool near_edge = (v >= 0 && x > kXp && x < kXp + 0.01) || (v < 0 && x < 1 - kXn && x > 1 - kXn - 0.01);
            if (near_corner || near_edge) continue;
            INFO("v " << v << " x " << x);
            CHECK(evaluate(*model, v, x).dxdt[0] == Approx(g_published(v) * f_published(v, x)).epsilon(1e-12).margin(1e-12));
        }
    }
    // I = a x sinh(bV).
    CHECK(evaluate(*model, 0.8, 0.4).i[0] == Approx(0.17 * 0.4 * std::sinh(0.05 * 0.8)).epsilon(1e-14));
    const auto asymmetric = test::make_model(yakopcic_family(), {{"a2", 0.1}});
    CHECK(evaluate(*asymmetric, -0.8, 0.4).i[0] == Approx(0.1 * 0.4 * std::sinh(-0.05 * 0.8)).epsilon(1e-14));
    CHECK(evaluate(*asymmetric, 0.8, 0.4).i[0] == Approx(0.17 * 0.4 * std::sinh(0.05 * 0.8)).epsilon(1e-14));
}

TEST_CASE("yakopcic does not move below its thresholds") {
    const auto model = test::make_model(yakopcic_family());
    for (double x : {0.0, 0.11, 0.3, 0.5, 0.9})
        for (double v = -kVn; v <= kVp; v += 0.001) CHECK(evaluate(*model, v, x).dxdt[0] == 0);
    auto sine = [](double t) { return 0.149 * std::sin(2 * std::numbers::pi * 1e3 * t); };
    CHECK(test::integrate_device(yakopcic_family(), *model, {0.11}, sine, 0, 3e-3, 1e-6)[0] == 0.11);
    // Above threshold it moves (Ap (e^0.5 - e^0.16) f = 1.9e3 /s at x = 0.11).
    auto above = [](double t) { return 0.5 * std::sin(2 * std::numbers::pi * 1e3 * t); };
    CHECK(test::integrate_device(yakopcic_family(), *model, {0.11}, above, 0, 0.5e-3, 1e-7)[0] > 0.2);
}

TEST_CASE("yakopcic shows a pinched hysteresis loop whose lobes shrink with frequency") {
    const auto model = test::make_model(yakopcic_family());
    // 1 V sine from x0 = 0.11; the loop area is |int I dV| over the second period (the first
    // settles x). Below ~10 kHz the state saturates at its window within each half period
    // and the loop degenerates; above, x moves by ~rate/f per half period.
    auto loop_area = [&](double frequency) {
        auto v = [frequency](double t) { return std::sin(2 * std::numbers::pi * frequency * t); };
        const double period = 1 / frequency;
        const State x1 = test::integrate_device(yakopcic_family(), *model, {0.11}, v, 0, period, period / 4000);
        double area = 0, v_prev = 0, i_prev = 0;
        bool first = true;
        test::integrate_device(yakopcic_family(), *model, x1, v, period, 2 * period, period / 4000,
            [&](double, double vt, const State& x, double i) {
                // Pinched at the origin: I = a x sinh(bV) has the sign of V and vanishes with it.
                CHECK(i * vt >= 0);
                CHECK(std::abs(i) <= 0.17 * x[0] * std::sinh(0.05 * std::abs(vt)) * (1 + 1e-12));
                if (!first) area += 0.5 * (i + i_prev) * (vt - v_prev);
                v_prev = vt;
                i_prev = i;
                first = false;
            });
        return std::abs(area);
    };
    std::vector<double> areas;
    for (double frequency : {1e4, 1e5, 1e6, 1e7}) {
        areas.push_back(loop_area(frequency));
        INFO("f = " << frequency << " Hz: loop area " << areas.back() << " W");
        if (areas.size() > 1) CHECK(areas.back() < areas[areas.size() - 2]);
    }
    // A real loop at 10 kHz: a good fraction of I_max V_max (I_max = 0.17 sinh(0.05) x, x <= 1).
    CHECK(areas[0] > 0.02 * 0.17 * std::sinh(0.05));
    // At high frequency the lobes shrink as 1/f.
    CHECK(areas[3] / areas[2] == Approx(0.1).epsilon(0.05));
}
