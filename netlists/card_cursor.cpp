// Token-by-token reading of a card (see card_cursor.hpp).
#include "netlists/card_cursor.hpp"

#include <cctype>

#include "netlists/expression_tree.hpp"
#include "netlists/strict_number.hpp"

namespace memspice::netlist {

CardCursor::CardCursor(const Card& card, const ParameterScope& scope)
    : card_(card), scope_(scope), tokens_(tokenize(card)) {}

const Token* CardCursor::peek(std::size_t ahead) const {
    return pos_ + ahead < tokens_.size() ? &tokens_[pos_ + ahead] : nullptr;
}

bool CardCursor::peek_word(std::string_view word) const {
    const Token* t = peek();
    return t && t->is_word(word);
}

bool CardCursor::peek_kind(Token::Kind kind) const {
    const Token* t = peek();
    return t && t->kind == kind;
}

bool CardCursor::at_assignment() const {
    const Token* name = peek();
    const Token* equals = peek(1);
    return name && equals && name->is_word() && equals->kind == Token::Kind::Equals;
}

bool CardCursor::at_value() const {
    const Token* t = peek();
    if (!t) return false;
    if (t->kind == Token::Kind::Braced) return true;
    return t->is_word() && parse_spice_number(t->text).has_value();
}

const Token& CardCursor::take(std::string_view what) {
    if (at_end()) fail_next("expected " + std::string(what) + " at the end of the line");
    return tokens_[pos_++];
}

std::string CardCursor::take_word(std::string_view what) {
    const Token& t = take(what);
    if (!t.is_word()) fail(t, "expected " + std::string(what) + ", found " + quote(t));
    return t.text;
}

void CardCursor::expect(Token::Kind kind, std::string_view what) {
    const Token& t = take(what);
    if (t.kind != kind) fail(t, "expected " + std::string(what) + ", found " + quote(t));
}

bool CardCursor::accept(Token::Kind kind) {
    if (!peek_kind(kind)) return false;
    ++pos_;
    return true;
}

void CardCursor::skip_commas() {
    while (accept(Token::Kind::Comma)) {
    }
}

SpiceNumber CardCursor::value_with_unit(const Token& t, std::string_view what) const {
    if (t.kind == Token::Kind::Braced) {
        const Expression e = parse_expression_in_card(card_, t.offset + 1, t.text);
        return {scope_.evaluate(e, where(t)), ""};
    }
    if (t.is_word()) {
        if (auto number = parse_strict_number(t.text)) return *number;
        if (parse_spice_number(t.text))
            fail(t, "'" + t.text + "' is not a valid number for " + std::string(what) + " (two scale suffixes)");
        const char c = t.text.front();
        if (std::isdigit(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '+')
            fail(t, "'" + t.text + "' is not a number (expected " + std::string(what) + ")");
    }
    fail(t, "expected " + std::string(what) + " (a number or {expression}), found " + quote(t));
}

double CardCursor::value(const Token& t, std::string_view what) const { return value_with_unit(t, what).value; }

SourceLocation CardCursor::where_next() const {
    if (const Token* t = peek()) return where(*t);
    return card_.where(card_.text.size());
}

void CardCursor::fail(const Token& t, const std::string& message) const { throw InputError(where(t), message); }

void CardCursor::fail_next(const std::string& message) const { throw InputError(where_next(), message); }

Expression parse_expression_in_card(const Card& card, std::size_t offset, std::string_view text) {
    try {
        return expression_detail::parse_expression(text, false).expression;
    } catch (const expression_detail::ParseError& e) {
        throw InputError(card.where(offset + e.offset), e.message + " in the expression '" + std::string(text) + "'");
    }
}

std::string node_name(std::string_view word) {
    if (word == "gnd") return "0";
    return std::string(word);
}

}  // namespace memspice::netlist
