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
// Semantics are those of ngspice's B-source evaluator, so that both engines compute the
// same numbers from a written netlist: ^ is left associative and, like ** and pow(a,b),
// gives |a|^b; pwr(a,b) = sgn(a)|a|^b; log is the natural logarithm; u(0) = 0.5; nint
// rounds half to even. asinh, acosh and atanh are available too.
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

namespace expression_detail {
struct Access;
}

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

    // The same expression with every leaf passed through `rename` (subcircuit expansion:
    // v(n) -> v(x1.n), i(v1) -> i(v.x1.v1)); leaves that become equal are merged.
    Expression rename_leaves(const std::function<ExpressionLeaf(const ExpressionLeaf&)>& rename) const;

private:
    friend struct expression_detail::Access;
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace memspice
