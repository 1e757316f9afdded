// The top-level control cards: analyses (.op .dc .tran .ac), .ic and .nodeset, .options,
// .temp, .title, .csparam, and the output cards kept verbatim for ngspice
// (.save .print .plot .meas .four). Each is validated here; names in them (sources of a
// .dc, nodes of an .ic) are checked against the circuit once it is complete.
#pragma once

#include "core/circuit.hpp"
#include "netlists/lexer.hpp"
#include "netlists/netlist_items.hpp"
#include "netlists/parameter_scope.hpp"

namespace memspice::netlist {

// Reads the card into `circuit` and returns true if it is one of the cards above
// (except .ic/.nodeset, see below); false otherwise.
bool read_control_card(const Card& card, const ParameterScope& scope, Circuit& circuit);

// True for cards read by read_control_card (they are not allowed inside .subckt).
bool is_control_card(std::string_view keyword);

// .ic v(n)=value ... / .nodeset v(n)=value ...: one item per node (allowed in subcircuits).
std::vector<InitialConditionItem> read_initial_conditions(const Card& card, const ParameterScope& scope);

}  // namespace memspice::netlist
