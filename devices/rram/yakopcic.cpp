#include "devices/rram/yakopcic.hpp"

#include <cmath>

#include "core/units.hpp"
#include "devices/rram/windows.hpp"

namespace memspice::devices::rram {

namespace {

class Yakopcic final : public DeviceModel {
public:
    explicit Yakopcic(const ParameterSet& p)
        : a1_(p.get("a1")), a2_(p.get("a2")), b_(p.get("b")), vp_(p.get("vp")), vn_(p.get("vn")),
          ap_(p.get("ap")), an_(p.get("an")), xp_(p.get("xp")), xn_(p.get("xn")), alpha_p_(p.get("alphap")),
          alpha_n_(p.get("alphan")), eta_(p.get("eta")), vw_(p.get("vw")), xw_(p.get("xw")) {
        if (eta_ != 1 && eta_ != -1)
            throw InputError("yakopcic parameter eta = " + format_number(eta_) + " must be 1 or -1");
    }

    void evaluate(const Inputs& in, Outputs& out) const override {
        const double v = in.v[0], x = in.x[0];

        // I = a(V) x sinh(bV), a = a1 for V >= 0 and a2 below, blended over |V| < vw.
        const Smooth blend = smooth_step(v + vw_, 2 * vw_);
        const double a = a2_ + (a1_ - a2_) * blend.value;
        const double da_dv = (a1_ - a2_) * blend.slope;
        const double sh = std::sinh(b_ * v), ch = std::cosh(b_ * v);
        out.i[0] = a * x * sh;
        out.di_dv[0][0] = x * (da_dv * sh + a * b_ * ch);
        out.di_dx[0][0] = a * sh;

        // g(V) = Ap (e^V - e^Vp) above Vp, -An (e^-V - e^Vn) below -Vn, 0 between; the
        // exponent's corner at each threshold rounded by smooth_ramp over vw.
        const Smooth up = smooth_ramp(v - vp_, vw_);
        const Smooth down = smooth_ramp(-v - vn_, vw_);
        const double e_up = std::exp(vp_ + up.value), e_down = std::exp(vn_ + down.value);
        const double g = ap_ * (e_up - std::exp(vp_)) - an_ * (e_down - std::exp(vn_));
        const double dg_dv = ap_ * e_up * up.slope + an_ * e_down * down.slope;

        // f(V, x): for eta V >= 0 the window near x = 1, else the one near x = 0. g = 0 for
        // -Vn < V < Vp, so the sign test never switches a moving state.
        const bool rising = eta_ * v >= 0;
        const Smooth window = rising ? edge_window(x - xp_, 1, alpha_p_, xp_) : edge_window((1 - xn_) - x, -1, alpha_n_, xn_);

        out.dxdt[0] = eta_ * g * window.value;
        out.df_dv[0][0] = eta_ * dg_dv * window.value;
        out.df_dx[0][0] = eta_ * g * window.slope;
    }

private:
    // Yakopcic's f beyond its edge, e^(-alpha r) (1 - r/(1 - x_edge)) with r the distance
    // past the edge (x - xp, or (1 - xn) - x), and 1 before it; r = smooth_ramp(u, xw)
    // rounds the corner at the edge. Returns f and df/dx (du/dx = sign).
    Smooth edge_window(double u, double sign, double alpha, double x_edge) const {
        const Smooth r = smooth_ramp(u, xw_);
        const double decay = std::exp(-alpha * r.value);
        const double linear = 1 - r.value / (1 - x_edge);
        const double df_dr = decay * (-alpha * linear - 1 / (1 - x_edge));
        return {decay * linear, df_dr * r.slope * sign};
    }

    double a1_, a2_, b_, vp_, vn_, ap_, an_, xp_, xn_, alpha_p_, alpha_n_, eta_, vw_, xw_;
};

std::unique_ptr<DeviceModel> create(const ParameterSet& p) { return std::make_unique<Yakopcic>(p); }

constexpr std::string_view kPaper = "Yakopcic et al., IEEE TCAD 32(8) (2013) (MODELS.md 1.4)";
constexpr std::string_view kSmoothing = "memspice smoothing (devices/rram/README.md)";

}  // namespace

const Family& yakopcic_family() {
    static const Family family{
        .name = "yakopcic",
        .description = "Yakopcic generalized memristor model (TCAD 2013)",
        .terminals = {"p", "n"},
        .states = {{.name = "x", .unit = "", .scale = 1, .initial_parameter = "x0"}},
        .parameters =
            {
                {"a1", "A", 0.17, 0, 1e3, "current scale for V >= 0", kPaper},
                {"a2", "A", 0.17, 0, 1e3, "current scale for V < 0", kPaper},
                {"b", "1/V", 0.05, 1e-6, 1e3, "I-V curvature", kPaper},
                {"vp", "V", 0.16, 0, 100, "positive switching threshold", kPaper},
                {"vn", "V", 0.15, 0, 100, "negative switching threshold (magnitude)", kPaper},
                {"ap", "1/s", 4000, 0, 1e15, "positive switching rate", kPaper},
                {"an", "1/s", 4000, 0, 1e15, "negative switching rate", kPaper},
                {"xp", "", 0.3, 0, 0.99, "state where positive motion starts to slow", kPaper},
                {"xn", "", 0.5, 0, 0.99, "1 - xn: state where negative motion starts to slow", kPaper},
                {"alphap", "", 1, 0, 1e3, "decay of positive motion beyond xp", kPaper},
                {"alphan", "", 5, 0, 1e3, "decay of negative motion beyond 1 - xn", kPaper},
                {"eta", "", 1, -1, 1, "direction of motion for positive V (1 or -1)", kPaper},
                {"vw", "V", 1e-3, 1e-9, 1, "voltage rounding width of the thresholds and of a1/a2", kSmoothing},
                {"xw", "", 1e-2, 1e-9, 0.1, "state rounding width of the window edges", kSmoothing},
                {"x0", "", 0.11, 0, 1, "initial state", kPaper, true},
            },
        .create = &create,
    };
    return family;
}

}  // namespace memspice::devices::rram
