// Magnetic tunnel junction (family mtj): Brinkman resistance and bias-dependent TMR, Ic0,
// precessional switching time, thermally activated switching statistics from seeded trials,
// the superparamagnetic p-bit, seeds and step independence, Jacobian.
#include <catch2/catch.hpp>

#include <cmath>
#include <numbers>
#include <vector>

#include "devices/device.hpp"
#include "devices/mtj/mtj.hpp"
#include "devices/random.hpp"
#include "tests/devices/device_test_support.hpp"
#include "tests/devices5/device_integrators.hpp"

using namespace memspice;
using devices::mtj::mtj_derived;
using devices::mtj::mtj_family;
namespace slot = devices::mtj::memory_slot;

namespace {

constexpr double kPi = std::numbers::pi;
// Constants written out independently of the model (CODATA 2018).
constexpr double kQ = 1.602176634e-19, kKb = 1.380649e-23, kHbar = 1.054571817e-34, kGamma = 1.76085963023e11;

double brinkman_rp(double diameter, double tox, double phi) {
    const double area_um2 = kPi * (diameter * 1e6) * (diameter * 1e6) / 4;
    const double t = tox * 1e10;
    return t / (332.2 * std::sqrt(phi) * area_um2) * std::exp(1.025 * t * std::sqrt(phi));
}

double ic0_formula(double delta, double temp, double alpha, double eta) {
    return 4 * kQ * alpha / (kHbar * eta) * delta * kKb * temp;
}

// Switching events of one trajectory: times at which the dwell's hazard reaches 1, located
// by linear interpolation of the clock between steps (the clock is linear in a dwell).
struct EventRecorder {
    std::vector<double> times;
    double previous_t = 0, previous_a = 0;
    int previous_events = 0;
    std::vector<double> previous_memory;
    explicit EventRecorder(const test::Instance& dev) : previous_memory(dev.memory) {
        previous_a = dev.x[1];  // initial memory: direction +1, origin 0
    }
    bool observe(const test::StepView& s) {
        const auto& mem = *s.memory;
        const int events = static_cast<int>(mem[slot::events]);
        const double clock = (*s.x)[1];
        if (events > previous_events) {
            // Hazard of the dwell that just ended, with the memory it had before the update.
            const double a = previous_memory[slot::direction] * (clock - previous_memory[slot::origin]);
            times.push_back(previous_t + (s.t - previous_t) * (1 - previous_a) / (a - previous_a));
            // Further events inside the same step (a dwell shorter than the step) at its end.
            for (int k = previous_events + 1; k < events; ++k) times.push_back(s.t);
        }
        previous_memory = mem;
        previous_events = events;
        previous_t = s.t;
        previous_a = mem[slot::direction] * (clock - mem[slot::origin]);
        return true;
    }
};

}  // namespace

TEST_CASE("mtj: Brinkman R_P, bias-dependent TMR and Ic0 from the formulas", "[mtj]") {
    const auto& family = mtj_family();
    const auto params = family.make_parameters({}, {});
    const auto d = mtj_derived(params);
    const double rp = brinkman_rp(40e-9, 0.85e-9, 0.4);
    CHECK(rp == Approx(7961).epsilon(1e-3));  // hand computation: 32.19 Ohm x e^5.5105
    CHECK(d.r_parallel == Approx(rp).epsilon(1e-12));
    const double ic0 = ic0_formula(40, 300, 0.027, 0.5);
    CHECK(ic0 == Approx(54.37e-6).epsilon(1e-3));
    CHECK(d.ic0 == Approx(ic0).epsilon(1e-9));  // hbar rounded to 10 digits here
    // tau_D = (1 + alpha^2)/(alpha gamma mu0 Hk), mu0 Hk = 2 E_b/(Ms V): 1.1415 ns at the defaults.
    const double volume = kPi * 40e-9 * 40e-9 / 4 * 1.3e-9;
    const double hk = 2 * 40 * kKb * 300 / (1.1e6 * volume);
    const double tau_d = (1 + 0.027 * 0.027) / (0.027 * kGamma * hk);
    CHECK(tau_d == Approx(1.1415e-9).epsilon(1e-3));
    CHECK(d.tau_d == Approx(tau_d).epsilon(1e-12));
    CHECK(d.precession_time == Approx(tau_d * std::log(kPi / (2 / std::sqrt(80.0)))).epsilon(1e-12));

    const auto model = test::make_model(family);
    for (double v : {-0.8, -0.2, 0.01, 0.5, 1.0}) {
        devices::Inputs in;
        in.v[0] = v;
        devices::Outputs out;
        in.x[0] = 1;  // parallel
        model->evaluate(in, out);
        CHECK(v / out.i[0] == Approx(rp).epsilon(1e-12));
        in.x[0] = -1;  // antiparallel: R_P (1 + TMR0/(1 + V^2/Vh^2))
        model->evaluate(in, out);
        CHECK(v / out.i[0] == Approx(rp * (1 + 1.5 / (1 + v * v / 0.25))).epsilon(1e-12));
    }
}

TEST_CASE("mtj: analytic Jacobian matches finite differences", "[mtj]") {
    const auto& family = mtj_family();
    const auto model = test::make_model(family);
    // Voltages giving |I|/Ic0 of 0 ... 2.8 in either state, including the regime hand-over
    // window 1 < j < 1.02 (0.437 V in P); clocks around the threshold window [1, 1.001].
    const std::vector<std::vector<double>> memories = {
        {1, 0, 1, 0, 0}, {-1, 3, -1, 1.2, 0}, {1, 7, 1, -0.3, 0}};
    for (const auto& memory : memories) {
        for (double v : {-1.2, -0.437, -0.3, -0.05, 0.0, 0.05, 0.3, 0.437, 0.5, 1.2}) {
            for (double m : {-1.0, -0.4, 0.0, 0.7, 1.0}) {
                for (double clock : {-0.2, 0.0, 0.4, 0.9995, 1.0004, 1.2, 1.6, 2.0004}) {
                    devices::Inputs in;
                    in.v[0] = v;
                    in.x[0] = m;
                    in.x[1] = clock;
                    in.memory = memory.data();
                    in.stream = 12345;
                    test::check_jacobian(family, *model, in);
                }
            }
        }
    }
}

TEST_CASE("mtj: precessional switching time is tau_D ln(pi/2theta0) / (I/Ic0 - 1)", "[mtj]") {
    const auto& family = mtj_family();
    const double tflip = 1e-12;
    for (double tmr0 : {1.5, 0.0}) {
        for (double ratio : {1.5, 2.0, 3.0, 5.0}) {
            for (int start : {1, -1}) {
                if (tmr0 != 0 && start == -1) continue;  // AP current depends on V through TMR(V)
                const auto params = family.make_parameters({{"tflip", tflip}, {"tmr0", tmr0}, {"m0", start}}, {});
                const auto d = mtj_derived(params);
                const auto model = family.create(params);
                // A current of ratio Ic0 against the initial orientation (P: negative current).
                const double v = -start * ratio * d.ic0 * d.r_parallel;
                test::Instance dev(family, *model, {static_cast<double>(start), 0.0});
                double t_switch = -1, previous_m = start, previous_t = 0;
                const double expected = d.precession_time / (ratio - 1);
                test::drive_voltage(dev, [&](double) { return v; }, 0, 3 * expected, expected / 2000,
                                    [&](const test::StepView& s) {
                                        const double m = (*s.x)[0];
                                        if (previous_m * m <= 0 && t_switch < 0)
                                            t_switch = previous_t + (s.t - previous_t) * previous_m / (previous_m - m);
                                        previous_m = m;
                                        previous_t = s.t;
                                        return t_switch < 0;
                                    });
                INFO("I/Ic0 = " << ratio << ", from " << start << ": switched at " << t_switch << " s, expected "
                                << expected << " s + tflip ln 2");
                // m crosses 0 a time tflip ln 2 after the reversal starts.
                CHECK(t_switch - tflip * std::log(2.0) == Approx(expected).epsilon(2e-3));
            }
        }
    }
}

TEST_CASE("mtj: thermally activated switching times are exponential with mean tau0 exp(Delta (1 - I/Ic0))", "[mtj]") {
    const auto& family = mtj_family();
    const auto params = family.make_parameters({}, {});  // Delta = 40
    const auto d = mtj_derived(params);
    const auto model = family.create(params);
    for (double ratio : {0.75, 0.9}) {
        const std::uint64_t first_key = ratio < 0.8 ? 1000 : 5000;  // independent devices per current
        const double tau = 1e-9 * std::exp(40 * (1 - ratio));  // 22.0 us, 54.6 ns
        const double v = -ratio * d.ic0 * d.r_parallel;        // against the P state
        const int trials = 1500;
        std::vector<double> times;
        for (int trial = 0; trial < trials; ++trial) {
            const auto key = first_key + static_cast<std::uint64_t>(trial);  // a different device per trial
            test::Instance dev(family, *model, {1.0, 0.0}, key);
            EventRecorder events(dev);
            test::drive_voltage(dev, [&](double) { return v; }, 0, 30 * tau, tau / 400, [&](const test::StepView& s) {
                events.observe(s);
                return events.times.empty();
            });
            REQUIRE(events.times.size() == 1);
            times.push_back(events.times[0]);
        }
        double mean = 0;
        int beyond_tau = 0, beyond_2tau = 0;
        for (double t : times) {
            mean += t / trials;
            beyond_tau += t > tau;
            beyond_2tau += t > 2 * tau;
        }
        // Exponential times: the sample mean has standard deviation tau/sqrt(N) (2.6 %); the
        // fraction beyond tau (e^-1) and 2 tau (e^-2) are binomial. Bounds at 4 sigma.
        const double n = trials;
        INFO("I/Ic0 = " << ratio << ": mean " << mean << " s vs tau " << tau << " s; P(t > tau) "
                        << beyond_tau / n << ", P(t > 2 tau) " << beyond_2tau / n);
        CHECK(std::abs(mean / tau - 1) < 4 / std::sqrt(n));
        const double p1 = std::exp(-1.0), p2 = std::exp(-2.0);
        CHECK(std::abs(beyond_tau / n - p1) < 4 * std::sqrt(p1 * (1 - p1) / n));
        CHECK(std::abs(beyond_2tau / n - p2) < 4 * std::sqrt(p2 * (1 - p2) / n));
    }
}

TEST_CASE("mtj: without randomness the thermal switching time is exactly tau0 exp(Delta (1 - I/Ic0))", "[mtj]") {
    const auto& family = mtj_family();
    const auto params = family.make_parameters({{"stochastic", 0}}, {});
    const auto d = mtj_derived(params);
    const auto model = family.create(params);
    const double tau = 1e-9 * std::exp(40 * 0.2);  // I = 0.8 Ic0: 2.981 us
    test::Instance dev(family, *model, {1.0, 0.0});
    EventRecorder events(dev);
    test::drive_voltage(dev, [&](double) { return -0.8 * d.ic0 * d.r_parallel; }, 0, 2 * tau, tau / 1000,
                        [&](const test::StepView& s) { return events.observe(s), events.times.empty(); });
    REQUIRE(events.times.size() == 1);
    CHECK(events.times[0] == Approx(tau).epsilon(1e-6));
}

namespace {

// Time-averaged magnetization and the number of switches of a superparamagnetic junction
// (Delta = 2, no TMR so the current is the same in both states) at normalized current i.
struct Telegraph {
    double mean_m = 0;
    std::vector<double> switch_times;
};

Telegraph telegraph(double i_norm, double duration, double h, double seed, std::uint64_t key = 99) {
    const auto& family = mtj_family();
    const auto params = family.make_parameters({{"delta", 2}, {"tmr0", 0}, {"seed", seed}}, {});
    const auto d = mtj_derived(params);
    const auto model = family.create(params);
    test::Instance dev(family, *model, {1.0, 0.0}, key);
    Telegraph result;
    EventRecorder events(dev);
    double integral = 0, previous_m = 1;
    test::drive_voltage(dev, [&](double) { return i_norm * d.ic0 * d.r_parallel; }, 0, duration, h,
                        [&](const test::StepView& s) {
                            integral += 0.5 * (previous_m + (*s.x)[0]) * h;
                            previous_m = (*s.x)[0];
                            return events.observe(s);
                        });
    result.mean_m = integral / duration;
    result.switch_times = events.times;
    return result;
}

}  // namespace

TEST_CASE("mtj: a superparamagnetic junction is a p-bit, <m> = tanh(Delta i)", "[mtj]") {
    // Rates tau0^-1 exp(-Delta (1 -+ i)) into P / AP; for a two-state Markov chain the time
    // average has variance ~ 2 (1 - <m>^2) / ((k+ + k-) T).
    const double delta = 2, duration = 20e-6;
    double seed = 10;
    for (double i : {-0.6, 0.0, 0.3, 0.6}) {
        const Telegraph t = telegraph(i, duration, 0.02e-9, ++seed);  // independent draws per current
        const double expected = std::tanh(delta * i);
        const double rates = (std::exp(-delta * (1 - i)) + std::exp(-delta * (1 + i))) / 1e-9;
        const double sigma = std::sqrt(2 * (1 - expected * expected) / (rates * duration));
        INFO("i = " << i << ": <m> = " << t.mean_m << ", tanh(Delta i) = " << expected << " (sigma " << sigma
                    << "), " << t.switch_times.size() << " switches");
        CHECK(std::abs(t.mean_m - expected) < 4 * sigma);
        CHECK(t.switch_times.size() > 1000);
    }
}

TEST_CASE("mtj: same seed, same trajectory, other seeds differ, the integration step does not matter", "[mtj]") {
    const double i = 0.2, duration = 2e-6;
    const Telegraph a = telegraph(i, duration, 0.02e-9, 5), again = telegraph(i, duration, 0.02e-9, 5);
    REQUIRE(a.switch_times.size() > 50);
    CHECK(again.switch_times == a.switch_times);
    CHECK(again.mean_m == a.mean_m);
    const Telegraph other_seed = telegraph(i, duration, 0.02e-9, 6);
    const Telegraph other_device = telegraph(i, duration, 0.02e-9, 5, 100);
    CHECK(other_seed.switch_times != a.switch_times);
    CHECK(other_device.switch_times != a.switch_times);
    // Steps of 0.05, 0.02 and 0.005 ns: the same events at the same times, within 1 ps, except
    // where a dwell is shorter than the coarse step (both events then fall in one step).
    const Telegraph coarse = telegraph(i, duration, 0.05e-9, 5), fine = telegraph(i, duration, 0.005e-9, 5);
    REQUIRE(coarse.switch_times.size() == fine.switch_times.size());
    REQUIRE(a.switch_times.size() == fine.switch_times.size());
    int off = 0;
    for (std::size_t k = 0; k < fine.switch_times.size(); ++k) {
        const double diff = std::max(std::abs(coarse.switch_times[k] - fine.switch_times[k]),
                                     std::abs(a.switch_times[k] - fine.switch_times[k]));
        const double dwell = k > 0 ? fine.switch_times[k] - fine.switch_times[k - 1] : 1.0;
        if (diff > 1e-12) {
            ++off;
            CHECK(dwell < 0.05e-9);
            CHECK(diff < 0.05e-9);
        }
    }
    INFO(fine.switch_times.size() << " switches, " << off << " in a step shared with the previous one");
    CHECK(off <= 3);
}

TEST_CASE("mtj: bad parameters are input errors", "[mtj]") {
    const auto& family = mtj_family();
    CHECK_THROWS_AS(test::make_model(family, {{"delta", 0}}), InputError);
    CHECK_THROWS_AS(test::make_model(family, {{"stochastic", 0.5}}), InputError);
    CHECK_THROWS_AS(test::make_model(family, {{"seed", 1.5}}), InputError);
    CHECK_THROWS_AS(test::make_model(family, {{"diameter", -40e-9}}), InputError);
}
