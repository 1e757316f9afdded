// A memspice device instance written for memspice.cm (see codemodel_naming.hpp and
// devices/ngspice/README.md for the form):
//
//   a1 %gd(p n) %g(a1#x) m1#a1            the XSPICE instance: terminal ports, state ports
//   ca1#x a1#x 0 1                        1 F from each state node to ground
//   ca1#port_p p n 2e-15                  the device's port capacitance, when it has one
//   .ic v(a1#x)=0.5                       the initial state
//   .model m1#a1 hp_memristor(ron=100 x0=0.5 instance_key=123...)
//
// The model card is per instance (named <model>#<instance>) when the instance overrides a
// parameter or an initial state, or when the family is stochastic (the card then carries the
// instance's random-stream key); otherwise instances share the card <model>, written
// identically for each of them.
#include "devices/ngspice/netlist_expansion.hpp"

#include <set>
#include <string>
#include <vector>

#include "core/units.hpp"
#include "devices/ngspice/codemodel_naming.hpp"
#include "devices/random.hpp"

namespace memspice::devices {

namespace {

std::string family_list() {
    std::string names;
    for (const Family* f : families()) names += (names.empty() ? "" : ", ") + std::string(f->name);
    return names.empty() ? "none registered" : names;
}

std::string terminal_list(const Family& family) {
    std::string names;
    for (auto t : family.terminals) names += (names.empty() ? "" : " ") + std::string(t);
    return names;
}

// Index of the parameter an instance-line key sets: a state name sets its initial parameter.
int instance_key_index(const Family& family, const std::string& key) {
    for (const StateInfo& s : family.states)
        if (s.name == key) return family.parameter_index(s.initial_parameter);
    return family.parameter_index(key);
}

}  // namespace

NgspiceExpansion expand_for_ngspice(const Element& device, const Model& model) {
    const Family* family = find_family(model.type);
    if (!family)
        throw InputError(device.where, "model " + model.name + " of " + device.name + " has type '" + model.type +
                                           "', which is not a memspice device family (families: " + family_list() + ")");
    if (device.nodes.size() != family->terminals.size())
        throw InputError(device.where, device.name + ": a " + std::string(family->name) + " device has " +
                                           std::to_string(family->terminals.size()) + " terminals (" +
                                           terminal_list(*family) + "), " + std::to_string(device.nodes.size()) +
                                           " nodes given");

    // The same validation the native engine does: errors name the parameter, value and range.
    const ParameterSet card = family->make_parameters(model.params, model.where);
    const ParameterSet instance = family->make_instance_parameters(card, device.params, device.where);
    const auto device_model = family->create(instance);
    const auto x0 = device_model->initial_state(instance);

    const bool per_instance = family->stochastic || !device.params.empty();
    const std::string card_name =
        per_instance ? model.name + codemodel::kSeparator + device.name : model.name;

    NgspiceExpansion out;
    const std::string& last = device.nodes.back();

    // The instance: port k is terminal k against the last terminal, then one port per state.
    std::string line = device.name;
    for (int k = 0; k < family->ports(); ++k) line += " %gd(" + device.nodes[static_cast<std::size_t>(k)] + " " + last + ")";
    for (const StateInfo& s : family->states) line += " %g(" + codemodel::state_node(device.name, s.name) + ")";
    line += " " + card_name;
    out.element_lines.push_back(line);

    for (std::size_t k = 0; k < family->states.size(); ++k) {
        const std::string node = codemodel::state_node(device.name, family->states[k].name);
        out.element_lines.push_back("c" + node + " " + node + " 0 1");
        out.ic_lines.push_back(".ic v(" + node + ")=" + format_number(x0[k]));
    }
    for (int k = 0; k < family->ports(); ++k) {
        const double c = device_model->port_capacitance(k);
        if (c > 0) {
            const std::string& t = device.nodes[static_cast<std::size_t>(k)];
            out.element_lines.push_back("c" + device.name + codemodel::kSeparator + "port_" +
                                        std::string(family->terminals[static_cast<std::size_t>(k)]) + " " + t + " " +
                                        last + " " + format_number(c));
        }
    }

    // The card: the parameters given on the .model card and those the instance overrides,
    // in the family's order; the others take the same defaults in the code model.
    std::set<int> written;
    for (const auto& [key, value] : model.params) written.insert(family->parameter_index(key));
    if (per_instance)
        for (const auto& [key, value] : device.params) written.insert(instance_key_index(*family, key));
    std::string card_line = ".model " + card_name + " " + codemodel::code_model_name(*family) + "(";
    std::vector<std::string> assignments;
    for (int k : written)
        if (k >= 0)
            assignments.push_back(std::string(family->parameters[static_cast<std::size_t>(k)].name) + "=" +
                                  format_number(instance[static_cast<std::size_t>(k)]));
    // The key as an integer: ngspice reads decimal digits exactly (keys have 53 bits).
    if (per_instance)
        assignments.push_back(std::string(codemodel::kInstanceKeyParameter) + "=" +
                              std::to_string(random::device_key(device.name)));
    for (std::size_t k = 0; k < assignments.size(); ++k) {
        if (k > 0) card_line += ' ';
        card_line += assignments[k];
    }
    card_line += ')';
    out.model_lines.push_back(card_line);
    return out;
}

}  // namespace memspice::devices
