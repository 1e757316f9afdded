// The whole deck: the main netlist with every `.include file` and `.lib file section`
// read in place (paths relative to the including file), `.lib name` ... `.endl` section
// definitions skipped unless a `.lib file name` asks for them, and recursion reported.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "netlists/lexer.hpp"

namespace memspice::netlist {

struct Deck {
    std::string title;
    std::vector<Card> cards;
    std::vector<std::string> control_lines;
};

Deck assemble_deck(std::string_view text, const std::string& file_name);

}  // namespace memspice::netlist
