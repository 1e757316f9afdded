// Element cards -> elements under their local names (before subcircuit translation):
// R C L K V I E F G H D M S W B and A (A lines are completed once models are known).
// X lines are read here too; their expansion is subcircuit_expansion's job.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "netlists/card_cursor.hpp"
#include "netlists/netlist_items.hpp"

namespace memspice::netlist {

ElementItem parse_element(const Card& card, const ParameterScope& scope);

// The independent-source part of a V or I line, from the cursor to the end of the card.
SourceSpec parse_source(CardCursor& cursor, const std::string& element);

// An A line (see ALine).
ALine parse_a_line(const Card& card, const ParameterScope& scope, std::size_t after_name);

struct InstanceLine {
    std::string name;
    std::vector<std::string> nodes;
    std::string subcircuit;
    SourceLocation subcircuit_where;
    std::vector<std::pair<std::string, double>> overrides;
    std::vector<SourceLocation> override_where;
};

// X name nodes... subckt [params:] [name=value ...], values evaluated in `scope`.
InstanceLine parse_instance_line(const Card& card, const ParameterScope& scope);

// The B-source expression checks shared by B, E value= and G value=: parameters
// substituted, v()/i()/time/temper/hertz as the only leaves, ngspice's B functions only.
Expression behavioral_expression(const Card& card, std::size_t offset, std::string_view text,
                                 const ParameterScope& scope);

}  // namespace memspice::netlist
