// Josephson junction (family jj): Jacobian, quasiparticle branch, the Josephson relations,
// and the overdamped current-biased junction against R*sqrt(I^2 - Ic^2).
#include <catch2/catch.hpp>

#include <cmath>
#include <numbers>
#include <vector>

#include "devices/device.hpp"
#include "devices/josephson/jj.hpp"
#include "tests/devices/device_test_support.hpp"
#include "tests/devices5/device_integrators.hpp"
#include "tests/devices5/jacobian_check.hpp"

using namespace memspice;
using devices::josephson::jj_family;

namespace {

constexpr double kPhi0 = 6.62607015e-34 / (2 * 1.602176634e-19);  // h/2e, Wb (exact SI)
constexpr double kPi = std::numbers::pi;

}  // namespace

TEST_CASE("jj: analytic Jacobian matches finite differences", "[jj]") {
    const auto& family = jj_family();
    for (double rtype : {0.0, 1.0}) {
        const auto model = test::make_model(family, {{"rtype", rtype}, {"area", 1.7}});
        // Voltages on both sides of both gap corners (vg -+ delv/2 = 2.75, 2.85 mV), both polarities.
        for (double v : {-6e-3, -2.86e-3, -2.8e-3, -2.752e-3, -1e-3, 0.0, 0.4e-3, 2.74e-3, 2.757e-3, 2.8e-3,
                         2.848e-3, 2.9e-3, 5e-3}) {
            for (double phase : {-7.0, 0.0, 1.0, 2.5, 40.0}) {
                devices::Inputs in;
                in.v[0] = v;
                in.x[0] = phase;
                test::check_jacobian_scaled(family, *model, in, 1e-5);
            }
        }
    }
}

TEST_CASE("jj: quasiparticle branch is WRspice's piecewise-linear current, continuous and odd", "[jj]") {
    const auto& family = jj_family();
    const auto model = test::make_model(family);  // icrit 100 uA, r0 160, rn 16, vg 2.8 mV, delv 0.1 mV
    auto current_at = [&](double v) {
        devices::Inputs in;
        in.v[0] = v;
        in.x[0] = 0;  // sin(phase) = 0: only the quasiparticle current flows
        devices::Outputs out;
        model->evaluate(in, out);
        return std::pair{out.i[0], out.di_dv[0][0]};
    };
    // Below the gap: the subgap resistance.
    CHECK(current_at(1e-3).first == Approx(1e-3 / 160).epsilon(1e-12));
    CHECK(current_at(1e-3).second == Approx(1.0 / 160).epsilon(1e-12));
    // Above the gap: v_low/r0 + icrit/icfct + (v - v_high)/rn (hand computation: 216.3865 uA at 4 mV).
    const double expected = 2.75e-3 / 160 + 100e-6 / (kPi / 4) + (4e-3 - 2.85e-3) / 16;
    CHECK(current_at(4e-3).first == Approx(expected).epsilon(1e-12));
    CHECK(expected == Approx(216.3865e-6).epsilon(1e-6));
    CHECK(current_at(4e-3).second == Approx(1.0 / 16).epsilon(1e-12));
    // Inside the transition: the step conductance icrit/(icfct delv) = 1.2732 S.
    CHECK(current_at(2.8e-3).second == Approx(100e-6 / (kPi / 4) / 0.1e-3).epsilon(1e-9));
    // Odd and monotone, conductance continuous across both corners.
    for (double v : {0.3e-3, 2.75e-3, 2.85e-3, 7e-3}) CHECK(current_at(-v).first == -current_at(v).first);
    double previous_i = current_at(-8e-3).first, previous_g = current_at(-8e-3).second;
    for (double v = -8e-3; v <= 8e-3; v += 1e-7) {
        const auto [i, g] = current_at(v);
        CHECK(i >= previous_i);
        // Largest conductance change per 0.1 uV: (1.27 S)(0.1 uV)(15/8)/(50 uV) ~ 0.0048 S.
        CHECK(std::abs(g - previous_g) < 6e-3);
        previous_i = i;
        previous_g = g;
    }
}

TEST_CASE("jj: area scales icrit, cap and the conductances, rtype=0 has no quasiparticle current", "[jj]") {
    const auto& family = jj_family();
    const auto one = test::make_model(family);
    const auto two = test::make_model(family, {{"area", 2}});
    const auto none = test::make_model(family, {{"rtype", 0}});
    CHECK(one->port_capacitance(0) == Approx(70e-15));
    CHECK(two->port_capacitance(0) == Approx(140e-15));
    for (double v : {-3e-3, 0.5e-3, 2.8e-3, 6e-3}) {
        devices::Inputs in;
        in.v[0] = v;
        in.x[0] = 0.7;
        devices::Outputs a, b, c;
        one->evaluate(in, a);
        two->evaluate(in, b);
        none->evaluate(in, c);
        CHECK(b.i[0] == Approx(2 * a.i[0]).epsilon(1e-12));
        CHECK(c.i[0] == Approx(100e-6 * std::sin(0.7)).epsilon(1e-14));
        CHECK(c.di_dv[0][0] == 0);
    }
}

TEST_CASE("jj: a voltage-biased junction's supercurrent oscillates at V/Phi0", "[jj]") {
    const auto& family = jj_family();
    const auto model = test::make_model(family, {{"rtype", 0}});
    const double v0 = 1e-3;                 // 1 mV: 483.6 GHz
    const double f_expected = v0 / kPhi0;   // Hz
    test::Instance dev(family, *model, {0.0});
    int crossings = 0;
    double first = -1, last = -1, previous = 0;
    test::drive_voltage(
        dev, [&](double) { return v0; }, 0, 200e-12, 0.01e-12, [&](const test::StepView& s) {
            // Upward zero crossings of Ic sin(phase), located by linear interpolation.
            if (previous < 0 && s.i >= 0) {
                const double t_cross = s.t - 0.01e-12 * s.i / (s.i - previous);
                if (first < 0) first = t_cross;
                last = t_cross;
                ++crossings;
            }
            previous = s.i;
            return true;
        });
    REQUIRE(crossings > 50);
    const double f_measured = (crossings - 1) / (last - first);
    CHECK(f_measured == Approx(f_expected).epsilon(1e-4));
    // The phase itself: 2 pi V t / Phi0.
    CHECK(dev.x[0] == Approx(2 * kPi * v0 * 200e-12 / kPhi0).epsilon(1e-10));
}

TEST_CASE("jj: a voltage pulse of area Phi0 advances the phase by 2 pi", "[jj]") {
    const auto& family = jj_family();
    const auto model = test::make_model(family);
    test::Instance dev(family, *model, {0.3});
    // Triangular pulse of width 4 ps and peak 2 Phi0 / 4 ps: area Phi0 = 2.0678 mV ps.
    const double width = 4e-12, peak = 2 * kPhi0 / width;
    auto v_of_t = [&](double t) { return t < 0 || t > width ? 0.0 : peak * (1 - std::abs(2 * t / width - 1)); };
    test::drive_voltage(dev, v_of_t, 0, 10e-12, 0.01e-12);  // pulse corners fall on step boundaries
    CHECK(dev.x[0] - 0.3 == Approx(2 * kPi).epsilon(1e-12));
}

TEST_CASE("jj: overdamped current-biased junction gives <V> = R sqrt(I^2 - Ic^2)", "[jj]") {
    // Unshunted junction (rtype=0) with an external shunt R = 6.86 Ohm and a small capacitance:
    // beta_c = 2 pi Ic R^2 C / Phi0 = 1.4e-3, the overdamped limit. <V> from the phase advance over
    // a whole number of periods after the start-up transient.
    const auto& family = jj_family();
    const double ic = 100e-6, r = 6.86, cap = 0.1e-15;
    const auto model = test::make_model(family, {{"rtype", 0}, {"cap", cap}});
    for (double ratio : {1.1, 1.5, 2.0, 3.0}) {
        const double ib = ratio * ic;
        const double v_expected = r * std::sqrt(ib * ib - ic * ic);
        const double period = kPhi0 / v_expected;
        test::Instance dev(family, *model, {0.0});
        test::NodeLoad load;
        load.current = [&](double, double w) { return ib - w / r; };
        load.slope = [&](double, double) { return -1 / r; };
        std::vector<double> times;  // when the phase passes 2 pi k
        double previous_phase = 0, previous_t = 0;
        const double h = period / 2000;
        test::one_node_circuit(dev, load, 0.0, 0, 30 * period, h, [&](const test::StepView& s) {
            const double p = (*s.x)[0];
            if (std::floor(p / (2 * kPi)) > std::floor(previous_phase / (2 * kPi))) {
                const double target = 2 * kPi * std::floor(p / (2 * kPi));
                times.push_back(previous_t + (s.t - previous_t) * (target - previous_phase) / (p - previous_phase));
            }
            previous_phase = p;
            previous_t = s.t;
            return true;
        });
        REQUIRE(times.size() > 20);
        const std::size_t k0 = 5, k1 = times.size() - 1;  // skip the start-up
        const double v_measured = static_cast<double>(k1 - k0) * kPhi0 / (times[k1] - times[k0]);
        INFO("I/Ic = " << ratio << ": <V> = " << v_measured << " V, expected " << v_expected);
        CHECK(v_measured == Approx(v_expected).epsilon(1e-4));  // measured: within 2e-6
    }
    // Below Ic the junction settles at phase asin(I/Ic) with no voltage.
    test::Instance dev(family, *model, {0.0});
    test::NodeLoad load;
    load.current = [&](double, double w) { return 0.8 * ic - w / r; };
    load.slope = [&](double, double) { return -1 / r; };
    const double w_end = test::one_node_circuit(dev, load, 0.0, 0, 100e-12, 0.01e-12);
    CHECK(std::abs(w_end) < 1e-9);
    CHECK(dev.x[0] == Approx(std::asin(0.8)).epsilon(1e-6));
}

TEST_CASE("jj: bad parameters are input errors", "[jj]") {
    const auto& family = jj_family();
    CHECK_THROWS_AS(test::make_model(family, {{"rtype", 2}}), InputError);
    CHECK_THROWS_AS(test::make_model(family, {{"rtype", 0.5}}), InputError);
    CHECK_THROWS_AS(test::make_model(family, {{"delv", 3e-3}}), InputError);
    CHECK_THROWS_AS(test::make_model(family, {{"icrit", -1e-6}}), InputError);
    CHECK_THROWS_AS(test::make_model(family, {{"t", 4.2}}), InputError);  // JoSIM's temperature: not modelled
}
