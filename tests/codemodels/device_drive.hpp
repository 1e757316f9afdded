// A sine drive that exercises any two-terminal family, chosen from the model itself, and
// the reference waveform of the device under it (tests/devices' integrator, independent of
// both engines).
#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>
#include <vector>

#include "../devices/device_test_support.hpp"
#include "../devices5/device_integrators.hpp"

namespace memspice::test {

struct SineDrive {
    double amplitude = 1;  // V
    double period = 1;     // s
    double voltage(double t) const { return amplitude * std::sin(2 * std::numbers::pi * t / period); }
    double slope(double t) const {
        return amplitude * 2 * std::numbers::pi / period * std::cos(2 * std::numbers::pi * t / period);
    }
};

// Largest |dx/dt| over the states, relative to each state's scale, at port voltage v and the
// initial state.
inline double state_rate(const devices::Family& family, const devices::DeviceModel& model,
                         const std::array<double, devices::kMaxStates>& x0, double v, std::uint64_t stream) {
    devices::Inputs in;
    in.v[0] = v;
    in.x = x0;
    in.stream = stream;
    devices::Outputs out;
    model.evaluate(in, out);
    double rate = 0;
    for (std::size_t k = 0; k < family.states.size(); ++k)
        rate = std::max(rate, std::abs(out.dxdt[k]) / family.states[k].scale);
    return rate;
}

// The smallest amplitude among 0.25 ... 4 V (within the safe voltage) that moves the states
// at least 1% as fast as the largest one would (threshold devices need more than their
// threshold), and a period over which the states travel a good fraction of their scale.
inline SineDrive choose_drive(const devices::Family& family, const devices::DeviceModel& model,
                              const std::array<double, devices::kMaxStates>& x0, std::uint64_t stream = 0) {
    // A Josephson junction's phase integrates the voltage without a time scale of its own:
    // the search below would pick volts and femtoseconds. Its natural drive: 0.1 mV over
    // 20 ps (the phase swings by 1.9 rad, the supercurrent and C dv/dt are comparable).
    if (family.name == "jj") return {0.1e-3, 20e-12};
    const double limit = std::min(4.0, model.max_safe_voltage());
    std::vector<double> amplitudes;
    for (double a = 0.25; a <= limit * (1 + 1e-12); a *= 2) amplitudes.push_back(a);
    if (amplitudes.empty()) amplitudes.push_back(limit);
    auto rate = [&](double a) {
        return std::max(state_rate(family, model, x0, a, stream), state_rate(family, model, x0, -a, stream));
    };
    const double fastest = rate(amplitudes.back());
    SineDrive drive;
    drive.amplitude = amplitudes.back();
    for (double a : amplitudes)
        if (rate(a) >= 0.01 * fastest) {
            drive.amplitude = a;
            break;
        }
    drive.period = 0.5 / std::max(rate(drive.amplitude), 1e-300);
    return drive;
}

// The device's states and current under the drive from 0 to t_end, on a fine grid (uniform
// except where the model's breakpoints cut a step).
struct ReferenceWave {
    std::vector<double> t;
    std::vector<std::array<double, devices::kMaxStates>> x;
    std::vector<double> i;

    // Linear interpolation (the grid is fine enough that its error is far below the tolerances).
    template <typename Get>
    double interpolate(double at, Get get) const {
        const auto it = std::upper_bound(t.begin(), t.end(), at);
        const auto k = static_cast<std::size_t>(std::clamp<std::ptrdiff_t>(it - t.begin() - 1, 0, static_cast<std::ptrdiff_t>(t.size()) - 2));
        const double w = std::clamp((at - t[k]) / (t[k + 1] - t[k]), 0.0, 1.0);
        return (1 - w) * get(k) + w * get(k + 1);
    }
    double state(std::size_t s, double at) const { return interpolate(at, [&](std::size_t k) { return x[k][s]; }); }
    double current(double at) const { return interpolate(at, [&](std::size_t k) { return i[k]; }); }
};

inline ReferenceWave reference_wave(const devices::Family& family, const devices::DeviceModel& model,
                                    const std::array<double, devices::kMaxStates>& x0, const SineDrive& drive,
                                    double t_end, int steps, std::uint64_t stream = 0) {
    ReferenceWave ref;
    // The expansion puts the port capacitance in parallel: its current C dv/dt is part of i(v1).
    const double cap = model.port_capacitance(0);
    if (family.memory_size > 0) {
        // Hybrid models: the discrete memory is updated after every step, as the engines do
        // at accepted points (tests/devices5/device_integrators.hpp).
        Instance dev(family, model, x0, stream);
        ref.t.push_back(0);
        ref.x.push_back(x0);
        ref.i.push_back(dev.eval(0, drive.voltage(0), x0).i[0] + cap * drive.slope(0));
        drive_voltage(dev, [&](double t) { return drive.voltage(t); }, 0, t_end, t_end / steps, [&](const StepView& s) {
            ref.t.push_back(s.t);
            ref.x.push_back(*s.x);
            ref.i.push_back(s.i + cap * drive.slope(s.t));
            return true;
        });
        return ref;
    }
    ref.t.push_back(0);
    ref.x.push_back(x0);
    ref.i.push_back(device_current(model, 0, drive.voltage(0), x0, stream) + cap * drive.slope(0));
    integrate_device(
        family, model, x0, [&](double t) { return drive.voltage(t); }, 0, t_end, t_end / steps,
        [&](double t, double, const std::array<double, devices::kMaxStates>& x, double i) {
            ref.t.push_back(t);
            ref.x.push_back(x);
            ref.i.push_back(i + cap * drive.slope(t));
        },
        stream);
    return ref;
}

}  // namespace memspice::test
