// Values and partial derivatives of the expression operators and built-in functions.
// Internal to netlists/expression*.cpp.
#pragma once

#include "netlists/expression_tree.hpp"

namespace memspice::expression_detail {

// Applies an operator or function node to its argument values x; if d is not null it
// receives the partial derivative with respect to each argument.
double apply(const Node& node, const double* x, double* d);

}  // namespace memspice::expression_detail
