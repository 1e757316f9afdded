// Shared checks for compact models: the analytic Jacobian against central finite
// differences, and a device-level integrator for known-answer tests that need no circuit
// (a voltage waveform applied straight across the device).
#pragma once

#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <string>
#include <vector>

#include "devices/device.hpp"

namespace memspice::test {

// Builds a model of `family` with defaults overridden by `params`.
inline std::unique_ptr<devices::DeviceModel> make_model(const devices::Family& family, const Params& params = {}) {
    return family.create(family.make_parameters(params, {}));
}

// Checks every analytic partial of `model` at `in` against a central difference.
// Steps are relative to each variable's scale; a partial passes when it agrees to `rtol`
// relative to the largest magnitude in its row, plus `atol_scale` of that row's scale.
inline void check_jacobian(const devices::Family& family, const devices::DeviceModel& model,
                           const devices::Inputs& in, double rtol = 1e-5) {
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
        const double h = 1e-6 * std::max(std::abs(value), scale);
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
            INFO(family.name << ": d(row " << row << ")/d(var " << var << ") analytic " << analytic << " numeric " << numeric);
            CHECK(std::abs(analytic - numeric) * var_scale <= rtol * row_size + 1e-300);
        }
    }
}

// Integrates the states of a device driven by the port voltage v(t) (two-terminal devices)
// from t0 to t1 with the implicit trapezoidal rule and a fixed step h, solving each step by
// Newton with the model's analytic state Jacobian. Calls `observe(t, v, x, i)` after each step.
// Independent of both engines: the reference the engines are checked against.
inline std::array<double, devices::kMaxStates> integrate_device(
    const devices::Family& family, const devices::DeviceModel& model, std::array<double, devices::kMaxStates> x,
    const std::function<double(double)>& v_of_t, double t0, double t1, double h,
    const std::function<void(double, double, const std::array<double, devices::kMaxStates>&, double)>& observe = {},
    std::uint64_t stream = 0) {
    const int ns = static_cast<int>(family.states.size());
    devices::Inputs in;
    in.stream = stream;
    devices::Outputs out;
    auto f = [&](double t, const std::array<double, devices::kMaxStates>& xs) {
        in.time = t;
        in.v[0] = v_of_t(t);
        in.x = xs;
        model.evaluate(in, out);
        return out;
    };
    const int steps = static_cast<int>(std::ceil((t1 - t0) / h - 1e-9));
    for (int n = 0; n < steps; ++n) {
        const double ta = t0 + n * h, tb = std::min(t1, ta + h), dt = tb - ta;
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
                step_norm = std::max(step_norm, std::abs(a[r][ns]) / family.states[static_cast<std::size_t>(r)].scale);
            }
            if (step_norm < 1e-12) break;
        }
        x = xn;
        if (observe) {
            const devices::Outputs fo = f(tb, x);
            observe(tb, in.v[0], x, fo.i[0]);
        }
    }
    return x;
}

}  // namespace memspice::test
