// What a card is, from its first word, with the errors that need no more than that:
// unknown element letters and dot cards, unsupported ones, and cards that are not allowed
// inside a .subckt. Applied to every card, also in subcircuits that are never used.
#pragma once

#include "netlists/lexer.hpp"

namespace memspice::netlist {

enum class CardKind {
    Element,           // R C L K V I E F G H D M S W B A
    Instance,          // X
    Parameter,         // .param
    Model,             // .model
    InitialCondition,  // .ic .nodeset
    Control,           // analyses, options, .temp, output cards ... (top level only)
};

// `subcircuit`: the name of the enclosing .subckt, empty at the top level.
CardKind classify_card(const Card& card, std::string_view subcircuit);

}  // namespace memspice::netlist
