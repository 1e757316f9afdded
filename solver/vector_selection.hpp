// Choosing the vectors of a plot to write, plot or compare (the command line's --vectors).
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "solver/waveform.hpp"

namespace memspice {

// "v(a),i(v1), v(b)" -> {"v(a)", "i(v1)", "v(b)"}; commas inside parentheses or brackets do
// not split ("v(a,b)", "@m1[id]"). Throws InputError for an empty name or unbalanced brackets.
std::vector<std::string> parse_vector_list(std::string_view text);

// The vector a user means by `name`: the exact name (case-insensitive), else its canonical
// form ("out" -> "v(out)", "v1#branch" -> "i(v1)"). nullptr if neither exists.
const Vector* find_vector(const Plot& plot, std::string_view name);

// The scale first (when the plot has one), then the named vectors in the given order, or
// every other vector when `names` is empty. Throws InputError naming a vector the plot lacks
// and the ones it has.
std::vector<const Vector*> select_vectors(const Plot& plot, std::span<const std::string> names);

}  // namespace memspice
