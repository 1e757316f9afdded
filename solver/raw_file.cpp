#include "solver/raw_file.hpp"

#include <cstring>
#include <ctime>
#include <fstream>

#include "core/error.hpp"
#include "core/units.hpp"
#include "solver/vector_selection.hpp"

namespace memspice {

namespace {

// ngspice's type names (its typesdef.c), from the vector's name.
std::string type_name(const std::string& name) {
    if (name == "time") return "time";
    if (name == "frequency") return "frequency";
    if (name == "temp-sweep") return "temp-sweep";
    if (name == "res-sweep") return "res-sweep";
    const std::string unit = unit_of_vector(name);
    if (unit == "V") return "voltage";
    if (unit == "A") return "current";
    return "notype";
}

// ngspice's date format, as ctime() writes it: "Sat Nov 22 13:44:35  2025".
std::string now() {
    const std::time_t t = std::time(nullptr);
    std::tm local{};
    localtime_r(&t, &local);
    char buffer[64];
    if (std::strftime(buffer, sizeof buffer, "%a %b %d %H:%M:%S  %Y", &local) == 0) return "";
    return buffer;
}

// Header text must stay on its line.
std::string one_line(std::string text) {
    for (char& c : text)
        if (c == '\n' || c == '\r') c = ' ';
    return text;
}

void write_double(std::ostream& out, double value) {
    char bytes[sizeof(double)];
    std::memcpy(bytes, &value, sizeof bytes);
    out.write(bytes, sizeof bytes);
}

void write_plot(std::ostream& out, const Plot& plot, const RawFileOptions& options, const std::string& date) {
    const std::vector<const Vector*> vectors = select_vectors(plot, options.vectors);
    const std::size_t points = plot.points();
    if (vectors.empty() || points == 0)
        throw InputError("the " + plot.analysis + " results are empty: nothing to write to a raw file");
    bool complex = false;
    for (const Vector* v : vectors) complex = complex || v->is_complex();

    out << "Title: " << one_line(plot.title.empty() ? "memspice" : plot.title) << '\n';
    out << "Date: " << one_line(date) << '\n';
    out << "Plotname: " << raw_plot_name(plot) << '\n';
    out << "Flags: " << (complex ? "complex" : "real") << '\n';
    out << "No. Variables: " << vectors.size() << '\n';
    out << "No. Points: " << points << '\n';
    out << "Variables:\n";
    for (std::size_t k = 0; k < vectors.size(); ++k)
        out << '\t' << k << '\t' << vectors[k]->name << '\t' << type_name(vectors[k]->name) << '\n';

    // A real vector in a complex plot (the frequency scale) gets zero imaginary parts.
    const auto value = [](const Vector& v, std::size_t k) -> std::complex<double> {
        if (v.is_complex()) return k < v.complex.size() ? v.complex[k] : std::complex<double>{};
        return k < v.real.size() ? v.real[k] : 0.0;
    };
    if (options.binary) {
        out << "Binary:\n";
        for (std::size_t k = 0; k < points; ++k) {
            for (const Vector* v : vectors) {
                const std::complex<double> x = value(*v, k);
                write_double(out, x.real());
                if (complex) write_double(out, x.imag());
            }
        }
    } else {
        out << "Values:\n";
        for (std::size_t k = 0; k < points; ++k) {
            out << ' ' << k;
            for (const Vector* v : vectors) {
                const std::complex<double> x = value(*v, k);
                out << '\t' << format_number(x.real());
                if (complex) out << ',' << format_number(x.imag());
                out << '\n';
            }
        }
    }
}

}  // namespace

std::string raw_plot_name(const Plot& plot) {
    if (plot.analysis == "tran") return "Transient Analysis";
    if (plot.analysis == "ac") return "AC Analysis";
    if (plot.analysis == "dc") return "DC transfer characteristic";
    if (plot.analysis == "op") return "Operating Point";
    return plot.analysis.empty() ? "unknown" : plot.analysis;
}

void write_raw(std::ostream& out, std::span<const Plot> plots, const RawFileOptions& options) {
    const std::string date = options.date.empty() ? now() : options.date;
    for (const Plot& plot : plots) write_plot(out, plot, options, date);
}

void save_raw(const std::filesystem::path& file, std::span<const Plot> plots, const RawFileOptions& options) {
    std::ofstream out(file, std::ios::binary);
    if (!out) throw InputError(SourceLocation{file.string(), 0}, "cannot open for writing");
    write_raw(out, plots, options);
    out.flush();
    if (!out) throw InputError(SourceLocation{file.string(), 0}, "writing failed");
}

}  // namespace memspice
