// Lazy, scoped parameter evaluation (see parameter_scope.hpp).
#include "netlists/parameter_scope.hpp"

#include <cmath>

#include "core/units.hpp"

namespace memspice::netlist {

bool is_reserved_parameter_name(std::string_view name) {
    return name == "pi" || name == "e" || name == "time" || name == "temper" || name == "hertz";
}

void ParameterScope::define(const std::string& name, Expression expression, const SourceLocation& where) {
    if (is_reserved_parameter_name(name))
        throw InputError(where, "'" + name + "' is a reserved name (pi, e, time, temper, hertz) and cannot be a parameter");
    entries_[name] = Entry{std::move(expression), std::nullopt, where, false};
}

void ParameterScope::define_value(const std::string& name, double value, const SourceLocation& where) {
    if (is_reserved_parameter_name(name))
        throw InputError(where, "'" + name + "' is a reserved name (pi, e, time, temper, hertz) and cannot be a parameter");
    entries_[name] = Entry{Expression{}, value, where, false};
}

std::optional<SourceLocation> ParameterScope::definition_here(std::string_view name) const {
    auto it = entries_.find(name);
    if (it == entries_.end()) return std::nullopt;
    return it->second.where;
}

std::optional<double> ParameterScope::lookup(std::string_view name) const {
    auto it = entries_.find(name);
    if (it == entries_.end()) return parent_ ? parent_->lookup(name) : std::nullopt;
    Entry& entry = it->second;
    if (entry.value) return entry.value;
    if (entry.evaluating)
        throw InputError(entry.where, "parameter '" + std::string(name) + "' depends on itself");
    entry.evaluating = true;
    try {
        entry.value = evaluate(entry.expression, entry.where);
    } catch (...) {
        entry.evaluating = false;
        throw;
    }
    entry.evaluating = false;
    return entry.value;
}

Expression ParameterScope::substitute(const Expression& expression) const {
    return expression.substitute([this](std::string_view name) { return lookup(name); });
}

double ParameterScope::evaluate(const Expression& expression, const SourceLocation& where) const {
    const Expression constant = substitute(expression);
    if (!constant.is_constant()) {
        const ExpressionLeaf& leaf = constant.leaves().front();
        switch (leaf.kind) {
            case ExpressionLeaf::Kind::Variable:
                throw InputError(where, "undefined parameter '" + leaf.a + "'");
            case ExpressionLeaf::Kind::NodeVoltage:
            case ExpressionLeaf::Kind::BranchCurrent:
            case ExpressionLeaf::Kind::Time:
                throw InputError(where, "v(), i() and time can only be used in B sources, not in '" +
                                            expression.to_string() + "'");
        }
    }
    const double value = constant.evaluate({});
    if (!std::isfinite(value))
        throw InputError(where, "'" + expression.to_string() + "' evaluates to " + format_number(value) +
                                    " (not a finite number)");
    return value;
}

}  // namespace memspice::netlist
