// The reader's number rule: parse_spice_number, then refuse a unit that is itself a scale
// suffix and no unit symbol in SPICE use (k, meg, mil, g, t, u, n, p).
#include "netlists/strict_number.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

namespace memspice::netlist {

std::optional<SpiceNumber> parse_strict_number(std::string_view token) {
    auto number = parse_spice_number(token);
    if (!number) return std::nullopt;
    std::string unit = number->unit;
    std::transform(unit.begin(), unit.end(), unit.begin(),
                   [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); });
    static constexpr std::array<std::string_view, 8> doubled = {"k", "meg", "mil", "g", "t", "u", "n", "p"};
    if (std::find(doubled.begin(), doubled.end(), unit) != doubled.end()) return std::nullopt;
    return number;
}

}  // namespace memspice::netlist
