// Subcircuit flattening with ngspice's naming (see subcircuit_expansion.hpp).
#include "netlists/subcircuit_expansion.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "netlists/analysis_cards.hpp"
#include "netlists/card_cursor.hpp"
#include "netlists/element_parsers.hpp"
#include "netlists/expression_tree.hpp"

namespace memspice::netlist {

namespace {

using PortMap = std::map<std::string, std::string, std::less<>>;

bool is_unsupported_analysis(std::string_view k) {
    return k == ".noise" || k == ".tf" || k == ".sens" || k == ".pz" || k == ".disto" || k == ".pss" || k == ".sp";
}

// .param name=value ...: values are {expr}, 'expr' or bare expressions (which end where
// the next `name=` begins).
void read_parameters(const Card& card, ParameterScope& scope, const SubcircuitDefinition& def,
                     std::vector<std::string>& defined) {
    CardCursor c(card, scope);
    c.take(".param");
    if (c.at_end()) c.fail_next(".param expects name=value ...");
    while (!c.at_end()) {
        c.skip_commas();
        if (c.at_end()) break;
        if (!c.at_assignment()) c.fail_next(".param expects name=value, found " + quote(*c.peek()));
        const Token& name = c.take("a parameter name");
        c.take("=");
        if (def.find_default(name.text))
            c.fail(name, ".param " + name.text + " redefines a parameter of subcircuit " + def.name);
        const Token& first = c.take("the value of " + name.text);
        Expression value;
        if (first.kind == Token::Kind::Braced) {
            value = parse_expression_in_card(card, first.offset + 1, first.text);
        } else {
            const std::string_view rest = std::string_view(card.text).substr(first.offset);
            std::size_t consumed = 0;
            try {
                auto parsed = expression_detail::parse_expression(rest, true);
                value = std::move(parsed.expression);
                consumed = parsed.consumed;
            } catch (const expression_detail::ParseError& e) {
                throw InputError(card.where(first.offset + e.offset), e.message + " in the value of parameter " + name.text);
            }
            const std::size_t end = first.offset + consumed;
            std::size_t next = c.position();
            while (next < c.tokens().size() && c.tokens()[next].offset < end) ++next;
            c.seek(next);
        }
        scope.define(name.text, std::move(value), c.where(name));
        defined.push_back(name.text);
    }
}

class Flattener {
public:
    Flattener(const DeckStructure& deck, const FamilyLookup& families, Circuit& circuit)
        : deck_(deck), families_(families), circuit_(circuit) {}

    std::vector<Item> top() {
        return expand_body(deck_.top, "", std::make_shared<ParameterScope>(), {}, {});
    }

private:
    std::vector<Item> expand_body(const SubcircuitDefinition& def, const std::string& scname,
                                  const std::shared_ptr<ParameterScope>& scope, const PortMap& ports,
                                  const std::vector<const SubcircuitDefinition*>& ancestry) {
        // All .param cards of the body first: values may be used above their definition.
        std::vector<std::string> defined;
        for (const Card* card : def.body)
            if (card->keyword() == ".param") read_parameters(*card, *scope, def, defined);
        for (const std::string& name : defined) (void)scope->lookup(name);  // report errors even if unused

        std::vector<Item> items;
        for (const Card* card : def.body) read_card(*card, def, scope, ancestry, items);

        // X lines (from this body or from the expansions above) whose subcircuit is defined
        // at this level are expanded here, in place.
        for (std::size_t k = 0; k < items.size();) {
            auto* instance = std::get_if<InstanceItem>(&items[k]);
            if (!instance || instance->definition->parent != &def) {
                ++k;
                continue;
            }
            std::vector<Item> expanded = expand_instance(*instance);
            items.erase(items.begin() + static_cast<std::ptrdiff_t>(k));
            items.insert(items.begin() + static_cast<std::ptrdiff_t>(k), std::make_move_iterator(expanded.begin()),
                         std::make_move_iterator(expanded.end()));
        }
        if (!scname.empty()) translate(items, scname, ports);
        return items;
    }

    void read_card(const Card& card, const SubcircuitDefinition& def, const std::shared_ptr<ParameterScope>& scope,
                   const std::vector<const SubcircuitDefinition*>& ancestry, std::vector<Item>& items) {
        const std::string_view k = card.keyword();
        const bool top_level = &def == &deck_.top;
        if (k.front() == '.') {
            if (k == ".param") return;
            if (k == ".model") {
                items.push_back(ModelItem{parse_model_card(card, *scope, families_)});
            } else if (k == ".ic" || k == ".nodeset") {
                for (InitialConditionItem& ic : read_initial_conditions(card, *scope)) items.push_back(std::move(ic));
            } else if (is_control_card(k)) {
                if (!top_level)
                    throw InputError(card.where(), std::string(k) + " is not allowed inside a subcircuit (.subckt " +
                                                       def.name + "); put it at the top level");
                read_control_card(card, *scope, circuit_);
            } else if (is_unsupported_analysis(k)) {
                throw InputError(card.where(), "analysis " + std::string(k) +
                                                   " is not supported (supported: .op .dc .tran .ac)");
            } else if (k == ".func") {
                throw InputError(card.where(), ".func is not supported: write the expression out or use .param");
            } else if (k == ".if" || k == ".elseif" || k == ".else" || k == ".endif") {
                throw InputError(card.where(), "conditional netlists (" + std::string(k) + ") are not supported");
            } else {
                throw InputError(card.where(), "unknown dot card '" + std::string(k) + "'");
            }
            return;
        }
        if (k.front() == 'x') {
            items.push_back(instance_item(card, def, scope, ancestry));
            return;
        }
        items.push_back(parse_element(card, *scope));
    }

    InstanceItem instance_item(const Card& card, const SubcircuitDefinition& def,
                               const std::shared_ptr<ParameterScope>& scope,
                               const std::vector<const SubcircuitDefinition*>& ancestry) {
        InstanceLine line = parse_instance_line(card, *scope);
        const SubcircuitDefinition* target = def.resolve(line.subcircuit);
        if (!target) throw InputError(line.subcircuit_where, "undefined subcircuit '" + line.subcircuit + "' (instance " + line.name + ")");
        if (line.nodes.size() != target->ports.size()) {
            std::string ports;
            for (const std::string& p : target->ports) ports += (ports.empty() ? "" : " ") + p;
            throw InputError(card.where(), "subcircuit " + target->name + " has " + std::to_string(target->ports.size()) +
                                               " ports (" + ports + "), instance " + line.name + " connects " +
                                               std::to_string(line.nodes.size()) + " nodes");
        }
        for (std::size_t k = 0; k < line.overrides.size(); ++k)
            if (!target->find_default(line.overrides[k].first)) {
                std::string known;
                for (const auto& d : target->defaults) known += (known.empty() ? "" : ", ") + d.name;
                throw InputError(line.override_where[k], "subcircuit " + target->name + " has no parameter '" +
                                                             line.overrides[k].first + "' (parameters: " +
                                                             (known.empty() ? std::string("none") : known) + ")");
            }
        InstanceItem item;
        item.name = line.name;
        item.nodes = std::move(line.nodes);
        item.definition = target;
        item.overrides = std::move(line.overrides);
        item.caller = scope;
        item.ancestry = ancestry;
        item.where = card.where();
        return item;
    }

    std::vector<Item> expand_instance(const InstanceItem& instance) {
        const SubcircuitDefinition& def = *instance.definition;
        if (std::find(instance.ancestry.begin(), instance.ancestry.end(), &def) != instance.ancestry.end()) {
            std::string chain;
            for (const SubcircuitDefinition* d : instance.ancestry) chain += d->name + " -> ";
            throw InputError(instance.where, "recursive subcircuit: " + chain + def.name);
        }
        auto scope = std::make_shared<ParameterScope>(instance.caller);
        for (const auto& [name, value] : instance.overrides) scope->define_value(name, value, instance.where);
        for (const auto& d : def.defaults)
            if (!scope->defines_here(d.name)) scope->define(d.name, d.value, d.where);
        PortMap ports;
        for (std::size_t k = 0; k < def.ports.size(); ++k) ports[def.ports[k]] = instance.nodes[k];
        std::vector<const SubcircuitDefinition*> ancestry = instance.ancestry;
        ancestry.push_back(&def);
        return expand_body(def, instance.name, scope, ports, ancestry);
    }

    // Renames what an instance body produced, as ngspice's translate() and modtranslate().
    void translate(std::vector<Item>& items, const std::string& s, const PortMap& ports) const {
        std::set<std::string, std::less<>> local_models;
        for (const Item& item : items)
            if (const auto* m = std::get_if<ModelItem>(&item)) local_models.insert(m->model.name);

        auto node = [&](const std::string& n) -> std::string {
            if (deck_.global_nodes.count(n)) return n;
            if (auto it = ports.find(n); it != ports.end()) return it->second;
            return s + "." + n;
        };
        auto instance = [&](const std::string& n) { return std::string(1, n[0]) + "." + s + "." + n; };
        auto model = [&](const std::string& m) { return local_models.count(m) ? s + ":" + m : m; };

        for (Item& item : items) {
            if (auto* el = std::get_if<ElementItem>(&item)) {
                Element& e = el->element;
                e.name = instance(e.name);
                for (std::string& n : e.nodes) n = node(n);
                for (std::string& c : e.controls) c = instance(c);
                if (!e.model.empty()) e.model = model(e.model);
                if (el->expression) {
                    el->expression = el->expression->rename_leaves([&](const ExpressionLeaf& leaf) {
                        ExpressionLeaf out = leaf;
                        if (leaf.kind == ExpressionLeaf::Kind::NodeVoltage) {
                            out.a = node(leaf.a);
                            out.b = node(leaf.b);
                        } else if (leaf.kind == ExpressionLeaf::Kind::BranchCurrent) {
                            out.a = instance(leaf.a);
                        }
                        return out;
                    });
                    e.expression = el->expression->to_string();
                }
                if (el->a_line) {
                    ALine& a = *el->a_line;
                    for (std::size_t k = 0; k < a.parts.size(); ++k) {
                        ALine::Part& p = a.parts[k];
                        if (k + 1 == a.parts.size()) p.text = model(p.text);
                        else if (p.role == ALine::Part::Role::Node) p.text = node(p.text);
                        else if (p.role == ALine::Part::Role::Instance) p.text = instance(p.text);
                    }
                    for (std::string& n : a.device_nodes) n = node(n);
                    if (!a.device_model.empty()) a.device_model = model(a.device_model);
                    a.rebuild_text();
                }
            } else if (auto* m = std::get_if<ModelItem>(&item)) {
                m->model.name = s + ":" + m->model.name;
            } else if (auto* x = std::get_if<InstanceItem>(&item)) {
                x->name = s + "." + x->name;
                for (std::string& n : x->nodes) n = node(n);
            } else if (auto* ic = std::get_if<InitialConditionItem>(&item)) {
                ic->node = node(ic->node);
            }
        }
    }

    const DeckStructure& deck_;
    const FamilyLookup& families_;
    Circuit& circuit_;
};

}  // namespace

std::vector<Item> flatten(const DeckStructure& deck, const FamilyLookup& families, Circuit& circuit) {
    return Flattener(deck, families, circuit).top();
}

}  // namespace memspice::netlist
