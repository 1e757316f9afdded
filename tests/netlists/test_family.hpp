// A device family defined by the tests, so that memspice device lines can be read without
// depending on the families registered in devices/ (netlists/reader_internal.hpp takes the
// lookup as a parameter).
#pragma once

#include <string_view>

#include "devices/device.hpp"
#include "netlists/reader_internal.hpp"

namespace memspice::test {

inline const devices::Family& test_family() {
    static const devices::Family family = [] {
        devices::Family f;
        f.name = "testdev";
        f.description = "two-terminal test device with one state";
        f.terminals = {"p", "n"};
        f.states = {devices::StateInfo{"x", "", 1.0, "x0"}};
        f.parameters = {
            devices::ParameterInfo{"ron", "Ohm", 100, 0, 1e9, "on resistance", "test", false},
            devices::ParameterInfo{"roff", "Ohm", 1e5, 0, 1e12, "off resistance", "test", false},
            devices::ParameterInfo{"gap", "m", 1e-9, 0, 1e-6, "a length", "test", false},
            devices::ParameterInfo{"x0", "", 0.5, 0, 1, "initial state", "test", true},
            devices::ParameterInfo{"seed", "", 0, 0, 1e15, "random seed", "test", true},
        };
        return f;
    }();
    return family;
}

inline const devices::Family* test_lookup(std::string_view name) {
    return name == "testdev" || name == "TESTDEV" ? &test_family() : nullptr;
}

inline Circuit read_with_test_family(std::string_view text, const std::string& file = "<netlist>") {
    return netlist::read_netlist(text, file, test_lookup);
}

}  // namespace memspice::test
