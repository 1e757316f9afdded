// Parameters visible at one place of a netlist: the .param cards of the top level, of a
// subcircuit body and a subcircuit instance's `params:` values, each scope chained to the
// one it is used from (as ngspice's numparam resolves names). A parameter defined by an
// expression is evaluated when first needed, so definitions may come in any order, as in
// ngspice; a cycle is reported.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/error.hpp"
#include "netlists/expression.hpp"

namespace memspice::netlist {

class ParameterScope {
public:
    explicit ParameterScope(std::shared_ptr<ParameterScope> parent = nullptr) : parent_(std::move(parent)) {}

    // Defines (or redefines: the last definition wins, as in ngspice) a parameter by an
    // expression evaluated in this scope. Throws for a reserved name (pi, e, time, ...).
    void define(const std::string& name, Expression expression, const SourceLocation& where);
    void define_value(const std::string& name, double value, const SourceLocation& where);
    bool defines_here(std::string_view name) const { return entries_.find(name) != entries_.end(); }
    std::optional<SourceLocation> definition_here(std::string_view name) const;

    // The value of a parameter visible here; nullopt when no scope defines it.
    std::optional<double> lookup(std::string_view name) const;

    // The finite value of a constant expression: parameters substituted; an undefined
    // name, a v()/i()/time or a non-finite result is an InputError at `where`.
    double evaluate(const Expression& expression, const SourceLocation& where) const;
    // The expression with the parameters visible here substituted (B sources).
    Expression substitute(const Expression& expression) const;

private:
    struct Entry {
        Expression expression;
        std::optional<double> value;
        SourceLocation where;
        bool evaluating = false;
    };
    std::shared_ptr<ParameterScope> parent_;
    mutable std::map<std::string, Entry, std::less<>> entries_;
};

// True for names a .param may not take: constants and simulator variables.
bool is_reserved_parameter_name(std::string_view name);

}  // namespace memspice::netlist
