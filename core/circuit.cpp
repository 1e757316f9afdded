#include "core/circuit.hpp"

#include <algorithm>
#include <set>

#include "core/units.hpp"

namespace memspice {

char element_letter(ElementType type) {
    switch (type) {
        case ElementType::Resistor: return 'R';
        case ElementType::Capacitor: return 'C';
        case ElementType::Inductor: return 'L';
        case ElementType::Coupling: return 'K';
        case ElementType::VoltageSource: return 'V';
        case ElementType::CurrentSource: return 'I';
        case ElementType::Vcvs: return 'E';
        case ElementType::Cccs: return 'F';
        case ElementType::Vccs: return 'G';
        case ElementType::Ccvs: return 'H';
        case ElementType::Diode: return 'D';
        case ElementType::Mosfet: return 'M';
        case ElementType::VoltageSwitch: return 'S';
        case ElementType::CurrentSwitch: return 'W';
        case ElementType::Behavioral: return 'B';
        case ElementType::Device:
        case ElementType::CodeModel: return 'A';
    }
    return '?';
}

bool Element::operator==(const Element& o) const {
    return type == o.type && name == o.name && nodes == o.nodes && value == o.value &&
           controls == o.controls && model == o.model && params == o.params && source == o.source &&
           expression == o.expression && behavioral_quantity == o.behavioral_quantity &&
           code_model_text == o.code_model_text;
}

bool Model::operator==(const Model& o) const {
    return name == o.name && type == o.type && params == o.params && code_model_text == o.code_model_text;
}

bool Analysis::operator==(const Analysis& o) const {
    return kind == o.kind && sweeps == o.sweeps && tstep == o.tstep && tstop == o.tstop &&
           tstart == o.tstart && tmax == o.tmax && uic == o.uic && ac_spacing == o.ac_spacing &&
           ac_points == o.ac_points && fstart == o.fstart && fstop == o.fstop;
}

const Model* Circuit::find_model(std::string_view name) const {
    auto it = std::find_if(models.begin(), models.end(), [&](const Model& m) { return m.name == name; });
    return it == models.end() ? nullptr : &*it;
}

const Element* Circuit::find_element(std::string_view name) const {
    auto it = std::find_if(elements.begin(), elements.end(), [&](const Element& e) { return e.name == name; });
    return it == elements.end() ? nullptr : &*it;
}

std::vector<std::string> Circuit::node_names() const {
    std::vector<std::string> names;
    std::set<std::string_view> seen;
    for (const Element& e : elements)
        for (const std::string& n : e.nodes)
            if (n != "0" && seen.insert(n).second) names.push_back(n);
    return names;
}

std::optional<std::string> Circuit::option_text(std::string_view name) const {
    // The last setting wins, as in ngspice.
    for (auto it = options.rbegin(); it != options.rend(); ++it)
        if (it->first == name) return it->second;
    return std::nullopt;
}

double Circuit::option_number(std::string_view name, double fallback) const {
    const auto text = option_text(name);
    if (!text) return fallback;
    const auto number = parse_spice_number(*text);
    if (!number) throw InputError(".options " + std::string(name) + "=" + *text + ": expected a number");
    return number->value;
}

}  // namespace memspice
