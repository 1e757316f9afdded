#include "devices/rram/vteam.hpp"

#include "devices/rram/kvatinsky.hpp"

namespace memspice::devices::rram {

namespace {

constexpr std::string_view kPaper = "Kvatinsky et al., IEEE TCAS-II 62(8) (2015)";
constexpr std::string_view kWindowPaper = "Kvatinsky et al., IEEE TCAS-I 60(1) (2013) (window form)";
constexpr std::string_view kChoice = "memspice choice (devices/rram/README.md)";

std::unique_ptr<DeviceModel> create(const ParameterSet& p) {
    return kvatinsky::make_model(p, kvatinsky::Control::Voltage);
}

}  // namespace

const Family& vteam_family() {
    static const Family family{
        .name = "vteam",
        .description = "VTEAM voltage-controlled threshold memristor (Kvatinsky 2015), Kvatinsky window",
        .terminals = {"p", "n"},
        .states = {{.name = "x", .unit = "nm", .scale = 1, .initial_parameter = "x0"}},
        .parameters =
            {
                {"ron", "Ohm", 50, 1e-3, 1e12, "resistance at x = xon", kPaper},
                {"roff", "Ohm", 1e3, 1e-3, 1e12, "resistance at x = xoff", kPaper},
                {"koff", "m/s", 5e-4, 0, 1e6, "OFF rate constant (x grows)", kPaper},
                {"kon", "m/s", -10, -1e6, 0, "ON rate constant (x shrinks; <= 0)", kPaper},
                {"alphaoff", "", 1, 1, 50, "OFF rate exponent", kPaper},
                {"alphaon", "", 3, 1, 50, "ON rate exponent", kPaper},
                {"voff", "V", 0.02, 1e-6, 100, "OFF threshold voltage (> 0)", kPaper},
                {"von", "V", -0.2, -100, -1e-6, "ON threshold voltage (< 0)", kPaper},
                {"xon", "m", 0, 0, 1e-6, "state of lowest resistance", kPaper},
                {"xoff", "m", 3e-9, 0, 1e-6, "state of highest resistance", kPaper},
                {"aon", "m", 0, 0, 1e-6, "ON window edge (xon <= aon < aoff)", kChoice},
                {"aoff", "m", 3e-9, 0, 1e-6, "OFF window edge (aoff <= xoff)", kChoice},
                {"wc", "m", 1e-12, 1e-15, 1e-6, "window sharpness w_c", kWindowPaper},
                {"iv", "", 0, 0, 1, "I-V relation: 0 linear, 1 exponential", kPaper},
                {"thr_w", "", 1e-2, 1e-6, 1, "threshold rounding width, as a fraction of the threshold", kChoice},
                {"x0", "m", 3e-9, 0, 1e-6, "initial state x", kChoice, true},
            },
        .create = &create,
    };
    return family;
}

}  // namespace memspice::devices::rram
