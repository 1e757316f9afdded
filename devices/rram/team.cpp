#include "devices/rram/team.hpp"

#include "devices/rram/kvatinsky.hpp"

namespace memspice::devices::rram {

namespace {

constexpr std::string_view kPaper = "Kvatinsky et al., IEEE TCAS-I 60(1) (2013), TiO2 fit";
constexpr std::string_view kChoice = "memspice choice (devices/rram/README.md)";

std::unique_ptr<DeviceModel> create(const ParameterSet& p) {
    return kvatinsky::make_model(p, kvatinsky::Control::Current);
}

}  // namespace

const Family& team_family() {
    static const Family family{
        .name = "team",
        .description = "TEAM current-controlled threshold memristor (Kvatinsky 2013), Kvatinsky window",
        .terminals = {"p", "n"},
        .states = {{.name = "x", .unit = "nm", .scale = 1, .initial_parameter = "x0"}},
        .parameters =
            {
                {"ron", "Ohm", 50, 1e-3, 1e12, "resistance at x = xon", kPaper},
                {"roff", "Ohm", 1e3, 1e-3, 1e12, "resistance at x = xoff", kPaper},
                {"koff", "m/s", 1.46e-18, 0, 1e6, "OFF rate constant (x grows)", kPaper},
                {"kon", "m/s", -4.68e-22, -1e6, 0, "ON rate constant (x shrinks; <= 0)", kPaper},
                {"alphaoff", "", 10, 1, 50, "OFF rate exponent", kPaper},
                {"alphaon", "", 10, 1, 50, "ON rate exponent", kPaper},
                {"ioff", "A", 115e-6, 1e-12, 10, "OFF threshold current (> 0)", kPaper},
                {"ion", "A", -8.9e-6, -10, -1e-12, "ON threshold current (< 0)", kPaper},
                {"xon", "m", 0, 0, 1e-6, "state of lowest resistance", kChoice},
                {"xoff", "m", 3e-9, 0, 1e-6, "state of highest resistance", kChoice},
                {"aon", "m", 0, 0, 1e-6, "ON window edge (xon <= aon < aoff)", kChoice},
                {"aoff", "m", 3e-9, 0, 1e-6, "OFF window edge (aoff <= xoff)", kChoice},
                {"wc", "m", 1e-12, 1e-15, 1e-6, "window sharpness w_c", kPaper},
                {"iv", "", 0, 0, 1, "I-V relation: 0 linear, 1 exponential", kPaper},
                {"thr_w", "", 1e-2, 1e-6, 1, "threshold rounding width, as a fraction of the threshold", kChoice},
                {"x0", "m", 3e-9, 0, 1e-6, "initial state x", kChoice, true},
            },
        .create = &create,
    };
    return family;
}

}  // namespace memspice::devices::rram
