#include "devices/rram/hp_memristor.hpp"

#include <cmath>

#include "core/units.hpp"
#include "devices/rram/windows.hpp"

namespace memspice::devices::rram {

namespace {

enum class Window { None = 0, Joglekar = 1, Biolek = 2 };

class HpMemristor final : public DeviceModel {
public:
    explicit HpMemristor(const ParameterSet& p)
        : r_on_(p.get("ron")), r_off_(p.get("roff")),
          k_(p.get("uv") * p.get("ron") / (p.get("d") * p.get("d"))),
          window_(static_cast<Window>(static_cast<int>(p.get("window")))),
          two_p_(2 * p.get("p")), i_width_(p.get("iw")) {
        const double w = p.get("window");
        if (w != std::floor(w))
            throw InputError("hp_memristor parameter window = " + format_number(w) +
                             " must be 0 (none), 1 (Joglekar) or 2 (Biolek)");
    }

    void evaluate(const Inputs& in, Outputs& out) const override {
        const double v = in.v[0], x = in.x[0];
        // v = [R_on x + R_off (1 - x)] i
        const double r = r_off_ - (r_off_ - r_on_) * x;
        const double i = v / r;
        const double di_dv = 1 / r;
        const double di_dx = v * (r_off_ - r_on_) / (r * r);

        // Window f(x, i) and its partials.
        double f = 1, df_dx = 0, df_di = 0;
        if (window_ != Window::None) {
            double u = 2 * x - 1, du_dx = 2, du_di = 0;  // Joglekar: 1 - (2x - 1)^2p
            if (window_ == Window::Biolek) {
                // Biolek: 1 - (x - stp(-i))^2p, the step rounded to a logistic of width iw.
                const Smooth step = logistic(-i, i_width_);
                u = x - step.value;
                du_dx = 1;
                du_di = step.slope;  // d(-stp(-i))/di = +logistic'(-i)
            }
            const double a = std::abs(u);
            const double power = std::pow(a, two_p_);
            const double dpower_du = a > 0 ? two_p_ * power / a * (u > 0 ? 1 : -1) : 0;
            f = 1 - power;
            df_dx = -dpower_du * du_dx;
            df_di = -dpower_du * du_di;
        }

        // dx/dt = (mu_v R_on / D^2) i f(x, i)
        const double rate_di = k_ * (f + i * df_di);  // d(k i f)/di at fixed x
        out.i[0] = i;
        out.di_dv[0][0] = di_dv;
        out.di_dx[0][0] = di_dx;
        out.dxdt[0] = k_ * i * f;
        out.df_dv[0][0] = rate_di * di_dv;
        out.df_dx[0][0] = rate_di * di_dx + k_ * i * df_dx;
    }

private:
    double r_on_, r_off_, k_;
    Window window_;
    double two_p_, i_width_;
};

std::unique_ptr<DeviceModel> create(const ParameterSet& p) { return std::make_unique<HpMemristor>(p); }

}  // namespace

const Family& hp_memristor_family() {
    static const Family family{
        .name = "hp_memristor",
        .description = "HP linear ion-drift memristor (Strukov 2008) with Joglekar or Biolek window",
        .terminals = {"p", "n"},
        .states = {{.name = "x", .unit = "", .scale = 1, .initial_parameter = "x0"}},
        .parameters =
            {
                {"ron", "Ohm", 100, 1e-3, 1e12, "resistance of the fully doped device (x = 1)",
                 "Strukov et al., Nature 453 (2008)"},
                {"roff", "Ohm", 16e3, 1e-3, 1e12, "resistance of the undoped device (x = 0)",
                 "Strukov et al., Nature 453 (2008)"},
                {"d", "m", 10e-9, 1e-10, 1e-6, "film thickness D", "Strukov et al., Nature 453 (2008)"},
                {"uv", "m^2/(V*s)", 1e-14, 0, 1e-6, "dopant mobility mu_v", "Strukov et al., Nature 453 (2008)"},
                {"window", "", 2, 0, 2, "window function: 0 none, 1 Joglekar, 2 Biolek",
                 "Joglekar & Wolf, Eur. J. Phys. 30 (2009); Biolek et al., Radioengineering 18 (2009)"},
                {"p", "", 1, 1, 100, "window exponent p (f = 1 - u^2p; real p >= 1 allowed)",
                 "Joglekar & Wolf (2009); Biolek et al. (2009)"},
                {"iw", "A", 1e-9, 1e-15, 1, "width of the logistic replacing Biolek's step stp(-i)",
                 "memspice smoothing (devices/rram/README.md)"},
                {"x0", "", 0.5, 0, 1, "initial state x (1 = fully doped, R_on)", "memspice default",
                 true},
            },
        .create = &create,
    };
    return family;
}

}  // namespace memspice::devices::rram
