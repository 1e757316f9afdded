// Ferroelectric tunnel junction (family ftj): KAI/Merz switching under pulse trains against
// 1 - exp[-(N t_p / tau)^n], no switching below the coercive voltage, the parallel-domain
// conductance, the BDR tunnel conductance, the Jacobian.
#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "devices/device.hpp"
#include "devices/ftj/ftj.hpp"
#include "devices/ftj/kai.hpp"
#include "tests/devices/device_test_support.hpp"
#include "tests/devices5/device_integrators.hpp"

using namespace memspice;
using devices::ftj::ftj_family;

namespace {

double merz_tau(double v) { return 1e-9 * std::exp(7.0 / std::abs(v)); }  // defaults tau0 = 1 ns, va = 7 V

// N rectangular pulses of amplitude v and width tp, 2 tp apart; returns s after the train.
// Each pulse and each gap is integrated as its own segment at constant voltage, so the
// pulse edges are exact.
double pulse_train(const devices::DeviceModel& model, double s0, double v, double tp, int pulses, double n_steps = 2000) {
    const auto& family = ftj_family();
    test::Instance dev(family, model, {s0});
    double t = 0;
    for (int k = 0; k < pulses; ++k) {
        test::drive_voltage(dev, [&](double) { return v; }, t, t + tp, tp / n_steps);
        t += tp;
        if (k + 1 < pulses) {
            test::drive_voltage(dev, [](double) { return 0.0; }, t, t + 2 * tp, tp / 10);
            t += 2 * tp;
        }
    }
    return dev.x[0];
}

}  // namespace

TEST_CASE("ftj: N identical pulses give s = 1 - exp[-(N tp / tau)^n] (KAI in equivalent time)", "[ftj]") {
    const auto& family = ftj_family();
    for (double n : {2.0, 1.5, 1.0}) {
        const auto model = test::make_model(family, {{"n", n}});
        for (double v : {1.5, 2.0, 3.0}) {
            const double tau = merz_tau(v), tp = 0.2 * tau;
            for (int pulses : {1, 2, 5, 10}) {
                const double x = pulses * tp / tau;
                const double s = pulse_train(*model, 0.0, v, tp, pulses);
                const double kai = 1 - std::exp(-std::pow(x, n));
                // The regularisation starts the KAI clock eps = 1e-4 tau early (kai.hpp):
                // q = (x + eps)^n - eps^n instead of x^n, so s differs by about (1 - s) n eps x^(n-1).
                const double eps_bound = 1.2 * (1 - kai) * n * 1e-4 * std::pow(x, n - 1) + 1e-9;
                INFO("n = " << n << ", V = " << v << " V, " << pulses << " pulses: s = " << s << ", KAI " << kai);
                CHECK(s == Approx(devices::ftj::kai_fraction(x, n)).margin(2e-6));
                CHECK(std::abs(s - kai) <= eps_bound);
            }
        }
    }
}

TEST_CASE("ftj: negative pulses switch back along the same law", "[ftj]") {
    const auto& family = ftj_family();
    const auto model = test::make_model(family);
    const double v = -2.0, tau = merz_tau(v), tp = 0.15 * tau;
    for (int pulses : {1, 4, 9}) {
        const double s = pulse_train(*model, 1.0, v, tp, pulses);
        CHECK(1 - s == Approx(devices::ftj::kai_fraction(pulses * 0.15, 2)).margin(2e-6));
    }
    // A pulse train is one long pulse in equivalent time, also from an intermediate state.
    const double from_half_train = pulse_train(*model, 0.5, 2.5, 0.1 * merz_tau(2.5), 6);
    const double from_half_long = pulse_train(*model, 0.5, 2.5, 0.6 * merz_tau(2.5), 1);
    CHECK(from_half_train == Approx(from_half_long).margin(2e-6));
}

TEST_CASE("ftj: no switching below the coercive voltage; the onset is smooth above it", "[ftj]") {
    const auto& family = ftj_family();
    const auto model = test::make_model(family);  // vcp = vcn = 1 V, dvc = 0.1 V
    for (double s0 : {0.0, 0.4, 1.0}) {
        for (double v : {0.99, -0.99, 0.5, -0.2}) {
            test::Instance dev(family, *model, {s0});
            test::drive_voltage(dev, [&](double) { return v; }, 0, 1e-3, 1e-6);
            CHECK(dev.x[0] == s0);  // exactly
        }
    }
    // Half-way through the gate (1.05 V) the smootherstep is 1/2: half the Merz rate.
    const double v = 1.05, tau = merz_tau(v);
    test::Instance dev(family, *model, {0.0});
    test::drive_voltage(dev, [&](double) { return v; }, 0, tau, tau / 2000);
    CHECK(dev.x[0] == Approx(devices::ftj::kai_fraction(0.5, 2)).margin(2e-6));
}

TEST_CASE("ftj: parallel domains at low bias, BDR tunnel conductance of each state", "[ftj]") {
    const auto& family = ftj_family();
    const auto model = test::make_model(family);
    auto eval = [&](double v, double s) {
        devices::Inputs in;
        in.v[0] = v;
        in.x[0] = s;
        devices::Outputs out;
        model->evaluate(in, out);
        return out;
    };
    for (double s : {0.0, 0.25, 0.5, 1.0}) {
        const double v = 1e-7;
        CHECK(eval(v, s).i[0] / v == Approx(s / 1e5 + (1 - s) / 3e7).epsilon(1e-6));
    }
    // BDR: A0 = 4 d sqrt(2 m_e) / (3 hbar) in eV^-1/2 = 13.6618 for d = 2 nm; ON (0.5, 0.7 eV):
    // b = 0.36744 /V, c = 21.8724 /V^2; OFF (1.2, 1.0 eV): b = -0.14802 /V, c = 11.9304 /V^2.
    const double me = 9.1093837015e-31, hbar = 1.054571817e-34, q = 1.602176634e-19;
    const double a0 = 4 * 2e-9 * std::sqrt(2 * me) / (3 * hbar) * std::sqrt(q);
    CHECK(a0 == Approx(13.6618).epsilon(1e-5));
    auto coefficients = [&](double phi1, double phi2) {
        const double mean = (phi1 + phi2) / 2;
        return std::pair{a0 * (phi2 - phi1) / (16 * std::pow(mean, 1.5)), 9 * a0 * a0 / (128 * mean)};
    };
    const auto [b_on, c_on] = coefficients(0.5, 0.7);
    const auto [b_off, c_off] = coefficients(1.2, 1.0);
    CHECK(b_on == Approx(0.36744).epsilon(1e-4));
    CHECK(c_off == Approx(11.9304).epsilon(1e-4));
    for (double v : {-0.45, -0.3, 0.1, 0.3, 0.45}) {
        CHECK(eval(v, 1).di_dv[0][0] == Approx((1 - b_on * v + c_on * v * v) / 1e5).epsilon(1e-8));
        CHECK(eval(v, 0).di_dv[0][0] == Approx((1 - b_off * v + c_off * v * v) / 3e7).epsilon(1e-8));
        CHECK(eval(v, 1).i[0] == Approx(v * (1 - b_on * v / 2 + c_on * v * v / 3) / 1e5).epsilon(1e-8));
    }
    // The asymmetry of the barrier makes the ON state conduct more at negative bias.
    CHECK(-eval(-0.3, 1).i[0] > eval(0.3, 1).i[0]);
    // Beyond vlin = 0.5 V the conductance is held and the current continues linearly.
    const double g_edge = (1 - b_on * 0.5 + c_on * 0.25) / 1e5;
    CHECK(eval(2.0, 1).di_dv[0][0] == Approx(g_edge).epsilon(1e-8));  // (hbar rounded here)
    CHECK(eval(2.0, 1).i[0] == Approx(eval(0.5, 1).i[0] + 1.5 * eval(2.0, 1).di_dv[0][0]).epsilon(1e-12));
}

TEST_CASE("ftj: analytic Jacobian matches finite differences", "[ftj]") {
    const auto& family = ftj_family();
    for (double n : {2.0, 0.7, 3.0}) {
        const auto model = test::make_model(family, {{"n", n}});
        for (double v : {-3.2, -1.06, -0.8, -0.3, 0.0, 0.2, 0.49, 0.7, 1.03, 1.08, 1.5, 3.0}) {
            for (double s : {1e-4, 1e-3, 0.01, 0.3, 0.7, 0.99, 0.999, 0.9999}) {
                devices::Inputs in;
                in.v[0] = v;
                in.x[0] = s;
                // Within 1e-4 of the bounds the growth law curves on the scale of the finite-
                // difference step itself (q ~ 1e-4): the difference quotient is good to ~1e-4 there.
                test::check_jacobian(family, *model, in, s < 5e-4 || s > 1 - 5e-4 ? 2e-4 : 1e-5);
            }
        }
    }
}

TEST_CASE("ftj: bad parameters are input errors", "[ftj]") {
    const auto& family = ftj_family();
    CHECK_THROWS_AS(test::make_model(family, {{"ron", 5e7}}), InputError);
    CHECK_THROWS_AS(test::make_model(family, {{"n", 0.2}}), InputError);
    CHECK_THROWS_AS(test::make_model(family, {{"tau0", 0}}), InputError);
    CHECK_THROWS_AS(family.make_instance_parameters(family.make_parameters({}, {}), {{"s", 1.5}}, {}), InputError);
}
