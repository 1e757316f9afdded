#include "solver/native/element_factory.hpp"

#include <algorithm>
#include <unordered_map>

#include "solver/native/compact_device.hpp"
#include "solver/native/controlled_sources.hpp"
#include "solver/native/diode.hpp"
#include "solver/native/linear_elements.hpp"
#include "solver/native/mosfet1.hpp"
#include "solver/native/sources.hpp"
#include "solver/native/switches.hpp"

namespace memspice::native {

namespace {

bool depends_on_others(ElementType type) {
    return type == ElementType::Coupling || type == ElementType::Cccs || type == ElementType::Ccvs ||
           type == ElementType::CurrentSwitch;
}

class Factory {
public:
    Factory(const Circuit& circuit, Unknowns& unknowns, const SolverOptions& options)
        : circuit_(circuit), unknowns_(unknowns), options_(options), devices_(circuit) {}

    std::vector<std::unique_ptr<Element>> build() {
        const auto& list = circuit_.elements;
        std::vector<std::unique_ptr<Element>> made(list.size());
        bool dependents = false;
        for (std::size_t k = 0; k < list.size(); ++k) {
            if (depends_on_others(list[k].type)) dependents = true;
            else made[k] = make_independent(list[k]);
        }
        if (!dependents) return made;
        // Names are only needed to resolve references (K, F, H, W); the reader rejects duplicates.
        for (const auto& e : made)
            if (e) by_name_.emplace(e->name(), e.get());
        // Dependents may refer to each other (F controlled by an H): build in passes.
        for (bool progress = true; progress;) {
            progress = false;
            for (std::size_t k = 0; k < list.size(); ++k) {
                if (made[k] || !depends_on_others(list[k].type)) continue;
                const bool ready = std::all_of(list[k].controls.begin(), list[k].controls.end(), [&](const std::string& c) {
                    return by_name_.count(c) || !circuit_.find_element(c) || !depends_on_others(circuit_.find_element(c)->type);
                });
                if (!ready) continue;
                made[k] = make_dependent(list[k]);
                by_name_.emplace(made[k]->name(), made[k].get());
                progress = true;
            }
        }
        for (std::size_t k = 0; k < list.size(); ++k)
            if (!made[k])
                throw InputError(list[k].where, list[k].name + ": its controlling elements refer to each other in a cycle");
        return made;
    }

private:
    const Element& controlling(const memspice::Element& e, std::size_t k, const char* what) {
        if (e.controls.size() <= k)
            throw InputError(e.where, e.name + ": missing the name of its controlling " + std::string(what));
        const auto it = by_name_.find(e.controls[k]);
        if (it == by_name_.end())
            throw InputError(e.where, e.name + ": controlling " + std::string(what) + " '" + e.controls[k] +
                                          "' is not in the circuit");
        return *it->second;
    }

    const Element& controlling_branch(const memspice::Element& e) {
        const Element& c = controlling(e, 0, "source");
        const auto* source = circuit_.find_element(c.name());
        const bool has_branch = source && (source->type == ElementType::VoltageSource ||
                                           source->type == ElementType::Inductor || source->type == ElementType::Vcvs ||
                                           source->type == ElementType::Ccvs ||
                                           (source->type == ElementType::Behavioral && source->behavioral_quantity == 'v'));
        if (!has_branch)
            throw InputError(e.where, e.name + ": controlling element '" + c.name() +
                                          "' has no branch current (expected a V source, inductor, E, H or B v= source)");
        return c;
    }

    std::unique_ptr<Element> make_independent(const memspice::Element& e) {
        switch (e.type) {
            case ElementType::Resistor: return std::make_unique<Resistor>(e, unknowns_);
            case ElementType::Capacitor: return std::make_unique<Capacitor>(e, unknowns_);
            case ElementType::Inductor: return std::make_unique<Inductor>(e, unknowns_);
            case ElementType::VoltageSource: return std::make_unique<VoltageSource>(e, unknowns_);
            case ElementType::CurrentSource: return std::make_unique<CurrentSource>(e, unknowns_);
            case ElementType::Vcvs: return std::make_unique<Vcvs>(e, unknowns_);
            case ElementType::Vccs: return std::make_unique<Vccs>(e, unknowns_);
            case ElementType::Diode: return std::make_unique<Diode>(e, circuit_, unknowns_, options_);
            case ElementType::Mosfet: return std::make_unique<Mosfet1>(e, circuit_, unknowns_, options_);
            case ElementType::VoltageSwitch: return std::make_unique<Switch>(e, circuit_, unknowns_, options_, nullptr);
            case ElementType::Device: {
                auto device = devices_.make(e, unknowns_);
                if (!device)
                    throw InputError(e.where, e.name + ": model '" + e.model + "' is not a memspice device family");
                return device;
            }
            case ElementType::CodeModel:
                throw InputError(e.where, e.name + ": XSPICE code-model instances run only in the ngspice engine");
            default:
                throw InputError(e.where, e.name + ": element type " + std::string(1, element_letter(e.type)) +
                                              " is not supported by the native engine yet");
        }
    }

    std::unique_ptr<Element> make_dependent(const memspice::Element& e) {
        switch (e.type) {
            case ElementType::Coupling: {
                auto inductor = [&](std::size_t k) -> const Inductor& {
                    const auto* l = dynamic_cast<const Inductor*>(&controlling(e, k, "inductor"));
                    if (!l) throw InputError(e.where, e.name + ": '" + e.controls[k] + "' is not an inductor");
                    return *l;
                };
                return std::make_unique<Coupling>(e, inductor(0), inductor(1));
            }
            case ElementType::Cccs: return std::make_unique<Cccs>(e, unknowns_, controlling_branch(e));
            case ElementType::Ccvs: return std::make_unique<Ccvs>(e, unknowns_, controlling_branch(e));
            case ElementType::CurrentSwitch:
                return std::make_unique<Switch>(e, circuit_, unknowns_, options_, &controlling_branch(e));
            default:
                throw InputError(e.where, e.name + ": element type " + std::string(1, element_letter(e.type)) +
                                              " is not supported by the native engine yet");
        }
    }

    const Circuit& circuit_;
    Unknowns& unknowns_;
    const SolverOptions& options_;
    CompactDeviceFactory devices_;
    std::unordered_map<std::string, Element*> by_name_;
};

}  // namespace

std::vector<std::unique_ptr<Element>> make_elements(const Circuit& circuit, Unknowns& unknowns,
                                                    const SolverOptions& options) {
    return Factory(circuit, unknowns, options).build();
}

}  // namespace memspice::native
