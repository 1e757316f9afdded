// Reading one card token by token: names, numbers ("1k", "2.2uF", `{expr}`) evaluated in
// a parameter scope, `name=value` pairs, with errors located at the token's physical line.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/units.hpp"
#include "netlists/card_tokens.hpp"
#include "netlists/expression.hpp"
#include "netlists/parameter_scope.hpp"

namespace memspice::netlist {

class CardCursor {
public:
    CardCursor(const Card& card, const ParameterScope& scope);

    const Card& card() const { return card_; }
    const ParameterScope& scope() const { return scope_; }
    const std::vector<Token>& tokens() const { return tokens_; }
    std::size_t position() const { return pos_; }
    void seek(std::size_t position) { pos_ = position; }

    bool at_end() const { return pos_ >= tokens_.size(); }
    // The token `ahead` places on, or nullptr past the end.
    const Token* peek(std::size_t ahead = 0) const;
    bool peek_word(std::string_view word) const;
    bool peek_kind(Token::Kind kind) const;
    // `name =` next (with the name not one of `exclude`).
    bool at_assignment() const;
    // A number or {expression} next.
    bool at_value() const;

    const Token& take(std::string_view what);  // throws "expected <what>" at the end
    std::string take_word(std::string_view what);
    void expect(Token::Kind kind, std::string_view what);
    bool accept(Token::Kind kind);
    void skip_commas();

    double value(const Token& token, std::string_view what) const;
    SpiceNumber value_with_unit(const Token& token, std::string_view what) const;
    double take_value(std::string_view what) { return value(take(what), what); }

    SourceLocation where(const Token& token) const { return card_.where(token.offset); }
    SourceLocation where_next() const;  // the next token, or the card's last line
    [[noreturn]] void fail(const Token& token, const std::string& message) const;
    [[noreturn]] void fail_next(const std::string& message) const;

private:
    const Card& card_;
    const ParameterScope& scope_;
    std::vector<Token> tokens_;
    std::size_t pos_ = 0;
};

// Parses expression text found at `offset` of a card; a syntax error is located on the
// physical line of the offending character.
Expression parse_expression_in_card(const Card& card, std::size_t offset, std::string_view text);

// A node name as stored: lower case, "gnd" is ground "0" (as ngspice).
std::string node_name(std::string_view word);

}  // namespace memspice::netlist
