#include "solver/csv_writer.hpp"

#include <fstream>

#include "core/error.hpp"
#include "core/units.hpp"
#include "solver/vector_selection.hpp"

namespace memspice {

namespace {

std::string csv_field(const std::string& text) {
    if (text.find_first_of(",\"\n") == std::string::npos) return text;
    std::string quoted = "\"";
    for (char c : text) {
        if (c == '"') quoted += '"';
        quoted += c;
    }
    return quoted + "\"";
}

}  // namespace

void write_csv(std::ostream& out, const Plot& plot, std::span<const std::string> names) {
    const std::vector<const Vector*> columns = select_vectors(plot, names);
    bool first = true;
    const auto separator = [&] {
        if (!first) out << ',';
        first = false;
    };
    for (const Vector* v : columns) {
        if (v->is_complex()) {
            separator();
            out << csv_field(v->name + ".re");
            separator();
            out << csv_field(v->name + ".im");
        } else {
            separator();
            out << csv_field(v->name);
        }
    }
    out << '\n';
    const std::size_t points = plot.points();
    for (std::size_t k = 0; k < points; ++k) {
        first = true;
        for (const Vector* v : columns) {
            // A vector shorter than the scale (not one an engine makes) leaves its fields empty.
            if (v->is_complex()) {
                separator();
                if (k < v->complex.size()) out << format_number(v->complex[k].real());
                separator();
                if (k < v->complex.size()) out << format_number(v->complex[k].imag());
            } else {
                separator();
                if (k < v->real.size()) out << format_number(v->real[k]);
            }
        }
        out << '\n';
    }
}

void save_csv(const std::filesystem::path& file, const Plot& plot, std::span<const std::string> vectors) {
    std::ofstream out(file, std::ios::binary);
    if (!out) throw InputError(SourceLocation{file.string(), 0}, "cannot open for writing");
    write_csv(out, plot, vectors);
    out.flush();
    if (!out) throw InputError(SourceLocation{file.string(), 0}, "writing failed");
}

}  // namespace memspice
