// Internal representation of netlists/expression.hpp: an immutable tree of operator nodes
// over constants and leaves (indices into Expression::leaves()), shared by the parser,
// the evaluator and the printer. Not part of the public interface.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "netlists/expression.hpp"

namespace memspice::expression_detail {

enum class Op {
    Constant, Leaf,
    Negate, Not,                                   // unary - and !
    Add, Subtract, Multiply, Divide, Power,        // ^ and ** are both Power
    Less, LessEqual, Greater, GreaterEqual, Equal, NotEqual,
    And, Or,
    Conditional,                                   // c ? a : b
    Call,
};

enum class Function {
    Abs, Sqrt, Exp, Ln, Log, Log10, Sin, Cos, Tan, Asin, Acos, Atan, Sinh, Cosh, Tanh,
    Asinh, Acosh, Atanh, Atan2, Pow, Pwr, Min, Max, Floor, Ceil, Int, Nint, Sgn, Step, Uramp, Limit, TernaryFcn,
};

struct FunctionInfo {
    std::string_view name;
    Function function;
    int arguments;
};
// The function table (names as written in ngspice); nullptr when unknown.
const FunctionInfo* find_function(std::string_view name);
const FunctionInfo& function_info(Function f);

struct Node {
    Op op = Op::Constant;
    double value = 0;               // Constant
    std::size_t leaf = 0;           // Leaf: index into the leaf table
    Function function = Function::Abs;  // Call
    std::vector<Node> children;
};

// Printing precedence of a node: higher binds tighter.
int precedence(const Node& node);

}  // namespace memspice::expression_detail

namespace memspice {

struct Expression::Impl {
    expression_detail::Node root;
    std::vector<ExpressionLeaf> leaves;
    std::size_t depth = 1;  // tree depth, sizes the evaluator's scratch space

    // Folds constant subtrees (keeping those whose value is not finite, so that the text
    // stays printable), then renumbers leaves in first-appearance order, dropping unused ones.
    void normalize();
};

}  // namespace memspice

namespace memspice::expression_detail {

// The parser, evaluator and printer reach the tree through this.
struct Access {
    static Expression::Impl& impl(Expression& e) { return *e.impl_; }
    static const Expression::Impl& impl(const Expression& e) { return *e.impl_; }
};

// True when the expression calls the function of that name.
bool uses_function(const Expression& expression, std::string_view name);

struct ParseResult {
    Expression expression;
    std::size_t consumed = 0;  // characters of the text used (prefix mode)
};

struct ParseError {
    std::size_t offset = 0;    // where in the text the problem is
    std::string message;       // what was expected
};

// Parses `text`. In prefix mode, stops before the first token that cannot continue the
// expression (for `.param a=1 b=2`); otherwise the whole text must be one expression.
// Throws ParseError.
ParseResult parse_expression(std::string_view text, bool prefix);

}  // namespace memspice::expression_detail
