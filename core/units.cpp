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
    // Decimal suffixes shift the exponent of the text before conversion, so that "10u"
    // reads as the double nearest to 1e-05 rather than 10 * 1e-6 rounded twice.
    struct Suffix { std::string_view text; int exponent; double scale; };
    static constexpr Suffix suffixes[] = {
        {"meg", 6, 0}, {"mil", 0, 25.4e-6}, {"t", 12, 0}, {"g", 9, 0}, {"k", 3, 0}, {"m", -3, 0},
        {"u", -6, 0}, {"n", -9, 0}, {"p", -12, 0}, {"f", -15, 0}, {"a", -18, 0}};
    for (const Suffix& s : suffixes) {
        if (starts_with_ci(rest, s.text)) {
            if (s.scale != 0) {
                value *= s.scale;
            } else {
                std::string shifted = digits;
                const auto e = shifted.find_first_of("eE");
                int exponent = s.exponent;
                if (e != std::string::npos) {
                    exponent += std::atoi(shifted.c_str() + e + 1);
                    shifted.resize(e);
                }
                shifted += 'e';
                shifted += std::to_string(exponent);
                value = std::strtod(shifted.c_str(), nullptr);
            }
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
