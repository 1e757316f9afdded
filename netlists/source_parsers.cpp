// The source description of V and I lines: [dc] value, ac [mag [phase]], and one of
// PULSE SIN EXP PWL (parenthesised or not, commas allowed), in the order ngspice accepts.
#include <cmath>

#include "core/units.hpp"
#include "netlists/element_parsers.hpp"

namespace memspice::netlist {

namespace {

struct Shape {
    const char* name;
    TransientFunction::Shape shape;
    std::size_t min_args, max_args;
    const char* arguments;
};

constexpr Shape kShapes[] = {
    {"pulse", TransientFunction::Shape::Pulse, 2, 8, "v1 v2 [td tr tf pw per np]"},
    {"sin", TransientFunction::Shape::Sin, 2, 6, "vo va [freq td theta phase]"},
    {"exp", TransientFunction::Shape::Exp, 2, 6, "v1 v2 [td1 tau1 td2 tau2]"},
    {"pwl", TransientFunction::Shape::Pwl, 2, 1u << 30, "t1 v1 [t2 v2 ...]"},
};

const Shape* find_shape(std::string_view word) {
    for (const Shape& s : kShapes)
        if (word == s.name) return &s;
    return nullptr;
}

bool is_unsupported_function(std::string_view word) {
    return word == "sffm" || word == "am" || word == "trnoise" || word == "trrandom" || word == "external" ||
           word == "pat" || word == "distof1" || word == "distof2" || word == "portnum" || word == "z0";
}

// PWL options r= and td=, inside or after the parentheses.
bool pwl_option(CardCursor& c, TransientFunction& f, const std::string& element) {
    if (!c.at_assignment()) return false;
    const Token& key = *c.peek();
    if (key.text != "r" && key.text != "td") return false;
    c.take("r= or td=");
    c.take("=");
    const double v = c.take_value(key.text == "r" ? "the PWL repeat time" : "the PWL delay");
    if (key.text == "r") {
        if (v < -0.5) {
            f.pwl_repeat = -1;
            return true;
        }
        bool matches = false;
        for (std::size_t k = 0; k < f.args.size(); k += 2) matches = matches || f.args[k] == v;
        if (!matches)
            c.fail(key, "the PWL repeat time r=" + format_number(v) + " of " + element +
                            " must be one of its time points (or -1 for no repetition)");
        f.pwl_repeat = v;
    } else {
        f.pwl_delay = v;
    }
    return true;
}

void check_pwl(CardCursor& c, const Token& at, const TransientFunction& f, const std::string& element) {
    if (f.args.size() % 2 != 0)
        c.fail(at, "PWL of " + element + " needs time-value pairs, found " + std::to_string(f.args.size()) + " numbers");
    for (std::size_t k = 2; k < f.args.size(); k += 2)
        if (!(f.args[k] > f.args[k - 2]))
            c.fail(at, "PWL time points of " + element + " must increase: " + format_number(f.args[k]) +
                           " follows " + format_number(f.args[k - 2]));
}

TransientFunction parse_function(CardCursor& c, const Token& keyword, const Shape& shape, const std::string& element) {
    TransientFunction f;
    f.shape = shape.shape;
    const std::string what = std::string("an argument of ") + shape.name;
    const bool parenthesised = c.accept(Token::Kind::LeftParen);
    for (;;) {
        c.skip_commas();
        if (parenthesised) {
            if (c.accept(Token::Kind::RightParen)) break;
            if (c.at_end()) c.fail(keyword, std::string("'(' after ") + shape.name + " of " + element + " is not closed by ')'");
            if (shape.shape == TransientFunction::Shape::Pwl && pwl_option(c, f, element)) continue;
        } else if (!c.at_value()) {
            break;
        }
        const Token& t = c.take(what);
        f.args.push_back(c.value(t, what));
    }
    if (f.args.size() < shape.min_args || f.args.size() > shape.max_args)
        c.fail(keyword, std::string(shape.name) + " of " + element + " takes " + shape.arguments + ", found " +
                            std::to_string(f.args.size()) + " arguments");
    if (shape.shape == TransientFunction::Shape::Pwl) {
        check_pwl(c, keyword, f, element);
        while (pwl_option(c, f, element)) c.skip_commas();
    }
    return f;
}

}  // namespace

SourceSpec parse_source(CardCursor& c, const std::string& element) {
    SourceSpec s;
    bool first = true;
    while (!c.at_end()) {
        c.skip_commas();
        if (c.at_end()) break;
        const Token& t = *c.peek();
        if (t.is_word("dc")) {
            c.take("dc");
            if (s.dc) c.fail(t, "the DC value of " + element + " is given twice");
            s.dc = c.take_value("the DC value");
        } else if (t.is_word("ac")) {
            c.take("ac");
            if (s.has_ac) c.fail(t, "the AC value of " + element + " is given twice");
            s.has_ac = true;
            s.ac_magnitude = 1;  // `ac` alone: magnitude 1, as ngspice
            c.skip_commas();
            if (c.at_value()) s.ac_magnitude = c.take_value("the AC magnitude");
            c.skip_commas();
            if (c.at_value()) s.ac_phase_deg = c.take_value("the AC phase");
        } else if (const Shape* shape = t.is_word() ? find_shape(t.text) : nullptr) {
            c.take(shape->name);
            if (s.transient.shape != TransientFunction::Shape::None)
                c.fail(t, element + " has two transient functions");
            s.transient = parse_function(c, t, *shape, element);
        } else if (t.is_word() && is_unsupported_function(t.text)) {
            c.fail(t, "source function '" + t.text + "' of " + element + " is not supported (supported: pulse, sin, exp, pwl)");
        } else if (first && c.at_value()) {
            s.dc = c.take_value("the DC value");
        } else {
            c.fail(t, "unexpected " + quote(t) + " in the source " + element +
                          " (expected dc, ac, pulse, sin, exp or pwl)");
        }
        first = false;
    }
    return s;
}

}  // namespace memspice::netlist
