// Shared checks for compact models: the analytic Jacobian against central finite
// differences, and a device-level integrator for known-answer tests that need no circuit
// (a voltage waveform applied straight across the device).
#pragma once

#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>
#include <string>
#include <vector>

#include "devices/device.hpp"

namespace memspice::test {

// Builds a model of `family` with defaults overridden by `params`.
inline std::unique_ptr<devices::DeviceModel> make_model(const devices::Family& family, const Params& params = {}) {
    return family.create(family.make_parameters(params, {}));
}

// Checks every analytic partial of `model` at `in` against a central difference.
// Steps are `step` times each variable's magnitude or scale (ports: 1 V), whichever is
// larger; a partial passes when it agrees to `rtol` relative to the largest magnitude in its
// row (each partial times its variable's scale), or to the rounding floor of the difference
// quotient, 100 ulp of the function value over the step (a function much larger than its
// variation over the step cannot be differentiated numerically better than that). A model
// smoothed over a width narrower than 1e4 steps needs a smaller `step` there.
inline void check_jacobian(const devices::Family& family, const devices::DeviceModel& model,
                           const devices::Inputs& in, double rtol = 1e-5, double step = 1e-6) {
    const int np = family.ports();
    const int ns = static_cast<int>(family.states.size());
    devices::Outputs base;
    model.evaluate(in, base);

    auto eval_at = [&](int var, double h) {
        devices::Inputs shifted = in;
        if (var < np) shifted.v[static_cast<std::size_t>(var)] += h;
        else shifted.x[static_cast<std::size_t>(var - np)] += h;
        devices::Outputs out;
        model.evaluate(shifted, out);
        return out;
    };

    for (int var = 0; var < np + ns; ++var) {
        const double scale = var < np ? 1.0 : family.states[static_cast<std::size_t>(var - np)].scale;
        const double value = var < np ? in.v[static_cast<std::size_t>(var)] : in.x[static_cast<std::size_t>(var - np)];
        const double h = step * std::max(std::abs(value), scale);
        const devices::Outputs plus = eval_at(var, h), minus = eval_at(var, -h);
        for (int row = 0; row < np + ns; ++row) {
            double analytic, numeric, row_size = 0;
            if (row < np) {
                const auto r = static_cast<std::size_t>(row);
                analytic = var < np ? base.di_dv[r][static_cast<std::size_t>(var)] : base.di_dx[r][static_cast<std::size_t>(var - np)];
                numeric = (plus.i[r] - minus.i[r]) / (2 * h);
                for (int k = 0; k < np; ++k) row_size = std::max(row_size, std::abs(base.di_dv[r][static_cast<std::size_t>(k)]));
                for (int k = 0; k < ns; ++k) row_size = std::max(row_size, std::abs(base.di_dx[r][static_cast<std::size_t>(k)]) * family.states[static_cast<std::size_t>(k)].scale);
            } else {
                const auto r = static_cast<std::size_t>(row - np);
                analytic = var < np ? base.df_dv[r][static_cast<std::size_t>(var)] : base.df_dx[r][static_cast<std::size_t>(var - np)];
                numeric = (plus.dxdt[r] - minus.dxdt[r]) / (2 * h);
                for (int k = 0; k < np; ++k) row_size = std::max(row_size, std::abs(base.df_dv[r][static_cast<std::size_t>(k)]));
                for (int k = 0; k < ns; ++k) row_size = std::max(row_size, std::abs(base.df_dx[r][static_cast<std::size_t>(k)]) * family.states[static_cast<std::size_t>(k)].scale);
            }
            const double var_scale = var < np ? 1.0 : scale;
            const double magnitude = row < np
                ? std::max(std::abs(plus.i[static_cast<std::size_t>(row)]), std::abs(minus.i[static_cast<std::size_t>(row)]))
                : std::max(std::abs(plus.dxdt[static_cast<std::size_t>(row - np)]), std::abs(minus.dxdt[static_cast<std::size_t>(row - np)]));
            const double rounding = 100 * std::numeric_limits<double>::epsilon() * magnitude / h * var_scale;
            INFO(family.name << ": d(row " << row << ")/d(var " << var << ") analytic " << analytic << " numeric " << numeric);
            CHECK(std::abs(analytic - numeric) * var_scale <= rtol * row_size + rounding + 1e-300);
        }
    }
}

// One implicit trapezoidal step of the states of a two-terminal device driven by v(t), from
// (ta, x) to tb, solved by Newton with the model's analytic state Jacobian. The model's own
// time argument (Inputs::time) is the step's midpoint at both ends, so a time dependence
// that is piecewise constant between the model's breakpoints (a noise cell) is integrated
// exactly, and a smooth one to second order; the voltage is taken at ta and tb.
// Returns false if Newton did not converge (the caller shortens the step).
inline bool trapezoid_step(const devices::Family& family, const devices::DeviceModel& model,
                           std::array<double, devices::kMaxStates>& x, const std::function<double(double)>& v_of_t,
                           double ta, double tb, std::uint64_t stream = 0) {
    const int ns = static_cast<int>(family.states.size());
    const double dt = tb - ta, tm = 0.5 * (ta + tb);
    devices::Inputs in;
    in.stream = stream;
    in.time = tm;
    auto f = [&](double t, const std::array<double, devices::kMaxStates>& xs) {
        in.v[0] = v_of_t(t);
        in.x = xs;
        devices::Outputs out;
        model.evaluate(in, out);
        return out;
    };
    const devices::Outputs fa = f(ta, x);
    std::array<double, devices::kMaxStates> xn = x;
    for (int it = 0; it < 50; ++it) {
        const devices::Outputs fb = f(tb, xn);
        // Residual r = xn - x - dt/2 (fa + fb); Jacobian I - dt/2 df/dx (solved densely).
        double a[devices::kMaxStates][devices::kMaxStates + 1];
        for (int r = 0; r < ns; ++r) {
            for (int c = 0; c < ns; ++c)
                a[r][c] = (r == c ? 1.0 : 0.0) - 0.5 * dt * fb.df_dx[static_cast<std::size_t>(r)][static_cast<std::size_t>(c)];
            a[r][ns] = -(xn[static_cast<std::size_t>(r)] - x[static_cast<std::size_t>(r)] -
                         0.5 * dt * (fa.dxdt[static_cast<std::size_t>(r)] + fb.dxdt[static_cast<std::size_t>(r)]));
        }
        for (int c = 0; c < ns; ++c) {  // Gaussian elimination with partial pivoting
            int p = c;
            for (int r = c + 1; r < ns; ++r) if (std::abs(a[r][c]) > std::abs(a[p][c])) p = r;
            for (int k = 0; k <= ns; ++k) std::swap(a[c][k], a[p][k]);
            for (int r = c + 1; r < ns; ++r) {
                const double m = a[r][c] / a[c][c];
                for (int k = c; k <= ns; ++k) a[r][k] -= m * a[c][k];
            }
        }
        double step_norm = 0;
        for (int r = ns - 1; r >= 0; --r) {
            double s = a[r][ns];
            for (int k = r + 1; k < ns; ++k) s -= a[r][k] * a[k][ns];
            a[r][ns] = s / a[r][r];
            xn[static_cast<std::size_t>(r)] += a[r][ns];
            const double size = std::max(family.states[static_cast<std::size_t>(r)].scale, std::abs(xn[static_cast<std::size_t>(r)]));
            step_norm = std::max(step_norm, std::abs(a[r][ns]) / size);
        }
        if (!std::isfinite(step_norm)) return false;
        if (step_norm < 1e-11) {
            x = xn;
            return true;
        }
    }
    return false;
}

// The port current of the device at (t, v, x), for observers.
inline double device_current(const devices::DeviceModel& model, double t, double v,
                             const std::array<double, devices::kMaxStates>& x, std::uint64_t stream = 0) {
    devices::Inputs in;
    in.time = t;
    in.v[0] = v;
    in.x = x;
    in.stream = stream;
    devices::Outputs out;
    model.evaluate(in, out);
    return out.i[0];
}

using DeviceObserver = std::function<void(double, double, const std::array<double, devices::kMaxStates>&, double)>;

// Integrates the states of a device driven by the port voltage v(t) (two-terminal devices)
// from t0 to t1 with the implicit trapezoidal rule (trapezoid_step) and a step h, shortened
// so that no step crosses a breakpoint of the model (DeviceModel::next_breakpoint).
// Calls `observe(t, v, x, i)` after each step. Independent of both engines: the reference
// the engines are checked against.
inline std::array<double, devices::kMaxStates> integrate_device(
    const devices::Family& family, const devices::DeviceModel& model, std::array<double, devices::kMaxStates> x,
    const std::function<double(double)>& v_of_t, double t0, double t1, double h,
    const DeviceObserver& observe = {}, std::uint64_t stream = 0) {
    double t = t0;
    const double eps = 1e-9 * h;
    while (t < t1 - eps) {
        double tb = std::min({t1, t + h, model.next_breakpoint(t)});
        if (t1 - tb < eps) tb = t1;
        const bool converged = trapezoid_step(family, model, x, v_of_t, t, tb, stream);
        INFO(family.name << ": Newton did not converge in the step from t = " << t << " s to " << tb << " s");
        REQUIRE(converged);
        t = tb;
        if (observe) observe(t, v_of_t(t), x, device_current(model, t, v_of_t(t), x, stream));
    }
    return x;
}

// As integrate_device, with the step chosen by step doubling: a step of h is accepted when
// it agrees with two steps of h/2 within tol times each state's scale (the two-half-step
// result is kept). Steps never cross the model's breakpoints nor those in `breakpoints`
// (corners of v(t)), and never exceed h_max.
inline std::array<double, devices::kMaxStates> integrate_device_adaptive(
    const devices::Family& family, const devices::DeviceModel& model, std::array<double, devices::kMaxStates> x,
    const std::function<double(double)>& v_of_t, double t0, double t1, double tol, double h_max,
    const DeviceObserver& observe = {}, std::uint64_t stream = 0, std::vector<double> breakpoints = {}) {
    const int ns = static_cast<int>(family.states.size());
    std::sort(breakpoints.begin(), breakpoints.end());
    double t = t0, h = std::min(h_max, (t1 - t0) * 1e-6);
    const double eps = 1e-12 * (t1 - t0);
    while (t < t1 - eps) {
        double limit = std::min(t1, model.next_breakpoint(t));
        for (double b : breakpoints)
            if (b > t + eps) { limit = std::min(limit, b); break; }
        double tb = std::min(limit, t + h);
        if (limit - tb < eps) tb = limit;
        const double step = tb - t;
        auto big = x, half = x;
        bool ok = trapezoid_step(family, model, big, v_of_t, t, tb, stream) &&
                  trapezoid_step(family, model, half, v_of_t, t, t + 0.5 * step, stream) &&
                  trapezoid_step(family, model, half, v_of_t, t + 0.5 * step, tb, stream);
        double err = 0;
        for (int k = 0; ok && k < ns; ++k) {
            const auto s = static_cast<std::size_t>(k);
            err = std::max(err, std::abs(half[s] - big[s]) / (3 * tol * family.states[s].scale));
        }
        if (!ok || err > 1) {
            h = 0.25 * step;
            INFO(family.name << ": step size underflow at t = " << t << " s");
            REQUIRE(h > 1e-15 * std::max(std::abs(t), t1 - t0));
            continue;
        }
        x = half;
        t = tb;
        const double base = (tb == limit && step < h) ? h : step;  // a breakpoint cut the step short
        h = std::min(h_max, base * std::clamp(0.9 * std::cbrt(1 / std::max(err, 1e-12)), 0.2, 4.0));
        if (observe) observe(t, v_of_t(t), x, device_current(model, t, v_of_t(t), x, stream));
    }
    return x;
}

}  // namespace memspice::test
