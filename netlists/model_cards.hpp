// .model cards: `.model name type(name=value ...)`, with or without the parentheses.
// Types: the SPICE ones memspice's elements use (d, nmos, pmos, sw, csw, r, c), a memspice
// device family (parameters and units validated by the family), or anything else, which is
// taken as an XSPICE code model and kept verbatim (its {expressions} evaluated).
#pragma once

#include <functional>
#include <string_view>

#include "core/circuit.hpp"
#include "devices/device.hpp"
#include "netlists/lexer.hpp"
#include "netlists/parameter_scope.hpp"

namespace memspice::netlist {

using FamilyLookup = std::function<const devices::Family*(std::string_view)>;

bool is_builtin_model_type(std::string_view type);

Model parse_model_card(const Card& card, const ParameterScope& scope, const FamilyLookup& families);

// Substitutes every {expression} (and '...') in text by its value.
std::string substitute_braces(const Card& card, std::size_t offset, std::string_view text, const ParameterScope& scope);

}  // namespace memspice::netlist
