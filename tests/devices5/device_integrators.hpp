// Device-level reference integrators for the devices5 tests, independent of both engines:
// - drive_voltage: a port voltage v(t) applied across a two-terminal device, like
//   test::integrate_device, but also for hybrid models (discrete memory updated after
//   every accepted step, as the engines do) and with a choice of rule;
// - one_node_circuit: a device in a circuit with one unknown node voltage w, for
//   known-answer checks that need a load (relaxation oscillators, current-biased
//   junctions): C dw/dt = J(t, w) - b i_dev(v_dev) with v_dev = a + b w (b = +-1),
//   where J is the current the rest of the circuit injects into the node.
// Both use fixed steps (a step whose Newton iteration fails is redone as two halves, as the
// engines shrink their steps), Newton with the model's analytic Jacobian and a dense solve.
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

using Matrix = std::vector<std::vector<double>>;
// dy/dt = f(t, y) with its Jacobian df/dy.
using System = std::function<void(double t, const std::vector<double>& y, std::vector<double>& f, Matrix* jac)>;

// Solves a x = b in place by Gaussian elimination with partial pivoting.
inline void solve_dense(Matrix& a, std::vector<double>& b) {
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

// One implicit step from (ta, y) to tb; false if Newton does not converge.
inline bool try_step(const System& f, double ta, double tb, std::vector<double>& y, const std::vector<double>& scale,
                     double theta) {
    const std::size_t n = y.size();
    const double dt = tb - ta;
    std::vector<double> fa(n), fb(n), yn = y;
    Matrix jac(n, std::vector<double>(n));
    f(ta, y, fa, nullptr);
    for (int it = 0; it < 40; ++it) {
        f(tb, yn, fb, &jac);
        Matrix a(n, std::vector<double>(n));
        std::vector<double> r(n);
        for (std::size_t p = 0; p < n; ++p) {
            for (std::size_t q = 0; q < n; ++q) a[p][q] = (p == q ? 1.0 : 0.0) - theta * dt * jac[p][q];
            r[p] = -(yn[p] - y[p] - dt * (theta * fb[p] + (1 - theta) * fa[p]));
        }
        solve_dense(a, r);
        double norm = 0;
        for (std::size_t p = 0; p < n; ++p) {
            yn[p] += r[p];
            norm = std::max(norm, std::abs(r[p]) / scale[p]);
        }
        if (!std::isfinite(norm)) return false;
        if (norm < 1e-11) {
            y = yn;
            return true;
        }
    }
    return false;
}

// Fixed steps h from t0 to t1; a step whose Newton iteration fails is retried as two half
// steps (recursively), as the engines shrink their steps. `accept(t, y)` runs after every
// completed (sub)step and returns false to stop.
inline void integrate(const System& f, std::vector<double>& y, const std::vector<double>& scale, double t0,
                      double t1, double h, Rule rule, const std::function<bool(double, const std::vector<double>&)>& accept) {
    const double theta = rule == Rule::Trapezoidal ? 0.5 : 1.0;
    std::function<bool(double, double, int)> advance = [&](double ta, double tb, int depth) {
        std::vector<double> trial = y;
        if (try_step(f, ta, tb, trial, scale, theta)) {
            y = trial;
            return accept(tb, y);
        }
        if (depth > 16) throw std::runtime_error("device integrator: Newton did not converge even at tiny steps");
        const double tm = 0.5 * (ta + tb);
        return advance(ta, tm, depth + 1) && advance(tm, tb, depth + 1);
    };
    const int steps = static_cast<int>(std::ceil((t1 - t0) / h - 1e-9));
    for (int n = 0; n < steps; ++n) {
        const double ta = t0 + n * h, tb = std::min(t1, ta + h);
        if (!advance(ta, tb, 0)) return;
    }
}

}  // namespace detail

// Applies v(t) across the device from t0 to t1 in fixed steps h.
inline void drive_voltage(Instance& dev, const std::function<double(double)>& v_of_t, double t0, double t1, double h,
                          const Observer& observe = {}, Rule rule = Rule::Trapezoidal) {
    const auto ns = static_cast<std::size_t>(dev.states());
    auto to_states = [&](const std::vector<double>& y) {
        std::array<double, devices::kMaxStates> xs{};
        for (std::size_t k = 0; k < ns; ++k) xs[k] = y[k];
        return xs;
    };
    detail::System system = [&](double t, const std::vector<double>& y, std::vector<double>& f, detail::Matrix* jac) {
        const devices::Outputs o = dev.eval(t, v_of_t(t), to_states(y));
        for (std::size_t k = 0; k < ns; ++k) {
            f[k] = o.dxdt[k];
            if (jac)
                for (std::size_t m = 0; m < ns; ++m) (*jac)[k][m] = o.df_dx[k][m];
        }
    };
    std::vector<double> y(ns), scale(ns);
    for (std::size_t k = 0; k < ns; ++k) {
        y[k] = dev.x[k];
        scale[k] = dev.family->states[k].scale;
    }
    detail::integrate(system, y, scale, t0, t1, h, rule, [&](double t, const std::vector<double>& yy) {
        dev.x = to_states(yy);
        const double v = v_of_t(t);
        dev.accept(t, v);
        if (!observe) return true;
        const devices::Outputs fo = dev.eval(t, v, dev.x);
        return observe(StepView{t, v, fo.i[0], 0, &dev.x, &dev.memory});
    });
}

// The rest of a one-node circuit: the current J(t, w) it injects into the node and dJ/dw.
struct NodeLoad {
    double capacitance = 0;                          // node to ground, F (plus the device's port capacitance)
    std::function<double(double, double)> current;   // J(t, w), A
    std::function<double(double, double)> slope;     // dJ/dw, S
    double a = 0;                                    // v_dev = a + b w
    int b = 1;
};

// Integrates node voltage and device states from t0 to t1 in fixed steps h, from w0;
// returns the final node voltage.
inline double one_node_circuit(Instance& dev, const NodeLoad& load, double w0, double t0, double t1, double h,
                               const Observer& observe = {}, Rule rule = Rule::Trapezoidal) {
    const auto ns = static_cast<std::size_t>(dev.states());
    const double c = load.capacitance + dev.model->port_capacitance(0);
    if (!(c > 0)) throw std::invalid_argument("one_node_circuit needs a node capacitance");
    const double b = load.b;
    auto to_states = [&](const std::vector<double>& y) {
        std::array<double, devices::kMaxStates> xs{};
        for (std::size_t k = 0; k < ns; ++k) xs[k] = y[k + 1];
        return xs;
    };
    // y = (w, x): dw/dt = (J - b i)/C, dx/dt = f(v_dev, x).
    detail::System system = [&](double t, const std::vector<double>& y, std::vector<double>& f, detail::Matrix* jac) {
        const devices::Outputs o = dev.eval(t, load.a + b * y[0], to_states(y));
        f[0] = (load.current(t, y[0]) - b * o.i[0]) / c;
        for (std::size_t k = 0; k < ns; ++k) f[k + 1] = o.dxdt[k];
        if (jac) {
            auto& j = *jac;
            j[0][0] = (load.slope(t, y[0]) - o.di_dv[0][0]) / c;  // b^2 = 1
            for (std::size_t k = 0; k < ns; ++k) {
                j[0][k + 1] = -b * o.di_dx[0][k] / c;
                j[k + 1][0] = o.df_dv[k][0] * b;
                for (std::size_t m = 0; m < ns; ++m) j[k + 1][m + 1] = o.df_dx[k][m];
            }
        }
    };
    std::vector<double> y(ns + 1), scale(ns + 1);
    y[0] = w0;
    scale[0] = 1e-3;  // V
    for (std::size_t k = 0; k < ns; ++k) {
        y[k + 1] = dev.x[k];
        scale[k + 1] = dev.family->states[k].scale;
    }
    detail::integrate(system, y, scale, t0, t1, h, rule, [&](double t, const std::vector<double>& yy) {
        dev.x = to_states(yy);
        const double v = load.a + b * yy[0];
        dev.accept(t, v);
        if (!observe) return true;
        const devices::Outputs fo = dev.eval(t, v, dev.x);
        return observe(StepView{t, v, fo.i[0], yy[0], &dev.x, &dev.memory});
    });
    return y[0];
}

}  // namespace memspice::test
