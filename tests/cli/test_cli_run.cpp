// `memspice run` and `memspice compare` on netlists: exit statuses, printed results, CSV and
// raw files, figures. The getting-started example is checked against its hand computation.
#include "cli_test_support.hpp"

#include <cmath>
#include <map>
#include <regex>
#include <sstream>
#include <vector>

using memspice::test::cli_scratch;
using memspice::test::read_text;
using memspice::test::run_memspice;
using memspice::test::write_text;

namespace {

namespace fs = std::filesystem;

// The example netlist, quoted for the shell.
const std::string example = std::string("'").append(MEMSPICE_SOURCE_DIR).append("/examples/getting_started/crossbar_mvm.cir'");

std::vector<std::string> split(const std::string& text, char separator) {
    std::vector<std::string> parts;
    std::string part;
    std::istringstream in(text);
    while (std::getline(in, part, separator)) parts.push_back(part);
    return parts;
}

// A CSV file as columns by header name.
std::map<std::string, std::vector<double>> read_csv(const fs::path& file) {
    const auto lines = split(read_text(file), '\n');
    REQUIRE(!lines.empty());
    const auto header = split(lines[0], ',');
    std::map<std::string, std::vector<double>> columns;
    for (std::size_t k = 1; k < lines.size(); ++k) {
        const auto fields = split(lines[k], ',');
        REQUIRE(fields.size() == header.size());
        for (std::size_t c = 0; c < fields.size(); ++c) columns[header[c]].push_back(std::strtod(fields[c].c_str(), nullptr));
    }
    return columns;
}

// The crossbar of the example: G in S (rows: inputs), Rf, E gain.
constexpr double conductance[3][3] = {{100e-6, 50e-6, 20e-6}, {10e-6, 80e-6, 40e-6}, {50e-6, 25e-6, 100e-6}};
constexpr double rf = 10e3, gain = 1e5;

// TIA output of column j for row voltages v: -Rf I_j, reduced by the finite-gain factor
// 1 + (1 + Rf sum_i G_ij)/A (the column node sits at -V(out)/A, not exactly at 0).
double tia_output(int j, const double (&v)[3]) {
    double current = 0, column_conductance = 0;
    for (int i = 0; i < 3; ++i) {
        current += conductance[i][j] * v[i];
        column_conductance += conductance[i][j];
    }
    return -rf * current / (1 + (1 + rf * column_conductance) / gain);
}

}  // namespace

TEST_CASE("run prints the operating point and a summary; the crossbar computes G^T V") {
    const auto dir = cli_scratch("run_table");
    const auto run = run_memspice("run " + example, dir);
    INFO(run.err);
    REQUIRE(run.status == 0);
    CHECK(run.err.empty());
    CHECK_THAT(run.out, Catch::Contains("node voltages") && Catch::Contains("branch currents"));
    // 6 significant digits of -0.36 / (1 + 2.6e-5) V etc.
    CHECK_THAT(run.out, Catch::Contains("v(out1)  -359.991 mV"));
    CHECK_THAT(run.out, Catch::Contains("v(out2)  -254.993 mV"));
    CHECK_THAT(run.out, Catch::Contains("v(out3)  -379.99 mV"));
    CHECK_THAT(run.out, Catch::Contains("tran: ") && Catch::Contains("time 0 s to 6 µs"));
    CHECK_THAT(run.out, Catch::Contains("-o OUT.csv"));
}

TEST_CASE("run -o writes one CSV per analysis with the hand-computed answers") {
    const auto dir = cli_scratch("run_csv");
    const auto run = run_memspice("run " + example + " -o out.csv", dir);
    INFO(run.err);
    REQUIRE(run.status == 0);
    CHECK_THAT(run.out, Catch::Contains("wrote out-op.csv (op, 1 point)") && Catch::Contains("wrote out-tran.csv (tran, "));

    const auto op = read_csv(dir / "out-op.csv");
    const double first[3] = {0.2, 0.1, 0.3};
    for (int j = 0; j < 3; ++j) {
        const std::string name = "v(out" + std::to_string(j + 1) + ")";
        REQUIRE(op.count(name));
        REQUIRE(op.at(name).size() == 1);
        // A linear circuit: exact up to round-off.
        CHECK(op.at(name)[0] == Approx(tia_output(j, first)).epsilon(1e-9));
    }

    const auto tran = read_csv(dir / "out-tran.csv");
    REQUIRE(tran.count("time"));
    const auto& t = tran.at("time");
    CHECK(t.front() == 0);
    CHECK(t.back() == Approx(6e-6));
    // Each input vector is held for 2 us; the TIAs settle with Rf Cf = 100 ns, so 1.9 us
    // into a slot the outputs are at their DC values to e^-19 (and ngspice's reltol).
    const double inputs[3][3] = {{0.2, 0.1, 0.3}, {0.1, 0.3, 0}, {0.3, 0, 0.1}};
    for (int slot = 0; slot < 3; ++slot) {
        const double when = 2e-6 * slot + 1.95e-6;
        const auto after = std::lower_bound(t.begin(), t.end(), when);
        REQUIRE(after != t.end());
        const std::size_t k = static_cast<std::size_t>(after - t.begin());
        for (int j = 0; j < 3; ++j) {
            INFO("slot " << slot << ", column " << j + 1 << ", t = " << t[k]);
            CHECK(tran.at("v(out" + std::to_string(j + 1) + ")")[k] ==
                  Approx(tia_output(j, inputs[slot])).margin(1e-4));
        }
    }
}

TEST_CASE("run --vectors chooses the columns") {
    const auto dir = cli_scratch("run_vectors");
    const auto run = run_memspice("run " + example + " -o out.csv --vectors 'v(out1),i(vin1)'", dir);
    REQUIRE(run.status == 0);
    CHECK(split(read_text(dir / "out-tran.csv"), '\n').at(0) == "time,v(out1),i(vin1)");
    CHECK(split(read_text(dir / "out-op.csv"), '\n').at(0) == "v(out1),i(vin1)");

    const auto unknown = run_memspice("run " + example + " -o out.csv --vectors 'v(nowhere)'", dir);
    CHECK(unknown.status == 2);
    CHECK_THAT(unknown.err, Catch::StartsWith("memspice: no vector 'v(nowhere)'"));
}

TEST_CASE("run -o OUT.raw writes raw files that ngspice loads") {
    const auto dir = cli_scratch("run_raw");
    const auto run = run_memspice("run " + example + " -o out.raw", dir);
    REQUIRE(run.status == 0);
    REQUIRE(fs::exists(dir / "out-op.raw"));
    REQUIRE(fs::exists(dir / "out-tran.raw"));
    write_text(dir / "load.cir", "load\n.control\nload " + (dir / "out-op.raw").string() +
                                     "\nset numdgt=12\nprint v(out1)\nquit 0\n.endc\n.end\n");
    const std::string command = "ngspice -b '" + (dir / "load.cir").string() + "' > '" + (dir / "ngspice.txt").string() + "' 2>&1";
    const int status = std::system(command.c_str());
    const std::string printed = read_text(dir / "ngspice.txt");
    INFO(printed);
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
    std::smatch m;
    REQUIRE(std::regex_search(printed, m, std::regex(R"(v\(out1\) = (\S+))")));
    const double first[3] = {0.2, 0.1, 0.3};
    CHECK(std::strtod(m[1].str().c_str(), nullptr) == Approx(tia_output(0, first)).epsilon(1e-9));
}

TEST_CASE("run --plot draws one figure per analysis with a scale") {
    const auto dir = cli_scratch("run_plot");
    const auto run = run_memspice("run " + example + " --plot out.png", dir);
    INFO(run.err);
    REQUIRE(run.status == 0);
    CHECK_THAT(run.out, Catch::Contains("op: no figure") && Catch::Contains("drew out-tran.png (tran)"));
    CHECK_FALSE(fs::exists(dir / "out-op.png"));
    const std::string png = read_text(dir / "out-tran.png");
    REQUIRE(png.size() > 1000);
    CHECK(png.substr(1, 3) == "PNG");
    // The script kept next to the figure runs in gnuplot on its own (exit status 0).
    REQUIRE(fs::exists(dir / "out-tran.gp"));
    fs::remove(dir / "out-tran.png");
    const std::string command = "gnuplot '" + (dir / "out-tran.gp").string() + "' > /dev/null 2>&1";
    const int status = std::system(command.c_str());
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
    CHECK(fs::file_size(dir / "out-tran.png") > 1000);

    const auto svg = run_memspice("run " + example + " --plot fig.svg --vectors 'v(out1),v(out2),v(out3)'", dir);
    REQUIRE(svg.status == 0);
    CHECK_THAT(read_text(dir / "fig-tran.svg"), Catch::Contains("<svg") && Catch::Contains("v(out3)"));
}

TEST_CASE("a netlist error exits with status 2 and names the file and line") {
    const auto dir = cli_scratch("run_bad");
    write_text(dir / "bad.cir", "bad netlist\n* comment\nv1 in 0 1\nr1 in out 1k\n\nd1 out 0 nomodel\n.op\n.end\n");
    const auto reader = run_memspice("run bad.cir", dir);
    CHECK(reader.status == 2);
    CHECK_THAT(reader.err, Catch::StartsWith("memspice: bad.cir:6: "));
    CHECK(reader.out.empty());

    // A line only ngspice rejects: still the user's file and line.
    write_text(dir / "bad_cm.cir",
               "bad code model\n* comment\nv1 in 0 1\nr1 in out 1k\n\na1 in out foo\n.model foo nosuchcm(gain=1)\n"
               ".tran 1u 10u\n.end\n");
    const auto engine = run_memspice("run bad_cm.cir", dir);
    CHECK(engine.status == 2);
    CHECK_THAT(engine.err, Catch::StartsWith("memspice: bad_cm.cir:6: ngspice rejected the netlist"));
    CHECK_THAT(engine.err, Catch::Contains("unable to find definition of model foo"));

    write_text(dir / "empty.cir", "nothing to do\nr1 a 0 1k\n.end\n");
    const auto empty = run_memspice("run empty.cir", dir);
    CHECK(empty.status == 2);
    CHECK_THAT(empty.err, Catch::Contains("empty.cir: nothing to run"));
}

TEST_CASE("a failing simulation exits with status 1 and quotes ngspice") {
    const auto dir = cli_scratch("run_fail");
    write_text(dir / "singular.cir", "singular\nv1 in 0 1\nr1 in 0 1k\nc1 out 0 1u\nr2 out x 1k\nc2 x 0 1u\n.op\n.end\n");
    const auto run = run_memspice("run singular.cir -o out.csv", dir);
    CHECK(run.status == 1);
    CHECK_THAT(run.err, Catch::StartsWith("memspice: ngspice 'op' failed") && Catch::Contains("singular matrix"));
    CHECK_FALSE(fs::exists(dir / "out.csv"));
}

TEST_CASE("engines: an unknown name is a usage error; compare says when the native engine cannot run") {
    const auto dir = cli_scratch("engines");
    const auto unknown = run_memspice("run " + example + " --engine spectre", dir);
    CHECK(unknown.status == 2);
    CHECK_THAT(unknown.err, Catch::Contains("unknown engine 'spectre'"));

    const auto compare = run_memspice("compare " + example, dir);
    INFO(compare.out);
    if (compare.status == 1 && compare.err.find("not built yet") != std::string::npos) {
        CHECK_THAT(compare.err, Catch::StartsWith("memspice: cannot compare: the native engine failed") &&
                                    Catch::Contains("not built yet"));
    } else {
        // With the native engine built, the example must agree at the default tolerances.
        CHECK(compare.status == 0);
        CHECK_THAT(compare.out, Catch::Contains("vectors agree"));
    }
}
