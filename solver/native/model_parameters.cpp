#include "solver/native/model_parameters.hpp"

#include <algorithm>
#include <cmath>

#include "core/units.hpp"

namespace memspice::native {

ParameterReader::ParameterReader(const Params& params, std::string what, const SourceLocation& where,
                                 std::initializer_list<std::string_view> accepted,
                                 std::initializer_list<std::string_view> ignored)
    : params_(params), what_(std::move(what)), where_(where) {
    for (const auto& [name, value] : params) {
        const bool known = std::find(accepted.begin(), accepted.end(), name) != accepted.end() ||
                           std::find(ignored.begin(), ignored.end(), name) != ignored.end();
        if (!known) {
            std::string list;
            for (std::string_view a : accepted) {
                if (!list.empty()) list += ' ';
                list += a;
            }
            fail("parameter '" + name + "' is not supported by the native engine (supported: " + list + ")");
        }
        if (!std::isfinite(value)) fail("parameter " + name + " must be a finite number");
    }
}

bool ParameterReader::given(std::string_view name) const { return params_.count(std::string(name)) != 0; }

double ParameterReader::get(std::initializer_list<std::string_view> names, double fallback) const {
    for (std::string_view n : names)
        if (const auto it = params_.find(std::string(n)); it != params_.end()) return it->second;
    return fallback;
}

double ParameterReader::get_checked(std::initializer_list<std::string_view> names, double fallback, double min,
                                    double max, bool min_exclusive) const {
    const double v = get(names, fallback);
    const bool low = min_exclusive ? !(v > min) : !(v >= min);
    if (low || !(v <= max))
        fail("parameter " + std::string(*names.begin()) + " = " + format_number(v) + " is outside " +
             (min_exclusive ? "(" : "[") + format_number(min) + ", " + (max >= 1e300 ? std::string("inf") : format_number(max)) +
             "]");
    return v;
}

void ParameterReader::fail(const std::string& message) const { throw InputError(where_, what_ + ": " + message); }

const Model& find_model(const Circuit& circuit, const memspice::Element& element,
                        std::initializer_list<std::string_view> types) {
    const Model* m = circuit.find_model(element.model);
    if (!m) throw InputError(element.where, element.name + ": model '" + element.model + "' is not defined");
    if (std::find(types.begin(), types.end(), m->type) == types.end()) {
        std::string expected;
        for (std::string_view t : types) {
            if (!expected.empty()) expected += " or ";
            expected += t;
        }
        throw InputError(element.where, element.name + ": model '" + element.model + "' is of type " + m->type +
                                            ", expected " + expected);
    }
    return *m;
}

}  // namespace memspice::native
