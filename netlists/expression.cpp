// Expression: the public face of the expression tree (construction, substitution of
// parameters, leaf renaming, constant folding and the evaluator with forward-mode gradients).
#include "netlists/expression.hpp"

#include <algorithm>
#include <cmath>

#include "netlists/expression_functions.hpp"
#include "netlists/expression_tree.hpp"

namespace memspice {

using expression_detail::Access;
using expression_detail::Node;
using expression_detail::Op;

namespace {

bool all_constant(const Node& node) {
    return std::all_of(node.children.begin(), node.children.end(),
                       [](const Node& c) { return c.op == Op::Constant; });
}

void fold(Node& node) {
    for (Node& child : node.children) fold(child);
    if (node.op == Op::Constant || node.op == Op::Leaf) return;
    if (node.op == Op::Conditional) {
        if (node.children[0].op != Op::Constant) return;
        Node chosen = std::move(node.children[node.children[0].value != 0 ? 1 : 2]);
        node = std::move(chosen);
        return;
    }
    if (!all_constant(node)) return;
    double args[3] = {0, 0, 0};
    for (std::size_t k = 0; k < node.children.size(); ++k) args[k] = node.children[k].value;
    const double value = expression_detail::apply(node, args, nullptr);
    if (!std::isfinite(value)) return;  // keep 1/0 as written: it must stay printable
    node.children.clear();
    node.op = Op::Constant;
    node.value = value;
}

void renumber(Node& node, const std::vector<ExpressionLeaf>& old_leaves, std::vector<ExpressionLeaf>& new_leaves) {
    if (node.op == Op::Leaf) {
        const ExpressionLeaf& leaf = old_leaves[node.leaf];
        auto it = std::find(new_leaves.begin(), new_leaves.end(), leaf);
        node.leaf = static_cast<std::size_t>(it - new_leaves.begin());
        if (it == new_leaves.end()) new_leaves.push_back(leaf);
        return;
    }
    for (Node& child : node.children) renumber(child, old_leaves, new_leaves);
}

std::size_t depth_of(const Node& node) {
    std::size_t deepest = 0;
    for (const Node& child : node.children) deepest = std::max(deepest, depth_of(child));
    return deepest + 1;
}

void replace_leaves(Node& node, const std::vector<std::optional<double>>& values) {
    if (node.op == Op::Leaf) {
        if (const auto& v = values[node.leaf]) {
            node.op = Op::Constant;
            node.value = *v;
        }
        return;
    }
    for (Node& child : node.children) replace_leaves(child, values);
}

// Forward-mode evaluation: each call returns a node's value and, when `grad` is not null,
// writes its gradient with respect to the leaves into grad[0..n). Children's gradients
// live in a stack-disciplined scratch buffer sized before the walk.
class Evaluator {
public:
    Evaluator(std::span<const double> leaves, std::size_t n, std::vector<double>& scratch)
        : leaves_(leaves), n_(n), scratch_(scratch) {}

    double eval(const Node& node, double* grad) {
        switch (node.op) {
            case Op::Constant:
                if (grad) std::fill(grad, grad + n_, 0.0);
                return node.value;
            case Op::Leaf:
                if (grad) {
                    std::fill(grad, grad + n_, 0.0);
                    grad[node.leaf] = 1;
                }
                return leaves_[node.leaf];
            case Op::Conditional: {
                const double condition = eval(node.children[0], nullptr);
                return eval(node.children[condition != 0 ? 1 : 2], grad);
            }
            default: break;
        }
        const std::size_t m = node.children.size();
        double args[3] = {0, 0, 0};
        double* child_grad[3] = {nullptr, nullptr, nullptr};
        for (std::size_t k = 0; k < m; ++k) {
            if (grad) {
                child_grad[k] = scratch_.data() + top_;
                top_ += n_;
            }
            args[k] = eval(node.children[k], child_grad[k]);
        }
        double partial[3] = {0, 0, 0};
        const double value = expression_detail::apply(node, args, partial);
        if (grad) {
            std::fill(grad, grad + n_, 0.0);
            // Skip zero child derivatives so that an infinite partial with respect to a
            // constant argument (sqrt(0) inside pow(2, ...)) does not turn into NaN.
            for (std::size_t k = 0; k < m; ++k)
                for (std::size_t j = 0; j < n_; ++j)
                    if (child_grad[k][j] != 0) grad[j] += partial[k] * child_grad[k][j];
            top_ -= m * n_;
        }
        return value;
    }

private:
    std::span<const double> leaves_;
    std::size_t n_;
    std::vector<double>& scratch_;
    std::size_t top_ = 0;
};

std::string leaf_text(const ExpressionLeaf& leaf) {
    switch (leaf.kind) {
        case ExpressionLeaf::Kind::NodeVoltage: return leaf.b == "0" ? "v(" + leaf.a + ")" : "v(" + leaf.a + "," + leaf.b + ")";
        case ExpressionLeaf::Kind::BranchCurrent: return "i(" + leaf.a + ")";
        case ExpressionLeaf::Kind::Time: return "time";
        case ExpressionLeaf::Kind::Variable: return leaf.a;
    }
    return leaf.a;
}

}  // namespace

void Expression::Impl::normalize() {
    fold(root);
    std::vector<ExpressionLeaf> used;
    renumber(root, leaves, used);
    leaves = std::move(used);
    depth = depth_of(root);
}

Expression::Expression() : impl_(std::make_unique<Impl>()) {}
Expression::~Expression() = default;
Expression::Expression(const Expression& other) : impl_(std::make_unique<Impl>(*other.impl_)) {}
Expression& Expression::operator=(const Expression& other) {
    if (this != &other) impl_ = std::make_unique<Impl>(*other.impl_);
    return *this;
}
// A moved-from expression is left as the constant 0, never without an Impl.
Expression::Expression(Expression&& other) noexcept : impl_(std::move(other.impl_)) {
    other.impl_ = std::make_unique<Impl>();
}
Expression& Expression::operator=(Expression&& other) noexcept {
    std::swap(impl_, other.impl_);
    return *this;
}

Expression Expression::parse(std::string_view text, const SourceLocation& where) {
    try {
        return expression_detail::parse_expression(text, false).expression;
    } catch (const expression_detail::ParseError& e) {
        throw InputError(where, e.message + " (column " + std::to_string(e.offset + 1) + " of '" +
                                    std::string(text) + "')");
    }
}

Expression Expression::substitute(const std::function<std::optional<double>(std::string_view)>& lookup) const {
    std::vector<std::optional<double>> values(impl_->leaves.size());
    for (std::size_t k = 0; k < values.size(); ++k)
        if (impl_->leaves[k].kind == ExpressionLeaf::Kind::Variable) values[k] = lookup(impl_->leaves[k].a);
    Expression result(*this);
    replace_leaves(result.impl_->root, values);
    result.impl_->normalize();
    return result;
}

Expression Expression::rename_leaves(const std::function<ExpressionLeaf(const ExpressionLeaf&)>& rename) const {
    Expression result(*this);
    for (ExpressionLeaf& leaf : result.impl_->leaves) leaf = rename(leaf);
    result.impl_->normalize();  // renumbering merges leaves that became equal
    return result;
}

const std::vector<ExpressionLeaf>& Expression::leaves() const { return impl_->leaves; }

double Expression::evaluate(std::span<const double> leaf_values, std::span<double> gradient) const {
    const std::size_t n = impl_->leaves.size();
    if (leaf_values.size() != n)
        throw std::invalid_argument("Expression::evaluate: " + std::to_string(n) + " leaf values expected, got " +
                                    std::to_string(leaf_values.size()));
    if (gradient.empty() || n == 0) {
        std::vector<double> none;
        return Evaluator(leaf_values, n, none).eval(impl_->root, nullptr);
    }
    if (gradient.size() != n)
        throw std::invalid_argument("Expression::evaluate: gradient of size " + std::to_string(n) + " expected");
    thread_local std::vector<double> scratch;
    // Each tree level holds at most three children's gradients at a time.
    const std::size_t needed = 3 * impl_->depth * n;
    if (scratch.size() < needed) scratch.resize(needed);
    return Evaluator(leaf_values, n, scratch).eval(impl_->root, gradient.data());
}

double Expression::value(const SourceLocation& where) const {
    if (!impl_->leaves.empty()) {
        const ExpressionLeaf& leaf = impl_->leaves.front();
        if (leaf.kind == ExpressionLeaf::Kind::Variable)
            throw InputError(where, "undefined parameter '" + leaf.a + "' in " + to_string());
        throw InputError(where, leaf_text(leaf) + " is not a constant (in " + to_string() + ")");
    }
    return evaluate({});
}

namespace expression_detail {

namespace {
bool calls(const Node& node, std::string_view name) {
    if (node.op == Op::Call && function_info(node.function).name == name) return true;
    return std::any_of(node.children.begin(), node.children.end(), [&](const Node& c) { return calls(c, name); });
}
}  // namespace

bool uses_function(const Expression& expression, std::string_view name) {
    return calls(Access::impl(expression).root, name);
}

}  // namespace expression_detail

}  // namespace memspice
