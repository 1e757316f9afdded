// .subckt/.ends nesting -> SubcircuitDefinition tree (see subcircuit_definitions.hpp).
#include "netlists/subcircuit_definitions.hpp"

#include "netlists/card_cursor.hpp"

namespace memspice::netlist {

const SubcircuitDefinition* SubcircuitDefinition::find_child(std::string_view child) const {
    for (const auto& c : children)
        if (c->name == child) return c.get();
    return nullptr;
}

const SubcircuitDefinition* SubcircuitDefinition::resolve(std::string_view subcircuit) const {
    for (const SubcircuitDefinition* level = this; level; level = level->parent)
        if (const SubcircuitDefinition* found = level->find_child(subcircuit)) return found;
    return nullptr;
}

const SubcircuitDefinition::Default* SubcircuitDefinition::find_default(std::string_view parameter) const {
    for (const Default& d : defaults)
        if (d.name == parameter) return &d;
    return nullptr;
}

namespace {

// .subckt name port... [params:] [name=value ...]
std::unique_ptr<SubcircuitDefinition> read_header(const Card& card) {
    const ParameterScope no_parameters;
    CardCursor c(card, no_parameters);
    c.take(".subckt");
    auto def = std::make_unique<SubcircuitDefinition>();
    def->where = card.where();
    def->name = c.take_word("the subcircuit name");
    while (!c.at_end() && !c.at_assignment() && !c.peek_word("params:")) {
        const Token& t = c.take("a port");
        if (!t.is_word()) c.fail(t, "expected a port name of subcircuit " + def->name + ", found " + quote(t));
        const std::string port = node_name(t.text);
        for (const std::string& p : def->ports)
            if (p == port) c.fail(t, "port '" + port + "' is listed twice in subcircuit " + def->name);
        def->ports.push_back(port);
    }
    if (c.peek_word("params:")) c.take("params:");
    while (!c.at_end()) {
        if (!c.at_assignment())
            c.fail_next("expected name=default in the parameters of subcircuit " + def->name + ", found " + quote(*c.peek()));
        const Token& key = c.take("a parameter name");
        c.take("=");
        if (is_reserved_parameter_name(key.text))
            c.fail(key, "'" + key.text + "' is a reserved name and cannot be a parameter");
        if (def->find_default(key.text)) c.fail(key, "parameter '" + key.text + "' of subcircuit " + def->name + " is listed twice");
        const Token& value = c.take("the default of " + key.text);
        Expression e;
        if (value.kind == Token::Kind::Braced) {
            e = parse_expression_in_card(card, value.offset + 1, value.text);
        } else if (value.is_word()) {
            e = parse_expression_in_card(card, value.offset, value.text);
        } else {
            c.fail(value, "expected the default value of " + key.text + ", found " + quote(value));
        }
        def->defaults.push_back({key.text, std::move(e), c.where(key)});
    }
    return def;
}

}  // namespace

DeckStructure build_structure(const std::vector<Card>& cards) {
    DeckStructure deck;
    deck.global_nodes = {"0", "null"};
    SubcircuitDefinition* current = &deck.top;
    for (const Card& card : cards) {
        const std::string_view keyword = card.keyword();
        if (keyword == ".subckt") {
            auto def = read_header(card);
            if (const SubcircuitDefinition* twin = current->find_child(def->name))
                throw InputError(card.where(), "subcircuit '" + def->name + "' is already defined at " + twin->where.str());
            def->parent = current;
            current->children.push_back(std::move(def));
            current = current->children.back().get();
        } else if (keyword == ".ends") {
            if (current == &deck.top) throw InputError(card.where(), ".ends without a .subckt before it");
            const ParameterScope none;
            CardCursor c(card, none);
            c.take(".ends");
            if (!c.at_end()) {
                const Token& name = c.take("the subcircuit name");
                if (name.text != current->name)
                    c.fail(name, ".ends " + name.text + " closes .subckt " + current->name + " (opened at " +
                                     current->where.str() + ")");
            }
            current = current->parent;
        } else if (keyword == ".global") {
            const ParameterScope none;
            CardCursor c(card, none);
            c.take(".global");
            if (c.at_end()) c.fail_next(".global expects node names");
            while (!c.at_end()) deck.global_nodes.insert(node_name(c.take_word("a node name")));
        } else {
            current->body.push_back(&card);
        }
    }
    if (current != &deck.top)
        throw InputError(current->where, ".subckt " + current->name + " is not closed by .ends");
    return deck;
}

}  // namespace memspice::netlist
