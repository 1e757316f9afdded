#include "devices/mott/vo2_switch.hpp"

#include <cmath>
#include <limits>

#include "core/units.hpp"
#include "devices/smooth.hpp"

namespace memspice::devices::mott {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

class Vo2SwitchModel final : public DeviceModel {
public:
    explicit Vo2SwitchModel(const ParameterSet& p)
        : g_ins_(1 / p.get("r_ins")), log_ratio_(std::log(p.get("r_ins") / p.get("r_met"))),
          v_imt_(p.get("v_imt")), span_(p.get("v_imt") - p.get("v_mit") + p.get("dv")),
          tau_imt_(p.get("tau_imt")), tau_mit_(p.get("tau_mit")), dv_(p.get("dv")) {
        if (!(p.get("v_mit") < v_imt_))
            throw InputError("vo2_switch parameters: v_mit = " + format_number(p.get("v_mit")) +
                             " V must be below v_imt = " + format_number(v_imt_) + " V");
    }

    void evaluate(const Inputs& in, Outputs& out) const override {
        const double v = in.v[0], m = in.x[0];
        // Resistance interpolated logarithmically: R = R_ins^(1-m) R_met^m.
        const double g = g_ins_ * std::exp(log_ratio_ * m);
        out.i[0] = v * g;
        out.di_dv[0][0] = g;
        out.di_dx[0][0] = v * g * log_ratio_;

        // Target phase T = S((|v| - v_imt + m (v_imt - v_mit + dv)) / dv), S the C2 smootherstep:
        // the threshold moves from v_imt (m = 0) to v_mit - dv (m = 1), so m = 0 is held exactly
        // for |v| <= v_imt and m = 1 exactly for |v| >= v_mit, and the positive feedback of m
        // on its own threshold makes the switch between them a jump (see README).
        const double x = std::abs(v), sign = v > 0 ? 1.0 : (v < 0 ? -1.0 : 0.0);
        const smooth::ValueSlope target = smooth::smootherstep((x - v_imt_ + m * span_) / dv_);
        const double t_dv = target.slope * sign / dv_, t_dm = target.slope * span_ / dv_;
        // Relaxation toward the target: with tau_imt while turning metallic, tau_mit back.
        const double gain = (1 - m) / tau_imt_ + m / tau_mit_;
        out.dxdt[0] = (1 - m) * target.value / tau_imt_ - m * (1 - target.value) / tau_mit_;
        out.df_dv[0][0] = gain * t_dv;
        out.df_dx[0][0] = -target.value / tau_imt_ - (1 - target.value) / tau_mit_ + gain * t_dm;
    }

private:
    double g_ins_, log_ratio_, v_imt_, span_, tau_imt_, tau_mit_, dv_;
};

std::unique_ptr<DeviceModel> create(const ParameterSet& p) { return std::make_unique<Vo2SwitchModel>(p); }

}  // namespace

const Family& vo2_switch_family() {
    static const Family family{
        .name = "vo2_switch",
        .description = "VO2 Mott threshold switch: two-state hysteretic switch with smooth relaxation",
        .terminals = {"p", "n"},
        .states = {{.name = "m", .unit = "", .scale = 1, .initial_parameter = "m0"}},
        .parameters =
            {
                {.name = "r_ins", .unit = "Ohm", .default_value = 100.2e3, .min = 1e-3, .max = kInf,
                 .description = "insulating-phase resistance",
                 .source = "Maffezzoni et al., IEEE TCAS-I 62(9) 2015 (MODELS.md 2.1)"},
                {.name = "r_met", .unit = "Ohm", .default_value = 0.99e3, .min = 1e-3, .max = kInf,
                 .description = "metallic-phase resistance", .source = "Maffezzoni et al. 2015"},
                {.name = "v_imt", .unit = "V", .default_value = 1.99, .min = 0, .max = 1e3,
                 .description = "insulator-to-metal threshold voltage", .source = "Maffezzoni et al. 2015"},
                {.name = "v_mit", .unit = "V", .default_value = 1.0, .min = 0, .max = 1e3,
                 .description = "metal-to-insulator threshold voltage (< v_imt)",
                 .source = "Maffezzoni et al. 2015"},
                {.name = "tau_imt", .unit = "s", .default_value = 2e-9, .min = 1e-15, .max = 1,
                 .description = "relaxation time toward the metallic phase",
                 .source = "assumed, within 'a few ns to tens of ns' (MODELS.md 2.1)"},
                {.name = "tau_mit", .unit = "s", .default_value = 10e-9, .min = 1e-15, .max = 1,
                 .description = "relaxation time toward the insulating phase",
                 .source = "assumed, within 'a few ns to tens of ns' (MODELS.md 2.1)"},
                {.name = "dv", .unit = "V", .default_value = 0.02, .min = 1e-6, .max = 1,
                 .description = "voltage width over which a switching threshold is smoothed", .source = "numerical choice"},
                {.name = "m0", .unit = "", .default_value = 0, .min = 0, .max = 1,
                 .description = "initial metallic fraction (instance: m=...)", .source = "",
                 .per_instance = true},
            },
        .memory_size = 0,
        .stochastic = false,
        .create = &create,
    };
    return family;
}

}  // namespace memspice::devices::mott
