// VO2 electro-thermal model (family vo2_thermal): the hysteretic R(T) (major loop,
// return-point memory, continuity across memory updates), the thermal equation, the
// Jacobian, and a spiking thermal neuristor.
#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "devices/device.hpp"
#include "devices/mott/vo2_hysteresis.hpp"
#include "devices/mott/vo2_thermal.hpp"
#include "devices/random.hpp"
#include "tests/devices/device_test_support.hpp"
#include "tests/devices5/device_integrators.hpp"

using namespace memspice;
using devices::mott::MajorLoop;
using devices::mott::vo2_thermal_family;
using devices::mott::Vo2Hysteresis;

namespace {

// MODELS.md 2.2 major loop, written out independently of the model.
constexpr double kW = 7.19, kTc = 332.8, kBeta = 0.2528;
double heating_major(double t) { return 0.5 + 0.5 * std::tanh(kBeta * (kW / 2 + kTc - t)); }
double cooling_major(double t) { return 0.5 + 0.5 * std::tanh(kBeta * (-kW / 2 + kTc - t)); }

struct Walker {
    Vo2Hysteresis hysteresis{MajorLoop{kW, kTc, kBeta, 11.8}, 0.01};
    std::vector<double> memory = std::vector<double>(Vo2Hysteresis::kMemorySize);
    double t = 0;
    Walker(double t0, int direction) : t(t0) {
        hysteresis.initialize(memory.data(), direction);
        hysteresis.update(memory.data(), t0);
    }
    double g(double at) const { return hysteresis.fraction(memory.data(), at).value; }
    // Moves to `target` in steps of `step`, committing each point; checks along the way that
    // the committed memory does not change the value at the committed point (continuity for
    // Newton), that g moves against T (monotone branch) and stays inside the major loop.
    void go(double target, double step = 0.05) {
        const int n = static_cast<int>(std::ceil(std::abs(target - t) / step));
        for (int k = 1; k <= n; ++k) {
            const double next = t + (target - t) / (n - k + 1);
            const double before = g(t), seen = g(next);
            hysteresis.update(memory.data(), next);
            const double committed = g(next);
            CHECK(committed == Approx(seen).margin(1e-14));
            CHECK((seen - before) * (next - t) <= 1e-15);
            CHECK(seen >= cooling_major(next) - 1e-14);
            CHECK(seen <= heating_major(next) + 1e-14);
            t = next;
        }
    }
};

}  // namespace

TEST_CASE("vo2_thermal: the major loop is MODELS.md's heating and cooling branches", "[vo2_thermal]") {
    Walker walk(300, +1);
    for (double t = 300; t <= 372; t += 0.5) {
        walk.go(t);
        CHECK(walk.g(t) == Approx(heating_major(t)).margin(1e-15));
    }
    // From the top, the cooling curve merges with the major cooling branch within tspan.
    for (double t = 372; t >= 300; t -= 0.5) {
        walk.go(t);
        if (t <= 372 - 11.8) CHECK(walk.g(t) == Approx(cooling_major(t)).margin(1e-15));
    }
    // Hand-checked value: g_heat(336) = 0.5 + 0.5 tanh(0.2528 * 0.395) = 0.54976.
    CHECK(heating_major(336) == Approx(0.54976).epsilon(1e-4));
}

TEST_CASE("vo2_thermal: minor loops return to the stored reversal point (return-point memory)", "[vo2_thermal]") {
    SECTION("a minor loop off the heating branch closes at its reversal point") {
        Walker walk(300, +1);
        walk.go(338);
        const double g1 = walk.g(338);
        CHECK(g1 == Approx(heating_major(338)).margin(1e-15));
        walk.go(331);
        const double g2 = walk.g(331);
        CHECK(g2 < heating_major(331) - 0.05);  // cooling from 338 leaves the device more metallic...
        CHECK(g2 > cooling_major(331) + 0.05);  // ...than the heating branch, less than the cooling one
        walk.go(338);
        CHECK(walk.g(338) == Approx(g1).margin(1e-14));  // back at the reversal point
        for (double t : {338.5, 340.0, 345.0}) {
            walk.go(t);
            CHECK(walk.g(t) == Approx(heating_major(t)).margin(1e-14));  // and on the major loop
        }
    }
    SECTION("nested loops return to each stored point in turn") {
        Walker walk(300, +1);
        walk.go(338);  // P1, on the major heating branch
        walk.go(331);  // P2
        const double g2 = walk.g(331);
        walk.go(336);  // P3
        const double g3 = walk.g(336);
        walk.go(333);  // cooling from P3 toward P2 ...
        walk.go(331);
        CHECK(walk.g(331) == Approx(g2).margin(1e-14));  // ... the loop P2-P3 closes at P2
        walk.go(328);                                     // on along P1's branch
        walk.go(338);                                     // P4 = 328 K: the loop P1-P4 closes at P1
        CHECK(walk.g(338) == Approx(heating_major(338)).margin(1e-14));
        walk.go(341);
        CHECK(walk.g(341) == Approx(heating_major(341)).margin(1e-14));
        (void)g3;
    }
    SECTION("a fourth nested reversal re-anchors the history, continuously") {
        Walker walk(300, +1);
        walk.go(338);  // P1
        walk.go(331);  // P2
        walk.go(336);  // P3
        walk.go(333);  // P4: three points are kept at most; the chain becomes the first-order
        walk.go(345);  // reversal curve through P4, which merges into the major heating branch
        CHECK(walk.g(345) == Approx(heating_major(345)).margin(1e-14));
    }
    SECTION("a minor loop off the cooling branch closes at its reversal point") {
        Walker walk(372, -1);
        walk.go(330);
        const double g1 = walk.g(330);
        CHECK(g1 == Approx(cooling_major(330)).margin(1e-15));
        walk.go(336);
        walk.go(330);
        CHECK(walk.g(330) == Approx(g1).margin(1e-14));
        walk.go(320);
        CHECK(walk.g(320) == Approx(cooling_major(320)).margin(1e-14));
    }
    SECTION("an inner minor loop is hysteretic and turns the same way as the major loop") {
        Walker walk(300, +1);
        walk.go(338);
        walk.go(331);
        walk.go(335);  // P3
        walk.go(334);
        const double g_down = walk.g(334);
        walk.go(333);  // P4
        walk.go(334);
        const double g_up = walk.g(334);
        INFO("g at 334 K: cooling from 335 K " << g_down << ", heating from 333 K " << g_up);
        CHECK(g_up > g_down + 1e-3);  // more insulating on the way up, as on the major loop
    }
}

TEST_CASE("vo2_thermal: random temperature walks keep g continuous, monotone and inside the loop", "[vo2_thermal]") {
    // Counter-based uniforms as the walk's steps; deep nesting exercises the stack overflow.
    const auto stream = devices::random::stream(7, devices::random::device_key("walk"));
    for (int walk_index = 0; walk_index < 20; ++walk_index) {
        Walker walk(325, walk_index % 2 ? 1 : -1);
        double t = 325;
        for (int k = 0; k < 300; ++k) {
            const double u = devices::random::uniform(stream, static_cast<std::uint64_t>(walk_index * 1000 + k));
            t = std::clamp(t + (u - 0.5) * 4 * (1 + (k % 7)), 300.0, 372.0);
            walk.go(t, 0.07);
        }
    }
}

TEST_CASE("vo2_thermal: analytic Jacobian matches finite differences", "[vo2_thermal]") {
    const auto& family = vo2_thermal_family();
    const auto model = test::make_model(family);
    // Fresh memory (no accepted point yet), and memories after heating to 336 K, after a
    // reversal at 336 K cooling to 331 K, and after a nested history.
    const std::vector<std::vector<double>> histories = {
        {}, {325, 330, 336}, {325, 336, 331}, {325, 340, 330, 336, 333, 334.5}};
    for (const auto& history : histories) {
        std::vector<double> memory(Vo2Hysteresis::kMemorySize);
        model->initial_memory(memory.data());
        for (double t : history) {
            devices::Inputs in;
            in.x[0] = t;
            model->update_memory(in, memory.data());
        }
        for (double t : {305.0, 320.0, 328.3, 332.2, 335.2, 337.3, 342.0, 365.0}) {
            for (double v : {-4.0, 0.0, 0.3, 2.5, 12.0}) {
                devices::Inputs in;
                in.v[0] = v;
                in.x[0] = t;
                in.memory = memory.data();
                test::check_jacobian(family, *model, in);
            }
        }
    }
}

TEST_CASE("vo2_thermal: resistance and thermal relaxation known answers", "[vo2_thermal]") {
    const auto& family = vo2_thermal_family();
    const auto model = test::make_model(family);
    // R(325 K) on the heating branch: R0 exp(Ea/T) g + Rm, evaluated by hand: 5.1770e4 Ohm.
    const double r_expected = 5.359e-3 * std::exp(5220.0 / 325) * heating_major(325) + 1286;
    CHECK(r_expected == Approx(5.1770e4).epsilon(1e-4));
    std::vector<double> memory(Vo2Hysteresis::kMemorySize);
    model->initial_memory(memory.data());
    devices::Inputs in;
    in.v[0] = 0.1;
    in.x[0] = 325;
    in.memory = memory.data();
    devices::Outputs out;
    model->evaluate(in, out);
    CHECK(0.1 / out.i[0] == Approx(r_expected).epsilon(1e-12));

    // Without bias T relaxes to T_base with tau = C_th/S_e = 241.39 ns, exactly exponential.
    test::Instance dev(family, *model, {345.0});
    test::drive_voltage(dev, [](double) { return 0.0; }, 0, 300e-9, 0.05e-9);
    const double tau = 4.963e-11 / 2.056e-4;
    CHECK(tau == Approx(241.39e-9).epsilon(1e-4));
    CHECK(dev.x[0] - 325 == Approx(20 * std::exp(-300e-9 / tau)).epsilon(1e-6));

    // Under a constant small bias the temperature settles where Joule heating balances the
    // loss to the substrate: V^2/R(T) = S_e (T - T_base).
    test::Instance biased(family, *model, {325.0});
    test::drive_voltage(biased, [](double) { return 3.0; }, 0, 5e-6, 1e-9);
    in.v[0] = 3.0;
    in.x[0] = biased.x[0];
    in.memory = biased.memory.data();
    model->evaluate(in, out);
    CHECK(3.0 * out.i[0] == Approx(2.056e-4 * (biased.x[0] - 325)).epsilon(1e-6));
    CHECK(biased.x[0] > 325.5);
}

namespace {

struct SpikeTrain {
    std::vector<double> times;  // when the current rises through 1 mA
    double t_min = 1e9, t_max = 0;  // temperature range after 10 us
};

// C dV/dt = (V_in - V)/R_load - V/R(T): V_in 13.44 V, R_load 12 kOhm, C 145.3 pF (MODELS.md 2.2).
SpikeTrain neuristor(double h) {
    const auto& family = vo2_thermal_family();
    const auto model = test::make_model(family);
    test::Instance dev(family, *model, {325.0});
    test::NodeLoad load;
    const double vin = 13.44, rload = 12e3;
    load.capacitance = 145.3e-12;
    load.current = [&](double, double w) { return (vin - w) / rload; };
    load.slope = [&](double, double) { return -1 / rload; };
    SpikeTrain train;
    double previous_i = 0;
    test::one_node_circuit(dev, load, 0.0, 0, 40e-6, h, [&](const test::StepView& s) {
        if (previous_i < 1e-3 && s.i >= 1e-3) train.times.push_back(s.t);
        previous_i = s.i;
        if (s.t > 10e-6) {
            train.t_min = std::min(train.t_min, (*s.x)[0]);
            train.t_max = std::max(train.t_max, (*s.x)[0]);
        }
        return true;
    });
    return train;
}

}  // namespace

TEST_CASE("vo2_thermal: a thermal neuristor spikes, independently of the time step", "[vo2_thermal]") {
    const SpikeTrain coarse = neuristor(1e-9), fine = neuristor(0.25e-9);
    INFO(fine.times.size() << " spikes, T between " << fine.t_min << " and " << fine.t_max << " K after 10 us");
    REQUIRE(fine.times.size() >= 15);
    // A spike train with intervals of about 2 us (measured: alternating 2.03 and 2.36 us, peak
    // temperatures 370.3 and 361.4 K: the reversal memory makes the train period-2).
    for (std::size_t k = 2; k < fine.times.size(); ++k) {
        const double interval = fine.times[k] - fine.times[k - 1];
        CHECK(interval > 1.9e-6);
        CHECK(interval < 2.5e-6);
    }
    CHECK(fine.t_min > 325);
    CHECK(fine.t_max < 380);
    // The memory is updated only at accepted points, yet the result does not depend on where
    // they are: the same spikes, within 10 ns over 40 us, with steps of 1 ns and 0.25 ns.
    REQUIRE(coarse.times.size() == fine.times.size());
    for (std::size_t k = 0; k < fine.times.size(); ++k) CHECK(std::abs(coarse.times[k] - fine.times[k]) < 10e-9);
}

TEST_CASE("vo2_thermal: bad parameters are input errors", "[vo2_thermal]") {
    const auto& family = vo2_thermal_family();
    CHECK_THROWS_AS(test::make_model(family, {{"tspan", 5}}), InputError);
    CHECK_THROWS_AS(test::make_model(family, {{"branch", 0}}), InputError);
    CHECK_THROWS_AS(test::make_model(family, {{"cth", 0}}), InputError);
    CHECK_THROWS_AS(test::make_model(family, {{"delta", 1}}), InputError);
}
