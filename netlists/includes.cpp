// .include / .lib processing (see includes.hpp).
#include "netlists/includes.hpp"

#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

#include "netlists/card_tokens.hpp"

namespace memspice::netlist {

namespace {

namespace fs = std::filesystem;

std::optional<std::string> read_file(const fs::path& path) {
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) return std::nullopt;
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// A path argument as written (file names keep their case).
std::string path_argument(const Card& card, const Token& t) {
    if (t.kind == Token::Kind::Quoted) return t.text;
    return card.original.substr(t.offset, t.end - t.offset);
}

class Assembler {
public:
    Assembler(Deck& deck, const std::string& main_file) : deck_(deck) { stack_.push_back(identity(main_file, std::nullopt)); }

    void process(const std::vector<Card>& cards) {
        for (std::size_t k = 0; k < cards.size(); ++k) {
            const Card& card = cards[k];
            const std::string_view keyword = card.keyword();
            if (keyword == ".include" || keyword == ".inc") {
                const auto tokens = tokenize(card);
                if (tokens.size() != 2 || (tokens[1].kind != Token::Kind::Word && tokens[1].kind != Token::Kind::Quoted))
                    throw InputError(card.where(), std::string(keyword) + " expects one file name");
                include(card, path_argument(card, tokens[1]), std::nullopt);
            } else if (keyword == ".lib") {
                const auto tokens = tokenize(card);
                if (tokens.size() == 3) {
                    include(card, path_argument(card, tokens[1]), tokens[2].text);
                } else if (tokens.size() == 2) {
                    // A section definition met outside a `.lib file section` request: skipped.
                    k = section_end(cards, k);
                } else {
                    throw InputError(card.where(), ".lib expects a file name and a section name (.lib file section)");
                }
            } else if (keyword == ".endl") {
                throw InputError(card.where(), ".endl without a `.lib section` before it");
            } else {
                deck_.cards.push_back(card);
            }
        }
    }

private:
    // What makes two includes the same: the file (resolved) and the section.
    static std::string identity(const fs::path& path, const std::optional<std::string>& section) {
        std::error_code ec;
        fs::path resolved = fs::weakly_canonical(path, ec);
        if (ec) resolved = path.lexically_normal();
        return resolved.string() + (section ? "#" + *section : "");
    }

    // Index of the .endl closing the section opened at cards[open].
    static std::size_t section_end(const std::vector<Card>& cards, std::size_t open) {
        for (std::size_t k = open + 1; k < cards.size(); ++k) {
            if (cards[k].keyword() == ".endl") return k;
            if (cards[k].keyword() == ".lib" && tokenize(cards[k]).size() == 2)
                throw InputError(cards[k].where(), ".lib section definition inside another one (missing .endl for the section at line " +
                                                       std::to_string(cards[open].where().line) + ")");
        }
        throw InputError(cards[open].where(), ".lib section '" + tokenize(cards[open])[1].text + "' is not closed by .endl");
    }

    void include(const Card& at, const std::string& name, const std::optional<std::string>& section) {
        fs::path path(name);
        if (path.is_relative()) path = fs::path(at.file).parent_path() / path;
        path = path.lexically_normal();
        const std::string shown = path.string();
        const auto text = read_file(path);
        if (!text)
            throw InputError(at.where(), "cannot open the file '" + name + "' (looked for " + shown + ")");
        const std::string key = identity(path, section);
        for (const std::string& open : stack_)
            if (open == key)
                throw InputError(at.where(), "recursive include: '" + name + "'" +
                                                 (section ? " section " + *section : "") +
                                                 " is already being read (it includes itself)");
        stack_.push_back(key);
        LexedText lexed = lex_netlist(*text, shown, false);
        deck_.control_lines.insert(deck_.control_lines.end(), lexed.control_lines.begin(), lexed.control_lines.end());
        if (!section) {
            process(lexed.cards);
        } else {
            bool found = false;
            for (std::size_t k = 0; k < lexed.cards.size() && !found; ++k) {
                const Card& card = lexed.cards[k];
                if (card.keyword() != ".lib") continue;
                const auto tokens = tokenize(card);
                if (tokens.size() != 2) continue;
                const std::size_t end = section_end(lexed.cards, k);
                if (tokens[1].text == *section) {
                    found = true;
                    process(std::vector<Card>(lexed.cards.begin() + static_cast<std::ptrdiff_t>(k) + 1,
                                              lexed.cards.begin() + static_cast<std::ptrdiff_t>(end)));
                }
                k = end;
            }
            if (!found) throw InputError(at.where(), "no section '" + *section + "' in " + shown);
        }
        stack_.pop_back();
    }

    Deck& deck_;
    std::vector<std::string> stack_;
};

}  // namespace

Deck assemble_deck(std::string_view text, const std::string& file_name) {
    LexedText main = lex_netlist(text, file_name, true);
    Deck deck;
    deck.title = main.title.value_or("");
    deck.control_lines = std::move(main.control_lines);
    Assembler(deck, file_name).process(main.cards);
    return deck;
}

}  // namespace memspice::netlist
