// The last step of reading: with the whole circuit flat, A lines become memspice devices or
// XSPICE code models (models may be defined after their use), and every reference is
// checked: models and their types, duplicate names, K/F/H/W controls, nodes named by
// .ic/.nodeset, B-source v()/i() and E/G/S controlling nodes, .dc sources.
#pragma once

#include <optional>
#include <vector>

#include "core/circuit.hpp"
#include "netlists/model_cards.hpp"
#include "netlists/netlist_items.hpp"

namespace memspice::netlist {

// `a_lines[k]` belongs to circuit.elements[k]; `initial_conditions` are the .ic/.nodeset
// entries with their locations, already stored in the circuit.
void complete_circuit(Circuit& circuit, std::vector<std::optional<ALine>>& a_lines,
                      const std::vector<InitialConditionItem>& initial_conditions, const FamilyLookup& families);

}  // namespace memspice::netlist
