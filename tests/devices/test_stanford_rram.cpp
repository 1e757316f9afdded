// Stanford RRAM v1.0.0: Jacobian, static I-V, the field threshold, switching time against
// pulse amplitude, the smooth gap bounds, and the step-independent variation term.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>
#include <vector>

#include "devices/random.hpp"
#include "devices/rram/stanford_rram.hpp"
#include "tests/devices/device_test_support.hpp"

using namespace memspice;
using devices::rram::kStanfordNoiseCell;
using devices::rram::stanford_rram_family;

namespace {

using State = std::array<double, devices::kMaxStates>;

// MODELS.md 1.1 defaults.
constexpr double kI0 = 1e-3, kG0 = 0.25, kV0 = 0.25, kTox = 12e-9, kFmin = 1.4e9, kGamma0 = 16, kBeta = 0.8;
constexpr double kA0 = 0.25e-9, kT0 = 298, kRth = 2.1e3, kTcrit = 450, kTsmth = 500;
constexpr double kBoltzmannV = 8.617333262e-5;  // V/K

double gamma_at(double gap_nm) { return kGamma0 - kBeta * gap_nm * gap_nm * gap_nm; }

devices::Outputs evaluate(const devices::DeviceModel& model, double v, double gap, double time = 0,
                          std::uint64_t key = 0) {
    devices::Inputs in;
    in.v[0] = v;
    in.x[0] = gap;
    in.time = time;
    in.stream = key;
    devices::Outputs out;
    model.evaluate(in, out);
    return out;
}

auto constant(double v) {
    return [v](double) { return v; };
}

}  // namespace

TEST_CASE("stanford_rram is registered, stochastic, with the MODELS.md defaults") {
    REQUIRE(devices::find_family("Stanford_RRAM") == &stanford_rram_family());
    const auto& family = stanford_rram_family();
    CHECK(family.stochastic);
    REQUIRE(family.states.size() == 1);
    CHECK(family.states[0].unit == "nm");
    const auto p = family.make_parameters({}, {});
    CHECK(p.get("i0") == kI0);
    CHECK(p.get("g0") == 0.25e-9);
    CHECK(p.get("vel0") == 10);
    CHECK(p.get("ea") == 0.6);
    CHECK(p.get("tox") == kTox);
    CHECK(p.get("f_min") == kFmin);
    CHECK(p.get("gap_min") == 0.2e-9);
    CHECK(p.get("gap_max") == 1.7e-9);
    CHECK(p.get("deltagap0") == 0);  // variation off unless asked for
    const auto model = test::make_model(family);
    CHECK(model->initial_state(p)[0] == Approx(0.2));  // gap in nm
    CHECK(model->next_breakpoint(0) == std::numeric_limits<double>::infinity());
}

TEST_CASE("stanford_rram rejects bad parameters and initial gaps") {
    const auto& family = stanford_rram_family();
    CHECK_THROWS_AS(family.make_parameters({{"tox", -1e-9}}, {"c.cir", 2}), InputError);
    CHECK_THROWS_AS(family.make_parameters({{"i0", 0}}, {"c.cir", 2}), InputError);
    CHECK_THROWS_AS(test::make_model(family, {{"seed", 1.5}}), InputError);
    CHECK_THROWS_AS(test::make_model(family, {{"gap_min", 1.7e-9}}), InputError);
    const auto model_params = family.make_parameters({}, {});
    const auto model = family.create(model_params);
    const auto outside = family.make_instance_parameters(model_params, {{"gap", 3e-9}}, {"c.cir", 9});
    CHECK_THROWS_AS(model->initial_state(outside), InputError);
    const auto inside = family.make_instance_parameters(model_params, {{"gap", 1.2e-9}, {"seed", 7}}, {"c.cir", 9});
    CHECK(model->initial_state(inside)[0] == Approx(1.2));
    CHECK_THROWS_AS(family.make_instance_parameters(model_params, {{"tox", 1e-9}}, {"c.cir", 9}), InputError);
}

TEST_CASE("stanford_rram analytic Jacobian matches finite differences") {
    const auto& family = stanford_rram_family();
    for (double delta_gap : {0.0, 0.02}) {
        const auto model = test::make_model(family, {{"deltagap0", delta_gap}});
        for (double gap : {0.19, 0.2, 0.22, 0.3, 0.95, 1.5, 1.68, 1.7, 1.71}) {
            // Both polarities, below, inside (F = 1.005 F_min) and above the field threshold,
            // near 0, and a read voltage.
            const double v_threshold = kTox * kFmin * 1.005 / gamma_at(gap);
            for (double v : {-2.0, -1.5, -v_threshold, -1.0, -0.5, -1e-3, 0.0, 1e-3, 0.1, 1.0, v_threshold, 1.2,
                             1.5, 2.0})
                for (double time : {0.3e-9, 7.5e-9}) {
                    INFO("deltagap0 " << delta_gap << " gap " << gap << " v " << v << " t " << time);
                    devices::Inputs in;
                    in.v[0] = v;
                    in.x[0] = gap;
                    in.time = time;
                    in.stream = devices::random::device_key("a1");
                    test::check_jacobian(family, *model, in);
                }
        }
    }
    // The variation term alone (vel0 = 0): it is ~1e7 nm/s while its slopes through the
    // temperature are small, so it is checked where self-heating is strong, with a larger
    // step (1e-4 V, 1e-4 nm) that keeps the rounding floor below the partials.
    const auto noise_only = test::make_model(family, {{"deltagap0", 0.02}, {"vel0", 0}, {"rth", 1e5}});
    for (double gap : {0.3, 0.5, 0.95, 1.6})
        for (double v : {-1.5, -0.9, -0.6, -0.3, 0.3, 0.6, 0.9, 1.5})
            for (double time : {0.3e-9, 7.5e-9}) {
                INFO("variation only: gap " << gap << " v " << v << " t " << time);
                devices::Inputs in;
                in.v[0] = v;
                in.x[0] = gap;
                in.time = time;
                in.stream = devices::random::device_key("a1");
                test::check_jacobian(family, *noise_only, in, 1e-5, 1e-4);
            }
}

TEST_CASE("stanford_rram static I-V: the resistance window is e^6 at 0.1 V") {
    // I = I0 exp(-gap/g0) sinh(V/V0) does not depend on the temperature (self-heating acts
    // on the gap dynamics only), so R(0.1 V) at gap 1.7 nm over gap 0.2 nm is exactly
    // exp((1.7 - 0.2)/0.25) = e^6 = 403.43 whatever the heating.
    const auto model = test::make_model(stanford_rram_family());
    const double r_low = 0.1 / evaluate(*model, 0.1, 0.2).i[0];
    const double r_high = 0.1 / evaluate(*model, 0.1, 1.7).i[0];
    CHECK(r_high / r_low == Approx(std::exp(6.0)).epsilon(1e-12));
    CHECK(r_high / r_low == Approx(403.43).epsilon(1e-5));
    CHECK(r_low == Approx(0.1 / (kI0 * std::exp(-0.2 / kG0) * std::sinh(0.1 / kV0))).epsilon(1e-13));
    CHECK(r_low == Approx(541.8).epsilon(1e-4));
    CHECK(r_high == Approx(218.6e3).epsilon(1e-4));
    // A 0.1 V read is far below the field threshold: the gap does not move in a second.
    for (double gap : {0.2, 0.95, 1.7}) {
        const State after = test::integrate_device(stanford_rram_family(), *model, {gap}, constant(0.1), 0, 1, 1e-3);
        CHECK(after[0] == gap);
    }
}

TEST_CASE("stanford_rram minimum SET voltage t_ox F_min / gamma") {
    const auto& family = stanford_rram_family();
    const auto model = test::make_model(family);
    // MODELS.md's 1.05 V is at gap 0.2 nm: gamma = 16 - 0.8 * 0.2^3 = 15.9936, so
    // V_min = 12 nm * 1.4e9 V/m / 15.9936 = 1.0504 V. There the gap sits at gap_min and a SET
    // cannot move it, so the threshold is tested where SET acts: gap 0.3 nm (gamma = 15.9784,
    // V_min = 1.0514 V) and 1.0 nm (gamma = 15.2, V_min = 1.1053 V).
    CHECK(kTox * kFmin / gamma_at(0.2) == Approx(1.0504).epsilon(1e-4));
    CHECK(evaluate(*model, 1.5, 0.2).dxdt[0] == 0);  // at gap_min a SET does nothing
    for (double gap : {0.3, 1.0}) {
        const double v_min = kTox * kFmin / gamma_at(gap);
        INFO("gap " << gap << " nm, gamma " << gamma_at(gap) << ", V_min " << v_min << " V");
        // Below: exactly no motion, even over a second.
        CHECK(evaluate(*model, 0.999 * v_min, gap).dxdt[0] == 0);
        const State held = test::integrate_device(family, *model, {gap}, constant(0.999 * v_min), 0, 1, 1e-3);
        CHECK(held[0] == gap);
        // Just above (past the 1 % rounding of the threshold): the gap shrinks.
        CHECK(evaluate(*model, 1.011 * v_min, gap).dxdt[0] < 0);
        const State moved = test::integrate_device_adaptive(family, *model, {gap}, constant(1.011 * v_min), 0, 10e-6,
                                                            1e-6, 1e-7);
        CHECK(moved[0] < gap - 0.05);
        // The same amplitude in RESET polarity grows the gap.
        CHECK(evaluate(*model, -1.011 * v_min, gap).dxdt[0] > 0);
    }
}

TEST_CASE("stanford_rram SET time falls exponentially with the pulse amplitude") {
    const auto& family = stanford_rram_family();
    const auto model = test::make_model(family);
    const double target = 1.0;  // nm: SET from gap_max = 1.7 nm to 1.0 nm
    std::vector<double> amplitudes, times;
    for (double v = 1.5; v <= 2.0 + 1e-9; v += 0.1) {
        // Time domain: integrate until the gap crosses the target (linear interpolation).
        double t_cross = -1, t_prev = 0, g_prev = 1.7;
        test::integrate_device_adaptive(family, *model, {1.7}, constant(v), 0, 1e-5, 1e-7, 1e-8,
            [&](double t, double, const State& x, double) {
                if (t_cross < 0 && x[0] <= target) t_cross = t_prev + (t - t_prev) * (g_prev - target) / (g_prev - x[0]);
                t_prev = t;
                g_prev = x[0];
            });
        // Independent reference: at constant V the gap ODE is autonomous, so the time is
        // the quadrature of 1/|dgap/dt| from 1.0 to 1.7 nm (midpoint rule, 20000 panels).
        double t_quad = 0;
        const int n = 20000;
        for (int k = 0; k < n; ++k) {
            const double gap = target + (k + 0.5) * (1.7 - target) / n;
            t_quad += (1.7 - target) / n / std::abs(evaluate(*model, v, gap).dxdt[0]);
        }
        INFO("V = " << v << " V: SET time " << t_cross << " s (quadrature " << t_quad << " s)");
        REQUIRE(t_cross > 0);
        CHECK(t_cross == Approx(t_quad).epsilon(1e-3));
        amplitudes.push_back(v);
        times.push_back(t_cross);
    }
    // The slope in decades per 0.1 V. At gap_max the rate grows as sinh(gamma a0 V/(t_ox kT/q))
    // with gamma(1.7 nm) = 12.07 and T ~ T0: ln 10 / (0.1 V * 12.07 * 0.25 / 12 / 0.02568 V)
    // gives 0.425 decade per 0.1 V; self-heating near the end of the SET adds a little.
    const double analytic = gamma_at(1.7) * kA0 / (kTox * kBoltzmannV * kT0) * 0.1 / std::log(10.0);
    CHECK(analytic == Approx(0.425).epsilon(0.01));
    for (std::size_t k = 1; k < times.size(); ++k) {
        const double decades = std::log10(times[k - 1] / times[k]);
        INFO(amplitudes[k - 1] << " -> " << amplitudes[k] << " V: " << decades << " decade");
        CHECK(decades > 0.40);
        CHECK(decades < 0.50);
    }
    CHECK(std::log10(times.front() / times.back()) == Approx(5 * analytic).epsilon(0.15));
}

TEST_CASE("stanford_rram keeps the gap within its smooth bounds") {
    const auto& family = stanford_rram_family();
    const auto model = test::make_model(family);
    // A long SET and a long RESET: the gap approaches each bound and stays within it.
    double lowest = 10, highest = 0;
    auto track = [&](double, double, const State& x, double) {
        lowest = std::min(lowest, x[0]);
        highest = std::max(highest, x[0]);
    };
    const State set = test::integrate_device_adaptive(family, *model, {1.7}, constant(1.6), 0, 1e-6, 1e-7, 1e-8, track);
    CHECK(set[0] < 0.2 + 0.01);
    const State reset = test::integrate_device_adaptive(family, *model, set, constant(-1.6), 0, 1e-6, 1e-7, 1e-8, track);
    CHECK(reset[0] > 1.7 - 0.01);
    CHECK(lowest >= 0.2 - 1e-6);
    CHECK(highest <= 1.7 + 1e-6);
}

TEST_CASE("stanford_rram variation is a function of seed, device and time") {
    const auto& family = stanford_rram_family();
    const std::uint64_t key_a = devices::random::device_key("a1"), key_b = devices::random::device_key("a2");
    auto run = [&](double seed, std::uint64_t key, double h) {
        const auto model = test::make_model(family, {{"deltagap0", 0.02}, {"seed", seed}});
        // A 40 ns SET pulse at 1.5 V from gap_max: drift (about -0.2 nm) and variation together.
        return test::integrate_device(family, *model, {1.7}, constant(1.5), 0, 40e-9, h, {}, key)[0];
    };
    const double reference = run(1, key_a, 0.25e-9);
    CHECK(run(1, key_a, 0.25e-9) == reference);  // bit for bit
    CHECK(run(2, key_a, 0.25e-9) != reference);
    CHECK(run(1, key_b, 0.25e-9) != reference);
    // Other devices spread like independent draws: the variation alone (40 cells of std
    // 0.0085 nm at T0) would give two runs an rms difference of 0.076 nm; the bound at
    // gap_max, where the pulse starts, holds back the upward draws, so somewhat less.
    double sum_sq = 0;
    const int others = 16;
    for (int k = 0; k < others; ++k) {
        std::string name = "a";
        name += std::to_string(k + 10);
        const double d = run(1, devices::random::device_key(name), 0.25e-9) - reference;
        sum_sq += d * d;
    }
    INFO("rms difference to other devices " << std::sqrt(sum_sq / others) << " nm");
    CHECK(std::sqrt(sum_sq / others) > 0.02);
    CHECK(std::sqrt(sum_sq / others) < 0.2);
    // Step independence: the forcing is a function of time, so steps of 1, 0.25 and
    // 0.0625 ns differ only by the trapezoidal rule's O(h^2) error (ratio ~16 per 4x).
    const double coarse = run(1, key_a, 1e-9), fine = run(1, key_a, 0.0625e-9);
    INFO("gap after 40 ns: h = 1 ns " << coarse << ", 0.25 ns " << reference << ", 0.0625 ns " << fine);
    CHECK(std::abs(coarse - reference) < 5e-3);
    CHECK(std::abs(reference - fine) < std::abs(coarse - reference) / 8);
    // The model's breakpoints are the 1 ns cell boundaries.
    const auto model = test::make_model(family, {{"deltagap0", 0.02}});
    CHECK(model->next_breakpoint(0) == Approx(1e-9));
    CHECK(model->next_breakpoint(1e-9) == Approx(2e-9));
    CHECK(model->next_breakpoint(3 * 1e-9) == Approx(4e-9));
    CHECK(model->next_breakpoint(2.5e-9) == Approx(3e-9));
}

TEST_CASE("stanford_rram variation has the distribution of the original's 1 ns steps") {
    const auto& family = stanford_rram_family();
    const double delta_gap = 0.02;  // m/s: the original default
    // At 0 V: no drift (far below the field threshold), T = T0, so over a cell the gap moves
    // by xi_k * deltagap0 * 1 ns / (1 + exp((T_crit - T0)/T_smth)) = xi_k * 0.008493 nm.
    const double factor = 1 / (1 + std::exp((kTcrit - kT0) / kTsmth));
    const double sigma_cell = delta_gap * kStanfordNoiseCell * 1e9 * factor;  // nm
    CHECK(sigma_cell == Approx(0.008493).epsilon(1e-3));
    const int cells = 100, runs = 2000;
    const double sigma = sigma_cell * std::sqrt(double(cells));  // 0.0849 nm, far inside the bounds
    const std::uint64_t key = devices::random::device_key("x1.a7");
    double sum = 0, sum_sq = 0;
    for (int seed = 0; seed < runs; ++seed) {
        const auto model = test::make_model(family, {{"deltagap0", delta_gap}, {"seed", double(seed)}});
        const double increment =
            test::integrate_device(family, *model, {0.95}, constant(0.0), 0, cells * kStanfordNoiseCell, 1e-9, {}, key)[0] - 0.95;
        if (seed < 5) {
            // Exactly the sum of the draws keyed (seed, device key, cell index).
            const std::uint64_t stream = devices::random::stream(static_cast<std::uint64_t>(seed), key);
            double expected = 0;
            for (int k = 0; k < cells; ++k) expected += devices::random::normal(stream, static_cast<std::uint64_t>(k)) * sigma_cell;
            CHECK(increment == Approx(expected).margin(1e-12));
        }
        sum += increment;
        sum_sq += increment * increment;
    }
    const double mean = sum / runs, variance = (sum_sq - runs * mean * mean) / (runs - 1);
    INFO("mean " << mean << " nm, std " << std::sqrt(variance) << " nm, model std " << sigma << " nm");
    // 4-sigma bounds: mean ~ N(0, sigma^2/runs); variance ratio ~ 1 +- sqrt(2/(runs-1)).
    CHECK(std::abs(mean) < 4 * sigma / std::sqrt(double(runs)));
    CHECK(std::abs(variance / (sigma * sigma) - 1) < 4 * std::sqrt(2.0 / (runs - 1)));
    // The temperature factor: 1/(1 + exp((T_crit - T)/T_smth)) at the self-heated T.
    const auto hot = test::make_model(family, {{"deltagap0", delta_gap}, {"rth", 1e6}});
    const double v = 0.6, gap = 0.5;  // field 0.6 gamma / 12 nm = 7.9e8 V/m < F_min: no drift
    const double i = kI0 * std::exp(-gap / kG0) * std::sinh(v / kV0);
    const double t_hot = kT0 + v * i * 1e6;
    const double xi = devices::random::normal(devices::random::stream(0, key), 3);
    const double expected = xi * delta_gap / (1 + std::exp((kTcrit - t_hot) / kTsmth)) * 1e9;
    INFO("T = " << t_hot << " K");
    CHECK(t_hot > 400);
    CHECK(evaluate(*hot, v, gap, 3.5e-9, key).dxdt[0] == Approx(expected).epsilon(1e-12));
}
