// What one subcircuit body (or the top level) contributes while it is being flattened:
// elements and models under their local names, X lines waiting for the level that defines
// their subcircuit, and .ic/.nodeset values. Internal to the reader.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/circuit.hpp"
#include "netlists/expression.hpp"
#include "netlists/parameter_scope.hpp"

namespace memspice::netlist {

struct SubcircuitDefinition;

// An A line before its model is known: a memspice device (plain nodes, model, `name=value`
// overrides) or an XSPICE code model (ngspice port syntax, model last).
struct ALine {
    // The line after the name as ngspice's subcircuit expansion splits it.
    struct Part {
        enum class Role { Node, Instance, Verbatim };  // Verbatim: %v, [, ], ~, model
        std::string text;
        Role role = Role::Node;
    };
    std::vector<Part> parts;
    std::string text;            // after the name, as written (lower case); rebuilt when renamed
    bool xspice_syntax = false;  // uses %, [, ], ~, < or >
    // The device reading: nodes, model, overrides and the unit written after each value.
    std::vector<std::string> device_nodes;
    std::string device_model;
    Params overrides;
    std::vector<std::pair<std::string, std::string>> override_units;
    std::string device_form_error;  // why the line cannot be a device line, if it cannot
    SourceLocation device_form_where;

    // The model name: the word before the first name=value, or the last word.
    const std::string& model() const { return parts.empty() || !overrides.empty() ? device_model : parts.back().text; }
    // `text` rebuilt from the (renamed) parts or device reading.
    void rebuild_text();
};

struct ElementItem {
    Element element;                       // local names until translated
    std::optional<Expression> expression;  // Behavioral: the parsed expression
    std::optional<ALine> a_line;           // A lines until models are resolved
};

struct ModelItem {
    Model model;
};

// An X line: expanded by the level whose body defines its subcircuit.
struct InstanceItem {
    std::string name;                 // e.g. "x2", then "x1.x2" once translated
    std::vector<std::string> nodes;
    const SubcircuitDefinition* definition = nullptr;
    std::vector<std::pair<std::string, double>> overrides;
    std::shared_ptr<ParameterScope> caller;  // where the X line was written
    std::vector<const SubcircuitDefinition*> ancestry;  // the definitions being expanded around it
    SourceLocation where;
};

struct InitialConditionItem {
    bool nodeset = false;
    std::string node;
    double value = 0;
    SourceLocation where;
};

using Item = std::variant<ElementItem, ModelItem, InstanceItem, InitialConditionItem>;

}  // namespace memspice::netlist
