// .model card reading (see model_cards.hpp).
#include "netlists/model_cards.hpp"

#include <cctype>

#include "core/units.hpp"
#include "netlists/card_cursor.hpp"

namespace memspice::netlist {

bool is_builtin_model_type(std::string_view type) {
    return type == "d" || type == "nmos" || type == "pmos" || type == "sw" || type == "csw" || type == "r" ||
           type == "c";
}

std::string substitute_braces(const Card& card, std::size_t offset, std::string_view text, const ParameterScope& scope) {
    std::string out;
    std::size_t k = 0;
    while (k < text.size()) {
        const char c = text[k];
        if (c != '{' && c != '\'') {
            out += c;
            ++k;
            continue;
        }
        std::size_t close = k;
        if (c == '{') {
            int depth = 0;
            for (; close < text.size(); ++close) {
                if (text[close] == '{') ++depth;
                else if (text[close] == '}' && --depth == 0) break;
            }
        } else {
            close = text.find('\'', k + 1);
        }
        if (close == std::string_view::npos || close >= text.size())
            throw InputError(card.where(offset + k), std::string("'") + c + "' is not closed");
        const std::string_view inner = text.substr(k + 1, close - k - 1);
        const Expression e = parse_expression_in_card(card, offset + k + 1, inner);
        out += format_number(scope.evaluate(e, card.where(offset + k)));
        k = close + 1;
    }
    return out;
}

namespace {

std::string collapse_spaces(std::string_view s) {
    std::string out;
    bool quoted = false, space = false;
    for (char c : s) {
        if (c == '"') quoted = !quoted;
        if (!quoted && std::isspace(static_cast<unsigned char>(c))) {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

// The inside of `type( ... )` for an XSPICE model, verbatim.
std::string code_model_text(CardCursor& c, const Token& type) {
    const Card& card = c.card();
    std::size_t begin = type.end, end = card.text.size();
    if (c.peek_kind(Token::Kind::LeftParen)) {
        const Token& open = c.take("(");
        begin = open.end;
        const Token& last = c.tokens().back();
        if (last.kind != Token::Kind::RightParen || &last == &open)
            throw InputError(card.where(card.text.size()), "the '(' after the model type " + type.text + " is not closed by ')'");
        end = last.offset;
    }
    const std::string_view inside = std::string_view(card.text).substr(begin, end - begin);
    return collapse_spaces(substitute_braces(card, begin, inside, c.scope()));
}

}  // namespace

Model parse_model_card(const Card& card, const ParameterScope& scope, const FamilyLookup& families) {
    CardCursor c(card, scope);
    c.take(".model");
    Model m;
    m.where = card.where();
    m.name = c.take_word("the model name");
    const Token& type = c.take("the model type of " + m.name);
    if (!type.is_word()) c.fail(type, "expected the model type of " + m.name + ", found " + quote(type));
    m.type = type.text;
    const devices::Family* family = families ? families(m.type) : nullptr;
    if (!family && !is_builtin_model_type(m.type)) {
        m.code_model_text = code_model_text(c, type);
        return m;
    }
    if (family) m.type = std::string(family->name);
    const bool parenthesised = c.accept(Token::Kind::LeftParen);
    std::vector<std::pair<std::string, std::string>> units;
    for (;;) {
        c.skip_commas();
        if (c.at_end()) {
            if (parenthesised) c.fail_next("the '(' after the model type " + m.type + " is not closed by ')'");
            break;
        }
        if (parenthesised && c.accept(Token::Kind::RightParen)) {
            if (!c.at_end()) c.fail_next("unexpected " + quote(*c.peek()) + " after the ')' of model " + m.name);
            break;
        }
        if (!c.at_assignment()) c.fail_next("expected name=value in model " + m.name + ", found " + quote(*c.peek()));
        const Token& key = c.take("a parameter name");
        c.take("=");
        if (m.params.count(key.text)) c.fail(key, "parameter '" + key.text + "' of model " + m.name + " is given twice");
        const SpiceNumber n = c.value_with_unit(c.take("the value of " + key.text), "the value of " + key.text);
        if (family) {
            // Checked one by one so that an error points at the parameter's own line.
            family->check_unit(key.text, n.unit, c.where(key));
            (void)family->make_parameters({{key.text, n.value}}, c.where(key));
        }
        m.params[key.text] = n.value;
    }
    return m;
}

}  // namespace memspice::netlist
