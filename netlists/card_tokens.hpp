// A card's text as tokens: words, `=`, parentheses, commas, `{expressions}` ('...' is the
// same), and "quoted strings", each with its offset in the card (for error locations).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "netlists/lexer.hpp"

namespace memspice::netlist {

struct Token {
    enum class Kind { Word, Equals, LeftParen, RightParen, Comma, Braced, Quoted };
    Kind kind = Kind::Word;
    std::string text;         // Word: as in the card; Braced/Quoted: the inside
    std::size_t offset = 0;   // first character in Card::text
    std::size_t end = 0;      // one past the last character

    bool is_word() const { return kind == Kind::Word; }
    bool is_word(std::string_view w) const { return kind == Kind::Word && text == w; }
};

// Throws InputError for an unclosed '{', '\'' or '"'.
std::vector<Token> tokenize(const Card& card);

// How a token reads in a message: 'text', {text} or "text".
std::string quote(const Token& token);

}  // namespace memspice::netlist
