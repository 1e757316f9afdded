#include "solver/result_report.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <sstream>

#include "core/units.hpp"
#include "solver/vector_selection.hpp"

namespace memspice {

namespace {

std::string printf_number(const char* format, double value) {
    std::array<char, 64> buffer{};
    std::snprintf(buffer.data(), buffer.size(), format, value);
    return buffer.data();
}

std::string padded(const std::string& text, std::size_t width) {
    // Width in characters, counting a UTF-8 sequence ("µ") as one.
    std::size_t shown = 0;
    for (unsigned char c : text)
        if ((c & 0xC0) != 0x80) ++shown;
    return shown >= width ? text + " " : text + std::string(width - shown, ' ');
}

std::string names_of(const Plot& plot, std::size_t limit) {
    std::string list;
    std::size_t shown = 0;
    for (const Vector& v : plot.vectors) {
        if (v.name == plot.scale) continue;
        if (shown == limit) return list + ", ...";
        list += (shown++ ? ", " : "") + v.name;
    }
    return list;
}

}  // namespace

std::string format_quantity(double value, const std::string& unit) {
    if (!std::isfinite(value)) return printf_number("%g", value) + (unit.empty() ? "" : " " + unit);
    if (unit.empty() || value == 0) return printf_number("%.6g", value) + (unit.empty() ? "" : " " + unit);
    static const std::pair<int, const char*> prefixes[] = {{-15, "f"}, {-12, "p"}, {-9, "n"}, {-6, "µ"}, {-3, "m"},
                                                           {0, ""},    {3, "k"},   {6, "M"},  {9, "G"},  {12, "T"}};
    int exponent = static_cast<int>(std::floor(std::log10(std::abs(value)) / 3)) * 3;
    exponent = std::clamp(exponent, -15, 12);
    // Rounding to 6 digits may reach 1000 of this prefix ("999.9996 m" -> "1000 m"): step up.
    if (std::abs(std::stod(printf_number("%.6g", value / std::pow(10.0, exponent)))) >= 1000 && exponent < 12)
        exponent += 3;
    for (const auto& [e, symbol] : prefixes)
        if (e == exponent) return printf_number("%.6g", value / std::pow(10.0, e)) + " " + symbol + unit;
    return printf_number("%.6g", value) + " " + unit;
}

std::string format_operating_point(const Plot& plot, std::span<const std::string> vectors) {
    const std::vector<const Vector*> chosen = select_vectors(plot, vectors);
    std::vector<const Vector*> voltages, currents, others;
    std::size_t width = 8;
    for (const Vector* v : chosen) {
        if (v->name == plot.scale) continue;
        const std::string unit = unit_of_vector(v->name);
        (unit == "V" ? voltages : unit == "A" ? currents : others).push_back(v);
        width = std::max(width, v->name.size() + 2);
    }
    std::ostringstream out;
    out << "Operating point" << (plot.title.empty() ? "" : " of " + plot.title) << '\n';
    const auto section = [&](const char* heading, const std::vector<const Vector*>& list) {
        if (list.empty()) return;
        out << "  " << heading << '\n';
        for (const Vector* v : list) {
            const double value = v->is_complex() ? std::abs(v->complex.at(0)) : v->real.at(0);
            out << "    " << padded(v->name, width) << format_quantity(value, unit_of_vector(v->name)) << '\n';
        }
    };
    section("node voltages", voltages);
    section("branch currents (into the + node, through the element)", currents);
    section("other", others);
    return out.str();
}

std::string format_summary(const SimulationResult& result) {
    std::ostringstream out;
    for (const Plot& plot : result.plots) {
        const std::size_t count = plot.vectors.size() - (plot.scale.empty() ? 0 : 1);
        out << plot.analysis << ": " << plot.points() << (plot.points() == 1 ? " point" : " points");
        if (const Vector* scale = plot.scale.empty() ? nullptr : plot.find(plot.scale); scale && !scale->real.empty()) {
            const std::string unit = unit_of_vector(scale->name);
            out << ", " << scale->name << " " << format_quantity(scale->real.front(), unit) << " to "
                << format_quantity(scale->real.back(), unit);
        }
        out << ", " << count << (count == 1 ? " vector" : " vectors") << " (" << names_of(plot, 6) << ")\n";
    }
    return out.str();
}

std::string format_comparison(const Comparison& comparison, const CompareOptions& options) {
    std::ostringstream out;
    std::size_t total = 0, failed = 0;
    for (const PlotComparison& plot : comparison.plots) {
        out << plot.analysis << ": " << plot.points << (plot.points == 1 ? " point" : " points") << " compared";
        if (plot.points_outside > 0)
            out << " (" << plot.points_outside << " outside the other engine's " << plot.scale << " range, skipped)";
        out << '\n';
        std::size_t width = 8;
        for (const VectorDeviation& v : plot.vectors) width = std::max(width, v.name.size() + 2);
        out << "  " << padded("vector", width) << padded("max |diff|", 14) << padded("relative", 11)
            << (plot.scale.empty() ? "" : padded("at " + plot.scale, 16)) << padded("allowed", 14) << "result\n";
        for (const VectorDeviation& v : plot.vectors) {
            const std::string unit = unit_of_vector(v.name);
            ++total;
            if (!v.passed()) ++failed;
            out << "  " << padded(v.name, width) << padded(format_quantity(v.max_abs, unit), 14)
                << padded(printf_number("%.3g", v.relative()), 11)
                << (plot.scale.empty() ? "" : padded(format_quantity(v.at_scale, unit_of_vector(plot.scale)), 16))
                << padded(format_quantity(v.allowed, unit), 14) << (v.passed() ? "ok" : "MISMATCH") << '\n';
        }
        if (!plot.only_in_reference.empty()) {
            out << "  not compared, only in the reference:";
            for (const std::string& n : plot.only_in_reference) out << ' ' << n;
            out << '\n';
        }
        if (!plot.only_in_other.empty()) {
            out << "  not compared, only in the other result:";
            for (const std::string& n : plot.only_in_other) out << ' ' << n;
            out << '\n';
        }
    }
    const std::string tolerance = "reltol " + printf_number("%g", options.reltol) + ", abstol " +
                                  (options.abstol ? printf_number("%g", *options.abstol) : "1e-6 V / 1e-12 A");
    if (failed == 0)
        out << "all " << total << " vectors agree (|diff| <= abstol + reltol * max|reference|, " << tolerance << ")\n";
    else
        out << failed << " of " << total << " vectors differ by more than abstol + reltol * max|reference| ("
            << tolerance << ")\n";
    return out.str();
}

}  // namespace memspice
