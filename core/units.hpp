// SPICE numbers: engineering suffixes (f p n u m k meg g t, mil), units after them,
// case-insensitive, as ngspice reads them ("1k", "2.2uF", "10meg", "5mil", "1e-3V").
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace memspice {

struct SpiceNumber {
    double value = 0;
    std::string unit;  // letters left after the scale suffix, as written ("F", "V", "nm" -> "m")
};

// Parses a whole token as a SPICE number; nullopt if it is not one (the token must start
// with a number; trailing characters after the suffix must be letters, forming the unit).
std::optional<SpiceNumber> parse_spice_number(std::string_view token);

// Shortest text that reads back as exactly the same double ("1000", "1e-09", "0.1").
std::string format_number(double value);

// SI unit of a vector from its name: v(...) -> "V", i(...) -> "A", time -> "s",
// frequency -> "Hz", "" if unknown.
std::string unit_of_vector(std::string_view vector_name);

}  // namespace memspice
