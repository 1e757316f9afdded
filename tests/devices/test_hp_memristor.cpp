// HP linear ion-drift memristor: Jacobian, the closed-form memristance under a sine
// (Strukov 2008; MODELS.md 1.3) and the windows keeping the state in [0, 1].
#include <catch2/catch.hpp>

#include <cmath>
#include <numbers>

#include "devices/rram/hp_memristor.hpp"
#include "tests/devices/device_test_support.hpp"

using namespace memspice;
using devices::rram::hp_memristor_family;

namespace {

constexpr double kRon = 100, kRoff = 16e3, kMuV = 1e-14, kD = 10e-9;  // MODELS.md 1.3 defaults

double memristance(double x) { return kRon * x + kRoff * (1 - x); }

}  // namespace

TEST_CASE("hp_memristor is registered with its documented defaults") {
    const devices::Family* family = devices::find_family("HP_Memristor");
    REQUIRE(family == &hp_memristor_family());
    const auto p = family->make_parameters({}, {});
    CHECK(p.get("ron") == kRon);
    CHECK(p.get("roff") == kRoff);
    CHECK(p.get("uv") == kMuV);
    CHECK(p.get("d") == kD);
    CHECK(family->ports() == 1);
    REQUIRE(family->states.size() == 1);
    CHECK(family->states[0].name == "x");
}

TEST_CASE("hp_memristor rejects bad parameters") {
    const auto& family = hp_memristor_family();
    CHECK_THROWS_AS(family.make_parameters({{"ron", -1}}, {"a.cir", 3}), InputError);
    CHECK_THROWS_AS(family.make_parameters({{"window", 3}}, {"a.cir", 3}), InputError);
    CHECK_THROWS_AS(family.make_parameters({{"p", 0.5}}, {"a.cir", 3}), InputError);
    CHECK_THROWS_AS(family.make_parameters({{"x0", 1.5}}, {"a.cir", 3}), InputError);
    CHECK_THROWS_AS(test::make_model(family, {{"window", 1.5}}), InputError);
    CHECK_NOTHROW(test::make_model(family, {{"window", 0}}));
}

TEST_CASE("hp_memristor analytic Jacobian matches finite differences") {
    const auto& family = hp_memristor_family();
    for (double window : {0.0, 1.0, 2.0})
        for (double p : {1.0, 2.5}) {
            // iw = 1 uA puts the Biolek step on a voltage scale (~10 mV) the finite
            // differences resolve; v = 1e-5 .. 1e-2 V probe its inside.
            const auto model = test::make_model(family, {{"window", window}, {"p", p}, {"iw", 1e-6}});
            for (double v : {-2.0, -0.5, -1e-2, -1e-5, 0.0, 1e-5, 3e-3, 1e-2, 0.5, 2.0})
                for (double x : {0.0, 1e-3, 0.3, 0.5, 0.97, 0.999, 1.0}) {
                    INFO("window " << window << " p " << p << " v " << v << " x " << x);
                    devices::Inputs in;
                    in.v[0] = v;
                    in.x[0] = x;
                    test::check_jacobian(family, *model, in);
                }
        }
}

TEST_CASE("hp_memristor without window follows the closed-form memristance under a sine") {
    // dM/dt = -(R_off - R_on) dx/dt = -k v/M with k = (R_off - R_on) mu_v R_on / D^2, so
    // M(t)^2 = M0^2 - 2 k phi(t), phi(t) = int_0^t sin(2 pi s) ds = (1 - cos 2 pi t) / (2 pi).
    const auto& family = hp_memristor_family();
    const double m0 = 11e3;
    const double x0 = (kRoff - m0) / (kRoff - kRon);
    const auto model = test::make_model(family, {{"window", 0}});
    const double k = (kRoff - kRon) * kMuV * kRon / (kD * kD);
    auto closed_form = [&](double t) {
        const double phi = (1 - std::cos(2 * std::numbers::pi * t)) / (2 * std::numbers::pi);
        return std::sqrt(m0 * m0 - 2 * k * phi);
    };
    auto v = [](double t) { return std::sin(2 * std::numbers::pi * t); };
    double worst = 0, m_half = 0;
    int checked = 0;
    const auto x1 = test::integrate_device(family, *model, {x0}, v, 0, 1, 1e-4,
        [&](double t, double vt, const std::array<double, devices::kMaxStates>& x, double i) {
            const double m = memristance(x[0]);
            worst = std::max(worst, std::abs(m / closed_form(t) - 1));
            if (std::abs(t - 0.5) < 1e-9) m_half = m;
            if (std::abs(vt) > 1e-3) CHECK(i == Approx(vt / m).epsilon(1e-12));  // v = M i
            ++checked;
        });
    CHECK(checked == 10000);
    CHECK(worst < 1e-6);
    CHECK(closed_form(0.5) == Approx(4447.2).margin(0.05));  // MODELS.md 1.3
    CHECK(m_half == Approx(4447.2).margin(0.05));
    CHECK(memristance(x1[0]) == Approx(m0).epsilon(1e-6));   // the pinched loop closes at t = 1 s
}

TEST_CASE("hp_memristor windows have the published shape") {
    const auto& family = hp_memristor_family();
    const double k = kMuV * kRon / (kD * kD);
    auto window_value = [&](double window, double p, double v, double x) {
        const auto model = test::make_model(family, {{"window", window}, {"p", p}});
        devices::Inputs in;
        in.v[0] = v;
        in.x[0] = x;
        devices::Outputs out;
        model->evaluate(in, out);
        return out.dxdt[0] / (k * out.i[0]);
    };
    for (double p : {1.0, 2.0, 3.5})
        for (double x : {0.0, 0.1, 0.5, 0.8, 1.0}) {
            INFO("p " << p << " x " << x);
            CHECK(window_value(0, p, 1, x) == Approx(1).epsilon(1e-14));
            const double joglekar = 1 - std::pow(std::abs(2 * x - 1), 2 * p);
            CHECK(window_value(1, p, 1, x) == Approx(joglekar).margin(1e-14));
            CHECK(window_value(1, p, -1, x) == Approx(joglekar).margin(1e-14));
            // Biolek, |i| >= 60 uA >> iw = 1 nA: the step is exact to exp(-6e4).
            CHECK(window_value(2, p, 1, x) == Approx(1 - std::pow(x, 2 * p)).margin(1e-14));
            CHECK(window_value(2, p, -1, x) == Approx(1 - std::pow(1 - x, 2 * p)).margin(1e-14));
        }
}

TEST_CASE("hp_memristor windows keep the state in [0, 1] under strong drive") {
    const auto& family = hp_memristor_family();
    // +-5 V at 0.1 Hz: the flux swings by +-8 Wb about its start, far more than the ~2 Wb
    // that moves x across [0, 1] (without a window x would leave [0, 1]).
    for (double sign : {1.0, -1.0})
        for (double window : {1.0, 2.0}) {
            INFO("window " << window << ", drive " << sign << " * 5 V cos(2 pi 0.1 Hz t)");
            auto v = [sign](double t) { return sign * 5 * std::cos(2 * std::numbers::pi * 0.1 * t); };
            const auto model = test::make_model(family, {{"window", window}, {"x0", 0.5}});
            double lowest = 1, highest = 0;
            test::integrate_device_adaptive(family, *model, {0.5}, v, 0, 20, 1e-8, 1e-2,
                [&](double, double, const std::array<double, devices::kMaxStates>& x, double) {
                    lowest = std::min(lowest, x[0]);
                    highest = std::max(highest, x[0]);
                });
            CHECK(lowest >= -1e-9);
            CHECK(highest <= 1 + 1e-9);
            // The drive reaches the bound it first pushes toward: the window did the bounding.
            if (sign > 0) CHECK(highest > 0.999);
            else CHECK(lowest < 1e-3);
            // Biolek's window lets a reversed current pull the state off a bound at once, so
            // it reaches the other bound too. (Joglekar's f vanishes at both bounds whatever
            // the current: near x = 1 the state rounds to 1 exactly and stays, Biolek's
            // "terminal state problem"; near 0 floating point resolves it, so no check.)
            if (window == 2) {
                CHECK(highest > 0.999);
                CHECK(lowest < 1e-3);
            }
        }
}
