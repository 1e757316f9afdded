// Result writers: CSV, ngspice raw files (read back by ngspice itself), gnuplot figures.
#include "ngspice_test_support.hpp"

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "core/error.hpp"
#include "solver/csv_writer.hpp"
#include "solver/gnuplot_plot.hpp"
#include "solver/raw_file.hpp"
#include "solver/vector_selection.hpp"

using namespace memspice;
using memspice::test::run_deck;

namespace {

namespace fs = std::filesystem;

fs::path output_dir() {
    const fs::path dir = fs::path(MEMSPICE_BINARY_DIR) / "test-output" / "results";
    fs::create_directories(dir);
    return dir;
}

struct CommandResult {
    int status = -1;
    std::string output;
};

CommandResult run_command(const std::string& command) {
    CommandResult result;
    FILE* pipe = popen((command + " 2>&1").c_str(), "r");
    REQUIRE(pipe != nullptr);
    std::array<char, 4096> buffer{};
    while (std::fgets(buffer.data(), static_cast<int>(buffer.size()), pipe)) result.output += buffer.data();
    const int status = pclose(pipe);
    result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return result;
}

std::string read_file(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::vector<std::string> split(const std::string& text, char separator) {
    std::vector<std::string> parts;
    std::string part;
    std::istringstream in(text);
    while (std::getline(in, part, separator)) parts.push_back(part);
    return parts;
}

// ngspice -b on a script that loads `raw` and prints `expressions` at full precision;
// returns "name = value" pairs as printed ("v(out)[3]" -> "6.3e-01" or "re,im").
std::map<std::string, std::string> ngspice_prints(const fs::path& raw, const std::vector<std::string>& expressions) {
    const fs::path script = raw.string() + ".cir";
    {
        std::ofstream out(script);
        out << "load raw file\n.control\nload " << raw.string() << "\nset numdgt=16\n";
        for (const std::string& e : expressions) out << "print " << e << '\n';
        out << "quit 0\n.endc\n.end\n";  // batch mode without analyses would exit 1

    }
    const CommandResult run = run_command("ngspice -b " + script.string());
    INFO(run.output);
    REQUIRE(run.status == 0);
    CHECK(run.output.find("Error") == std::string::npos);
    std::map<std::string, std::string> printed;
    const std::regex line(R"(^(\S+) = (\S+)\s*$)");
    for (const std::string& l : split(run.output, '\n')) {
        std::smatch m;
        if (std::regex_match(l, m, line)) printed[m[1]] = m[2];
    }
    return printed;
}

const Plot& rc_transient() {
    static const SimulationResult result = run_deck(
        {"rc step", "v1 in 0 pulse(0 1 0 1n 1n 1 2)", "r1 in out 1k", "c1 out 0 1u", ".end"}, {"tran 50u 2m"});
    return result.plots.at(0);
}

const Plot& rc_lowpass() {
    static const SimulationResult result =
        run_deck({"rc low-pass", "v1 in 0 dc 0 ac 1", "r1 in out 1k", "c1 out 0 1u", ".end"}, {"ac dec 5 10 10k"});
    return result.plots.at(0);
}

}  // namespace

TEST_CASE("vector lists from the command line") {
    CHECK(parse_vector_list("v(a),i(v1), v(b)") == std::vector<std::string>{"v(a)", "i(v1)", "v(b)"});
    CHECK(parse_vector_list("v(a,b),@m1[id]") == std::vector<std::string>{"v(a,b)", "@m1[id]"});
    CHECK(parse_vector_list("out") == std::vector<std::string>{"out"});
    CHECK_THROWS_AS(parse_vector_list("v(a),,v(b)"), InputError);
    CHECK_THROWS_AS(parse_vector_list("v(a"), InputError);
    CHECK_THROWS_AS(parse_vector_list("v(a))"), InputError);

    const Plot& plot = rc_transient();
    const auto chosen = select_vectors(plot, std::vector<std::string>{"OUT", "v1#branch"});
    REQUIRE(chosen.size() == 3);
    CHECK(chosen[0]->name == "time");
    CHECK(chosen[1]->name == "v(out)");
    CHECK(chosen[2]->name == "i(v1)");
    try {
        select_vectors(plot, std::vector<std::string>{"v(nowhere)"});
        FAIL("no exception");
    } catch (const InputError& e) {
        CHECK_THAT(e.message(), Catch::Contains("v(nowhere)") && Catch::Contains("v(out)"));
    }
}

TEST_CASE("CSV: a header of names, one row per point, values that read back exactly") {
    const Plot& plot = rc_transient();
    std::ostringstream out;
    write_csv(out, plot);
    const auto lines = split(out.str(), '\n');
    REQUIRE(lines.size() == plot.points() + 1);
    std::vector<std::string> expected_header;
    for (const Vector& v : plot.vectors) expected_header.push_back(v.name);
    CHECK(split(lines[0], ',') == expected_header);
    CHECK(expected_header.front() == "time");
    for (std::size_t k = 0; k < plot.points(); ++k) {
        const auto fields = split(lines[k + 1], ',');
        REQUIRE(fields.size() == plot.vectors.size());
        for (std::size_t c = 0; c < fields.size(); ++c)
            CHECK(std::strtod(fields[c].c_str(), nullptr) == plot.vectors[c].real[k]);  // shortest round trip
    }

    std::ostringstream chosen;
    write_csv(chosen, plot, std::vector<std::string>{"v(out)"});
    CHECK(split(chosen.str(), '\n').at(0) == "time,v(out)");
}

TEST_CASE("CSV: complex vectors as real and imaginary columns, an operating point as one row") {
    const Plot& plot = rc_lowpass();
    std::ostringstream out;
    write_csv(out, plot, std::vector<std::string>{"v(out)"});
    const auto lines = split(out.str(), '\n');
    REQUIRE(lines.size() == plot.points() + 1);
    CHECK(lines[0] == "frequency,v(out).re,v(out).im");
    const auto& h = plot.at("v(out)").complex;
    for (std::size_t k = 0; k < plot.points(); ++k) {
        const auto fields = split(lines[k + 1], ',');
        REQUIRE(fields.size() == 3);
        CHECK(std::strtod(fields[0].c_str(), nullptr) == plot.at("frequency").real[k]);
        CHECK(std::strtod(fields[1].c_str(), nullptr) == h[k].real());
        CHECK(std::strtod(fields[2].c_str(), nullptr) == h[k].imag());
    }

    Plot op;
    op.analysis = "op";
    op.vectors = {{"v(a)", {1.5}, {}}, {"i(v,1)", {-2e-3}, {}}};  // a name that needs quoting
    std::ostringstream one;
    write_csv(one, op);
    CHECK(one.str() == "v(a),\"i(v,1)\"\n1.5,-0.002\n");
}

TEST_CASE("raw files, binary and ASCII, are read back by ngspice's load") {
    const Plot& plot = rc_transient();
    const std::vector<std::size_t> points = {0, 1, plot.points() / 2, plot.points() - 1};
    for (const bool binary : {true, false}) {
        INFO((binary ? "binary" : "ascii"));
        const fs::path file = output_dir() / (binary ? "rc_binary.raw" : "rc_ascii.raw");
        RawFileOptions options;
        options.binary = binary;
        save_raw(file, std::span(&plot, 1), options);
        const std::string header = read_file(file).substr(0, 200);
        CHECK_THAT(header, Catch::StartsWith("Title: rc step\nDate: "));
        CHECK_THAT(header, Catch::Contains("Plotname: Transient Analysis\nFlags: real\nNo. Variables: 4\n"));

        std::vector<std::string> expressions;
        for (std::size_t k : points)
            for (const char* name : {"time", "v(out)", "i(v1)"})
                expressions.push_back(std::string(name) + "[" + std::to_string(k) + "]");
        const auto printed = ngspice_prints(file, expressions);
        for (std::size_t k : points) {
            for (const char* name : {"time", "v(out)", "i(v1)"}) {
                const std::string key = std::string(name) + "[" + std::to_string(k) + "]";
                INFO(key);
                REQUIRE(printed.count(key));
                // ngspice prints 17 significant digits (16 for negative numbers): the double
                // itself, or within half a unit in the 16th digit.
                CHECK(std::strtod(printed.at(key).c_str(), nullptr) == Approx(plot.at(name).real[k]).epsilon(1e-15));
            }
        }
    }
}

TEST_CASE("complex raw files keep real and imaginary parts") {
    const Plot& plot = rc_lowpass();
    const fs::path file = output_dir() / "lowpass.raw";
    save_raw(file, std::span(&plot, 1));
    CHECK_THAT(read_file(file).substr(0, 200), Catch::Contains("Plotname: AC Analysis\nFlags: complex\n"));
    const auto printed = ngspice_prints(file, {"v(out)[3]", "frequency[3]"});
    REQUIRE(printed.count("v(out)[3]"));
    const auto parts = split(printed.at("v(out)[3]"), ',');
    REQUIRE(parts.size() == 2);
    CHECK(std::strtod(parts[0].c_str(), nullptr) == Approx(plot.at("v(out)").complex[3].real()).epsilon(1e-15));
    CHECK(std::strtod(parts[1].c_str(), nullptr) == Approx(plot.at("v(out)").complex[3].imag()).epsilon(1e-15));
    const auto f = split(printed.at("frequency[3]"), ',');
    REQUIRE(f.size() == 2);
    CHECK(std::strtod(f[0].c_str(), nullptr) == plot.at("frequency").real[3]);
    CHECK(std::strtod(f[1].c_str(), nullptr) == 0.0);
}

TEST_CASE("a raw file with two plots loads as two plots") {
    const std::vector<Plot> plots = {rc_transient(), rc_lowpass()};
    const fs::path file = output_dir() / "two_plots.raw";
    save_raw(file, plots);
    const auto printed = ngspice_prints(file, {"length(v(out))"});
    // The last plot loaded is the current one: the 16-point .ac.
    REQUIRE(printed.count("length(v(out))"));
    CHECK(std::strtod(printed.at("length(v(out))").c_str(), nullptr) == 16);
    const std::string text = read_file(file);
    CHECK(text.find("Plotname: Transient Analysis") < text.find("Plotname: AC Analysis"));
}

TEST_CASE("gnuplot scripts: labelled axes, currents on the right axis, log frequency for .ac") {
    const Plot& tran = rc_transient();
    PlotOptions both;
    both.vectors = {"v(out)", "i(v1)"};
    const std::string script = gnuplot_script(tran, output_dir() / "x.png", both);
    CHECK_THAT(script, Catch::Contains("set terminal pngcairo"));
    CHECK_THAT(script, Catch::Contains("set xlabel 'time (ms)'"));  // 0 to 2 ms
    CHECK_THAT(script, Catch::Contains("set ylabel 'voltage (mV)'"));  // up to 865 mV
    CHECK_THAT(script, Catch::Contains("set y2label 'current (µA)'"));  // up to 999 µA
    CHECK_THAT(script, Catch::Contains("title 'i(v1)' axes x1y2"));

    const std::string bode = gnuplot_script(rc_lowpass(), output_dir() / "x.svg");
    CHECK_THAT(bode, Catch::Contains("set terminal svg"));
    CHECK_THAT(bode, Catch::Contains("set logscale x"));
    CHECK_THAT(bode, Catch::Contains("magnitude (dB)"));
    CHECK_THAT(bode, Catch::Contains("phase"));
    CHECK_THAT(bode, Catch::Contains("set xlabel 'frequency (Hz)'"));

    CHECK(default_plot_vectors(tran) == std::vector<std::string>{"v(in)", "v(out)"});
    CHECK_THROWS_AS(gnuplot_script(tran, "x.pdf"), InputError);
    Plot op;
    op.analysis = "op";
    op.vectors = {{"v(a)", {1.5}, {}}};
    CHECK_THROWS_AS(gnuplot_script(op, "x.png"), InputError);
}

TEST_CASE("gnuplot renders PNG and SVG figures") {
    const fs::path png = output_dir() / "rc.png";
    render_plot(rc_transient(), png);
    const std::string image = read_file(png);
    REQUIRE(image.size() > 1000);
    CHECK(image.substr(1, 3) == "PNG");
    CHECK(fs::exists(output_dir() / "rc.gp"));  // the script is kept for editing

    const fs::path svg = output_dir() / "lowpass.svg";
    render_plot(rc_lowpass(), svg);
    const std::string drawing = read_file(svg);
    CHECK_THAT(drawing, Catch::Contains("<svg"));
    CHECK_THAT(drawing, Catch::Contains("magnitude (dB)"));
}

TEST_CASE("a bode plot's phase is unwrapped") {
    // Three poles: the phase goes through -180 degrees without jumping to +180.
    const auto result = run_deck({"three poles", "v1 in 0 dc 0 ac 1", "r1 in a 1k", "c1 a 0 1u", "e1 b 0 a 0 1",
                                  "r2 b c 1k", "c2 c 0 1u", "e2 d 0 c 0 1", "r3 d out 1k", "c3 out 0 1u", ".end"},
                                 {"ac dec 10 1 100k"});
    const std::string script = gnuplot_script(result.plots.at(0), output_dir() / "poles.png",
                                              PlotOptions{.vectors = {"v(out)"}});
    // The last data line (100 kHz) has phase near -270 degrees.
    const auto block = script.substr(script.find("$data << EOD"));
    const auto lines = split(block.substr(0, block.find("EOD\n", 13)), '\n');
    const auto last = split(lines.back(), ' ');
    REQUIRE(last.size() == 3);
    CHECK(std::strtod(last[2].c_str(), nullptr) == Approx(-270).margin(1.0));
}
