// Model resolution and reference checks on the flat circuit (see circuit_checks.hpp).
#include "netlists/circuit_checks.hpp"

#include <map>
#include <set>

namespace memspice::netlist {

namespace {

const char* required_model_type(ElementType type) {
    switch (type) {
        case ElementType::Diode: return "d";
        case ElementType::Mosfet: return "nmos or pmos";
        case ElementType::VoltageSwitch: return "sw";
        case ElementType::CurrentSwitch: return "csw";
        default: return nullptr;
    }
}

bool model_type_fits(ElementType type, const std::string& model_type) {
    switch (type) {
        case ElementType::Diode: return model_type == "d";
        case ElementType::Mosfet: return model_type == "nmos" || model_type == "pmos";
        case ElementType::VoltageSwitch: return model_type == "sw";
        case ElementType::CurrentSwitch: return model_type == "csw";
        default: return true;
    }
}

void check_unique_names(const Circuit& circuit) {
    std::map<std::string_view, const Element*> elements;
    for (const Element& e : circuit.elements) {
        auto [it, fresh] = elements.emplace(e.name, &e);
        if (!fresh) throw InputError(e.where, "element '" + e.name + "' is already defined at " + it->second->where.str());
    }
    std::map<std::string_view, const Model*> models;
    for (const Model& m : circuit.models) {
        auto [it, fresh] = models.emplace(m.name, &m);
        if (!fresh) throw InputError(m.where, "model '" + m.name + "' is already defined at " + it->second->where.str());
    }
}

void resolve_a_line(Element& e, ALine& a, const Circuit& circuit, const FamilyLookup& families) {
    const std::string& model_name = a.model();
    const Model* model = circuit.find_model(model_name);
    if (!model) throw InputError(e.where, "undefined model '" + model_name + "' (used by " + e.name + ")");
    e.model = model_name;
    if (const devices::Family* family = families ? families(model->type) : nullptr) {
        if (a.xspice_syntax)
            throw InputError(e.where, e.name + " is a " + std::string(family->name) +
                                          " device: write its nodes plainly (no %, [ ], ~), then the model");
        if (!a.device_form_error.empty()) throw InputError(a.device_form_where, a.device_form_error + " in " + e.name);
        if (a.device_nodes.size() != family->terminals.size()) {
            std::string terminals;
            for (std::string_view t : family->terminals) {
                if (!terminals.empty()) terminals += ' ';
                terminals += t;
            }
            throw InputError(e.where, e.name + ": " + std::string(family->name) + " has " +
                                          std::to_string(family->terminals.size()) + " terminals (" + terminals +
                                          "), found " + std::to_string(a.device_nodes.size()) + " nodes");
        }
        for (const auto& [name, unit] : a.override_units) family->check_unit(name, unit, e.where);
        const devices::ParameterSet card = family->make_parameters(model->params, model->where);
        (void)family->make_instance_parameters(card, a.overrides, e.where);
        e.type = ElementType::Device;
        e.nodes = a.device_nodes;
        e.params = a.overrides;
        return;
    }
    if (is_builtin_model_type(model->type))
        throw InputError(e.where, e.name + " uses model '" + model_name + "' of type " + model->type +
                                      "; an A line needs a memspice device family or an XSPICE code model");
    e.type = ElementType::CodeModel;
    e.code_model_text = a.text;
    e.nodes.clear();
    for (std::size_t k = 0; k + 1 < a.parts.size(); ++k)
        if (a.parts[k].role == ALine::Part::Role::Node && a.parts[k].text != "null") e.nodes.push_back(a.parts[k].text);
}

// Nodes connected to something: every terminal except the sensing inputs of E, G and S.
std::set<std::string, std::less<>> connected_nodes(const Circuit& circuit) {
    std::set<std::string, std::less<>> nodes = {"0"};
    for (const Element& e : circuit.elements) {
        const bool senses = e.type == ElementType::Vcvs || e.type == ElementType::Vccs || e.type == ElementType::VoltageSwitch;
        const std::size_t real = senses ? 2 : e.nodes.size();
        for (std::size_t k = 0; k < real && k < e.nodes.size(); ++k) nodes.insert(e.nodes[k]);
    }
    return nodes;
}

void check_references(const Circuit& circuit, const std::vector<InitialConditionItem>& initial_conditions) {
    std::map<std::string_view, const Element*> by_name;
    for (const Element& e : circuit.elements) by_name.emplace(e.name, &e);
    const auto nodes = connected_nodes(circuit);
    auto require_node = [&](const std::string& node, const SourceLocation& where, const std::string& context) {
        if (!nodes.count(node))
            throw InputError(where, context + " names node '" + node + "', which no element connects to");
    };
    auto require = [&](const Element& user, const std::string& name, ElementType type, const char* what) {
        auto it = by_name.find(name);
        if (it == by_name.end()) throw InputError(user.where, user.name + " refers to '" + name + "', which is not defined");
        if (it->second->type != type)
            throw InputError(user.where, user.name + " refers to '" + name + "', which is not " + what);
    };

    for (const Element& e : circuit.elements) {
        if (const char* needed = required_model_type(e.type)) {
            const Model* m = circuit.find_model(e.model);
            if (!m) throw InputError(e.where, "undefined model '" + e.model + "' (used by " + e.name + ")");
            if (!model_type_fits(e.type, m->type))
                throw InputError(e.where, e.name + " needs a model of type " + needed + ", but '" + e.model +
                                              "' is of type " + m->type);
        }
        switch (e.type) {
            case ElementType::Coupling:
                for (const std::string& l : e.controls) require(e, l, ElementType::Inductor, "an inductor");
                break;
            case ElementType::Cccs:
            case ElementType::Ccvs:
            case ElementType::CurrentSwitch:
                require(e, e.controls.at(0), ElementType::VoltageSource, "a voltage source");
                break;
            case ElementType::Vcvs:
            case ElementType::Vccs:
            case ElementType::VoltageSwitch:
                require_node(e.nodes.at(2), e.where, e.name + "'s controlling input");
                require_node(e.nodes.at(3), e.where, e.name + "'s controlling input");
                break;
            case ElementType::Behavioral: {
                const Expression expression = Expression::parse(e.expression, e.where);
                for (const ExpressionLeaf& leaf : expression.leaves()) {
                    if (leaf.kind == ExpressionLeaf::Kind::NodeVoltage) {
                        require_node(leaf.a, e.where, "the expression of " + e.name);
                        require_node(leaf.b, e.where, "the expression of " + e.name);
                    } else if (leaf.kind == ExpressionLeaf::Kind::BranchCurrent) {
                        require(e, leaf.a, ElementType::VoltageSource, "a voltage source (i() reads voltage source currents)");
                    }
                }
                break;
            }
            default: break;
        }
    }
    for (const InitialConditionItem& ic : initial_conditions)
        require_node(ic.node, ic.where, ic.nodeset ? ".nodeset" : ".ic");
    for (const Analysis& a : circuit.analyses)
        for (const DcSweep& s : a.sweeps) {
            if (s.source == "temp") continue;
            auto it = by_name.find(s.source);
            if (it == by_name.end()) throw InputError(a.where, ".dc sweeps '" + s.source + "', which is not defined");
            if (it->second->type != ElementType::VoltageSource && it->second->type != ElementType::CurrentSource)
                throw InputError(a.where, ".dc sweeps '" + s.source + "', which is not an independent V or I source");
        }
}

}  // namespace

void complete_circuit(Circuit& circuit, std::vector<std::optional<ALine>>& a_lines,
                      const std::vector<InitialConditionItem>& initial_conditions, const FamilyLookup& families) {
    check_unique_names(circuit);
    for (std::size_t k = 0; k < circuit.elements.size(); ++k)
        if (a_lines[k]) resolve_a_line(circuit.elements[k], *a_lines[k], circuit, families);
    check_references(circuit, initial_conditions);
}

}  // namespace memspice::netlist
