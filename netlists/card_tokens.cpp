// Card text -> tokens (see card_tokens.hpp).
#include "netlists/card_tokens.hpp"

#include <cctype>

namespace memspice::netlist {

namespace {

bool is_space(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }
bool is_delimiter(char c) {
    return is_space(c) || c == '=' || c == '(' || c == ')' || c == ',' || c == '{' || c == '}' || c == '\'' ||
           c == '"';
}

}  // namespace

std::vector<Token> tokenize(const Card& card) {
    const std::string& s = card.text;
    std::vector<Token> tokens;
    std::size_t k = 0;
    while (k < s.size()) {
        const char c = s[k];
        if (is_space(c)) {
            ++k;
            continue;
        }
        Token t;
        t.offset = k;
        auto single = [&](Token::Kind kind) {
            t.kind = kind;
            t.text = std::string(1, c);
            t.end = ++k;
        };
        switch (c) {
            case '=': single(Token::Kind::Equals); break;
            case '(': single(Token::Kind::LeftParen); break;
            case ')': single(Token::Kind::RightParen); break;
            case ',': single(Token::Kind::Comma); break;
            case '{': {
                int depth = 0;
                std::size_t j = k;
                for (; j < s.size(); ++j) {
                    if (s[j] == '{') ++depth;
                    else if (s[j] == '}' && --depth == 0) break;
                }
                if (j >= s.size()) throw InputError(card.where(k), "'{' is not closed by '}'");
                t.kind = Token::Kind::Braced;
                t.text = s.substr(k + 1, j - k - 1);
                t.end = k = j + 1;
                break;
            }
            case '}': throw InputError(card.where(k), "'}' without a '{' before it");
            case '\'':
            case '"': {
                const std::size_t j = s.find(c, k + 1);
                if (j == std::string::npos)
                    throw InputError(card.where(k), std::string("quote ") + c + " is not closed");
                t.kind = c == '"' ? Token::Kind::Quoted : Token::Kind::Braced;
                t.text = c == '"' ? card.original.substr(k + 1, j - k - 1) : s.substr(k + 1, j - k - 1);
                t.end = k = j + 1;
                break;
            }
            default: {
                std::size_t j = k;
                while (j < s.size() && !is_delimiter(s[j])) ++j;
                t.kind = Token::Kind::Word;
                t.text = s.substr(k, j - k);
                t.end = k = j;
                break;
            }
        }
        tokens.push_back(std::move(t));
    }
    return tokens;
}

std::string quote(const Token& token) {
    switch (token.kind) {
        case Token::Kind::Braced: return "{" + token.text + "}";
        case Token::Kind::Quoted: return "\"" + token.text + "\"";
        default: return "'" + token.text + "'";
    }
}

}  // namespace memspice::netlist
