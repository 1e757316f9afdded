#include "devices/josephson/jj.hpp"

#include <cmath>
#include <limits>
#include <numbers>
#include <string>

#include "core/units.hpp"
#include "devices/physical_constants.hpp"

namespace memspice::devices::josephson {

QuasiparticleBranch::QuasiparticleBranch(double r0, double rn, double vg, double delv, double step_current)
    : g0_(1 / r0), gn_(1 / rn), g_step_(step_current / delv), v_low_(vg - delv / 2), v_high_(vg + delv / 2),
      width_(delv / 4) {}

smooth::ValueSlope QuasiparticleBranch::at(double v) const {
    // Q(x) = g0 x + (g_step - g0) corner(x - v_low) + (gn - g_step) corner(x - v_high), x = |v|:
    // the slope steps g0 -> g_step -> gn at the two corners, each rounded over +-delv/4.
    const double x = std::abs(v);
    const smooth::ValueSlope low = smooth::rounded_corner(x, v_low_, width_);
    const smooth::ValueSlope high = smooth::rounded_corner(x, v_high_, width_);
    const double q = g0_ * x + (g_step_ - g0_) * low.value + (gn_ - g_step_) * high.value;
    const double g = g0_ + (g_step_ - g0_) * low.slope + (gn_ - g_step_) * high.slope;
    return {std::copysign(q, v), g};
}

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

class JjModel final : public DeviceModel {
public:
    explicit JjModel(const ParameterSet& p)
        : area_(p.get("area")), icrit_(p.get("icrit") * area_), cap_(p.get("cap") * area_),
          quasiparticles_(rtype(p) == 1), branch_(p.get("r0") / area_, p.get("rn") / area_, p.get("vg"),
                                                  p.get("delv"), icrit_ / p.get("icfct")) {
        if (p.get("delv") > p.get("vg"))
            throw InputError("jj parameter delv = " + format_number(p.get("delv")) +
                             " V must not exceed vg = " + format_number(p.get("vg")) + " V");
    }

    void evaluate(const Inputs& in, Outputs& out) const override {
        const double v = in.v[0], phase = in.x[0];
        out.i[0] = icrit_ * std::sin(phase);
        out.di_dv[0][0] = 0;
        out.di_dx[0][0] = icrit_ * std::cos(phase);
        if (quasiparticles_) {
            const smooth::ValueSlope qp = branch_.at(v);
            out.i[0] += qp.value;
            out.di_dv[0][0] = qp.slope;
        }
        // Josephson's second relation: the phase advances 2 pi per flux quantum of V dt.
        out.dxdt[0] = 2 * std::numbers::pi / constants::phi0 * v;
        out.df_dv[0][0] = 2 * std::numbers::pi / constants::phi0;
        out.df_dx[0][0] = 0;
    }

    double port_capacitance(int) const override { return cap_; }

private:
    static int rtype(const ParameterSet& p) {
        const double r = p.get("rtype");
        if (r != 0 && r != 1)
            throw InputError("jj parameter rtype = " + format_number(r) +
                             " is not supported (0: no quasiparticle current, 1: piecewise-linear)");
        return static_cast<int>(r);
    }

    double area_, icrit_, cap_;
    bool quasiparticles_;
    QuasiparticleBranch branch_;
};

std::unique_ptr<DeviceModel> create(const ParameterSet& p) { return std::make_unique<JjModel>(p); }

}  // namespace

const Family& jj_family() {
    static const Family family{
        .name = "jj",
        .description = "Josephson junction, RCSJ with the phase as state (JoSIM/WRspice jj parameters)",
        .terminals = {"p", "n"},
        .states = {{.name = "phase", .unit = "rad", .scale = 1, .initial_parameter = "phase0"}},
        .parameters =
            {
                {.name = "icrit", .unit = "A", .default_value = 100e-6, .min = 0, .max = kInf,
                 .description = "critical current (times area)",
                 .source = "typical Nb process junction, MODELS.md 5"},
                {.name = "cap", .unit = "F", .default_value = 70e-15, .min = 0, .max = kInf,
                 .description = "junction capacitance (times area), added across the port",
                 .source = "typical Nb process junction, MODELS.md 5"},
                {.name = "rn", .unit = "Ohm", .default_value = 16, .min = 1e-9, .max = kInf,
                 .description = "normal-state resistance (divided by area)",
                 .source = "typical Nb process junction, MODELS.md 5"},
                {.name = "r0", .unit = "Ohm", .default_value = 160, .min = 1e-9, .max = kInf,
                 .description = "subgap resistance (divided by area)",
                 .source = "typical Nb process junction, MODELS.md 5"},
                {.name = "vg", .unit = "V", .default_value = 2.8e-3, .min = 1e-7, .max = 1,
                 .description = "gap voltage", .source = "Nb, MODELS.md 5 (JoSIM default)"},
                {.name = "delv", .unit = "V", .default_value = 0.1e-3, .min = 1e-8, .max = 1,
                 .description = "width of the gap transition", .source = "JoSIM default"},
                {.name = "icfct", .unit = "", .default_value = std::numbers::pi / 4, .min = 1e-3, .max = 1e3,
                 .description = "ratio of critical current to the quasiparticle step height at the gap",
                 .source = "BCS value pi/4, JoSIM and WRspice default"},
                {.name = "rtype", .unit = "", .default_value = 1, .min = 0, .max = 1,
                 .description = "quasiparticle branch: 0 none (unshunted), 1 piecewise-linear",
                 .source = "WRspice semantics"},
                {.name = "area", .unit = "", .default_value = 1, .min = 1e-6, .max = 1e6,
                 .description = "area factor: scales icrit, cap and 1/r0, 1/rn", .source = "",
                 .per_instance = true},
                {.name = "phase0", .unit = "rad", .default_value = 0, .min = -1e6, .max = 1e6,
                 .description = "initial phase (instance: phase=...)", .source = "", .per_instance = true},
            },
        .memory_size = 0,
        .stochastic = false,
        .create = &create,
    };
    return family;
}

}  // namespace memspice::devices::josephson
