#include "devices/mott/vo2_thermal.hpp"

#include <cmath>
#include <limits>

#include "core/units.hpp"
#include "devices/mott/vo2_hysteresis.hpp"
#include "devices/smooth.hpp"

namespace memspice::devices::mott {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
// exp(Ea/T) overflows near T = Ea/700; temperatures enter it through a smooth floor at
// 50 K (5 K wide), exact above ~100 K, so a wild Newton iterate cannot produce inf or NaN.
constexpr double kFloorT = 50, kFloorWidth = 5;
static_assert(Vo2Hysteresis::kMemorySize <= kMaxMemory);

class Vo2ThermalModel final : public DeviceModel {
public:
    explicit Vo2ThermalModel(const ParameterSet& p)
        : hysteresis_(MajorLoop{p.get("w"), p.get("tc"), p.get("beta"), p.get("tspan")}, p.get("dtrev")),
          r0_(p.get("r0")), ea_(p.get("ea")), rm_(p.get("rm")), cth_(p.get("cth")), se_(p.get("se")),
          tbase_(p.get("tbase")), branch_(p.get("branch") >= 0 ? 1 : -1) {
        if (p.get("branch") != 1 && p.get("branch") != -1)
            throw InputError("vo2_thermal parameter branch = " + format_number(p.get("branch")) +
                             " must be 1 (start on the heating branch) or -1 (cooling branch)");
        if (!(p.get("tspan") * Vo2Hysteresis::kMaxSlope >= p.get("w")))
            throw InputError("vo2_thermal parameter tspan = " + format_number(p.get("tspan")) +
                             " K must be at least w/0.9 = " + format_number(p.get("w") / 0.9) + " K");
    }

    void initial_memory(double* memory) const override { hysteresis_.initialize(memory, branch_); }
    void update_memory(const Inputs& in, double* memory) const override { hysteresis_.update(memory, in.x[0]); }

    void evaluate(const Inputs& in, Outputs& out) const override {
        const double v = in.v[0], t = in.x[0];
        const Resistance r = resistance(in.memory, t);
        out.i[0] = v / r.value;
        out.di_dv[0][0] = 1 / r.value;
        out.di_dx[0][0] = -v / (r.value * r.value) * r.slope;
        // C_th dT/dt = V^2/R(T) - S_e (T - T_base)
        out.dxdt[0] = (v * v / r.value - se_ * (t - tbase_)) / cth_;
        out.df_dv[0][0] = 2 * v / (r.value * cth_);
        out.df_dx[0][0] = (-v * v / (r.value * r.value) * r.slope - se_) / cth_;
    }

private:
    struct Resistance {
        double value, slope;  // Ohm, Ohm/K
    };
    // R(T) = R0 exp(Ea/T) g(T) + R_m, g the insulating fraction on the current branch.
    Resistance resistance(const double* memory, double t) const {
        double scratch[Vo2Hysteresis::kMemorySize];
        if (!memory) {  // no engine memory (e.g. a bare evaluation): the initial branch
            hysteresis_.initialize(scratch, branch_);
            memory = scratch;
        }
        const smooth::ValueSlope floor = smooth::softplus((t - kFloorT) / kFloorWidth);
        const double te = kFloorT + kFloorWidth * floor.value, te_dt = floor.slope;
        const double arrhenius = r0_ * std::exp(ea_ / te);
        const smooth::ValueSlope g = hysteresis_.fraction(memory, t);
        return {arrhenius * g.value + rm_, arrhenius * (g.slope - g.value * ea_ / (te * te) * te_dt)};
    }

    Vo2Hysteresis hysteresis_;
    double r0_, ea_, rm_, cth_, se_, tbase_;
    int branch_;
};

std::unique_ptr<DeviceModel> create(const ParameterSet& p) { return std::make_unique<Vo2ThermalModel>(p); }

constexpr const char* kSource = "Zhang, Qiu, Di Ventra, Schuller, Nat. Commun. 2024 (MODELS.md 2.2)";

}  // namespace

const Family& vo2_thermal_family() {
    static const Family family{
        .name = "vo2_thermal",
        .description = "VO2 electro-thermal switch: temperature state, hysteretic R(T) with return-point memory",
        .terminals = {"p", "n"},
        .states = {{.name = "temp", .unit = "K", .scale = 10, .initial_parameter = "temp0"}},
        .parameters =
            {
                {.name = "w", .unit = "K", .default_value = 7.19, .min = 0.01, .max = 100,
                 .description = "width of the major hysteresis loop", .source = kSource},
                {.name = "tc", .unit = "K", .default_value = 332.8, .min = 1, .max = 2000,
                 .description = "center of the transition", .source = kSource},
                {.name = "beta", .unit = "1/K", .default_value = 0.2528, .min = 1e-3, .max = 100,
                 .description = "steepness of the transition", .source = kSource},
                {.name = "r0", .unit = "Ohm", .default_value = 5.359e-3, .min = 1e-30, .max = kInf,
                 .description = "prefactor of the insulating (Arrhenius) resistance", .source = kSource},
                {.name = "ea", .unit = "K", .default_value = 5220, .min = 0, .max = 1e5,
                 .description = "activation temperature of the insulating resistance", .source = kSource},
                {.name = "rm", .unit = "Ohm", .default_value = 1286, .min = 1e-6, .max = kInf,
                 .description = "metallic resistance (in series)", .source = kSource},
                {.name = "cth", .unit = "J/K", .default_value = 4.963e-11, .min = 1e-20, .max = 1,
                 .description = "heat capacity", .source = kSource},
                {.name = "se", .unit = "W/K", .default_value = 2.056e-4, .min = 1e-12, .max = 10,
                 .description = "thermal conductance to the environment", .source = kSource},
                {.name = "tbase", .unit = "K", .default_value = 325, .min = 1, .max = 2000,
                 .description = "environment (substrate) temperature", .source = kSource},
                {.name = "tspan", .unit = "K", .default_value = 11.8, .min = 0.01, .max = 1000,
                 .description = "temperature span of a reversal curve from one major branch to the other (>= w/0.9)",
                 .source = "1.64 w: where the proximity function of Zhang et al.'s code vanishes"},
                {.name = "dtrev", .unit = "K", .default_value = 0.01, .min = 0, .max = 10,
                 .description = "temperature drop back that records a reversal point",
                 .source = "0.01 K as in Zhang et al.'s code"},
                {.name = "branch", .unit = "", .default_value = 1, .min = -1, .max = 1,
                 .description = "initial major branch: 1 heating, -1 cooling", .source = ""},
                {.name = "temp0", .unit = "K", .default_value = 325, .min = 1, .max = 2000,
                 .description = "initial temperature (instance: temp=...)", .source = kSource,
                 .per_instance = true},
            },
        .memory_size = Vo2Hysteresis::kMemorySize,
        .stochastic = false,
        .create = &create,
    };
    return family;
}

}  // namespace memspice::devices::mott
