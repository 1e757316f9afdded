// Physical lines -> logical cards (see lexer.hpp for the rules).
#include "netlists/lexer.hpp"

#include <algorithm>
#include <cctype>

namespace memspice::netlist {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

std::string_view trim(std::string_view s) {
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    return s;
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// The first whitespace-delimited word, lower case.
std::string first_word(std::string_view s) {
    std::size_t k = 0;
    while (k < s.size() && !is_space(s[k])) ++k;
    return lower(s.substr(0, k));
}

// The line without its trailing comment (outside double quotes).
std::string_view strip_trailing_comment(std::string_view line) {
    bool quoted = false;
    for (std::size_t k = 0; k < line.size(); ++k) {
        const char c = line[k];
        if (c == '"') quoted = !quoted;
        if (quoted) continue;
        if (c == ';') return line.substr(0, k);
        if (c == '/' && k + 1 < line.size() && line[k + 1] == '/') return line.substr(0, k);
        if (c == '$' && (k == 0 || is_space(line[k - 1]) || line[k - 1] == ',')) return line.substr(0, k);
    }
    return line;
}

}  // namespace

std::string lower_outside_quotes(std::string_view text) {
    std::string out(text);
    bool quoted = false;
    for (char& c : out) {
        if (c == '"') quoted = !quoted;
        else if (!quoted) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return out;
}

SourceLocation Card::where(std::size_t offset) const {
    int line = line_starts.empty() ? 0 : line_starts.front().second;
    for (const auto& [start, physical] : line_starts)
        if (start <= offset) line = physical;
    return {file, line};
}

std::string_view Card::keyword() const {
    std::size_t k = 0;
    while (k < text.size() && !is_space(text[k])) ++k;
    return std::string_view(text).substr(0, k);
}

LexedText lex_netlist(std::string_view text, const std::string& file, bool with_title) {
    LexedText out;
    Card current;
    bool open = false;  // `current` holds a card being built
    auto flush = [&] {
        if (open) out.cards.push_back(std::move(current));
        current = Card{};
        open = false;
    };

    bool in_control = false;
    int control_line = 0;
    int line_number = 0;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string_view::npos) end = text.size();
        std::string_view raw = text.substr(pos, end - pos);
        const bool last = end == text.size();
        pos = end + 1;
        ++line_number;
        if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);

        if (with_title && line_number == 1) {
            out.title = std::string(trim(raw));
            if (last) break;
            continue;
        }
        std::string_view line = trim(raw);
        if (in_control) {
            if (first_word(line) == ".endc") in_control = false;
            else if (!line.empty()) out.control_lines.emplace_back(line);
            if (last) break;
            continue;
        }
        if (line.empty() || line.front() == '*') {
            if (last) break;
            continue;
        }
        line = trim(strip_trailing_comment(line));
        if (line.empty()) {
            if (last) break;
            continue;
        }
        if (line.front() == '+') {
            if (!open)
                throw InputError({file, line_number}, "continuation line ('+') with no line before it to continue");
            const std::string_view rest = trim(line.substr(1));
            if (!rest.empty()) {
                current.original += ' ';
                current.line_starts.emplace_back(current.original.size(), line_number);
                current.original += rest;
                current.text = lower_outside_quotes(current.original);
            }
            if (last) break;
            continue;
        }
        flush();
        const std::string keyword = first_word(line);
        if (keyword == ".end") break;  // the rest of the file is not read, as in ngspice
        if (keyword == ".control") {
            in_control = true;
            control_line = line_number;
            if (last) break;
            continue;
        }
        if (keyword == ".endc") throw InputError({file, line_number}, ".endc without a .control before it");
        open = true;
        current.original = std::string(line);
        current.text = lower_outside_quotes(line);
        current.file = file;
        current.line_starts.emplace_back(0, line_number);
        if (last) break;
    }
    flush();
    if (in_control) throw InputError({file, control_line}, ".control block is not closed by .endc");
    return out;
}

}  // namespace memspice::netlist
