// Flattening: every X line replaced by its subcircuit's body, with ngspice's names.
//
// ngspice (frontend/subckt.c) expands a deck level by level: the bodies of the definitions
// of a level are expanded first (instances of subcircuits defined inside them), then each
// X line of the level is replaced by a copy of its definition's body in which every name
// is translated with the instance name S (e.g. "x1"):
//   element  r1   -> r.S.r1     (X lines: x2 -> S.x2, expanded later with that name)
//   node     n    -> S.n        (ports -> the instance's nodes; 0, null, .global unchanged)
//   model    dm   -> S:dm       (only models defined in that body)
// so an element of a subcircuit defined at the top level and instantiated as x2 inside x1
// becomes r.x1.x2.r5, while one defined inside the enclosing subcircuit becomes
// r.x1.r.x2.r5: both as ngspice 39 names them. Parameters are evaluated per instance.
#pragma once

#include <memory>
#include <vector>

#include "core/circuit.hpp"
#include "netlists/model_cards.hpp"
#include "netlists/netlist_items.hpp"
#include "netlists/subcircuit_definitions.hpp"

namespace memspice::netlist {

// Flattens the deck; top-level control cards (analyses, options, ...) go into `circuit`.
std::vector<Item> flatten(const DeckStructure& deck, const FamilyLookup& families, Circuit& circuit);

}  // namespace memspice::netlist
