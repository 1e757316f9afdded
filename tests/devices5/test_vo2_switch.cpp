// VO2 two-state threshold switch (family vo2_switch): Jacobian, switching thresholds under a
// slow ramp, exact relaxation, bistability, and the Pearson-Anson relaxation oscillator
// against its instant-switching frequency (MODELS.md 2.1).
#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "devices/device.hpp"
#include "devices/mott/vo2_switch.hpp"
#include "tests/devices/device_test_support.hpp"
#include "tests/devices5/device_integrators.hpp"

using namespace memspice;
using devices::mott::vo2_switch_family;

TEST_CASE("vo2_switch: analytic Jacobian matches finite differences", "[vo2_switch]") {
    const auto& family = vo2_switch_family();
    const auto model = test::make_model(family);
    // Around both thresholds (v_imt = 1.99 V, v_mit = 1.0 V, dv = 20 mV), both polarities, and
    // around the separatrix m = (v_imt - |v|)/(v_imt - v_mit + dv) where the target switches.
    for (double v : {-3.0, -1.995, -1.5, -0.995, -0.2, 0.0, 0.5, 0.985, 0.999, 1.2, 1.9905, 1.995, 2.013, 2.4}) {
        for (double m : {-0.01, 0.0, 0.0003, 0.02, 0.3, 0.48, 0.487, 0.5, 0.8, 0.9997, 1.0, 1.01}) {
            devices::Inputs in;
            in.v[0] = v;
            in.x[0] = m;
            test::check_jacobian(family, *model, in);
        }
    }
}

TEST_CASE("vo2_switch: a slow ramp switches at V_IMT going up and at V_MIT going down", "[vo2_switch]") {
    const auto& family = vo2_switch_family();
    const auto model = test::make_model(family);  // v_imt 1.99, v_mit 1.0, dv 0.02, tau 2/10 ns
    test::Instance dev(family, *model, {0.0});
    const double rate = 0.01e6;  // 0.01 V/us: the lag rate x 5 tau_mit is 0.5 mV
    const double t_top = 3.0 / rate;
    auto v_of_t = [&](double t) { return t < t_top ? rate * t : std::max(0.0, 3.0 - rate * (t - t_top)); };
    double v_up = -1, v_down = -1, previous_m = 0, previous_v = 0;
    bool insulating_until_threshold = true;
    test::drive_voltage(dev, v_of_t, 0, 2 * t_top, 2e-9, [&](const test::StepView& s) {
        const double m = (*s.x)[0];
        if (s.t < t_top && s.v <= 1.99 && (m != 0 || std::abs(s.i - s.v / 100.2e3) > 1e-15 * s.v / 100.2e3))
            insulating_until_threshold = false;
        if (previous_m < 0.5 && m >= 0.5) v_up = previous_v + (s.v - previous_v) * (0.5 - previous_m) / (m - previous_m);
        if (previous_m > 0.5 && m <= 0.5) v_down = previous_v + (s.v - previous_v) * (previous_m - 0.5) / (previous_m - m);
        previous_m = m;
        previous_v = s.v;
        return true;
    });
    INFO("switching voltages: up " << v_up << " V, down " << v_down << " V");
    // The insulating branch is exactly R_ins (m stays 0) below V_IMT.
    CHECK(insulating_until_threshold);
    // Switching just beyond the thresholds: the saddle-nodes of the phase equation lie about
    // 0.2 mV above v_imt and 0.8 mV below v_mit (README), plus the lag of the ramp.
    CHECK(v_up >= 1.99);
    CHECK(v_up <= 1.99 + 0.001);
    CHECK(v_down <= 1.0);
    CHECK(v_down >= 1.0 - 0.002);
}

TEST_CASE("vo2_switch: beyond the thresholds the phase relaxes exactly with tau_imt and tau_mit", "[vo2_switch]") {
    const auto& family = vo2_switch_family();
    const auto model = test::make_model(family, {{"tau_imt", 3e-9}, {"tau_mit", 15e-9}});
    test::Instance on(family, *model, {0.0});
    test::drive_voltage(on, [](double) { return 2.5; }, 0, 4e-9, 1e-12);
    CHECK(on.x[0] == Approx(1 - std::exp(-4.0 / 3.0)).epsilon(1e-6));
    test::Instance off(family, *model, {1.0});
    test::drive_voltage(off, [](double) { return -0.4; }, 0, 20e-9, 1e-12);  // polarity does not matter
    CHECK(off.x[0] == Approx(std::exp(-20.0 / 15.0)).epsilon(1e-6));
}

TEST_CASE("vo2_switch: between the thresholds the switch is bistable and holds its phase", "[vo2_switch]") {
    const auto& family = vo2_switch_family();
    const auto model = test::make_model(family);
    // The separatrix is m_c = (v_imt - |v|)/(v_imt - v_mit + dv): below it m returns to 0,
    // above it to 1.
    for (double v : {1.05, 1.5, 1.98, -1.5}) {
        const double m_c = (1.99 - std::abs(v)) / (1.99 - 1.0 + 0.02);
        test::Instance low(family, *model, {std::max(0.0, m_c - 0.02)}), high(family, *model, {std::min(1.0, m_c + 0.02)});
        test::drive_voltage(low, [&](double) { return v; }, 0, 1e-6, 0.5e-9);
        test::drive_voltage(high, [&](double) { return v; }, 0, 1e-6, 0.5e-9);
        CHECK(low.x[0] < 1e-6);
        CHECK(high.x[0] > 1 - 1e-6);
    }
    // Resistances at the two ends.
    devices::Inputs in;
    in.v[0] = 1.5;
    devices::Outputs out;
    in.x[0] = 0;
    model->evaluate(in, out);
    CHECK(1.5 / out.i[0] == Approx(100.2e3).epsilon(1e-12));
    in.x[0] = 1;
    model->evaluate(in, out);
    CHECK(1.5 / out.i[0] == Approx(0.99e3).epsilon(1e-12));
}

namespace {

// Frequency of the Pearson-Anson oscillator V_DD - VO2 - node - (R_s || C) - ground, from the
// times the switch turns metallic (m rises through 1/2), after the first period.
double oscillator_frequency(const devices::DeviceModel& model, double h) {
    const auto& family = vo2_switch_family();
    const double vdd = 2.5, rs = 10e3, c = 100e-12;
    test::Instance dev(family, model, {0.0});
    test::NodeLoad load;
    load.capacitance = c;
    load.current = [&](double, double w) { return -w / rs; };
    load.slope = [&](double, double) { return -1 / rs; };
    load.a = vdd;
    load.b = -1;  // v_dev = V_DD - w, device current flows into the node
    std::vector<double> events;
    double previous_m = 0, previous_t = 0;
    test::one_node_circuit(dev, load, 0.0, 0, 8e-6, h, [&](const test::StepView& s) {
        const double m = (*s.x)[0];
        if (previous_m < 0.5 && m >= 0.5) events.push_back(previous_t + (s.t - previous_t) * (0.5 - previous_m) / (m - previous_m));
        previous_m = m;
        previous_t = s.t;
        return true;
    });
    REQUIRE(events.size() >= 4);
    return static_cast<double>(events.size() - 2) / (events.back() - events[1]);
}

}  // namespace

TEST_CASE("vo2_switch: relaxation oscillator frequency converges to the instant-switching formula", "[vo2_switch]") {
    // MODELS.md 2.1: V_DD = 2.5 V, R_s = 10 kOhm, C = 100 pF. Independent evaluation of the formula:
    const double vdd = 2.5, rs = 10e3, c = 100e-12, r_ins = 100.2e3, r_met = 0.99e3, v_imt = 1.99, v_mit = 1.0;
    const double vi = vdd * r_ins / (r_ins + rs), vm = vdd * r_met / (r_met + rs);
    const double t_ins = c * (r_ins * rs / (r_ins + rs)) * std::log((vi - v_mit) / (vi - v_imt));
    const double t_met = c * (r_met * rs / (r_met + rs)) * std::log((v_imt - vm) / (v_mit - vm));
    const double f_formula = 1 / (t_ins + t_met);
    CHECK(f_formula == Approx(693.9e3).epsilon(1e-4));

    const auto& family = vo2_switch_family();
    const auto slow = test::make_model(family);  // tau 2/10 ns
    const auto fast = test::make_model(family, {{"tau_imt", 0.05e-9}, {"tau_mit", 0.25e-9}, {"dv", 1e-3}});
    const double f_slow = oscillator_frequency(*slow, 0.2e-9);
    const double f_fast = oscillator_frequency(*fast, 0.01e-9);
    INFO("f(formula) " << f_formula << " Hz, f(tau 2/10 ns) " << f_slow << " Hz, f(tau 0.05/0.25 ns) " << f_fast);
    // Finite switching times lower the frequency; shrinking them converges to the formula.
    CHECK(f_slow < f_fast);
    CHECK(f_fast < f_formula * 1.0005);
    CHECK(f_fast == Approx(f_formula).epsilon(1e-3));  // measured -0.05 %
    CHECK(f_slow == Approx(f_formula).epsilon(0.03));  // measured -2.1 %
}

TEST_CASE("vo2_switch: bad parameters are input errors", "[vo2_switch]") {
    const auto& family = vo2_switch_family();
    CHECK_THROWS_AS(test::make_model(family, {{"v_mit", 2.5}}), InputError);
    CHECK_THROWS_AS(test::make_model(family, {{"tau_imt", 0}}), InputError);
    CHECK_THROWS_AS(test::make_model(family, {{"r_ins", -5}}), InputError);
    CHECK_THROWS_AS(family.make_instance_parameters(family.make_parameters({}, {}), {{"m", 1.5}}, {}), InputError);
}
