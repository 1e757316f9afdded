// The deck as a tree of scopes: the top level and every .subckt ... .ends definition
// (definitions may nest), each with the cards of its own body. Collects .global nodes.
#pragma once

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "netlists/expression.hpp"
#include "netlists/lexer.hpp"

namespace memspice::netlist {

struct SubcircuitDefinition {
    std::string name;  // empty for the top level
    std::vector<std::string> ports;
    struct Default {
        std::string name;
        Expression value;
        SourceLocation where;
    };
    std::vector<Default> defaults;  // params: name=value
    std::vector<const Card*> body;  // this level's cards, nested definitions left out
    std::vector<std::unique_ptr<SubcircuitDefinition>> children;
    SubcircuitDefinition* parent = nullptr;
    SourceLocation where;

    const SubcircuitDefinition* find_child(std::string_view child) const;
    // The definition an X line in this body refers to: this level's, then the enclosing ones'.
    const SubcircuitDefinition* resolve(std::string_view subcircuit) const;
    const Default* find_default(std::string_view parameter) const;
};

struct DeckStructure {
    SubcircuitDefinition top;
    std::set<std::string> global_nodes;  // "0", "null" (XSPICE) and the .global ones
};

// `cards` must outlive the result (bodies point into it).
DeckStructure build_structure(const std::vector<Card>& cards);

}  // namespace memspice::netlist
