#include "solver/waveform.hpp"

#include <algorithm>
#include <cctype>

#include "core/error.hpp"

namespace memspice {

namespace {

std::string lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

bool ends_with(std::string_view text, std::string_view suffix) {
    return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// Scale vectors ngspice creates under these names (its .dc scale is named after the kind
// of swept quantity).
bool is_scale_name(std::string_view name) {
    static constexpr std::string_view scales[] = {"time", "frequency", "v-sweep", "i-sweep",
                                                  "temp-sweep", "res-sweep"};
    return std::find(std::begin(scales), std::end(scales), name) != std::end(scales);
}

// "v(...)" or "i(...)" with a closing parenthesis at the end: already canonical.
bool is_wrapped(std::string_view name) {
    return name.size() > 3 && (name[0] == 'v' || name[0] == 'i') && name[1] == '(' && name.back() == ')';
}

}  // namespace

std::string canonical_vector_name(std::string_view ngspice_name) {
    const std::string name = lower(ngspice_name);
    if (name.empty() || is_scale_name(name) || is_wrapped(name)) return name;
    if (name.front() == '@') return name;  // device quantities (@r1[i]) keep ngspice's name
    constexpr std::string_view branch = "#branch";
    if (ends_with(name, branch) && name.size() > branch.size())
        return "i(" + name.substr(0, name.size() - branch.size()) + ")";
    // XSPICE's own branch vectors (a1#branch_1_0) and expressions are not node voltages.
    if (name.find("#branch") != std::string::npos) return name;
    if (name.find_first_of("()[]{}=*/+ ") != std::string::npos) return name;
    return "v(" + name + ")";
}

const Vector* Plot::find(std::string_view name) const {
    const auto same = [&](const std::string& candidate) {
        return candidate.size() == name.size() &&
               std::equal(candidate.begin(), candidate.end(), name.begin(), [](char a, char b) {
                   return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
               });
    };
    for (const Vector& v : vectors)
        if (same(v.name)) return &v;
    return nullptr;
}

const Vector& Plot::at(std::string_view name) const {
    if (const Vector* v = find(name)) return *v;
    std::string message = "no vector '" + std::string(name) + "' in the " + analysis + " results";
    if (!vectors.empty()) {
        message += " (available:";
        for (const Vector& v : vectors) message += " " + v.name;
        message += ")";
    }
    throw SimulationError(message);
}

}  // namespace memspice
