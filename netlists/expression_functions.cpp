// The built-in operators and functions of expressions: values and partial derivatives.
// Semantics follow ngspice's B-source evaluator (the one that runs the written netlist),
// so both engines compute the same numbers: `^`, `**` and pow(a,b) are |a|^b; pwr(a,b) is
// sgn(a)|a|^b; u(0) = 0.5; nint rounds half to even; log is the natural logarithm.
#include "netlists/expression_functions.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace memspice::expression_detail {

namespace {

constexpr FunctionInfo kFunctions[] = {
    {"abs", Function::Abs, 1},     {"sqrt", Function::Sqrt, 1},   {"exp", Function::Exp, 1},
    {"ln", Function::Ln, 1},       {"log", Function::Log, 1},     {"log10", Function::Log10, 1},
    {"sin", Function::Sin, 1},     {"cos", Function::Cos, 1},     {"tan", Function::Tan, 1},
    {"asin", Function::Asin, 1},   {"acos", Function::Acos, 1},   {"atan", Function::Atan, 1},
    {"sinh", Function::Sinh, 1},   {"cosh", Function::Cosh, 1},   {"tanh", Function::Tanh, 1},
    {"asinh", Function::Asinh, 1}, {"acosh", Function::Acosh, 1}, {"atanh", Function::Atanh, 1},
    {"atan2", Function::Atan2, 2}, {"pow", Function::Pow, 2},     {"pwr", Function::Pwr, 2},
    {"min", Function::Min, 2},     {"max", Function::Max, 2},     {"floor", Function::Floor, 1},
    {"ceil", Function::Ceil, 1},   {"int", Function::Int, 1},     {"nint", Function::Nint, 1},
    {"sgn", Function::Sgn, 1},     {"u", Function::Step, 1},      {"uramp", Function::Uramp, 1},
    {"limit", Function::Limit, 3}, {"ternary_fcn", Function::TernaryFcn, 3},
};

double sgn(double x) { return x > 0 ? 1.0 : (x < 0 ? -1.0 : 0.0); }

// |a|^b and its partials (ngspice's power: the sign of the base is dropped).
double power(double a, double b, double* d) {
    const double value = std::pow(std::fabs(a), b);
    if (d) {
        // d/da |a|^b = b |a|^(b-1) sgn(a); d/db = |a|^b ln|a| (0 at a = 0, the limit for b > 0).
        d[0] = b == 0 ? 0.0 : b * std::pow(std::fabs(a), b - 1) * sgn(a);
        d[1] = a != 0 ? value * std::log(std::fabs(a)) : 0.0;
    }
    return value;
}

}  // namespace

const FunctionInfo* find_function(std::string_view name) {
    for (const FunctionInfo& f : kFunctions)
        if (f.name == name) return &f;
    return nullptr;
}

const FunctionInfo& function_info(Function function) {
    for (const FunctionInfo& f : kFunctions)
        if (f.function == function) return f;
    return kFunctions[0];  // unreachable: every Function has an entry
}

double apply(const Node& node, const double* x, double* d) {
    double scratch[3];
    if (!d) d = scratch;  // partials computed and dropped; they are cheap
    switch (node.op) {
        case Op::Negate: d[0] = -1; return -x[0];
        case Op::Not: d[0] = 0; return x[0] == 0 ? 1.0 : 0.0;
        case Op::Add: d[0] = 1; d[1] = 1; return x[0] + x[1];
        case Op::Subtract: d[0] = 1; d[1] = -1; return x[0] - x[1];
        case Op::Multiply: d[0] = x[1]; d[1] = x[0]; return x[0] * x[1];
        case Op::Divide: d[0] = 1 / x[1]; d[1] = -x[0] / (x[1] * x[1]); return x[0] / x[1];
        case Op::Power: return power(x[0], x[1], d);
        case Op::Less: d[0] = d[1] = 0; return x[0] < x[1] ? 1.0 : 0.0;
        case Op::LessEqual: d[0] = d[1] = 0; return x[0] <= x[1] ? 1.0 : 0.0;
        case Op::Greater: d[0] = d[1] = 0; return x[0] > x[1] ? 1.0 : 0.0;
        case Op::GreaterEqual: d[0] = d[1] = 0; return x[0] >= x[1] ? 1.0 : 0.0;
        case Op::Equal: d[0] = d[1] = 0; return x[0] == x[1] ? 1.0 : 0.0;
        case Op::NotEqual: d[0] = d[1] = 0; return x[0] != x[1] ? 1.0 : 0.0;
        case Op::And: d[0] = d[1] = 0; return (x[0] != 0 && x[1] != 0) ? 1.0 : 0.0;
        case Op::Or: d[0] = d[1] = 0; return (x[0] != 0 || x[1] != 0) ? 1.0 : 0.0;
        case Op::Call: break;
        case Op::Constant:
        case Op::Leaf:
        case Op::Conditional: return 0;  // handled by the evaluator
    }
    const double a = x[0];
    switch (node.function) {
        case Function::Abs: d[0] = sgn(a); return std::fabs(a);
        case Function::Sqrt: {
            const double r = std::sqrt(a);
            d[0] = 0.5 / r;
            return r;
        }
        case Function::Exp: {
            const double r = std::exp(a);
            d[0] = r;
            return r;
        }
        case Function::Ln:
        case Function::Log: d[0] = 1 / a; return std::log(a);
        case Function::Log10: d[0] = 1 / (a * std::numbers::ln10); return std::log10(a);
        case Function::Sin: d[0] = std::cos(a); return std::sin(a);
        case Function::Cos: d[0] = -std::sin(a); return std::cos(a);
        case Function::Tan: {
            const double c = std::cos(a);
            d[0] = 1 / (c * c);
            return std::tan(a);
        }
        case Function::Asin: d[0] = 1 / std::sqrt(1 - a * a); return std::asin(a);
        case Function::Acos: d[0] = -1 / std::sqrt(1 - a * a); return std::acos(a);
        case Function::Atan: d[0] = 1 / (1 + a * a); return std::atan(a);
        case Function::Sinh: d[0] = std::cosh(a); return std::sinh(a);
        case Function::Cosh: d[0] = std::sinh(a); return std::cosh(a);
        case Function::Tanh: {
            const double t = std::tanh(a);
            d[0] = 1 - t * t;
            return t;
        }
        case Function::Asinh: d[0] = 1 / std::sqrt(a * a + 1); return std::asinh(a);
        case Function::Acosh: d[0] = 1 / std::sqrt(a * a - 1); return std::acosh(a);
        case Function::Atanh: d[0] = 1 / (1 - a * a); return std::atanh(a);
        case Function::Atan2: {
            const double y = x[0], xx = x[1], r2 = xx * xx + y * y;
            d[0] = r2 > 0 ? xx / r2 : 0.0;
            d[1] = r2 > 0 ? -y / r2 : 0.0;
            return std::atan2(y, xx);
        }
        case Function::Pow: return power(x[0], x[1], d);
        case Function::Pwr: {
            const double mag = std::pow(std::fabs(a), x[1]);
            d[0] = x[1] == 0 ? 0.0 : x[1] * std::pow(std::fabs(a), x[1] - 1);
            d[1] = a != 0 ? sgn(a) * mag * std::log(std::fabs(a)) : 0.0;
            return sgn(a) * mag;
        }
        case Function::Min:
            d[0] = x[0] <= x[1] ? 1.0 : 0.0;
            d[1] = 1 - d[0];
            return std::min(x[0], x[1]);
        case Function::Max:
            d[0] = x[0] >= x[1] ? 1.0 : 0.0;
            d[1] = 1 - d[0];
            return std::max(x[0], x[1]);
        case Function::Floor: d[0] = 0; return std::floor(a);
        case Function::Ceil: d[0] = 0; return std::ceil(a);
        case Function::Int: d[0] = 0; return std::trunc(a);
        case Function::Nint: d[0] = 0; return std::nearbyint(a);
        case Function::Sgn: d[0] = 0; return sgn(a);
        case Function::Step: d[0] = 0; return a > 0 ? 1.0 : (a < 0 ? 0.0 : 0.5);
        case Function::Uramp: d[0] = a > 0 ? 1.0 : 0.0; return a > 0 ? a : 0.0;
        case Function::Limit: {
            // limit(x, lo, hi): x clipped to [lo, hi].
            const double lo = x[1], hi = x[2];
            d[0] = d[1] = d[2] = 0;
            if (a < lo) {
                d[1] = 1;
                return lo;
            }
            if (a > hi) {
                d[2] = 1;
                return hi;
            }
            d[0] = 1;
            return a;
        }
        case Function::TernaryFcn:
            d[0] = 0;
            d[1] = a != 0 ? 1.0 : 0.0;
            d[2] = 1 - d[1];
            return a != 0 ? x[1] : x[2];
    }
    return 0;
}

}  // namespace memspice::expression_detail
