#include "devices/rram/kvatinsky.hpp"

#include <string>

#include "core/units.hpp"

namespace memspice::devices::rram::kvatinsky {

namespace {

constexpr double kNm = 1e9;  // state unit: nm per m

class ThresholdMemristor final : public DeviceModel {
public:
    ThresholdMemristor(const ParameterSet& p, Control control)
        : control_(control),
          resistance_{p.get("ron"), p.get("roff"), p.get("xon") * kNm, p.get("xoff") * kNm, p.get("iv") == 1},
          k_off_(p.get("koff")), k_on_(p.get("kon")), alpha_off_(p.get("alphaoff")), alpha_on_(p.get("alphaon")),
          s_off_(p.get(control == Control::Voltage ? "voff" : "ioff")),
          s_on_(p.get(control == Control::Voltage ? "von" : "ion")),
          a_off_(p.get("aoff") * kNm), a_on_(p.get("aon") * kNm), w_c_(p.get("wc") * kNm), width_(p.get("thr_w")) {
        const std::string family(p.family().name);
        auto require = [&](bool ok, const std::string& what) {
            if (!ok) throw InputError(family + ": " + what);
        };
        const double xon = p.get("xon"), xoff = p.get("xoff"), aon = p.get("aon"), aoff = p.get("aoff");
        require(p.get("iv") == 0 || p.get("iv") == 1,
                "parameter iv = " + format_number(p.get("iv")) + " must be 0 (linear) or 1 (exponential)");
        require(xon < xoff, "xon = " + format_number(xon) + " m must be below xoff = " + format_number(xoff) + " m");
        require(xon <= aon && aon < aoff && aoff <= xoff,
                "the window edges must satisfy xon <= aon < aoff <= xoff (xon = " + format_number(xon) +
                    ", aon = " + format_number(aon) + ", aoff = " + format_number(aoff) +
                    ", xoff = " + format_number(xoff) + " m)");
    }

    void evaluate(const Inputs& in, Outputs& out) const override {
        const double v = in.v[0], x = in.x[0];
        const Smooth r = resistance_(x);
        const double i = v / r.value;
        const double di_dv = 1 / r.value;
        const double di_dx = -v * r.slope / (r.value * r.value);

        // The drive s: v (VTEAM) or i (TEAM).
        const bool by_voltage = control_ == Control::Voltage;
        const double s = by_voltage ? v : i;
        const double ds_dv = by_voltage ? 1 : di_dv;
        const double ds_dx = by_voltage ? 0 : di_dx;

        // dx/dt = k_off (s/s_off - 1)^a_off f_off(x) + k_on (s/s_on - 1)^a_on f_on(x), each
        // branch zero inside its threshold. m/s -> nm/s.
        const Smooth off = threshold_rate(s, s_off_, k_off_, alpha_off_, width_);
        const Smooth on = threshold_rate(s, s_on_, k_on_, alpha_on_, width_);
        const Smooth f_off = window_off(x, a_off_, w_c_);
        const Smooth f_on = window_on(x, a_on_, w_c_);
        const double drate_ds = off.slope * f_off.value + on.slope * f_on.value;

        out.i[0] = i;
        out.di_dv[0][0] = di_dv;
        out.di_dx[0][0] = di_dx;
        out.dxdt[0] = kNm * (off.value * f_off.value + on.value * f_on.value);
        out.df_dv[0][0] = kNm * drate_ds * ds_dv;
        out.df_dx[0][0] = kNm * (drate_ds * ds_dx + off.value * f_off.slope + on.value * f_on.slope);
    }

    std::array<double, kMaxStates> initial_state(const ParameterSet& instance) const override {
        return {instance.get("x0") * kNm};
    }

private:
    Control control_;
    Resistance resistance_;
    double k_off_, k_on_, alpha_off_, alpha_on_, s_off_, s_on_, a_off_, a_on_, w_c_, width_;
};

}  // namespace

std::unique_ptr<DeviceModel> make_model(const ParameterSet& p, Control control) {
    return std::make_unique<ThresholdMemristor>(p, control);
}

}  // namespace memspice::devices::rram::kvatinsky
