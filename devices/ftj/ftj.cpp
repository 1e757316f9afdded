#include "devices/ftj/ftj.hpp"

#include <cmath>
#include <limits>

#include "core/units.hpp"
#include "devices/ftj/kai.hpp"
#include "devices/physical_constants.hpp"

namespace memspice::devices::ftj {

TunnelBranch::TunnelBranch(double g0, double phi1, double phi2, double thickness, double mass_ratio, double v_limit)
    : g0_(g0), v_limit_(v_limit) {
    // A0 in eV^-1/2: 4 d sqrt(2 m) / (3 hbar) is in J^-1/2; times sqrt(q) converts to eV^-1/2,
    // so that with barrier heights in eV and the bias in V the coefficients come out in 1/V.
    const double a0 = 4 * thickness * std::sqrt(2 * mass_ratio * constants::m_e) / (3 * constants::hbar) *
                      std::sqrt(constants::q);
    const double mean = (phi1 + phi2) / 2;
    b_ = a0 * (phi2 - phi1) / (16 * std::pow(mean, 1.5));
    c_ = 9 * a0 * a0 / (128 * mean);
}

double TunnelBranch::polynomial_current(double v) const { return g0_ * v * (1 - b_ * v / 2 + c_ * v * v / 3); }
double TunnelBranch::polynomial_conductance(double v) const { return g0_ * (1 - b_ * v + c_ * v * v); }

smooth::ValueSlope TunnelBranch::at(double v) const {
    if (std::abs(v) <= v_limit_) return {polynomial_current(v), polynomial_conductance(v)};
    const double edge = v > 0 ? v_limit_ : -v_limit_;
    const double g = polynomial_conductance(edge);
    return {polynomial_current(edge) + g * (v - edge), g};
}

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

class FtjModel final : public DeviceModel {
public:
    explicit FtjModel(const ParameterSet& p)
        : on_(1 / p.get("ron"), p.get("phi1_on"), p.get("phi2_on"), p.get("thickness"), p.get("meff"), p.get("vlin")),
          off_(1 / p.get("roff"), p.get("phi1_off"), p.get("phi2_off"), p.get("thickness"), p.get("meff"),
               p.get("vlin")),
          tau0_(p.get("tau0")), va_(p.get("va")), n_(p.get("n")), vcp_(p.get("vcp")), vcn_(p.get("vcn")),
          dvc_(p.get("dvc")) {
        if (!(p.get("ron") < p.get("roff")))
            throw InputError("ftj parameters: ron = " + format_number(p.get("ron")) + " Ohm must be below roff = " +
                             format_number(p.get("roff")) + " Ohm (ON is the low-resistance state)");
    }

    void evaluate(const Inputs& in, Outputs& out) const override {
        const double v = in.v[0], s = in.x[0];
        // Parallel domains: I = s I_ON(V) + (1 - s) I_OFF(V); at low bias 1/R = s/R_ON + (1-s)/R_OFF.
        const smooth::ValueSlope on = on_.at(v), off = off_.at(v);
        out.i[0] = s * on.value + (1 - s) * off.value;
        out.di_dv[0][0] = s * on.slope + (1 - s) * off.slope;
        out.di_dx[0][0] = on.value - off.value;

        // Switching: positive voltage grows the ON domains (s -> 1), negative the OFF ones,
        // each only above its coercive voltage, at the Merz rate 1/tau = exp(-Va/|V|)/tau0 and
        // in KAI's equivalent time: ds/dt = r+ F(s) - r- F(1 - s).
        const smooth::ValueSlope up = rate(v, vcp_), down = rate(-v, vcn_);
        const smooth::ValueSlope grow = kai_growth(s, n_), shrink = kai_growth(1 - s, n_);
        out.dxdt[0] = up.value * grow.value - down.value * shrink.value;
        out.df_dv[0][0] = up.slope * grow.value + down.slope * shrink.value;  // d(down)/dv = -down.slope
        out.df_dx[0][0] = up.value * grow.slope + down.value * shrink.slope;
    }

private:
    // Rate of growth for a voltage u along the switching direction with coercive voltage vc:
    // a C2 gate, exactly 0 below vc and 1 above vc + dvc, times the Merz rate.
    smooth::ValueSlope rate(double u, double vc) const {
        const smooth::ValueSlope gate = smooth::smootherstep((u - vc) / dvc_);
        if (gate.value == 0 && gate.slope == 0) return {0, 0};
        const double merz = std::exp(-va_ / u) / tau0_;  // u > vc > 0 here
        const double merz_du = merz * va_ / (u * u);
        return {gate.value * merz, gate.slope / dvc_ * merz + gate.value * merz_du};
    }

    TunnelBranch on_, off_;
    double tau0_, va_, n_, vcp_, vcn_, dvc_;
};

std::unique_ptr<DeviceModel> create(const ParameterSet& p) { return std::make_unique<FtjModel>(p); }

constexpr const char* kIllustrative =
    "illustrative: orders of magnitude of Chanthbouala et al., Nat. Mater. 11 (2012) (OFF/ON > 100, "
    "~10 ns writes at ~3 V); not a fit";
constexpr const char* kBarrier =
    "illustrative: BaTiO3 barrier of Chanthbouala et al. 2012; heights chosen so that Simmons' "
    "exp(-1.025 d sqrt(phibar)) gives OFF/ON ~ 280";

}  // namespace

const Family& ftj_family() {
    static const Family family{
        .name = "ftj",
        .description = "ferroelectric tunnel junction: switched-domain fraction, KAI/Merz switching, BDR tunnel current",
        .terminals = {"p", "n"},
        .states = {{.name = "s", .unit = "", .scale = 1, .initial_parameter = "s0"}},
        .parameters =
            {
                {.name = "ron", .unit = "Ohm", .default_value = 1e5, .min = 1e-3, .max = kInf,
                 .description = "low-bias resistance, all domains switched (s = 1)", .source = kIllustrative},
                {.name = "roff", .unit = "Ohm", .default_value = 3e7, .min = 1e-3, .max = kInf,
                 .description = "low-bias resistance, no domain switched (s = 0)", .source = kIllustrative},
                {.name = "tau0", .unit = "s", .default_value = 1e-9, .min = 1e-18, .max = 1,
                 .description = "Merz prefactor: tau = tau0 exp(va/|V|)", .source = kIllustrative},
                {.name = "va", .unit = "V", .default_value = 7, .min = 0, .max = 1e3,
                 .description = "Merz activation voltage", .source = kIllustrative},
                {.name = "n", .unit = "", .default_value = 2, .min = 0.5, .max = 5,
                 .description = "KAI (Avrami) exponent",
                 .source = "2: two-dimensional growth, Quindeau et al., Front. Phys. 2 (2014)"},
                {.name = "vcp", .unit = "V", .default_value = 1.0, .min = 0, .max = 1e3,
                 .description = "coercive voltage for switching ON (positive bias)", .source = kIllustrative},
                {.name = "vcn", .unit = "V", .default_value = 1.0, .min = 0, .max = 1e3,
                 .description = "coercive voltage (magnitude) for switching OFF (negative bias)",
                 .source = kIllustrative},
                {.name = "dvc", .unit = "V", .default_value = 0.1, .min = 1e-6, .max = 10,
                 .description = "voltage over which switching sets in above the coercive voltage",
                 .source = "numerical choice"},
                {.name = "thickness", .unit = "m", .default_value = 2e-9, .min = 1e-10, .max = 1e-8,
                 .description = "barrier thickness", .source = "2 nm BaTiO3, Chanthbouala et al. 2012"},
                {.name = "meff", .unit = "", .default_value = 1, .min = 0.01, .max = 10,
                 .description = "effective tunnelling mass / electron mass", .source = "free-electron mass"},
                {.name = "phi1_on", .unit = "eV", .default_value = 0.5, .min = 0.01, .max = 10,
                 .description = "barrier height at the p-side interface, ON polarization", .source = kBarrier},
                {.name = "phi2_on", .unit = "eV", .default_value = 0.7, .min = 0.01, .max = 10,
                 .description = "barrier height at the n-side interface, ON polarization", .source = kBarrier},
                {.name = "phi1_off", .unit = "eV", .default_value = 1.2, .min = 0.01, .max = 10,
                 .description = "barrier height at the p-side interface, OFF polarization", .source = kBarrier},
                {.name = "phi2_off", .unit = "eV", .default_value = 1.0, .min = 0.01, .max = 10,
                 .description = "barrier height at the n-side interface, OFF polarization", .source = kBarrier},
                {.name = "vlin", .unit = "V", .default_value = 0.5, .min = 1e-3, .max = 10,
                 .description = "bias beyond which the BDR conductance is held (expansion limit)",
                 .source = "numerical choice, ~ phibar(ON)"},
                {.name = "s0", .unit = "", .default_value = 0, .min = 0, .max = 1,
                 .description = "initial switched fraction (instance: s=...)", .source = "", .per_instance = true},
            },
        .memory_size = 0,
        .stochastic = false,
        .create = &create,
    };
    return family;
}

}  // namespace memspice::devices::ftj
