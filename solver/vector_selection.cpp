#include "solver/vector_selection.hpp"

#include <algorithm>
#include <cctype>

#include "core/error.hpp"

namespace memspice {

namespace {

std::string_view trim(std::string_view text) {
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
    return text;
}

std::string available(const Plot& plot) {
    std::string list;
    std::size_t shown = 0;
    for (const Vector& v : plot.vectors) {
        if (shown == 20) {
            list += " ... (" + std::to_string(plot.vectors.size()) + " in all)";
            break;
        }
        list += (shown++ ? ", " : "") + v.name;
    }
    return list.empty() ? "none" : list;
}

}  // namespace

std::vector<std::string> parse_vector_list(std::string_view text) {
    std::vector<std::string> names;
    int depth = 0;
    std::size_t start = 0;
    const auto take = [&](std::size_t end) {
        const std::string_view name = trim(text.substr(start, end - start));
        if (name.empty())
            throw InputError("empty vector name in '" + std::string(text) + "': expected names like v(out),i(v1)");
        names.emplace_back(name);
    };
    for (std::size_t k = 0; k < text.size(); ++k) {
        const char c = text[k];
        if (c == '(' || c == '[') ++depth;
        if (c == ')' || c == ']') {
            if (--depth < 0) throw InputError("unbalanced '" + std::string(1, c) + "' in '" + std::string(text) + "'");
        }
        if (c == ',' && depth == 0) {
            take(k);
            start = k + 1;
        }
    }
    if (depth != 0) throw InputError("unclosed parenthesis in '" + std::string(text) + "'");
    take(text.size());
    return names;
}

const Vector* find_vector(const Plot& plot, std::string_view name) {
    if (const Vector* v = plot.find(name)) return v;
    return plot.find(canonical_vector_name(name));
}

std::vector<const Vector*> select_vectors(const Plot& plot, std::span<const std::string> names) {
    std::vector<const Vector*> chosen;
    const Vector* scale = plot.scale.empty() ? nullptr : plot.find(plot.scale);
    if (scale) chosen.push_back(scale);
    if (names.empty()) {
        for (const Vector& v : plot.vectors)
            if (&v != scale) chosen.push_back(&v);
        return chosen;
    }
    for (const std::string& name : names) {
        const Vector* v = find_vector(plot, name);
        if (!v)
            throw InputError("no vector '" + name + "' in the " + plot.analysis + " results; they have " +
                             available(plot));
        if (std::find(chosen.begin(), chosen.end(), v) == chosen.end()) chosen.push_back(v);
    }
    return chosen;
}

}  // namespace memspice
