// SPICE numbers as the netlist reader accepts them: core/units.hpp's parse_spice_number,
// plus the rejection of a second scale suffix ("1kk", "2megk", "3uu"), which ngspice
// silently ignores but which is almost always a typing mistake.
#pragma once

#include <optional>
#include <string_view>

#include "core/units.hpp"

namespace memspice::netlist {

// The number, or nullopt when the token is not a number or carries a doubled scale suffix.
// Units that are also suffix letters and real units stay accepted: "1pF" (farad),
// "1mm" (metre), "1uA" (ampere).
std::optional<SpiceNumber> parse_strict_number(std::string_view token);

}  // namespace memspice::netlist
