// netlists/expression.hpp: values against hand computations, gradients against central
// finite differences, precedence, canonical text, substitution and error messages.
#include <catch2/catch.hpp>

#include <cmath>
#include <numbers>
#include <string>
#include <vector>

#include "netlists/expression.hpp"

using memspice::Expression;
using memspice::ExpressionLeaf;
using memspice::InputError;

namespace {

double eval(const std::string& text) { return Expression::parse(text).value(); }

}  // namespace

TEST_CASE("expression values follow ngspice's precedence and functions") {
    using std::numbers::pi;
    struct Case { const char* text; double value; };
    const Case cases[] = {
        {"1+2*3", 7},          {"(1+2)*3", 9},        {"7-2-1", 4},            {"8/2/2", 2},
        {"2^3^2", 64},         {"2**3", 8},           {"-2^2", -4},            {"2^-1", 0.5},
        {"-3*-2", 6},          {"+4", 4},             {"1<2", 1},              {"2<=2", 1},
        {"3>4", 0},            {"4>=4", 1},           {"1==1", 1},             {"1!=1", 0},
        {"1&&0", 0},           {"1||0", 1},           {"!0", 1},               {"!3", 0},
        {"1?2:3", 2},          {"0?2:3", 3},          {"0?1:0?2:3", 3},        {"1+1==2&&3>2", 1},
        {"1k*2", 2000},        {"2.5meg", 2.5e6},     {"3u+1n", 3.001e-6},     {"1e-3*1e3", 1},
        {"10mV*2", 0.02},      {"pi", pi},            {"e", std::numbers::e},  {"2*pi", 2 * pi},
        {"abs(-3)", 3},        {"sqrt(16)", 4},       {"exp(1)", std::numbers::e}, {"ln(e)", 1},
        {"log(e^2)", 2},       {"log10(1000)", 3},    {"sin(pi/2)", 1},        {"cos(0)", 1},
        {"tan(pi/4)", 1},      {"asin(1)", pi / 2},   {"acos(1)", 0},          {"atan(1)", pi / 4},
        {"sinh(0)", 0},        {"cosh(0)", 1},        {"tanh(0)", 0},          {"asinh(0)", 0},
        {"acosh(1)", 0},       {"atanh(0)", 0},       {"atan2(1,1)", pi / 4},  {"atan2(1,-1)", 3 * pi / 4},
        {"pow(2,10)", 1024},   {"pow(-2,3)", 8},      {"(-2)^3", 8},           {"pwr(-2,3)", -8},
        {"min(3,-1)", -1},     {"max(3,-1)", 3},      {"floor(-2.5)", -3},     {"ceil(-2.5)", -2},
        {"int(-2.7)", -2},     {"int(2.7)", 2},       {"nint(2.5)", 2},        {"nint(3.5)", 4},
        {"nint(-2.6)", -3},    {"sgn(-3)", -1},       {"sgn(0)", 0},           {"u(0)", 0.5},
        {"u(-1)", 0},          {"u(2)", 1},           {"uramp(-1)", 0},        {"uramp(2)", 2},
        {"limit(5,0,3)", 3},   {"limit(-1,0,3)", 0},  {"limit(2,0,3)", 2},     {"ternary_fcn(0,1,2)", 2},
        {"ternary_fcn(1,1,2)", 1}, {"  1 +\t2 ", 3},  {"SIN(0)+PI", pi},       {".5*4", 2},
    };
    for (const Case& c : cases) {
        INFO(c.text);
        CHECK(eval(c.text) == Approx(c.value).margin(1e-14));
    }
}

TEST_CASE("leaves are collected once, in order of first appearance") {
    const Expression e = Expression::parse("v(a)*2 + v(a,b) - i(V1) + time*temper + v(a) + V(A, 0)");
    const auto& leaves = e.leaves();
    REQUIRE(leaves.size() == 5);
    CHECK(leaves[0] == ExpressionLeaf{ExpressionLeaf::Kind::NodeVoltage, "a", "0"});
    CHECK(leaves[1] == ExpressionLeaf{ExpressionLeaf::Kind::NodeVoltage, "a", "b"});
    CHECK(leaves[2] == ExpressionLeaf{ExpressionLeaf::Kind::BranchCurrent, "v1", ""});
    CHECK(leaves[3] == ExpressionLeaf{ExpressionLeaf::Kind::Time, "", ""});
    CHECK(leaves[4] == ExpressionLeaf{ExpressionLeaf::Kind::Variable, "temper", ""});
    const std::vector<double> values = {1.5, 0.25, 1e-3, 2e-9, 300};
    CHECK(e.evaluate(values) == Approx(1.5 * 2 + 0.25 - 1e-3 + 2e-9 * 300 + 1.5 + 1.5));
    CHECK_FALSE(e.is_constant());
}

TEST_CASE("node names in v() and i() are taken as written, not as numbers") {
    const Expression e = Expression::parse("v(1n1, x1.m) + i(v.x1.v5) + v(2)");
    REQUIRE(e.leaves().size() == 3);
    CHECK(e.leaves()[0].a == "1n1");
    CHECK(e.leaves()[0].b == "x1.m");
    CHECK(e.leaves()[1].a == "v.x1.v5");
    CHECK(e.leaves()[2].a == "2");
}

TEST_CASE("gradients agree with central finite differences") {
    const char* expressions[] = {
        "v(a)*v(b) + 3*v(a)^2 - v(b)/v(a)",
        "exp(v(a))*sin(v(b)) + ln(v(a)) + log10(v(b)) + sqrt(v(a)*v(b))",
        "pow(v(a), v(b)) + pwr(-v(a), 3) + v(a)^v(b) + (-v(a))^2.5",
        "atan2(v(a), v(b)) + atan(v(a)) + tanh(v(b)) + cosh(v(a)) + sinh(v(b)) + cos(v(a)) + tan(v(b))",
        "asin(v(a)/4) + acos(v(b)/4) + asinh(v(a)) + acosh(1+v(b)) + atanh(v(a)/4)",
        "min(v(a), v(b))*max(v(a), 2*v(b)) + abs(v(a)-v(b)) + uramp(v(a)-1) + limit(v(a), 0, v(b))",
        "v(a) > v(b) ? v(a)*time : v(b)^2*time",
        "ternary_fcn(v(a) < v(b), v(a)*v(b), v(b)) + u(v(a))*v(b) + sgn(v(a))*v(b) + floor(v(a))*v(b)",
        "i(v1)*1k + v(a,b)/(1 + i(v1)^2) - time/2",
    };
    // Points away from kinks (min/max, abs, limit switching) so the difference quotient is valid.
    const std::vector<std::vector<double>> points = {{1.3, 0.7, 2e-3, 0.5}, {0.4, 2.1, -1e-3, 1.5}, {2.9, 1.1, 0.0, 0.1}};
    for (const char* text : expressions) {
        const Expression e = Expression::parse(text);
        const std::size_t n = e.leaves().size();
        for (const auto& point : points) {
            std::vector<double> x(point.begin(), point.begin() + static_cast<std::ptrdiff_t>(n));
            std::vector<double> grad(n);
            const double f = e.evaluate(x, grad);
            REQUIRE(std::isfinite(f));
            for (std::size_t k = 0; k < n; ++k) {
                const double h = 1e-6 * std::max(1.0, std::abs(x[k]));
                auto shifted = [&](double delta) {
                    std::vector<double> y = x;
                    y[k] += delta;
                    return e.evaluate(y);
                };
                const double numeric = (shifted(h) - shifted(-h)) / (2 * h);
                INFO(text << "  leaf " << k << " at " << x[k]);
                CHECK(grad[k] == Approx(numeric).epsilon(1e-6).margin(1e-7));
            }
        }
    }
}

TEST_CASE("gradient of a constant argument with an infinite partial stays finite") {
    // d/dx pow(sqrt(0), x): the base is constant; its infinite partial must not leak.
    const Expression e = Expression::parse("v(x)*2 + 0*sqrt(0*v(x))");
    std::vector<double> g(1);
    (void)e.evaluate(std::vector<double>{1.0}, g);
    CHECK(g[0] == 2);
}

TEST_CASE("constants fold at parse time, parameters fold on substitution") {
    const Expression c = Expression::parse("2*3 + sin(0)");
    CHECK(c.is_constant());
    CHECK(c.to_string() == "6");

    const Expression e = Expression::parse("w*2 + v(out)*l");
    REQUIRE(e.leaves().size() == 3);
    const Expression s = e.substitute([](std::string_view name) -> std::optional<double> {
        if (name == "w") return 5;
        if (name == "l") return 0.5;
        return std::nullopt;
    });
    REQUIRE(s.leaves().size() == 1);
    CHECK(s.leaves()[0].kind == ExpressionLeaf::Kind::NodeVoltage);
    CHECK(s.to_string() == "10+v(out)*0.5");
    CHECK(s.evaluate(std::vector<double>{2.0}) == 11);

    // A conditional with a constant condition keeps only the branch taken.
    CHECK(Expression::parse("1 ? v(a) : v(b)").leaves().size() == 1);
    // Non-finite constants are not folded, so the text stays parseable.
    const Expression inf = Expression::parse("1/0 + v(a)");
    CHECK(inf.to_string() == "1/0+v(a)");
}

TEST_CASE("canonical text reparses to the same expression") {
    const char* expressions[] = {
        "1+2*v(a)",       "(v(a)+1)*(v(b)-2)", "v(a)-(v(b)-v(c))", "v(a)/(v(b)*v(c))", "v(a)^v(b)^2",
        "v(a)^(v(b)^2)",  "-v(a)^2",           "(-v(a))^2",        "v(a)*-1",          "v(a)--v(b)",
        "!v(a)&&v(b)||v(c)", "v(a)||v(b)&&v(c)", "v(a)?v(b):v(c)?1:2", "(v(a)?v(b):v(c))?1:2",
        "v(a)<v(b)==v(c)>=1", "min(v(a),max(v(b),-3))", "-v(a)", "--v(a)", "v(a,b)*i(v1)+time",
        "1e-20*v(a)+1e20*v(b)", "v(a)*0.1+v(b)*(1/3)", "limit(v(a),-1,1)+ternary_fcn(v(a),1,-1)",
        "pwr(v(a),1.5)*u(time-1n)", "temper*hertz",
    };
    for (const char* text : expressions) {
        const Expression e = Expression::parse(text);
        const std::string canonical = e.to_string();
        INFO(text << "  ->  " << canonical);
        const Expression again = Expression::parse(canonical);
        CHECK(again.to_string() == canonical);
        REQUIRE(again.leaves() == e.leaves());
        std::vector<double> x(e.leaves().size());
        for (std::size_t k = 0; k < x.size(); ++k) x[k] = 0.3 + 0.7 * static_cast<double>(k);
        CHECK(again.evaluate(x) == e.evaluate(x));
    }
    CHECK(Expression::parse("-1").to_string() == "-1");
    CHECK(Expression::parse("2^3^2").to_string() == "64");
}

TEST_CASE("renaming leaves merges those that become equal") {
    const Expression e = Expression::parse("v(a) + v(b) + i(vs)");
    const Expression r = e.rename_leaves([](const ExpressionLeaf& leaf) {
        ExpressionLeaf out = leaf;
        if (leaf.kind == ExpressionLeaf::Kind::NodeVoltage) out.a = "x1.n";
        if (leaf.kind == ExpressionLeaf::Kind::BranchCurrent) out.a = "v.x1." + leaf.a;
        return out;
    });
    REQUIRE(r.leaves().size() == 2);
    CHECK(r.to_string() == "v(x1.n)+v(x1.n)+i(v.x1.vs)");
    CHECK(r.evaluate(std::vector<double>{1.0, 2.0}) == 4);
}

TEST_CASE("syntax errors name what was expected and where") {
    struct Case { const char* text; const char* message; };
    const Case cases[] = {
        {"", "expected an expression"},
        {"1+", "expected a number, a name or '('"},
        {"(1+2", "expected ')' to close the '(' at column 1"},
        {"foo(1)", "unknown function 'foo'"},
        {"sin(1,2)", "sin() takes 1 argument, got 2"},
        {"atan2(1)", "atan2() takes 2 arguments, got 1"},
        {"1kk", "'1kk' is not a number"},
        {"1.2.3", "'1.2.3' is not a number"},
        {"2k5", "'2k5' is not a number"},
        {"v()", "expected a name inside the parentheses"},
        {"v(a", "expected ')' to close the '(' of v(...) or i(...)"},
        {"v(a,b,c)", "v(...) takes one or two node names"},
        {"i(a,b)", "i(...) takes one source name"},
        {"2 3", "unexpected '3' after a complete expression"},
        {"a=b", "unexpected '=' after a complete expression"},
        {"1?2", "expected ':' of the conditional"},
        {"max(1;2)", "expected ',' or ')' in the arguments of max()"},
        {"1 + @", "expected a number, a name or '(', found '@'"},
    };
    for (const Case& c : cases) {
        INFO(c.text);
        try {
            (void)Expression::parse(c.text, {"deck.cir", 12});
            FAIL("no error");
        } catch (const InputError& e) {
            CHECK_THAT(e.what(), Catch::Matchers::Contains(c.message));
            CHECK(e.where().line == 12);
            CHECK(e.where().file == "deck.cir");
        }
    }
}

TEST_CASE("value() of an expression with leaves names the first one") {
    CHECK_THROWS_WITH(Expression::parse("2*rload").value({"a.cir", 3}),
                      Catch::Matchers::Contains("undefined parameter 'rload'") &&
                          Catch::Matchers::StartsWith("a.cir:3:"));
    CHECK_THROWS_WITH(Expression::parse("v(a)").value(), Catch::Matchers::Contains("v(a) is not a constant"));
}

TEST_CASE("domain errors give non-finite values, not exceptions") {
    CHECK(std::isnan(Expression::parse("sqrt(0-1)").evaluate({})));
    CHECK(std::isinf(Expression::parse("1/0").evaluate({})));
    CHECK(std::isnan(Expression::parse("ln(v(a))").evaluate(std::vector<double>{-1.0})));
}
