#include "devices/device.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <stdexcept>

#include "core/units.hpp"

namespace memspice::devices {

namespace {

bool equal_ci(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

std::string range_text(const ParameterInfo& p) {
    auto bound = [](double b) { return std::isinf(b) ? std::string(b < 0 ? "-inf" : "inf") : format_number(b); };
    std::string text = "[" + bound(p.min) + ", " + bound(p.max) + "]";
    if (!p.unit.empty()) text += " " + std::string(p.unit);
    return text;
}

void check_value(const Family& family, const ParameterInfo& p, double value, const SourceLocation& where) {
    if (!std::isfinite(value) || value < p.min || value > p.max)
        throw InputError(where, std::string(family.name) + " parameter " + std::string(p.name) + " = " +
                                    format_number(value) + " is outside its allowed range " + range_text(p));
}

}  // namespace

ParameterSet::ParameterSet(const Family& family, std::vector<double> values)
    : family_(&family), values_(std::move(values)) {}

double ParameterSet::get(std::string_view name) const {
    const int index = family_->parameter_index(name);
    if (index < 0) throw std::out_of_range("no parameter " + std::string(name) + " in " + std::string(family_->name));
    return values_[static_cast<std::size_t>(index)];
}

std::array<double, kMaxStates> DeviceModel::initial_state(const ParameterSet& instance) const {
    std::array<double, kMaxStates> x{};
    const auto& states = instance.family().states;
    for (std::size_t k = 0; k < states.size(); ++k) x[k] = instance.get(states[k].initial_parameter);
    return x;
}

int Family::parameter_index(std::string_view parameter) const {
    for (std::size_t k = 0; k < parameters.size(); ++k)
        if (equal_ci(parameters[k].name, parameter)) return static_cast<int>(k);
    return -1;
}

ParameterSet Family::make_parameters(const Params& given, const SourceLocation& where) const {
    std::vector<double> values;
    values.reserve(parameters.size());
    for (const ParameterInfo& p : parameters) values.push_back(p.default_value);
    for (const auto& [key, value] : given) {
        const int index = parameter_index(key);
        if (index < 0) {
            std::string known;
            for (const ParameterInfo& p : parameters) known += (known.empty() ? "" : ", ") + std::string(p.name);
            throw InputError(where, std::string(name) + " has no parameter '" + key + "' (parameters: " + known + ")");
        }
        const ParameterInfo& p = parameters[static_cast<std::size_t>(index)];
        check_value(*this, p, value, where);
        values[static_cast<std::size_t>(index)] = value;
    }
    return ParameterSet(*this, std::move(values));
}

ParameterSet Family::make_instance_parameters(const ParameterSet& model, const Params& instance,
                                              const SourceLocation& where) const {
    std::vector<double> values = model.values();
    for (const auto& [key, value] : instance) {
        int index = -1;
        for (const StateInfo& s : states)
            if (equal_ci(s.name, key)) index = parameter_index(s.initial_parameter);
        if (index < 0) {
            const int p = parameter_index(key);
            if (p >= 0 && parameters[static_cast<std::size_t>(p)].per_instance) index = p;
        }
        if (index < 0) {
            std::string allowed;
            for (const StateInfo& s : states) allowed += (allowed.empty() ? "" : ", ") + std::string(s.name);
            for (const ParameterInfo& p : parameters)
                if (p.per_instance) allowed += (allowed.empty() ? "" : ", ") + std::string(p.name);
            throw InputError(where, std::string(name) + " instance parameter '" + key +
                                        "' is not settable per instance (allowed: " +
                                        (allowed.empty() ? std::string("none") : allowed) + ")");
        }
        check_value(*this, parameters[static_cast<std::size_t>(index)], value, where);
        values[static_cast<std::size_t>(index)] = value;
    }
    return ParameterSet(*this, std::move(values));
}

void Family::check_unit(std::string_view parameter, std::string_view unit, const SourceLocation& where) const {
    if (unit.empty()) return;
    const int index = parameter_index(parameter);
    if (index < 0) return;  // make_parameters reports unknown names
    const ParameterInfo& p = parameters[static_cast<std::size_t>(index)];
    if (equal_ci(unit, p.unit)) return;
    throw InputError(where, std::string(name) + " parameter " + std::string(parameter) + ": unit '" +
                                std::string(unit) + "' given, expected " +
                                (p.unit.empty() ? std::string("a dimensionless number") : "'" + std::string(p.unit) + "'"));
}

const Family* find_family(std::string_view family_name) {
    for (const Family* f : families())
        if (equal_ci(f->name, family_name)) return f;
    return nullptr;
}

}  // namespace memspice::devices
