// The reader with its device-family lookup as a parameter, so that tests can read netlists
// with families of their own. read_netlist_text() uses devices::find_family.
#pragma once

#include <string>
#include <string_view>

#include "core/circuit.hpp"
#include "netlists/model_cards.hpp"

namespace memspice::netlist {

Circuit read_netlist(std::string_view text, const std::string& file_name, const FamilyLookup& families);

}  // namespace memspice::netlist
