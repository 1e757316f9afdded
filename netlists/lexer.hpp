// Netlist text -> cards: one card per logical line, with `+` continuation lines joined,
// full-line comments (`*`) and trailing comments (`;`, `//`, and `$` after whitespace or a
// comma, as ngspice outside .control) removed, blank lines skipped, `.control` ... `.endc`
// blocks set aside verbatim, and reading stopped at `.end`. Every character of a card
// remembers its physical line, so errors point at the line where the problem is.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/error.hpp"

namespace memspice::netlist {

struct Card {
    std::string text;      // lower case, except inside double quotes
    std::string original;  // the same characters as written (for cards kept verbatim)
    std::string file;
    // (offset in text, physical line) for the start of each joined line, ascending.
    std::vector<std::pair<std::size_t, int>> line_starts;

    SourceLocation where(std::size_t offset = 0) const;
    // The first word, e.g. ".model" or "r1".
    std::string_view keyword() const;
};

struct LexedText {
    std::optional<std::string> title;       // the first line, when asked for
    std::vector<Card> cards;
    std::vector<std::string> control_lines; // inside .control/.endc, verbatim, trimmed
};

// `with_title`: the first line is the title (the main netlist); included files have none.
LexedText lex_netlist(std::string_view text, const std::string& file, bool with_title);

// Lower case outside double-quoted strings.
std::string lower_outside_quotes(std::string_view text);

}  // namespace memspice::netlist
