#include "devices/mtj/mtj.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numbers>

#include "core/units.hpp"
#include "devices/physical_constants.hpp"
#include "devices/random.hpp"
#include "devices/smooth.hpp"

namespace memspice::devices::mtj {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kPi = std::numbers::pi;
// Smoothing widths (see README): the Neel-Brown barrier max(1 - j, 0) is rounded over
// kBarrierWidth; the thermal regime hands over to the precessional one across
// j in [1, 1 + kRegimeWidth]; the orientation flips as the hazard passes [1, 1 + kClockWidth].
constexpr double kBarrierWidth = 0.005, kRegimeWidth = 0.02, kClockWidth = 1e-3;

}  // namespace

MtjDerived mtj_derived(const ParameterSet& p) {
    MtjDerived d;
    d.area = kPi * p.get("diameter") * p.get("diameter") / 4;
    // Brinkman: R_P = t/(F sqrt(phi) A) exp(1.025 t sqrt(phi)), t in angstrom, phi in eV, A in um^2.
    const double t_angstrom = p.get("tox") * 1e10, root_phi = std::sqrt(p.get("phib"));
    d.r_parallel = t_angstrom / (p.get("fbrinkman") * root_phi * d.area * 1e12) * std::exp(1.025 * t_angstrom * root_phi);
    d.barrier_energy = p.get("delta") * constants::k_b * p.get("temp");
    d.ic0 = 4 * constants::q * p.get("alpha") / (constants::hbar * p.get("eta")) * d.barrier_energy;
    d.hk = 2 * d.barrier_energy / (p.get("ms") * d.area * p.get("tf"));
    const double alpha = p.get("alpha");
    d.tau_d = (1 + alpha * alpha) / (alpha * constants::gamma_e * d.hk);
    // Initial angle theta0 = 1/sqrt(2 Delta), capped at pi/4 so that ln(pi/(2 theta0)) >= ln 2
    // stays positive for the small Delta of superparamagnetic junctions.
    const double theta0 = std::min(1 / std::sqrt(2 * p.get("delta")), kPi / 4);
    d.precession_time = d.tau_d * std::log(kPi / (2 * theta0));
    return d;
}

namespace {

class MtjModel final : public DeviceModel {
public:
    explicit MtjModel(const ParameterSet& p)
        : derived_(mtj_derived(p)), g_p_(1 / derived_.r_parallel), tmr0_(p.get("tmr0")), vh_(p.get("vh")),
          delta_(p.get("delta")), tau0_(p.get("tau0")), tflip_(p.get("tflip")),
          initial_orientation_(p.get("m0") >= 0 ? 1 : -1), seed_(static_cast<std::uint64_t>(p.get("seed"))),
          stochastic_(p.get("stochastic") != 0) {
        if (p.get("stochastic") != 0 && p.get("stochastic") != 1)
            throw InputError("mtj parameter stochastic = " + format_number(p.get("stochastic")) + " must be 0 or 1");
        if (p.get("seed") != std::floor(p.get("seed")))
            throw InputError("mtj parameter seed = " + format_number(p.get("seed")) + " must be an integer");
    }

    // The first dwell's orientation is the sign of the instance's initial magnetization m0
    // (the model is created from the instance's parameters).
    void initial_memory(double* memory) const override {
        std::fill(memory, memory + memory_slot::size, 0.0);
        memory[memory_slot::orientation] = initial_orientation_;
        memory[memory_slot::direction] = 1;
    }

    void evaluate(const Inputs& in, Outputs& out) const override {
        const double v = in.v[0], m = in.x[0], clock = in.x[1];
        const Dwell dwell = read(in.memory);
        const Current c = current(v, m);
        out.i[0] = c.i;
        out.di_dv[0][0] = c.di_dv;
        out.di_dx[0][0] = c.di_dm;
        out.di_dx[0][1] = 0;

        // Hazard clock: d clock/dt = direction * speed(j), j the destabilizing normalized current.
        const double j = -dwell.orientation * c.i / derived_.ic0;
        const double dj_dv = -dwell.orientation * c.di_dv / derived_.ic0;
        const double dj_dm = -dwell.orientation * c.di_dm / derived_.ic0;
        const smooth::ValueSlope s = speed(j, threshold(in.stream, dwell.events));
        out.dxdt[1] = dwell.direction * s.value;
        out.df_dv[1][0] = dwell.direction * s.slope * dj_dv;
        out.df_dx[1][0] = dwell.direction * s.slope * dj_dm;
        out.df_dx[1][1] = 0;

        // Magnetization relaxes toward the orientation, which flips as the hazard of this
        // dwell, a = direction (clock - origin), passes its threshold 1.
        const double a = dwell.direction * (clock - dwell.origin);
        const smooth::ValueSlope flip = smooth::smootherstep((a - 1) / kClockWidth);
        const double target = dwell.orientation * (1 - 2 * flip.value);
        out.dxdt[0] = (target - m) / tflip_;
        out.df_dv[0][0] = 0;
        out.df_dx[0][0] = -1 / tflip_;
        out.df_dx[0][1] = -2 * dwell.orientation * flip.slope * dwell.direction / kClockWidth / tflip_;
    }

    void update_memory(const Inputs& in, double* memory) const override {
        const double v = in.v[0], m = in.x[0], clock = in.x[1], t = in.time;
        Dwell dwell = read(memory);
        const double since_last = std::max(0.0, t - memory[memory_slot::last_time]);
        double window = since_last;  // time available to place a switch inside the last step
        for (int guard = 0; guard < 16; ++guard) {
            const double a = dwell.direction * (clock - dwell.origin);
            if (a < 1) break;
            // The k-th switch: its hazard threshold was crossed inside the last step. Place the
            // crossing by the clock's speed, and credit the new dwell with the hazard it has
            // accumulated since (so switching times do not depend on where the steps fall).
            const double i_norm = current(v, m).i / derived_.ic0;
            const double old_speed = speed(-dwell.orientation * i_norm, threshold(in.stream, dwell.events)).value;
            const double new_speed = speed(dwell.orientation * i_norm, threshold(in.stream, dwell.events + 1)).value;
            const double overshoot = old_speed > 0 ? std::clamp((a - 1) / old_speed, 0.0, window) : 0.0;
            window = overshoot;
            const double credit = overshoot * new_speed;
            // Count the next dwell toward the middle of [0, 1] so the clock stays of order one.
            dwell.direction = clock > 0.5 ? -1 : 1;
            dwell.origin = clock - dwell.direction * credit;
            dwell.orientation = -dwell.orientation;
            dwell.events += 1;
        }
        memory[memory_slot::orientation] = dwell.orientation;
        memory[memory_slot::events] = static_cast<double>(dwell.events);
        memory[memory_slot::direction] = dwell.direction;
        memory[memory_slot::origin] = dwell.origin;
        memory[memory_slot::last_time] = t;
    }

private:
    struct Dwell {
        int orientation = 1;      // +1 parallel, -1 antiparallel
        std::uint64_t events = 0;
        int direction = 1;
        double origin = 0;
    };
    struct Current {
        double i, di_dv, di_dm;
    };

    Dwell read(const double* memory) const {
        Dwell d;
        const double o = memory ? memory[memory_slot::orientation] : 0.0;
        d.orientation = o > 0 ? 1 : (o < 0 ? -1 : initial_orientation_);
        if (memory) {
            d.events = static_cast<std::uint64_t>(std::max(0.0, memory[memory_slot::events]));
            d.direction = memory[memory_slot::direction] < 0 ? -1 : 1;
            d.origin = memory[memory_slot::origin];
        }
        return d;
    }

    // I = V G, G = G_P (1 + m)/2 + G_AP(V) (1 - m)/2, G_AP = G_P / (1 + TMR(V)),
    // TMR(V) = TMR0 / (1 + V^2/Vh^2).
    Current current(double v, double m) const {
        const double q = 1 + v * v / (vh_ * vh_);
        const double tmr = tmr0_ / q, dtmr_dv = -tmr0_ * 2 * v / (vh_ * vh_) / (q * q);
        const double g_ap = g_p_ / (1 + tmr), dgap_dv = -g_p_ / ((1 + tmr) * (1 + tmr)) * dtmr_dv;
        const double g = g_p_ * (1 + m) / 2 + g_ap * (1 - m) / 2;
        return {v * g, g + v * (1 - m) / 2 * dgap_dv, v * (g_p_ - g_ap) / 2};
    }

    // Exponential hazard threshold of the k-th dwell, Exp(1) from the instance's stream.
    double threshold(std::uint64_t stream_key, std::uint64_t k) const {
        if (!stochastic_) return 1.0;
        return random::exponential(random::stream(seed_, stream_key), k);
    }

    // Speed of the hazard clock for destabilizing normalized current j and threshold e:
    // thermal (Neel-Brown) rate / e below Ic0, precessional 1/tau_p above.
    smooth::ValueSlope speed(double j, double e) const {
        const smooth::ValueSlope barrier = smooth::softplus((1 - j) / kBarrierWidth);  // B / width
        const double arrhenius = std::exp(-delta_ * kBarrierWidth * barrier.value) / tau0_;
        const smooth::ValueSlope regime = smooth::smootherstep((j - 1) / kRegimeWidth);
        const double thermal = arrhenius * (1 - regime.value);
        const double thermal_dj = arrhenius * (delta_ * barrier.slope * (1 - regime.value) - regime.slope / kRegimeWidth);
        const double precession = (j - 1) * regime.value / derived_.precession_time;
        const double precession_dj = (regime.value + (j - 1) * regime.slope / kRegimeWidth) / derived_.precession_time;
        return {thermal / e + precession, thermal_dj / e + precession_dj};
    }

    MtjDerived derived_;
    double g_p_, tmr0_, vh_, delta_, tau0_, tflip_;
    int initial_orientation_;
    std::uint64_t seed_;
    bool stochastic_;
};

std::unique_ptr<DeviceModel> create(const ParameterSet& p) { return std::make_unique<MtjModel>(p); }

constexpr const char* kZhang = "Zhang, Zhao et al., IEEE TED 59(3) 2012; Ikeda et al., Nat. Mater. 9 (2010) (MODELS.md 3)";

}  // namespace

const Family& mtj_family() {
    static const Family family{
        .name = "mtj",
        .description = "perpendicular STT magnetic tunnel junction with seeded stochastic switching",
        .terminals = {"p", "n"},
        .states = {{.name = "m", .unit = "", .scale = 1, .initial_parameter = "m0"},
                   {.name = "clock", .unit = "", .scale = 1, .initial_parameter = "clock0"}},
        .parameters =
            {
                {.name = "tmr0", .unit = "", .default_value = 1.5, .min = 0, .max = 100,
                 .description = "tunnel magnetoresistance ratio at zero bias (1.5 = 150 %)", .source = kZhang},
                {.name = "vh", .unit = "V", .default_value = 0.5, .min = 1e-3, .max = 100,
                 .description = "bias voltage at which the TMR is halved", .source = kZhang},
                {.name = "diameter", .unit = "m", .default_value = 40e-9, .min = 1e-9, .max = 1e-5,
                 .description = "junction diameter (circular)", .source = kZhang},
                {.name = "tox", .unit = "m", .default_value = 0.85e-9, .min = 0.2e-9, .max = 5e-9,
                 .description = "MgO barrier thickness", .source = kZhang},
                {.name = "phib", .unit = "eV", .default_value = 0.4, .min = 0.01, .max = 10,
                 .description = "mean barrier height", .source = kZhang},
                {.name = "fbrinkman", .unit = "", .default_value = 332.2, .min = 1e-3, .max = 1e6,
                 .description = "factor F of the Brinkman resistance formula (angstrom, eV, um^2 units)",
                 .source = kZhang},
                {.name = "alpha", .unit = "", .default_value = 0.027, .min = 1e-4, .max = 1,
                 .description = "Gilbert damping", .source = kZhang},
                {.name = "eta", .unit = "", .default_value = 0.5, .min = 1e-3, .max = 1,
                 .description = "spin polarization efficiency", .source = kZhang},
                {.name = "delta", .unit = "", .default_value = 40, .min = 0.1, .max = 200,
                 .description = "thermal stability factor E_b/(k_B T)", .source = kZhang},
                {.name = "temp", .unit = "K", .default_value = 300, .min = 1, .max = 1000,
                 .description = "temperature", .source = kZhang},
                {.name = "tau0", .unit = "s", .default_value = 1e-9, .min = 1e-15, .max = 1,
                 .description = "attempt time of thermal switching", .source = kZhang},
                {.name = "ms", .unit = "A/m", .default_value = 1.1e6, .min = 1e3, .max = 1e7,
                 .description = "free-layer saturation magnetization (sets H_k and tau_D)",
                 .source = "assumed, typical CoFeB (mu0 Ms = 1.38 T); not given in MODELS.md"},
                {.name = "tf", .unit = "m", .default_value = 1.3e-9, .min = 1e-10, .max = 1e-7,
                 .description = "free-layer thickness", .source = kZhang},
                {.name = "tflip", .unit = "s", .default_value = 0.1e-9, .min = 1e-15, .max = 1e-6,
                 .description = "relaxation time of m once a reversal has started",
                 .source = "numerical choice (short against the switching times)"},
                {.name = "stochastic", .unit = "", .default_value = 1, .min = 0, .max = 1,
                 .description = "1: seeded random thresholds; 0: every threshold is its mean (deterministic)",
                 .source = ""},
                {.name = "seed", .unit = "", .default_value = 1, .min = 0, .max = 9007199254740991.0,
                 .description = "random seed (combined with the instance name)", .source = "", .per_instance = true},
                {.name = "m0", .unit = "", .default_value = 1, .min = -1, .max = 1,
                 .description = "initial magnetization: 1 parallel, -1 antiparallel (instance: m=...)", .source = "",
                 .per_instance = true},
                {.name = "clock0", .unit = "", .default_value = 0, .min = 0, .max = 1,
                 .description = "initial hazard clock (fraction of the first dwell's threshold)", .source = "",
                 .per_instance = true},
            },
        .memory_size = memory_slot::size,
        .stochastic = true,
        .create = &create,
    };
    return family;
}

}  // namespace memspice::devices::mtj
