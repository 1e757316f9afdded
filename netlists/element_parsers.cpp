// Two-terminal, controlled-source, semiconductor, switch and behavioural element cards
// (see element_parsers.hpp). Parameters memspice does not model are rejected by name rather
// than ignored, so a netlist never silently means something else than in ngspice.
#include "netlists/element_parsers.hpp"

#include <cmath>
#include <set>

#include "core/units.hpp"
#include "netlists/expression_tree.hpp"

namespace memspice::netlist {

namespace {

std::vector<std::string> take_nodes(CardCursor& c, int count, const std::string& element, const char* names) {
    std::vector<std::string> nodes;
    for (int k = 0; k < count; ++k) {
        const std::string what = std::string("the nodes ") + names + " of " + element;
        if (c.at_end())
            c.fail_next(element + " needs " + std::to_string(count) + " nodes (" + names + "), found " +
                        std::to_string(k));
        const Token& t = c.take(what);
        if (!t.is_word() || c.peek_kind(Token::Kind::Equals))
            c.fail(t, "expected " + what + ", found " + quote(t));
        nodes.push_back(node_name(t.text));
    }
    return nodes;
}

[[noreturn]] void unsupported_parameter(const CardCursor& c, const Token& t, const std::string& element,
                                        const char* supported) {
    c.fail(t, "parameter '" + t.text + "' of " + element + " is not supported (supported: " + supported + ")");
}

// The value of an R, C or L: `value` or `name=value` (name among `keys`).
struct TwoTerminal {
    std::optional<double> value;
    Params params;
};

TwoTerminal two_terminal(CardCursor& c, const std::string& element, const char* quantity,
                         std::initializer_list<const char*> keys, std::initializer_list<const char*> extra,
                         const char* supported) {
    TwoTerminal out;
    if (c.at_value()) out.value = c.take_value(quantity);
    while (!c.at_end()) {
        if (!c.at_assignment()) {
            const Token& t = *c.peek();
            c.fail(t, "unexpected " + quote(t) + " after the " + std::string(quantity) + " of " + element +
                          " (models and other forms are not supported)");
        }
        const Token& key = c.take("a parameter");
        c.take("=");
        bool known = false;
        for (const char* k : keys)
            if (key.text == k) {
                if (out.value) c.fail(key, "the " + std::string(quantity) + " of " + element + " is given twice");
                out.value = c.take_value(quantity);
                known = true;
            }
        for (const char* k : extra)
            if (key.text == k) {
                if (out.params.count(key.text)) c.fail(key, "parameter '" + key.text + "' given twice");
                out.params[key.text] = c.take_value(key.text);
                known = true;
            }
        if (!known) unsupported_parameter(c, key, element, supported);
    }
    if (!out.value) c.fail_next("expected the " + std::string(quantity) + " of " + element + " (a number or {expression})");
    return out;
}

void parse_resistor(CardCursor& c, Element& e) {
    e.type = ElementType::Resistor;
    e.nodes = take_nodes(c, 2, e.name, "n+ n-");
    const std::size_t at = c.position();
    const TwoTerminal v = two_terminal(c, e.name, "resistance", {"r", "resistance"}, {}, "the value, r=");
    e.value = *v.value;
    if (e.value == 0) {
        c.seek(at);
        c.fail_next("the resistance of " + e.name + " is 0: use a 0 V voltage source for a short circuit");
    }
}

void parse_capacitor_or_inductor(CardCursor& c, Element& e, bool capacitor) {
    e.type = capacitor ? ElementType::Capacitor : ElementType::Inductor;
    e.nodes = take_nodes(c, 2, e.name, "n+ n-");
    const TwoTerminal v = capacitor
        ? two_terminal(c, e.name, "capacitance", {"c", "capacitance"}, {"ic"}, "the value, c=, ic=")
        : two_terminal(c, e.name, "inductance", {"l", "inductance"}, {"ic"}, "the value, l=, ic=");
    e.value = *v.value;
    e.params = v.params;
}

void parse_coupling(CardCursor& c, Element& e) {
    e.type = ElementType::Coupling;
    e.controls.push_back(c.take_word("the first coupled inductor of " + e.name));
    e.controls.push_back(c.take_word("the second coupled inductor of " + e.name));
    const Token& t = c.take("the coupling coefficient of " + e.name);
    e.value = c.value(t, "the coupling coefficient");
    if (!(std::fabs(e.value) <= 1))
        c.fail(t, "the coupling coefficient of " + e.name + " is " + format_number(e.value) + "; it must lie in [-1, 1]");
    if (!c.at_end()) c.fail_next("unexpected " + quote(*c.peek()) + " after the coupling coefficient of " + e.name);
}

void reject_unsupported_forms(CardCursor& c, const std::string& element) {
    const Token* t = c.peek();
    if (!t || !t->is_word()) return;
    if (t->text == "poly")
        c.fail(*t, "POLY controlled sources are not supported (" + element + "); write the polynomial as a B source");
    if (t->text == "table" || t->text == "laplace" || t->text == "freq")
        c.fail(*t, std::string("controlled sources with ") + t->text + " are not supported (" + element + ")");
}

void parse_current_controlled(CardCursor& c, Element& e, bool voltage_output) {
    e.type = voltage_output ? ElementType::Ccvs : ElementType::Cccs;
    e.nodes = take_nodes(c, 2, e.name, "n+ n-");
    reject_unsupported_forms(c, e.name);
    e.controls.push_back(c.take_word("the controlling voltage source of " + e.name));
    e.value = c.take_value(voltage_output ? "the transresistance" : "the current gain");
    if (!c.at_end()) c.fail_next("unexpected " + quote(*c.peek()) + " after the gain of " + e.name);
}

void parse_diode(CardCursor& c, Element& e) {
    e.type = ElementType::Diode;
    e.nodes = take_nodes(c, 2, e.name, "n+ n-");
    e.model = c.take_word("the model of " + e.name);
    if (c.at_value()) e.params["area"] = c.take_value("the area");
    while (!c.at_end()) {
        const Token& t = c.take("a parameter");
        if (t.is_word("off")) {
            e.params["off"] = 1;
            continue;
        }
        if (!t.is_word() || !c.peek_kind(Token::Kind::Equals))
            c.fail(t, "unexpected " + quote(t) + " in " + e.name + " (expected area, off or ic=)");
        c.take("=");
        if (t.text != "area" && t.text != "ic") unsupported_parameter(c, t, e.name, "area, off, ic=");
        if (e.params.count(t.text)) c.fail(t, "parameter '" + t.text + "' given twice");
        e.params[t.text] = c.take_value(t.text);
    }
}

void parse_mosfet(CardCursor& c, Element& e) {
    e.type = ElementType::Mosfet;
    std::vector<const Token*> words;
    while (!c.at_end() && !c.at_assignment() && !c.peek_word("off")) {
        const Token& t = c.take("a node");
        if (!t.is_word()) c.fail(t, "expected the nodes (drain gate source bulk) and the model of " + e.name + ", found " + quote(t));
        words.push_back(&t);
    }
    if (words.size() != 5)
        throw InputError(words.empty() ? c.where_next() : c.where(*words.back()),
                         e.name + " needs 4 nodes (drain gate source bulk) and a model, found " +
                             std::to_string(words.size()) + " names");
    for (int k = 0; k < 4; ++k) e.nodes.push_back(node_name(words[static_cast<std::size_t>(k)]->text));
    e.model = words[4]->text;
    static const std::set<std::string, std::less<>> numeric = {"w", "l", "m", "ad", "as", "pd", "ps", "nrd", "nrs",
                                                               "icvds", "icvgs", "icvbs"};
    while (!c.at_end()) {
        const Token& t = c.take("a parameter");
        if (t.is_word("off")) {
            e.params["off"] = 1;
            continue;
        }
        if (!t.is_word() || !c.peek_kind(Token::Kind::Equals))
            c.fail(t, "unexpected " + quote(t) + " in " + e.name + " (expected name=value or off)");
        c.take("=");
        if (t.text == "ic") {
            // ic=vds[,vgs[,vbs]]
            const char* keys[] = {"icvds", "icvgs", "icvbs"};
            for (int k = 0; k < 3; ++k) {
                if (k > 0 && !c.accept(Token::Kind::Comma)) break;
                e.params[keys[k]] = c.take_value(keys[k]);
            }
            continue;
        }
        if (!numeric.count(t.text))
            unsupported_parameter(c, t, e.name, "w, l, m, ad, as, pd, ps, nrd, nrs, off, ic=vds,vgs,vbs");
        if (e.params.count(t.text)) c.fail(t, "parameter '" + t.text + "' given twice");
        e.params[t.text] = c.take_value(t.text);
    }
}

void parse_switch_state(CardCursor& c, Element& e) {
    if (c.at_end()) return;
    const Token& t = c.take("on or off");
    if (t.is_word("on") || t.is_word("off")) e.params[t.text] = 1;
    else c.fail(t, "unexpected " + quote(t) + " after the model of " + e.name + " (expected on or off)");
    if (!c.at_end()) c.fail_next("unexpected " + quote(*c.peek()) + " at the end of " + e.name);
}

}  // namespace

Expression behavioral_expression(const Card& card, std::size_t offset, std::string_view text,
                                 const ParameterScope& scope) {
    const Expression parsed = parse_expression_in_card(card, offset, text);
    for (const char* name : {"int", "limit", "atan2"})
        if (expression_detail::uses_function(parsed, name))
            throw InputError(card.where(offset), std::string(name) +
                                                     "() is not available in ngspice's B sources; write it with "
                                                     "floor/ceil, min/max or atan and a conditional");
    Expression e = scope.substitute(parsed);
    for (const ExpressionLeaf& leaf : e.leaves())
        if (leaf.kind == ExpressionLeaf::Kind::Variable && leaf.a != "temper" && leaf.a != "hertz")
            throw InputError(card.where(offset), "undefined parameter '" + leaf.a + "' in the expression '" +
                                                     std::string(text) + "'");
    // v(gnd) is v(0), as everywhere in ngspice.
    return e.rename_leaves([](const ExpressionLeaf& leaf) {
        ExpressionLeaf out = leaf;
        if (leaf.kind == ExpressionLeaf::Kind::NodeVoltage) {
            out.a = node_name(leaf.a);
            out.b = node_name(leaf.b);
        }
        return out;
    });
}

namespace {

// The expression after `key=` up to the end of the card ({...} and '...' unwrapped).
Expression expression_to_end(CardCursor& c, const ParameterScope& scope) {
    const Card& card = c.card();
    const Token& first = c.take("an expression");
    std::size_t begin = first.offset;
    std::string_view text = std::string_view(card.text).substr(begin);
    if (first.kind == Token::Kind::Braced && c.at_end()) {
        begin = first.offset + 1;
        text = first.text;
    }
    c.seek(c.tokens().size());
    return behavioral_expression(card, begin, text, scope);
}

void set_behavioral(Element& e, ElementItem& item, Expression expression, char quantity) {
    e.type = ElementType::Behavioral;
    e.behavioral_quantity = quantity;
    e.expression = expression.to_string();
    item.expression = std::move(expression);
}

// E n+ n- nc+ nc- gain | E n+ n- value={expr} | vol='expr'   (G: value=, cur=)
void parse_controlled_by_voltage(CardCursor& c, ElementItem& item, bool current_output) {
    Element& e = item.element;
    e.nodes = take_nodes(c, 2, e.name, "n+ n-");
    reject_unsupported_forms(c, e.name);
    if (c.at_assignment()) {
        const Token& key = c.take("value=");
        const char* own = current_output ? "cur" : "vol";
        if (key.text != "value" && key.text != own)
            c.fail(key, "expected the controlling nodes or value= of " + e.name + ", found '" + key.text + "='");
        c.take("=");
        set_behavioral(e, item, expression_to_end(c, c.scope()), current_output ? 'i' : 'v');
        return;
    }
    e.type = current_output ? ElementType::Vccs : ElementType::Vcvs;
    auto control = take_nodes(c, 2, e.name, "n+ n- nc+ nc-");
    e.nodes.insert(e.nodes.end(), control.begin(), control.end());
    e.value = c.take_value(current_output ? "the transconductance" : "the voltage gain");
    if (!c.at_end()) c.fail_next("unexpected " + quote(*c.peek()) + " after the gain of " + e.name);
}

void parse_behavioral(CardCursor& c, ElementItem& item) {
    Element& e = item.element;
    e.nodes = take_nodes(c, 2, e.name, "n+ n-");
    if (!c.at_assignment() || !(c.peek()->is_word("v") || c.peek()->is_word("i")))
        c.fail_next("expected v=expression or i=expression in " + e.name);
    const char quantity = c.take("v= or i=").text[0];
    c.take("=");
    set_behavioral(e, item, expression_to_end(c, c.scope()), quantity);
}

}  // namespace

ElementItem parse_element(const Card& card, const ParameterScope& scope) {
    CardCursor c(card, scope);
    ElementItem item;
    Element& e = item.element;
    const Token& name = c.take("an element name");
    if (!name.is_word()) c.fail(name, "expected an element name, found " + quote(name));
    e.name = name.text;
    e.where = card.where();
    switch (e.name[0]) {
        case 'r': parse_resistor(c, e); break;
        case 'c': parse_capacitor_or_inductor(c, e, true); break;
        case 'l': parse_capacitor_or_inductor(c, e, false); break;
        case 'k': parse_coupling(c, e); break;
        case 'v':
        case 'i':
            e.type = e.name[0] == 'v' ? ElementType::VoltageSource : ElementType::CurrentSource;
            e.nodes = take_nodes(c, 2, e.name, "n+ n-");
            e.source = parse_source(c, e.name);
            break;
        case 'e': parse_controlled_by_voltage(c, item, false); break;
        case 'g': parse_controlled_by_voltage(c, item, true); break;
        case 'f': parse_current_controlled(c, e, false); break;
        case 'h': parse_current_controlled(c, e, true); break;
        case 'd': parse_diode(c, e); break;
        case 'm': parse_mosfet(c, e); break;
        case 's':
            e.type = ElementType::VoltageSwitch;
            e.nodes = take_nodes(c, 4, e.name, "n+ n- nc+ nc-");
            e.model = c.take_word("the model of " + e.name);
            parse_switch_state(c, e);
            break;
        case 'w':
            e.type = ElementType::CurrentSwitch;
            e.nodes = take_nodes(c, 2, e.name, "n+ n-");
            e.controls.push_back(c.take_word("the controlling voltage source of " + e.name));
            e.model = c.take_word("the model of " + e.name);
            parse_switch_state(c, e);
            break;
        case 'b': parse_behavioral(c, item); break;
        case 'a':
            item.a_line = parse_a_line(card, scope, name.end);
            e.type = ElementType::CodeModel;  // decided when the models are known
            break;
        default:
            c.fail(name, "unknown element '" + e.name + "': memspice reads R C L K V I E F G H D M S W B A and X lines");
    }
    return item;
}

InstanceLine parse_instance_line(const Card& card, const ParameterScope& scope) {
    CardCursor c(card, scope);
    InstanceLine line;
    line.name = c.take_word("an instance name");
    std::vector<const Token*> words;
    while (!c.at_end() && !c.at_assignment() && !c.peek_word("params:")) {
        const Token& t = c.take("a node");
        if (!t.is_word()) c.fail(t, "expected the nodes and the subcircuit name of " + line.name + ", found " + quote(t));
        words.push_back(&t);
    }
    if (words.empty()) c.fail_next("expected the nodes and the subcircuit name of " + line.name);
    for (std::size_t k = 0; k + 1 < words.size(); ++k) line.nodes.push_back(node_name(words[k]->text));
    line.subcircuit = words.back()->text;
    line.subcircuit_where = c.where(*words.back());
    if (c.peek_word("params:")) c.take("params:");
    while (!c.at_end()) {
        if (!c.at_assignment()) c.fail_next("expected name=value after the subcircuit name of " + line.name + ", found " + quote(*c.peek()));
        const Token& key = c.take("a parameter name");
        c.take("=");
        for (const auto& [given, value] : line.overrides)
            if (given == key.text) c.fail(key, "parameter '" + key.text + "' given twice");
        line.overrides.emplace_back(key.text, c.take_value("the value of " + key.text));
        line.override_where.push_back(c.where(key));
    }
    return line;
}

}  // namespace memspice::netlist
