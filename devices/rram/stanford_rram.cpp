#include "devices/rram/stanford_rram.hpp"

#include <cmath>
#include <cstdint>
#include <limits>

#include "core/units.hpp"
#include "devices/random.hpp"
#include "devices/rram/windows.hpp"

namespace memspice::devices::rram {

namespace {

constexpr double kNm = 1e9;                 // state unit: nm per m
constexpr double kBoltzmannV = 8.617333262e-5;  // k_B / q, V/K

// Index of the noise cell holding t: cells are (k dt, (k+1) dt], so an integrator that
// steps onto a boundary and evaluates there applies the value of the cell it just
// crossed. Times within 1e-6 of a cell of a boundary count as on it (rounding of k*dt).
std::uint64_t noise_cell(double t) {
    const double n = std::ceil(t / kStanfordNoiseCell - 1e-6);
    return n >= 1 ? static_cast<std::uint64_t>(n) - 1 : 0;
}

class StanfordRram final : public DeviceModel {
public:
    explicit StanfordRram(const ParameterSet& p)
        : i0_(p.get("i0")), g0_(p.get("g0") * kNm), v0_(p.get("v0")), vel0_(p.get("vel0")), ea_(p.get("ea")),
          field_coefficient_(p.get("a0") / (p.get("tox") * kBoltzmannV)), tox_(p.get("tox")),
          gamma0_(p.get("gamma0")), beta_(p.get("beta")), rth_(p.get("rth")), t_ini_(p.get("t_ini")),
          f_min_(p.get("f_min")), f_width_(p.get("fmin_w") * p.get("f_min")), t_crit_(p.get("t_crit")),
          t_smth_(p.get("t_smth")), delta_gap_(p.get("deltagap0")), gap_min_(p.get("gap_min") * kNm),
          gap_max_(p.get("gap_max") * kNm), gap_w_(p.get("gap_w") * kNm),
          seed_(static_cast<std::uint64_t>(p.get("seed"))) {
        const double seed = p.get("seed");
        if (seed != std::floor(seed))
            throw InputError("stanford_rram parameter seed = " + format_number(seed) + " must be an integer");
        if (!(gap_max_ - gap_min_ >= 2 * gap_w_))
            throw InputError("stanford_rram needs gap_max - gap_min >= 2 gap_w (gap_min = " +
                             format_number(p.get("gap_min")) + " m, gap_max = " + format_number(p.get("gap_max")) +
                             " m, gap_w = " + format_number(p.get("gap_w")) + " m)");
    }

    void evaluate(const Inputs& in, Outputs& out) const override {
        const double v = in.v[0], gap = in.x[0];  // V, nm

        // I = I0 exp(-gap/g0) sinh(V/V0)
        const double e_gap = i0_ * std::exp(-gap / g0_);
        const double i = e_gap * std::sinh(v / v0_);
        const double di_dv = e_gap * std::cosh(v / v0_) / v0_;
        const double di_dgap = -i / g0_;
        out.i[0] = i;
        out.di_dv[0][0] = di_dv;
        out.di_dx[0][0] = di_dgap;

        // Quasi-static self-heating T = T0 + |V I| R_th; V I >= 0 (sinh is odd), so the
        // absolute value is smooth, and I does not depend on T: T is explicit.
        const double temperature = t_ini_ + v * i * rth_;
        const double dt_dv = rth_ * (i + v * di_dv);
        const double dt_dgap = rth_ * v * di_dgap;

        // Field enhancement gamma = gamma0 - beta (gap / 1 nm)^3 and the field threshold:
        // motion is switched on by a C1 step from F = F_min to F_min (1 + fmin_w).
        const double gamma = gamma0_ - beta_ * gap * gap * gap;
        const double dgamma_dgap = -3 * beta_ * gap * gap;
        const double field = gamma * std::abs(v) / tox_;
        const Smooth on = smooth_step(field - f_min_, f_width_);
        const double sign_v = v > 0 ? 1 : (v < 0 ? -1 : 0);
        const double don_dv = on.slope * gamma * sign_v / tox_;
        const double don_dgap = on.slope * std::abs(v) / tox_ * dgamma_dgap;

        // Drift D = -vel0 exp(-Ea/(kT)) sinh(gamma a0 q V/(t_ox k T)) (m/s).
        double drift = 0, ddrift_dv = 0, ddrift_dgap = 0;
        if (on.value > 0) {
            const double arrhenius = std::exp(-ea_ / (kBoltzmannV * temperature));
            const double z = field_coefficient_ * gamma * v / temperature;
            const double sh = std::sinh(z), ch = std::cosh(z);
            const double d = -vel0_ * arrhenius * sh;
            const double dd_dt = -vel0_ * arrhenius *
                                 (ea_ / (kBoltzmannV * temperature * temperature) * sh - ch * z / temperature);
            const double dd_dv_explicit = -vel0_ * arrhenius * ch * field_coefficient_ * gamma / temperature;
            const double dd_dgamma = -vel0_ * arrhenius * ch * field_coefficient_ * v / temperature;
            // Smooth bound in the direction of motion (D changes sign only where on = 0).
            const Smooth bound = d < 0 ? bound_window(gap - gap_min_, gap_w_) : bound_window(gap_max_ - gap, gap_w_);
            const double dbound_dgap = d < 0 ? bound.slope : -bound.slope;
            drift = d * on.value * bound.value;
            ddrift_dv = ((dd_dv_explicit + dd_dt * dt_dv) * on.value + d * don_dv) * bound.value;
            ddrift_dgap = ((dd_dgamma * dgamma_dgap + dd_dt * dt_dgap) * on.value + d * don_dgap) * bound.value +
                          d * on.value * dbound_dgap;
        }

        // Variation: xi_k deltaGap0 / (1 + exp((T_crit - T)/T_smth)) (m/s), xi_k ~ N(0, 1)
        // constant on the 1 ns cell holding t, bounded like the drift in its direction.
        double noise = 0, dnoise_dv = 0, dnoise_dgap = 0;
        if (delta_gap_ > 0) {
            const double xi = random::normal(random::stream(seed_, in.stream), noise_cell(in.time));
            const Smooth heat = logistic(temperature - t_crit_, t_smth_);
            const Smooth bound = xi < 0 ? bound_window(gap - gap_min_, gap_w_) : bound_window(gap_max_ - gap, gap_w_);
            const double dbound_dgap = xi < 0 ? bound.slope : -bound.slope;
            const double scale = xi * delta_gap_;
            noise = scale * heat.value * bound.value;
            dnoise_dv = scale * heat.slope * dt_dv * bound.value;
            dnoise_dgap = scale * (heat.slope * dt_dgap * bound.value + heat.value * dbound_dgap);
        }

        out.dxdt[0] = kNm * (drift + noise);
        out.df_dv[0][0] = kNm * (ddrift_dv + dnoise_dv);
        out.df_dx[0][0] = kNm * (ddrift_dgap + dnoise_dgap);
    }

    std::array<double, kMaxStates> initial_state(const ParameterSet& instance) const override {
        const double gap = instance.get("gap_ini");
        if (gap * kNm < gap_min_ || gap * kNm > gap_max_)
            throw InputError("stanford_rram initial gap " + format_number(gap) + " m is outside [gap_min, gap_max] = [" +
                             format_number(gap_min_ / kNm) + ", " + format_number(gap_max_ / kNm) + "] m");
        return {gap * kNm};
    }

    double next_breakpoint(double t) const override {
        if (delta_gap_ <= 0) return std::numeric_limits<double>::infinity();
        const double k = std::floor(t / kStanfordNoiseCell + 1e-6);
        return (std::max(k, 0.0) + 1) * kStanfordNoiseCell;
    }

private:
    double i0_, g0_, v0_, vel0_, ea_, field_coefficient_, tox_, gamma0_, beta_, rth_, t_ini_;
    double f_min_, f_width_, t_crit_, t_smth_, delta_gap_, gap_min_, gap_max_, gap_w_;
    std::uint64_t seed_;
};

std::unique_ptr<DeviceModel> create(const ParameterSet& p) { return std::make_unique<StanfordRram>(p); }

constexpr std::string_view kPaper = "Jiang et al., SISPAD 2014 / IEEE TED 63(5) 2016, model v1.0.0 (MODELS.md 1.1)";
constexpr std::string_view kSmoothing = "memspice smoothing (devices/rram/README.md)";

}  // namespace

const Family& stanford_rram_family() {
    static const Family family{
        .name = "stanford_rram",
        .description = "Stanford RRAM model v1.0.0: filament gap with self-heating, field threshold, variation",
        .terminals = {"p", "n"},
        .states = {{.name = "gap", .unit = "nm", .scale = 1, .initial_parameter = "gap_ini"}},
        .parameters =
            {
                {"i0", "A", 1e-3, 1e-15, 1, "current prefactor I0", kPaper},
                {"g0", "m", 0.25e-9, 1e-12, 1e-8, "gap decay length of the current", kPaper},
                {"v0", "V", 0.25, 1e-3, 10, "voltage scale of the current", kPaper},
                {"vel0", "m/s", 10, 0, 1e6, "gap velocity prefactor (v0 in the paper)", kPaper},
                {"ea", "eV", 0.6, 0, 5, "activation energy", kPaper},
                {"a0", "m", 0.25e-9, 1e-12, 1e-8, "atomic hopping distance", kPaper},
                {"tox", "m", 12e-9, 1e-10, 1e-6, "oxide thickness", kPaper},
                {"gamma0", "", 16, 0, 1e3, "field enhancement at zero gap", kPaper},
                {"beta", "", 0.8, 0, 1e3, "field enhancement decrease per nm^3 of gap", kPaper},
                {"rth", "K/W", 2.1e3, 0, 1e9, "thermal resistance", kPaper},
                {"t_ini", "K", 298, 1, 2000, "ambient temperature T0", kPaper},
                {"f_min", "V/m", 1.4e9, 1e6, 1e12, "field below which the gap does not move", kPaper},
                {"fmin_w", "", 1e-2, 1e-6, 1, "width of the field threshold step, as a fraction of f_min",
                 kSmoothing},
                {"t_crit", "K", 450, 0, 1e4, "temperature where the variation reaches half its scale", kPaper},
                {"t_smth", "K", 500, 1e-3, 1e5, "temperature width of the variation's onset", kPaper},
                {"deltagap0", "m/s", 0, 0, 1e3,
                 "variation: std of the random gap velocity on each 1 ns cell (0.02 in the original; 0 = off)",
                 kPaper},
                {"gap_min", "m", 0.2e-9, 0, 1e-7, "smallest gap", kPaper},
                {"gap_max", "m", 1.7e-9, 1e-11, 1e-7, "largest gap", kPaper},
                {"gap_w", "m", 0.05e-9, 1e-13, 1e-8, "width of the smooth gap bounds", kSmoothing},
                {"gap_ini", "m", 0.2e-9, 0, 1e-7, "initial gap", kPaper, true},
                {"seed", "", 0, 0, 9007199254740992.0, "random seed of the variation (integer)",
                 "memspice: keys devices/random.hpp with the device key and the 1 ns cell", true},
            },
        .stochastic = true,
        .create = &create,
    };
    return family;
}

}  // namespace memspice::devices::rram
