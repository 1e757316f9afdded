#include "devices/ftj/ftj.hpp"

#include <cmath>
#include <limits>

#include "core/units.hpp"
#include "devices/ftj/kai.hpp"
#include "devices/smooth.hpp"
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
static_assert(memory_slot::size <= kMaxMemory);

class FtjModel final : public DeviceModel {
public:
    explicit FtjModel(const ParameterSet& p)
        : on_(1 / p.get("ron"), p.get("phi1_on"), p.get("phi2_on"), p.get("thickness"), p.get("meff"), p.get("vlin")),
          off_(1 / p.get("roff"), p.get("phi1_off"), p.get("phi2_off"), p.get("thickness"), p.get("meff"),
               p.get("vlin")),
          law_(p.get("n")), tau0_(p.get("tau0")), va_(p.get("va")), vcp_(p.get("vcp")), vcn_(p.get("vcn")),
          dvc_(p.get("dvc")), s0_(p.get("s0")), clock0_(p.get("clock0")) {
        if (!(p.get("ron") < p.get("roff")))
            throw InputError("ftj parameters: ron = " + format_number(p.get("ron")) + " Ohm must be below roff = " +
                             format_number(p.get("roff")) + " Ohm (ON is the low-resistance state)");
    }

    // The first frame: switching ON if the junction is mostly OFF, else OFF, with the origin
    // placed so that the fraction at clock0 is s0 (the model is created from the instance's
    // parameters).
    void initial_memory(double* memory) const override {
        const int direction = s0_ <= 0.5 ? 1 : -1;
        const double remaining = direction > 0 ? 1 - s0_ : s0_;
        memory[memory_slot::direction] = direction;
        memory[memory_slot::sense] = 1;
        memory[memory_slot::origin] = clock0_ - law_.equivalent_time(remaining);
        memory[memory_slot::last_clock] = clock0_;
    }

    void update_memory(const Inputs& in, double* memory) const override {
        const Frame frame = frame_for(memory, in.v[0]);
        memory[memory_slot::direction] = frame.direction;
        memory[memory_slot::sense] = frame.sense;
        memory[memory_slot::origin] = frame.origin;
        memory[memory_slot::last_clock] = in.x[1];
    }

    void evaluate(const Inputs& in, Outputs& out) const override {
        const double v = in.v[0], clock = in.x[1];
        double scratch[memory_slot::size];
        const double* memory = in.memory;
        if (!memory) {
            initial_memory(scratch);
            memory = scratch;
        }
        const Frame f = frame_for(memory, v);
        // Equivalent time of switching in the frame's direction, and the switched fraction.
        const double e = f.sense * (clock - f.origin);
        const KaiPoint k = law_.at(e);
        const double s = f.direction > 0 ? k.done : k.remaining;
        const double ds_de = f.direction * k.slope, d2s_de2 = f.direction * k.curvature;

        // Parallel domains: I = s I_ON(V) + (1 - s) I_OFF(V); at low bias 1/R = s/R_ON + (1-s)/R_OFF.
        const smooth::ValueSlope on = on_.at(v), off = off_.at(v);
        out.i[0] = s * on.value + (1 - s) * off.value;
        out.di_dv[0][0] = s * on.slope + (1 - s) * off.slope;
        out.di_dx[0][0] = 0;  // the state s is a read-out; the current follows the clock
        out.di_dx[0][1] = (on.value - off.value) * ds_de * f.sense;

        // The clock advances at the Merz rate of the open direction (the two gates never open
        // together), and stops once switching is complete so that it stays bounded.
        const smooth::ValueSlope up = rate(v, vcp_), down = rate(-v, vcn_);
        const double r = up.value + down.value, r_dv = up.slope - down.slope;
        const smooth::ValueSlope stop = smooth::smootherstep(e - law_.saturation());
        const double go = 1 - stop.value, go_de = -stop.slope;
        out.dxdt[1] = f.sense * r * go;
        out.df_dv[1][0] = f.sense * r_dv * go;
        out.df_dx[1][1] = r * go_de;  // sense^2 = 1
        out.df_dx[1][0] = 0;
        // The read-out state s follows ds/dt = (ds/de)(de/dt).
        out.dxdt[0] = ds_de * r * go;
        out.df_dv[0][0] = ds_de * r_dv * go;
        out.df_dx[0][1] = (d2s_de2 * go + ds_de * go_de) * r * f.sense;
        out.df_dx[0][0] = 0;
    }

private:
    struct Frame {
        int direction;  // +1 switching ON, -1 switching OFF
        int sense;      // the clock counts up (+1) or down (-1) in this frame
        double origin;  // clock value where the frame's equivalent time is 0
    };

    // The frame in force at voltage v given the memory of the last accepted point: the
    // stored one, or, when the gate of the other direction is open, a reversal at the clock
    // of the last accepted point (exactly what update_memory records there). The fraction
    // still to switch in the new direction is what had switched in the old one.
    Frame frame_for(const double* memory, double v) const {
        Frame f{memory[memory_slot::direction] < 0 ? -1 : 1, memory[memory_slot::sense] < 0 ? -1 : 1,
                memory[memory_slot::origin]};
        const int wanted = rate(v, vcp_).value > 0 ? 1 : (rate(-v, vcn_).value > 0 ? -1 : f.direction);
        if (wanted == f.direction) return f;
        const double last = memory[memory_slot::last_clock];
        const KaiPoint k = law_.at(f.sense * (last - f.origin));
        const double e0 = law_.equivalent_time(k.done);
        Frame g;
        g.direction = wanted;
        g.sense = last > 0 ? -1 : 1;  // count toward zero: the clock stays of order one
        g.origin = last - g.sense * e0;
        return g;
    }

    // Rate of switching for a voltage u along a direction with coercive voltage vc: a C2
    // gate, exactly 0 below vc and 1 above vc + dvc, times the Merz rate exp(-va/u)/tau0.
    smooth::ValueSlope rate(double u, double vc) const {
        const smooth::ValueSlope gate = smooth::smootherstep((u - vc) / dvc_);
        if (gate.value == 0 && gate.slope == 0) return {0, 0};
        const double merz = std::exp(-va_ / u) / tau0_;  // u > vc >= 0 here
        const double merz_du = merz * va_ / (u * u);
        return {gate.value * merz, gate.slope / dvc_ * merz + gate.value * merz_du};
    }

    TunnelBranch on_, off_;
    KaiLaw law_;
    double tau0_, va_, vcp_, vcn_, dvc_, s0_, clock0_;
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
        .states = {{.name = "s", .unit = "", .scale = 1, .initial_parameter = "s0"},
                   {.name = "clock", .unit = "", .scale = 1, .initial_parameter = "clock0"}},
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
                {.name = "clock0", .unit = "", .default_value = 0, .min = -100, .max = 100,
                 .description = "initial value of the equivalent-time clock (a reference; leave at 0)",
                 .source = "", .per_instance = true},
            },
        .memory_size = memory_slot::size,
        .stochastic = false,
        .create = &create,
    };
    return family;
}

}  // namespace memspice::devices::ftj
