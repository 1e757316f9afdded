#include "solver/gnuplot_plot.hpp"

#include <sys/wait.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <numbers>
#include <sstream>

#include "core/error.hpp"
#include "core/units.hpp"
#include "solver/vector_selection.hpp"

namespace memspice {

namespace {

// gnuplot single-quoted string: no escapes, a quote is doubled.
std::string gnuplot_string(const std::string& text) {
    std::string out = "'";
    for (char c : text) {
        if (c == '\'') out += '\'';
        out += c;
    }
    return out + "'";
}

std::string shell_quoted(const std::string& text) {
    std::string out = "'";
    for (char c : text) {
        if (c == '\'') out += "'\\''";
        else out += c;
    }
    return out + "'";
}

std::string quantity_of_unit(const std::string& unit, const std::string& prefix = "") {
    if (unit == "V") return "voltage (" + prefix + "V)";
    if (unit == "A") return "current (" + prefix + "A)";
    if (unit == "s") return "time (" + prefix + "s)";
    if (unit == "Hz") return "frequency (" + prefix + "Hz)";
    if (unit.empty()) return "value";
    return "value (" + unit + ")";
}

// An SI prefix for an axis, so that its tick labels are plain numbers below 1000 and the
// label carries the unit ("time (ms)"). Only for SI units.
struct AxisScale {
    double factor = 1;   // multiplies the data
    std::string prefix;  // goes before the unit
};

AxisScale scale_for(const std::string& unit, double largest_magnitude) {
    if (!(unit == "V" || unit == "A" || unit == "s" || unit == "Hz")) return {};
    if (!(largest_magnitude > 0) || !std::isfinite(largest_magnitude)) return {};
    static const std::pair<int, const char*> prefixes[] = {{-15, "f"}, {-12, "p"}, {-9, "n"}, {-6, "µ"}, {-3, "m"},
                                                           {0, ""},    {3, "k"},   {6, "M"},  {9, "G"},  {12, "T"}};
    const int exponent = std::clamp(static_cast<int>(std::floor(std::log10(largest_magnitude) / 3)) * 3, -15, 12);
    for (const auto& [e, symbol] : prefixes)
        if (e == exponent) return {std::pow(10.0, -e), symbol};
    return {};
}

double largest_magnitude(const Vector& v) {
    double largest = 0;
    for (double x : v.real)
        if (std::isfinite(x)) largest = std::max(largest, std::abs(x));
    return largest;
}

// Values for the plot: enough digits to draw, "NaN" (a gap) for what has no logarithm.
std::string number(double value) {
    if (!std::isfinite(value)) return "NaN";
    std::array<char, 32> buffer{};
    std::snprintf(buffer.data(), buffer.size(), "%.9g", value);
    return buffer.data();
}

std::string terminal_for(const std::filesystem::path& output, const PlotOptions& options) {
    std::string extension = output.extension().string();
    for (char& c : extension) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const std::string size = " size " + std::to_string(options.width) + "," + std::to_string(options.height);
    if (extension == ".png") return "set terminal pngcairo" + size + " enhanced font ',11'";
    if (extension == ".svg") return "set terminal svg" + size + " dynamic enhanced font 'sans,11' background '#ffffff'";
    throw InputError(SourceLocation{output.string(), 0}, "plot files must end in .png or .svg");
}

void preamble(std::ostream& script, const Plot& plot, const std::filesystem::path& output,
              const PlotOptions& options) {
    script << "# memspice: " << plot.analysis << " results; re-run with: gnuplot <this file>\n";
    script << terminal_for(output, options) << '\n';
    script << "set encoding utf8\n";
    script << "set output " << gnuplot_string(std::filesystem::absolute(output).string()) << '\n';
    script << "set grid\n";
    script << "set key outside right top noenhanced\n";
}

std::string title_of(const Plot& plot) {
    std::string title = plot.title.empty() ? std::string() : plot.title + ": ";
    if (plot.analysis == "tran") return title + "transient";
    if (plot.analysis == "dc") return title + "DC sweep";
    if (plot.analysis == "ac") return title + "AC (small signal)";
    return title + plot.analysis;
}

// The x-axis label of a scale: "time (ms)", "v-sweep (V)".
std::string scale_label(const Vector& scale, const AxisScale& axis) {
    const std::string unit = unit_of_vector(scale.name);
    if (scale.name == "time" || scale.name == "frequency") return quantity_of_unit(unit, axis.prefix);
    return unit.empty() ? scale.name : scale.name + " (" + axis.prefix + unit + ")";
}

// Time and DC sweeps: lines against the scale; the first kind of quantity (voltages, when
// there are any) on the left axis, the second on the right one.
void real_plot(std::ostream& script, const Plot& plot, const std::vector<const Vector*>& columns) {
    const Vector& scale = *columns.front();
    std::vector<std::string> units;  // of the plotted vectors, in order of appearance
    for (std::size_t k = 1; k < columns.size(); ++k) {
        const std::string unit = unit_of_vector(columns[k]->name);
        if (std::find(units.begin(), units.end(), unit) == units.end()) units.push_back(unit);
    }
    // A third kind of quantity shares the left axis, which then has no common unit.
    const bool two_axes = units.size() >= 2;
    const auto on_right = [&](const Vector& v) { return two_axes && unit_of_vector(v.name) == units[1]; };
    double left_max = 0, right_max = 0;
    for (std::size_t c = 1; c < columns.size(); ++c) {
        double& axis_max = on_right(*columns[c]) ? right_max : left_max;
        axis_max = std::max(axis_max, largest_magnitude(*columns[c]));
    }
    const AxisScale x = scale_for(unit_of_vector(scale.name), largest_magnitude(scale));
    const AxisScale left = units.size() <= 2 && !units.empty() ? scale_for(units[0], left_max) : AxisScale{};
    const AxisScale right = two_axes ? scale_for(units[1], right_max) : AxisScale{};

    script << "set title " << gnuplot_string(title_of(plot)) << " noenhanced\n";
    script << "set xlabel " << gnuplot_string(scale_label(scale, x)) << " noenhanced\n";
    std::string left_label = units.empty() ? "value" : quantity_of_unit(units[0], left.prefix);
    if (units.size() > 2) {
        left_label.clear();
        for (std::size_t k = 0; k < units.size(); ++k)
            if (k != 1) left_label += (left_label.empty() ? "" : ", ") + quantity_of_unit(units[k]);
    }
    script << "set ylabel " << gnuplot_string(left_label) << " noenhanced\n";
    if (two_axes) {
        script << "set y2label " << gnuplot_string(quantity_of_unit(units[1], right.prefix)) << " noenhanced\n";
        script << "set ytics nomirror\nset y2tics\n";
    }
    script << "$data << EOD\n";
    for (std::size_t k = 0; k < scale.real.size(); ++k) {
        // A nested .dc sweep restarts its scale: a blank line breaks the lines there.
        if (k > 0 && scale.real[k] < scale.real[k - 1]) script << '\n';
        script << number(scale.real[k] * x.factor);
        for (std::size_t c = 1; c < columns.size(); ++c) {
            const double factor = on_right(*columns[c]) ? right.factor : left.factor;
            script << ' ' << number(k < columns[c]->real.size() ? columns[c]->real[k] * factor : NAN);
        }
        script << '\n';
    }
    script << "EOD\n";
    script << "plot ";
    for (std::size_t c = 1; c < columns.size(); ++c)
        script << (c > 1 ? ", \\\n     " : "") << "$data using 1:" << (c + 1) << " with lines lw 2 title "
               << gnuplot_string(columns[c]->name) << (on_right(*columns[c]) ? " axes x1y2" : " axes x1y1");
    script << '\n';
}

// Phase in degrees, unwrapped along the scale (no jumps of more than 180 degrees).
std::vector<double> unwrapped_phase_degrees(const Vector& v) {
    std::vector<double> phase;
    phase.reserve(v.complex.size());
    double offset = 0;
    for (std::size_t k = 0; k < v.complex.size(); ++k) {
        double p = std::arg(v.complex[k]) * 180 / std::numbers::pi + offset;
        if (k > 0) {
            while (p - phase.back() > 180) p -= 360, offset -= 360;
            while (p - phase.back() < -180) p += 360, offset += 360;
        }
        phase.push_back(p);
    }
    return phase;
}

// Small-signal results: a Bode plot.
void bode_plot(std::ostream& script, const Plot& plot, const std::vector<const Vector*>& columns) {
    const Vector& scale = *columns.front();
    std::vector<std::vector<double>> phases;
    for (std::size_t c = 1; c < columns.size(); ++c) phases.push_back(unwrapped_phase_degrees(*columns[c]));
    script << "$data << EOD\n";
    for (std::size_t k = 0; k < scale.real.size(); ++k) {
        script << number(scale.real[k]);
        for (std::size_t c = 1; c < columns.size(); ++c) {
            const Vector& v = *columns[c];
            const double magnitude = k < v.complex.size() ? std::abs(v.complex[k]) : NAN;
            // |x| = 0 has no decibel value: a gap (NaN) rather than -inf.
            script << ' ' << number(magnitude > 0 ? 20 * std::log10(magnitude) : NAN) << ' '
                   << number(k < phases[c - 1].size() ? phases[c - 1][k] : NAN);
        }
        script << '\n';
    }
    script << "EOD\n";
    // Decade ticks with SI prefixes: 10, 100, 1k, 10k.
    script << "set logscale x\nset format x '%.0s%c'\n";
    script << "set multiplot layout 2,1 title " << gnuplot_string(title_of(plot)) << " noenhanced\n";
    script << "set ylabel 'magnitude (dB)'\nunset xlabel\n";
    const auto series = [&](int offset) {
        std::string text = "plot ";
        for (std::size_t c = 1; c < columns.size(); ++c) {
            const std::size_t column = 2 * c + static_cast<std::size_t>(offset);
            text += (c > 1 ? ", \\\n     " : "") + std::string("$data using 1:") + std::to_string(column) +
                    " with lines lw 2 title " + gnuplot_string(columns[c]->name);
        }
        return text + "\n";
    };
    script << series(0);
    script << "set ylabel 'phase (°)'\nset xlabel " << gnuplot_string(quantity_of_unit("Hz")) << '\n';
    script << series(1);
    script << "unset multiplot\n";
}

}  // namespace

void check_plot_file(const std::filesystem::path& output) { terminal_for(output, PlotOptions{}); }

std::vector<std::string> default_plot_vectors(const Plot& plot, std::size_t limit) {
    std::vector<std::string> voltages, others;
    for (const Vector& v : plot.vectors) {
        if (v.name == plot.scale) continue;
        (unit_of_vector(v.name) == "V" ? voltages : others).push_back(v.name);
    }
    std::vector<std::string> chosen = voltages.empty() ? others : voltages;
    if (chosen.size() > limit) chosen.resize(limit);
    return chosen;
}

std::string gnuplot_script(const Plot& plot, const std::filesystem::path& output, const PlotOptions& options) {
    if (plot.scale.empty() || plot.points() == 0)
        throw InputError("the " + plot.analysis +
                         " results have no scale to plot against (an operating point is one point); "
                         "write them with -o instead");
    const std::vector<std::string> names = options.vectors.empty() ? default_plot_vectors(plot) : options.vectors;
    const std::vector<const Vector*> columns = select_vectors(plot, names);
    if (columns.size() < 2) throw InputError("nothing to plot in the " + plot.analysis + " results");
    std::ostringstream script;
    preamble(script, plot, output, options);
    bool complex = false;
    for (std::size_t c = 1; c < columns.size(); ++c) complex = complex || columns[c]->is_complex();
    if (complex) bode_plot(script, plot, columns);
    else real_plot(script, plot, columns);
    return script.str();
}

void render_plot(const Plot& plot, const std::filesystem::path& output, const PlotOptions& options) {
    const std::string script = gnuplot_script(plot, output, options);
    std::filesystem::path script_file = output;
    script_file.replace_extension(".gp");
    {
        std::ofstream out(script_file, std::ios::binary);
        if (!out) throw InputError(SourceLocation{script_file.string(), 0}, "cannot open for writing");
        out << script;
        if (!out.flush()) throw InputError(SourceLocation{script_file.string(), 0}, "writing failed");
    }
    std::error_code ec;
    std::filesystem::remove(output, ec);  // so that a stale figure cannot pass for a new one

    const std::string command = "gnuplot " + shell_quoted(script_file.string()) + " 2>&1";
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) throw SimulationError("cannot run gnuplot");
    std::string messages;
    std::array<char, 512> buffer{};
    while (std::fgets(buffer.data(), static_cast<int>(buffer.size()), pipe)) messages += buffer.data();
    const int status = pclose(pipe);
    const bool exited = status != -1 && WIFEXITED(status);
    const int code = exited ? WEXITSTATUS(status) : -1;
    if (code == 127) throw SimulationError("gnuplot is not installed (Debian package gnuplot-nox)");
    if (code != 0)
        throw SimulationError("gnuplot failed on " + script_file.string() + " (exit status " + std::to_string(code) +
                              ")" + (messages.empty() ? "" : ":\n" + messages));
    if (std::filesystem::file_size(output, ec) == 0 || ec)
        throw SimulationError("gnuplot wrote no figure to " + output.string() +
                              (messages.empty() ? "" : ":\n" + messages));
}

}  // namespace memspice
