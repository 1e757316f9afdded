// Device-level reference integrators for the devices5 tests, independent of both engines:
// - drive_voltage: a port voltage v(t) applied across a two-terminal device, like
//   test::integrate_device, but also for hybrid models (discrete memory updated after
//   every accepted step, as the engines do) and with a choice of rule;
// - one_node_circuit: a device in a circuit with one unknown node voltage w, for
//   known-answer checks that need a load (relaxation oscillators, current-biased
//   junctions): C dw/dt = J(t, w) - b i_dev(v_dev) with v_dev = a + b w (b = +-1),
//   where J is the current the rest of the circuit injects into the node.
// Both use fixed steps, Newton with the model's analytic Jacobian and a dense solve.
#pragma once

#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <functional>
#include <stdexcept>
#include <vector>

#include "devices/device.hpp"

namespace memspice::test {

enum class Rule { Trapezoidal, BackwardEuler };

// What the observer sees after each accepted step; returning false stops the run.
struct StepView {
    double t = 0;
    double v = 0;                                   // device port voltage, V
    double i = 0;                                   // device port current, A
    double w = 0;                                   // node voltage (one_node_circuit), V
    const std::array<double, devices::kMaxStates>* x = nullptr;
    const std::vector<double>* memory = nullptr;
};
using Observer = std::function<bool(const StepView&)>;

// A device instance: model, states, discrete memory and random stream.
struct Instance {
    const devices::Family* family = nullptr;
    const devices::DeviceModel* model = nullptr;
    std::array<double, devices::kMaxStates> x{};
    std::vector<double> memory;
    std::uint64_t stream = 0;

    Instance(const devices::Family& f, const devices::DeviceModel& m, std::array<double, devices::kMaxStates> x0,
             std::uint64_t stream_key = 0)
        : family(&f), model(&m), x(x0), memory(static_cast<std::size_t>(std::max(f.memory_size, 1)), 0.0),
          stream(stream_key) {
        model->initial_memory(memory.data());
    }
    int states() const { return static_cast<int>(family->states.size()); }
    devices::Outputs eval(double t, double v, const std::array<double, devices::kMaxStates>& xs) const {
        devices::Inputs in;
        in.time = t;
        in.v[0] = v;
        in.x = xs;
        in.memory = memory.data();
        in.stream = stream;
        devices::Outputs out;
        model->evaluate(in, out);
        return out;
    }
    void accept(double t, double v) {
        devices::Inputs in;
        in.time = t;
        in.v[0] = v;
        in.x = x;
        in.memory = memory.data();
        in.stream = stream;
        model->update_memory(in, memory.data());
    }
};

namespace detail {

// Solves a x = b in place (n <= 8) by Gaussian elimination with partial pivoting.
inline void solve_dense(std::vector<std::vector<double>>& a, std::vector<double>& b) {
    const std::size_t n = b.size();
    for (std::size_t c = 0; c < n; ++c) {
        std::size_t p = c;
        for (std::size_t r = c + 1; r < n; ++r)
            if (std::abs(a[r][c]) > std::abs(a[p][c])) p = r;
        std::swap(a[c], a[p]);
        std::swap(b[c], b[p]);
        if (a[c][c] == 0) throw std::runtime_error("singular Newton matrix");
        for (std::size_t r = c + 1; r < n; ++r) {
            const double m = a[r][c] / a[c][c];
            for (std::size_t k = c; k < n; ++k) a[r][k] -= m * a[c][k];
            b[r] -= m * b[c];
        }
    }
    for (std::size_t r = n; r-- > 0;) {
        for (std::size_t k = r + 1; k < n; ++k) b[r] -= a[r][k] * b[k];
        b[r] /= a[r][r];
    }
}

}  // namespace detail

// Applies v(t) across the device from t0 to t1 in fixed steps h.
inline void drive_voltage(Instance& dev, const std::function<double(double)>& v_of_t, double t0, double t1, double h,
                          const Observer& observe = {}, Rule rule = Rule::Trapezoidal) {
    const int ns = dev.states();
    const auto nsz = static_cast<std::size_t>(ns);
    const double theta = rule == Rule::Trapezoidal ? 0.5 : 1.0;
    const int steps = static_cast<int>(std::ceil((t1 - t0) / h - 1e-9));
    for (int n = 0; n < steps; ++n) {
        const double ta = t0 + n * h, tb = std::min(t1, ta + h), dt = tb - ta;
        const double va = v_of_t(ta), vb = v_of_t(tb);
        const devices::Outputs fa = dev.eval(ta, va, dev.x);
        std::array<double, devices::kMaxStates> xn = dev.x;
        for (int it = 0; it < 60; ++it) {
            const devices::Outputs fb = dev.eval(tb, vb, xn);
            std::vector<std::vector<double>> a(nsz, std::vector<double>(nsz));
            std::vector<double> r(nsz);
            for (std::size_t p = 0; p < nsz; ++p) {
                for (std::size_t c = 0; c < nsz; ++c) a[p][c] = (p == c ? 1.0 : 0.0) - theta * dt * fb.df_dx[p][c];
                r[p] = -(xn[p] - dev.x[p] - dt * (theta * fb.dxdt[p] + (1 - theta) * fa.dxdt[p]));
            }
            detail::solve_dense(a, r);
            double norm = 0;
            for (std::size_t p = 0; p < nsz; ++p) {
                xn[p] += r[p];
                norm = std::max(norm, std::abs(r[p]) / dev.family->states[p].scale);
            }
            if (norm < 1e-11) break;
            if (it == 59) throw std::runtime_error("drive_voltage: Newton did not converge");
        }
        dev.x = xn;
        dev.accept(tb, vb);
        if (observe) {
            const devices::Outputs fo = dev.eval(tb, vb, dev.x);
            StepView view{tb, vb, fo.i[0], 0, &dev.x, &dev.memory};
            if (!observe(view)) return;
        }
    }
}

// The rest of a one-node circuit: the current J(t, w) it injects into the node and dJ/dw.
struct NodeLoad {
    double capacitance = 0;                          // node to ground, F (plus the device's port capacitance)
    std::function<double(double, double)> current;   // J(t, w), A
    std::function<double(double, double)> slope;     // dJ/dw, S
    double a = 0;                                    // v_dev = a + b w
    int b = 1;
};

// Integrates node voltage and device states from t0 to t1 in fixed steps h, from w0.
inline double one_node_circuit(Instance& dev, const NodeLoad& load, double w0, double t0, double t1, double h,
                               const Observer& observe = {}, Rule rule = Rule::Trapezoidal) {
    const int ns = dev.states();
    const auto n = static_cast<std::size_t>(ns + 1);
    const double theta = rule == Rule::Trapezoidal ? 0.5 : 1.0;
    const double c = load.capacitance + dev.model->port_capacitance(0);
    if (!(c > 0)) throw std::invalid_argument("one_node_circuit needs a node capacitance");
    const double bsign = load.b;
    // F(t, y): y = (w, x); dw/dt = (J - b i)/C, dx/dt = f.
    auto rhs = [&](double t, const std::vector<double>& y, std::vector<double>& f,
                   std::vector<std::vector<double>>* jac) {
        std::array<double, devices::kMaxStates> xs{};
        for (int k = 0; k < ns; ++k) xs[static_cast<std::size_t>(k)] = y[static_cast<std::size_t>(k + 1)];
        const double v = load.a + bsign * y[0];
        const devices::Outputs o = dev.eval(t, v, xs);
        f[0] = (load.current(t, y[0]) - bsign * o.i[0]) / c;
        for (std::size_t k = 0; k < static_cast<std::size_t>(ns); ++k) f[k + 1] = o.dxdt[k];
        if (jac) {
            auto& j = *jac;
            j[0][0] = (load.slope(t, y[0]) - o.di_dv[0][0]) / c;  // b^2 = 1
            for (std::size_t k = 0; k < static_cast<std::size_t>(ns); ++k) {
                j[0][k + 1] = -bsign * o.di_dx[0][k] / c;
                j[k + 1][0] = o.df_dv[k][0] * bsign;
                for (std::size_t m = 0; m < static_cast<std::size_t>(ns); ++m) j[k + 1][m + 1] = o.df_dx[k][m];
            }
        }
    };
    std::vector<double> y(n), fa(n), fb(n);
    y[0] = w0;
    for (std::size_t k = 0; k < static_cast<std::size_t>(ns); ++k) y[k + 1] = dev.x[k];
    const int steps = static_cast<int>(std::ceil((t1 - t0) / h - 1e-9));
    std::vector<std::vector<double>> jac(n, std::vector<double>(n));
    for (int s = 0; s < steps; ++s) {
        const double ta = t0 + s * h, tb = std::min(t1, ta + h), dt = tb - ta;
        rhs(ta, y, fa, nullptr);
        std::vector<double> yn = y;
        for (int it = 0; it < 60; ++it) {
            rhs(tb, yn, fb, &jac);
            std::vector<std::vector<double>> a(n, std::vector<double>(n));
            std::vector<double> r(n);
            for (std::size_t p = 0; p < n; ++p) {
                for (std::size_t q = 0; q < n; ++q) a[p][q] = (p == q ? 1.0 : 0.0) - theta * dt * jac[p][q];
                r[p] = -(yn[p] - y[p] - dt * (theta * fb[p] + (1 - theta) * fa[p]));
            }
            detail::solve_dense(a, r);
            double norm = std::abs(r[0]) / 1e-3;
            for (std::size_t p = 0; p < n; ++p) {
                yn[p] += r[p];
                if (p > 0) norm = std::max(norm, std::abs(r[p]) / dev.family->states[p - 1].scale);
            }
            if (norm < 1e-11) break;
            if (it == 59) throw std::runtime_error("one_node_circuit: Newton did not converge");
        }
        y = yn;
        for (std::size_t k = 0; k < static_cast<std::size_t>(ns); ++k) dev.x[k] = y[k + 1];
        const double v = load.a + bsign * y[0];
        dev.accept(tb, v);
        if (observe) {
            const devices::Outputs fo = dev.eval(tb, v, dev.x);
            StepView view{tb, v, fo.i[0], y[0], &dev.x, &dev.memory};
            if (!observe(view)) break;
        }
    }
    return y[0];
}

}  // namespace memspice::test
