// Expression -> canonical text. Parentheses are added wherever ngspice's B-source grammar
// and ours could group differently (chains of ^, unary operands of binary operators,
// negative constants), so the text means the same to both parsers and reparses to the
// same tree.
#include <cmath>

#include "core/units.hpp"
#include "netlists/expression_tree.hpp"

namespace memspice::expression_detail {

namespace {

constexpr int kConditional = 1, kOr = 2, kAnd = 3, kEquality = 4, kRelational = 5, kAdditive = 6,
              kMultiplicative = 7, kUnary = 8, kPower = 9, kPrimary = 10;

const char* operator_text(Op op) {
    switch (op) {
        case Op::Add: return "+";
        case Op::Subtract: return "-";
        case Op::Multiply: return "*";
        case Op::Divide: return "/";
        case Op::Power: return "^";
        case Op::Less: return "<";
        case Op::LessEqual: return "<=";
        case Op::Greater: return ">";
        case Op::GreaterEqual: return ">=";
        case Op::Equal: return "==";
        case Op::NotEqual: return "!=";
        case Op::And: return "&&";
        case Op::Or: return "||";
        case Op::Negate: return "-";
        case Op::Not: return "!";
        default: return "?";
    }
}

std::string number_text(double v) {
    if (std::isnan(v)) return "(0/0)";
    if (std::isinf(v)) return v > 0 ? "(1/0)" : "(-1/0)";
    const std::string digits = format_number(v);
    return std::signbit(v) ? "(" + digits + ")" : digits;
}

class Printer {
public:
    explicit Printer(const std::vector<ExpressionLeaf>& leaves) : leaves_(leaves) {}

    std::string print(const Node& node) {
        switch (node.op) {
            case Op::Constant: return number_text(node.value);
            case Op::Leaf: return leaf(leaves_[node.leaf]);
            case Op::Negate:
            case Op::Not: return operator_text(node.op) + wrap(node.children[0], precedence(node.children[0]) < kPrimary);
            case Op::Conditional:
                return wrap(node.children[0], precedence(node.children[0]) <= kConditional) + "?" +
                       wrap(node.children[1], precedence(node.children[1]) <= kConditional) + ":" +
                       wrap(node.children[2], precedence(node.children[2]) <= kConditional);
            case Op::Call: {
                std::string text(function_info(node.function).name);
                text += '(';
                for (std::size_t k = 0; k < node.children.size(); ++k)
                {
                    if (k) text += ',';
                    text += print(node.children[k]);
                }
                return text + ")";
            }
            case Op::Power:
                return wrap(node.children[0], precedence(node.children[0]) < kPrimary) + "^" +
                       wrap(node.children[1], precedence(node.children[1]) < kPrimary);
            default: {
                // Left-associative binary operators.
                const int p = precedence(node);
                const Node& left = node.children[0];
                const Node& right = node.children[1];
                return wrap(left, precedence(left) < p) + operator_text(node.op) +
                       wrap(right, precedence(right) <= p || precedence(right) == kUnary);
            }
        }
    }

private:
    std::string wrap(const Node& node, bool parenthesize) {
        const std::string text = print(node);
        // Negative constants carry their own parentheses.
        if (!parenthesize || (node.op == Op::Constant && text.front() == '(')) return text;
        return "(" + text + ")";
    }

    static std::string leaf(const ExpressionLeaf& l) {
        switch (l.kind) {
            case ExpressionLeaf::Kind::NodeVoltage: return l.b == "0" ? "v(" + l.a + ")" : "v(" + l.a + "," + l.b + ")";
            case ExpressionLeaf::Kind::BranchCurrent: return "i(" + l.a + ")";
            case ExpressionLeaf::Kind::Time: return "time";
            case ExpressionLeaf::Kind::Variable: return l.a;
        }
        return l.a;
    }

    const std::vector<ExpressionLeaf>& leaves_;
};

}  // namespace

int precedence(const Node& node) {
    switch (node.op) {
        case Op::Constant: return kPrimary;  // negatives are printed in parentheses
        case Op::Leaf:
        case Op::Call: return kPrimary;
        case Op::Power: return kPower;
        case Op::Negate:
        case Op::Not: return kUnary;
        case Op::Multiply:
        case Op::Divide: return kMultiplicative;
        case Op::Add:
        case Op::Subtract: return kAdditive;
        case Op::Less:
        case Op::LessEqual:
        case Op::Greater:
        case Op::GreaterEqual: return kRelational;
        case Op::Equal:
        case Op::NotEqual: return kEquality;
        case Op::And: return kAnd;
        case Op::Or: return kOr;
        case Op::Conditional: return kConditional;
    }
    return kPrimary;
}

}  // namespace memspice::expression_detail

namespace memspice {

std::string Expression::to_string() const {
    const auto& impl = expression_detail::Access::impl(*this);
    std::string text = expression_detail::Printer(impl.leaves).print(impl.root);
    // A lone negative constant needs no parentheses.
    if (impl.root.op == expression_detail::Op::Constant && text.size() > 2 && text.front() == '(' &&
        text[1] == '-' && std::isfinite(impl.root.value))
        text = text.substr(1, text.size() - 2);
    return text;
}

}  // namespace memspice
