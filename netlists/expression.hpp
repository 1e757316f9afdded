// Expressions of ngspice netlists: `.param` values and `{...}` anywhere a number goes
// (evaluated once when the netlist is read), and behavioural-source expressions
// (B v=... / i=...), which keep node voltages, branch currents and time as leaves and are
// evaluated with their partial derivatives by the native engine at every Newton iteration.
//
// Syntax (ngspice's): numbers with SPICE suffixes, + - * / ^ ** (power), unary + - !,
// comparisons < <= > >= == != and && ||, the ternary a ? b : c, parentheses, and
// functions abs sqrt exp ln log log10 sin cos tan asin acos atan sinh cosh tanh atan2
// pow pwr min max floor ceil int nint sgn u (unit step) uramp limit(x,lo,hi) ternary_fcn.
// Identifiers: parameters, `time`, `temper`, `hertz`, `pi`, `e`, and in behavioural
// sources v(node), v(node1,node2), i(vsource).
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace memspice {

// A quantity an expression reads and the engine supplies.
struct ExpressionLeaf {
    enum class Kind { NodeVoltage, BranchCurrent, Time, Variable };
    Kind kind = Kind::Variable;
    std::string a;  // NodeVoltage: first node; BranchCurrent: source name; Variable: identifier
    std::string b;  // NodeVoltage: second node, "0" when v(node) has one argument
    bool operator==(const ExpressionLeaf&) const = default;
};

class Expression {
public:
    Expression();  // the constant 0
    ~Expression();
    Expression(const Expression&);
    Expression& operator=(const Expression&);
    Expression(Expression&&) noexcept;
    Expression& operator=(Expression&&) noexcept;

    // Throws InputError at `where` naming what was expected ("expected ')' after ...").
    static Expression parse(std::string_view text, const SourceLocation& where = {});

    // Replaces the identifiers `lookup` knows by constants and folds constant subtrees.
    // Identifiers it does not know stay leaves.
    Expression substitute(const std::function<std::optional<double>(std::string_view)>& lookup) const;

    // The distinct leaves, in first-appearance order; evaluate() takes their values in it.
    const std::vector<ExpressionLeaf>& leaves() const;
    bool is_constant() const { return leaves().empty(); }

    // Value for the given leaf values. If `gradient` is non-empty (size == leaves().size()),
    // it receives the partial derivative with respect to each leaf. Domain errors (log of a
    // negative number, division by zero) give non-finite results, which callers must check.
    double evaluate(std::span<const double> leaf_values, std::span<double> gradient = {}) const;

    // Shortcut for constant expressions; throws InputError at `where` naming an unknown
    // identifier when one is left.
    double value(const SourceLocation& where = {}) const;

    // Canonical ngspice-dialect text that parses back to the same expression.
    std::string to_string() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace memspice
