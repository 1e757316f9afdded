// Pieces shared by the TEAM and VTEAM models of Kvatinsky et al.: the I-V relations, the
// Kvatinsky window and the threshold rate law. Internal to devices/rram; lengths in nm.
#pragma once

#include <cmath>
#include <memory>

#include "devices/device.hpp"
#include "devices/rram/windows.hpp"

namespace memspice::devices::rram::kvatinsky {

// R(x): linear,      R_on + (R_off - R_on)(x - x_on)/(x_off - x_on)
//       exponential, R_on exp(lambda (x - x_on)/(x_off - x_on)), lambda = ln(R_off/R_on)
struct Resistance {
    double r_on, r_off, x_on, x_off;  // Ohm, Ohm, nm, nm
    bool exponential;

    Smooth operator()(double x) const {  // R and dR/dx (Ohm/nm)
        const double span = x_off - x_on;
        if (!exponential) return {r_on + (r_off - r_on) * (x - x_on) / span, (r_off - r_on) / span};
        const double lambda = std::log(r_off / r_on);
        const double r = r_on * std::exp(lambda * (x - x_on) / span);
        return {r, r * lambda / span};
    }
};

// Kvatinsky window: f_off = exp(-exp((x - a_off)/w_c)) (OFF motion, x growing, stops near
// a_off); f_on = exp(-exp(-(x - a_on)/w_c)) (ON motion, x shrinking, stops near a_on).
// exp(-e^z) underflows to 0 for e^z > 745; its slope is then 0 too (no inf * 0).
inline Smooth gompertz_window(double z, double dz_dx) {
    const double ez = std::exp(z);
    if (ez > 745) return {0, 0};
    const double f = std::exp(-ez);
    return {f, -f * ez * dz_dx};
}
inline Smooth window_off(double x, double a_off, double w_c) { return gompertz_window((x - a_off) / w_c, 1 / w_c); }
inline Smooth window_on(double x, double a_on, double w_c) { return gompertz_window(-(x - a_on) / w_c, -1 / w_c); }

// One branch of the rate law, k (s/s_th - 1)^alpha for s beyond the threshold s_th and 0
// inside it, with the base's corner at the threshold rounded by smooth_ramp over a width
// `width` of the base (a fraction of the threshold): exact once s/s_th - 1 >= width.
// Returns the rate and its derivative with respect to s.
inline Smooth threshold_rate(double s, double s_th, double k, double alpha, double width) {
    const Smooth base = smooth_ramp(s / s_th - 1, width);
    if (base.value <= 0) return {0, 0};
    const double power = std::pow(base.value, alpha);
    return {k * power, k * alpha * power / base.value * base.slope / s_th};
}

// Which port quantity drives the state: the voltage (VTEAM) or the current (TEAM).
enum class Control { Voltage, Current };

// The model of a VTEAM (Control::Voltage) or TEAM (Control::Current) parameter set; the
// thresholds are `voff`/`von` or `ioff`/`ion`. Throws InputError on an inconsistent geometry.
std::unique_ptr<DeviceModel> make_model(const ParameterSet& p, Control control);

}  // namespace memspice::devices::rram::kvatinsky
