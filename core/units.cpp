#include "core/units.hpp"

#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace memspice {

namespace {

char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

bool starts_with_ci(std::string_view text, std::string_view prefix) {
    if (text.size() < prefix.size()) return false;
    for (std::size_t k = 0; k < prefix.size(); ++k)
        if (lower(text[k]) != prefix[k]) return false;
    return true;
}

// Length of the leading decimal floating-point number in `text` (0 if none).
std::size_t number_length(std::string_view text) {
    std::size_t k = 0;
    if (k < text.size() && (text[k] == '+' || text[k] == '-')) ++k;
    std::size_t digits = 0;
    while (k < text.size() && std::isdigit(static_cast<unsigned char>(text[k]))) ++k, ++digits;
    if (k < text.size() && text[k] == '.') {
        ++k;
        while (k < text.size() && std::isdigit(static_cast<unsigned char>(text[k]))) ++k, ++digits;
    }
    if (digits == 0) return 0;
    // An exponent only if digits follow ("1e3"), so that "1meg" is not misread.
    if (k < text.size() && (text[k] == 'e' || text[k] == 'E')) {
        std::size_t e = k + 1;
        if (e < text.size() && (text[e] == '+' || text[e] == '-')) ++e;
        if (e < text.size() && std::isdigit(static_cast<unsigned char>(text[e]))) {
            while (e < text.size() && std::isdigit(static_cast<unsigned char>(text[e]))) ++e;
            k = e;
        }
    }
    return k;
}

}  // namespace

std::optional<SpiceNumber> parse_spice_number(std::string_view token) {
    const std::size_t n = number_length(token);
    if (n == 0) return std::nullopt;
    const std::string digits(token.substr(0, n));
    char* end = nullptr;
    double value = std::strtod(digits.c_str(), &end);
    if (end != digits.c_str() + digits.size()) return std::nullopt;

    std::string_view rest = token.substr(n);
    // Scale suffix: the longest match first ("meg" and "mil" before "m").
    struct Suffix { std::string_view text; double scale; };
    static constexpr Suffix suffixes[] = {
        {"meg", 1e6}, {"mil", 25.4e-6}, {"t", 1e12}, {"g", 1e9}, {"k", 1e3}, {"m", 1e-3},
        {"u", 1e-6}, {"n", 1e-9}, {"p", 1e-12}, {"f", 1e-15}, {"a", 1e-18}};
    for (const Suffix& s : suffixes) {
        if (starts_with_ci(rest, s.text)) {
            value *= s.scale;
            rest.remove_prefix(s.text.size());
            break;
        }
    }
    // What is left is the unit: letters, and '/' or '%' inside compound units ("K/W").
    for (char c : rest)
        if (!std::isalpha(static_cast<unsigned char>(c)) && c != '/' && c != '%') return std::nullopt;
    if (!rest.empty() && rest.front() == '/') return std::nullopt;
    if (!std::isfinite(value)) return std::nullopt;
    return SpiceNumber{value, std::string(rest)};
}

std::string format_number(double value) {
    char buffer[64];
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
    if (ec != std::errc{}) {
        std::snprintf(buffer, sizeof buffer, "%.17g", value);
        return buffer;
    }
    return std::string(buffer, end);
}

std::string unit_of_vector(std::string_view name) {
    if (name.size() > 2 && name[1] == '(') {
        switch (lower(name[0])) {
            case 'v': return "V";
            case 'i': return "A";
            default: break;
        }
    }
    if (starts_with_ci(name, "time")) return "s";
    if (starts_with_ci(name, "frequency")) return "Hz";
    if (starts_with_ci(name, "v-sweep")) return "V";
    if (starts_with_ci(name, "i-sweep")) return "A";
    if (starts_with_ci(name, "temp-sweep")) return "°C";
    return "";
}

}  // namespace memspice
