// Expression text -> tree: a tokenizer and a precedence-climbing parser for ngspice's
// expression syntax (see netlists/expression.hpp for the grammar).
#include <cctype>
#include <cmath>
#include <numbers>
#include <optional>

#include "netlists/expression_tree.hpp"
#include "netlists/strict_number.hpp"

namespace memspice::expression_detail {

namespace {

bool is_identifier_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool is_identifier_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }
bool is_digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }
char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

std::string lower_copy(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = lower(c);
    return out;
}

enum class Tok {
    End, Number, Identifier, LeftParen, RightParen, Comma, Question, Colon,
    Plus, Minus, Star, Slash, Power, Less, LessEqual, Greater, GreaterEqual, Equal, NotEqual,
    Not, And, Or, Other,
};

struct Token {
    Tok kind = Tok::End;
    std::size_t offset = 0;
    std::size_t length = 0;
    double number = 0;
    std::string text;  // identifier (lower case) or the characters as written
};

class Lexer {
public:
    explicit Lexer(std::string_view text) : text_(text) { advance(); }

    const Token& peek() const { return current_; }
    Token take() {
        Token t = current_;
        advance();
        return t;
    }
    std::string_view text() const { return text_; }

    // Raw arguments of v(...) / i(...) when the current token is their '(': node or source
    // names up to ')', separated by commas (names like "1n1" are not numbers here).
    // Leaves the lexer after the ')'.
    std::vector<std::string> raw_arguments() {
        const std::size_t open_offset = current_.offset;
        std::vector<std::string> names;
        std::size_t k = open_offset + 1;
        for (;;) {
            while (k < text_.size() && std::isspace(static_cast<unsigned char>(text_[k]))) ++k;
            const std::size_t start = k;
            while (k < text_.size() && text_[k] != ',' && text_[k] != ')' && text_[k] != '(' &&
                   !std::isspace(static_cast<unsigned char>(text_[k])))
                ++k;
            if (k == start) throw ParseError{k, "expected a name inside the parentheses"};
            names.push_back(lower_copy(text_.substr(start, k - start)));
            while (k < text_.size() && std::isspace(static_cast<unsigned char>(text_[k]))) ++k;
            if (k < text_.size() && text_[k] == ',') {
                ++k;
                continue;
            }
            if (k < text_.size() && text_[k] == ')') {
                ++k;
                break;
            }
            throw ParseError{k < text_.size() ? k : open_offset, "expected ')' to close the '(' of v(...) or i(...)"};
        }
        pos_ = k;
        advance();
        return names;
    }

private:
    void advance() {
        while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_]))) ++pos_;
        current_ = Token{};
        current_.offset = pos_;
        if (pos_ >= text_.size()) return;
        const char c = text_[pos_];
        const char next = pos_ + 1 < text_.size() ? text_[pos_ + 1] : '\0';
        if (is_digit(c) || (c == '.' && is_digit(next))) return lex_number();
        if (is_identifier_start(c)) {
            std::size_t k = pos_;
            while (k < text_.size() && is_identifier_char(text_[k])) ++k;
            current_.kind = Tok::Identifier;
            current_.text = lower_copy(text_.substr(pos_, k - pos_));
            return finish(k - pos_);
        }
        auto two = [&](char second, Tok both, Tok one) {
            if (next == second) {
                current_.kind = both;
                return finish(2);
            }
            current_.kind = one;
            return finish(1);
        };
        switch (c) {
            case '(': current_.kind = Tok::LeftParen; return finish(1);
            case ')': current_.kind = Tok::RightParen; return finish(1);
            case ',': current_.kind = Tok::Comma; return finish(1);
            case '?': current_.kind = Tok::Question; return finish(1);
            case ':': current_.kind = Tok::Colon; return finish(1);
            case '+': current_.kind = Tok::Plus; return finish(1);
            case '-': current_.kind = Tok::Minus; return finish(1);
            case '/': current_.kind = Tok::Slash; return finish(1);
            case '^': current_.kind = Tok::Power; return finish(1);
            case '*': return two('*', Tok::Power, Tok::Star);
            case '<': return two('=', Tok::LessEqual, Tok::Less);
            case '>': return two('=', Tok::GreaterEqual, Tok::Greater);
            case '!': return two('=', Tok::NotEqual, Tok::Not);
            case '=': return two('=', Tok::Equal, Tok::Other);
            case '&': return two('&', Tok::And, Tok::Other);
            case '|': return two('|', Tok::Or, Tok::Other);
            default: current_.kind = Tok::Other; return finish(1);
        }
    }

    void finish(std::size_t length) {
        current_.length = length;
        if (current_.text.empty()) current_.text = std::string(text_.substr(pos_, length));
        pos_ += length;
    }

    void lex_number() {
        std::size_t k = pos_;
        while (k < text_.size() && is_digit(text_[k])) ++k;
        if (k < text_.size() && text_[k] == '.') {
            ++k;
            while (k < text_.size() && is_digit(text_[k])) ++k;
        }
        if (k < text_.size() && (text_[k] == 'e' || text_[k] == 'E')) {
            std::size_t e = k + 1;
            if (e < text_.size() && (text_[e] == '+' || text_[e] == '-')) ++e;
            if (e < text_.size() && is_digit(text_[e])) {
                while (e < text_.size() && is_digit(text_[e])) ++e;
                k = e;
            }
        }
        // Scale suffix and unit letters belong to the number ("2.5meg", "1uF"); a digit or a
        // dot right after them ("1.2.3", "1k2") makes the token malformed.
        while (k < text_.size() && (std::isalpha(static_cast<unsigned char>(text_[k])) || text_[k] == '.' ||
                                    (is_digit(text_[k]) && (std::isalpha(static_cast<unsigned char>(text_[k - 1])) || text_[k - 1] == '.'))))
            ++k;
        const std::string_view token = text_.substr(pos_, k - pos_);
        const auto number = netlist::parse_strict_number(token);
        if (!number) throw ParseError{pos_, "'" + std::string(token) + "' is not a number"};
        current_.kind = Tok::Number;
        current_.number = number->value;
        finish(k - pos_);
    }

    std::string_view text_;
    std::size_t pos_ = 0;
    Token current_;
};

Node constant(double v) {
    Node n;
    n.op = Op::Constant;
    n.value = v;
    return n;
}

Node unary(Op op, Node child) {
    Node n;
    n.op = op;
    n.children.push_back(std::move(child));
    return n;
}

Node binary(Op op, Node left, Node right) {
    Node n;
    n.op = op;
    n.children.reserve(2);
    n.children.push_back(std::move(left));
    n.children.push_back(std::move(right));
    return n;
}

std::string describe(const Token& t) {
    if (t.kind == Tok::End) return "the end of the expression";
    return "'" + t.text + "'";
}

class Parser {
public:
    explicit Parser(std::string_view text) : lexer_(text) {}

    Node parse_top(std::vector<ExpressionLeaf>& leaves, bool prefix, std::size_t& consumed) {
        leaves_ = &leaves;
        if (lexer_.peek().kind == Tok::End) throw ParseError{0, "expected an expression"};
        Node root = conditional();
        const Token& next = lexer_.peek();
        if (!prefix && next.kind != Tok::End)
            throw ParseError{next.offset, "unexpected " + describe(next) + " after a complete expression"};
        consumed = next.kind == Tok::End ? lexer_.text().size() : next.offset;
        return root;
    }

private:
    bool accept(Tok kind) {
        if (lexer_.peek().kind != kind) return false;
        lexer_.take();
        return true;
    }

    void expect(Tok kind, const char* what) {
        if (!accept(kind))
            throw ParseError{lexer_.peek().offset, std::string("expected ") + what + ", found " + describe(lexer_.peek())};
    }

    Node conditional() {
        Node condition = logical_or();
        if (!accept(Tok::Question)) return condition;
        Node yes = conditional();
        expect(Tok::Colon, "':' of the conditional 'c ? a : b'");
        Node no = conditional();
        Node n;
        n.op = Op::Conditional;
        n.children.push_back(std::move(condition));
        n.children.push_back(std::move(yes));
        n.children.push_back(std::move(no));
        return n;
    }

    Node logical_or() {
        Node left = logical_and();
        while (accept(Tok::Or)) left = binary(Op::Or, std::move(left), logical_and());
        return left;
    }

    Node logical_and() {
        Node left = equality();
        while (accept(Tok::And)) left = binary(Op::And, std::move(left), equality());
        return left;
    }

    Node equality() {
        Node left = relational();
        for (;;) {
            if (accept(Tok::Equal)) left = binary(Op::Equal, std::move(left), relational());
            else if (accept(Tok::NotEqual)) left = binary(Op::NotEqual, std::move(left), relational());
            else return left;
        }
    }

    Node relational() {
        Node left = additive();
        for (;;) {
            if (accept(Tok::Less)) left = binary(Op::Less, std::move(left), additive());
            else if (accept(Tok::LessEqual)) left = binary(Op::LessEqual, std::move(left), additive());
            else if (accept(Tok::Greater)) left = binary(Op::Greater, std::move(left), additive());
            else if (accept(Tok::GreaterEqual)) left = binary(Op::GreaterEqual, std::move(left), additive());
            else return left;
        }
    }

    Node additive() {
        Node left = multiplicative();
        for (;;) {
            if (accept(Tok::Plus)) left = binary(Op::Add, std::move(left), multiplicative());
            else if (accept(Tok::Minus)) left = binary(Op::Subtract, std::move(left), multiplicative());
            else return left;
        }
    }

    Node multiplicative() {
        Node left = prefix_unary();
        for (;;) {
            if (accept(Tok::Star)) left = binary(Op::Multiply, std::move(left), prefix_unary());
            else if (accept(Tok::Slash)) left = binary(Op::Divide, std::move(left), prefix_unary());
            else return left;
        }
    }

    // Unary operators bind looser than the power: -2^2 = -(2^2).
    Node prefix_unary() {
        if (accept(Tok::Minus)) return unary(Op::Negate, prefix_unary());
        if (accept(Tok::Plus)) return prefix_unary();
        if (accept(Tok::Not)) return unary(Op::Not, prefix_unary());
        return power();
    }

    // Left associative as in ngspice's B sources: 2^3^2 = (2^3)^2. An exponent may carry
    // a sign: 2^-1.
    Node power() {
        Node base = primary();
        while (accept(Tok::Power)) base = binary(Op::Power, std::move(base), signed_primary());
        return base;
    }

    Node signed_primary() {
        if (accept(Tok::Minus)) return unary(Op::Negate, signed_primary());
        if (accept(Tok::Plus)) return signed_primary();
        if (accept(Tok::Not)) return unary(Op::Not, signed_primary());
        return primary();
    }

    Node leaf(ExpressionLeaf l) {
        Node n;
        n.op = Op::Leaf;
        for (std::size_t k = 0; k < leaves_->size(); ++k)
            if ((*leaves_)[k] == l) {
                n.leaf = k;
                return n;
            }
        n.leaf = leaves_->size();
        leaves_->push_back(std::move(l));
        return n;
    }

    Node primary() {
        const Token t = lexer_.take();
        switch (t.kind) {
            case Tok::Number: return constant(t.number);
            case Tok::LeftParen: {
                Node inner = conditional();
                if (lexer_.peek().kind != Tok::RightParen)
                    throw ParseError{lexer_.peek().offset,
                                     "expected ')' to close the '(' at column " + std::to_string(t.offset + 1) +
                                         ", found " + describe(lexer_.peek())};
                lexer_.take();
                return inner;
            }
            case Tok::Identifier: return identifier(t);
            default:
                throw ParseError{t.offset, "expected a number, a name or '(', found " + describe(t)};
        }
    }

    Node identifier(const Token& t) {
        const bool call = lexer_.peek().kind == Tok::LeftParen;
        if (!call) {
            if (t.text == "pi") return constant(std::numbers::pi);
            if (t.text == "e") return constant(std::numbers::e);
            if (t.text == "time") return leaf({ExpressionLeaf::Kind::Time, "", ""});
            return leaf({ExpressionLeaf::Kind::Variable, t.text, ""});
        }
        if (t.text == "v") {
            auto names = lexer_.raw_arguments();
            if (names.size() > 2) throw ParseError{t.offset, "v(...) takes one or two node names"};
            return leaf({ExpressionLeaf::Kind::NodeVoltage, names[0], names.size() == 2 ? names[1] : "0"});
        }
        if (t.text == "i") {
            auto names = lexer_.raw_arguments();
            if (names.size() != 1) throw ParseError{t.offset, "i(...) takes one source name"};
            return leaf({ExpressionLeaf::Kind::BranchCurrent, names[0], ""});
        }
        lexer_.take();  // the '(' of a function call
        const FunctionInfo* f = find_function(t.text);
        if (!f) throw ParseError{t.offset, "unknown function '" + t.text + "'"};
        Node n;
        n.op = Op::Call;
        n.function = f->function;
        if (lexer_.peek().kind != Tok::RightParen) {
            n.children.push_back(conditional());
            while (accept(Tok::Comma)) n.children.push_back(conditional());
        }
        if (lexer_.peek().kind != Tok::RightParen)
            throw ParseError{lexer_.peek().offset,
                             "expected ',' or ')' in the arguments of " + t.text + "(), found " + describe(lexer_.peek())};
        lexer_.take();
        if (static_cast<int>(n.children.size()) != f->arguments)
            throw ParseError{t.offset, t.text + "() takes " + std::to_string(f->arguments) + " argument" +
                                           (f->arguments == 1 ? "" : "s") + ", got " +
                                           std::to_string(n.children.size())};
        return n;
    }

    Lexer lexer_;
    std::vector<ExpressionLeaf>* leaves_ = nullptr;
};

}  // namespace

ParseResult parse_expression(std::string_view text, bool prefix) {
    ParseResult result;
    auto& impl = Access::impl(result.expression);
    impl.leaves.clear();
    Parser parser(text);
    impl.root = parser.parse_top(impl.leaves, prefix, result.consumed);
    impl.normalize();
    return result;
}

}  // namespace memspice::expression_detail
