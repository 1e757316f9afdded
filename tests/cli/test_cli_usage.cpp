// The memspice command's help, usage errors and exit statuses.
#include "cli_test_support.hpp"

using memspice::test::cli_scratch;
using memspice::test::run_memspice;

TEST_CASE("help texts describe every option") {
    const auto dir = cli_scratch("help");
    const auto main_help = run_memspice("--help", dir);
    CHECK(main_help.status == 0);
    CHECK_THAT(main_help.out, Catch::Contains("memspice run NETLIST") && Catch::Contains("memspice compare NETLIST"));
    CHECK_THAT(main_help.out, Catch::Contains("Exit status"));

    const auto run_help = run_memspice("run --help", dir);
    CHECK(run_help.status == 0);
    for (const char* option : {"--engine", "--output", "--plot", "--vectors", "--help"})
        CHECK_THAT(run_help.out, Catch::Contains(option));
    CHECK_THAT(run_help.out, Catch::Contains("OUT-<analysis>.EXT"));  // several analyses

    const auto compare_help = run_memspice("compare -h", dir);
    CHECK(compare_help.status == 0);
    for (const char* option : {"--reltol", "--abstol", "--vectors", "--help"})
        CHECK_THAT(compare_help.out, Catch::Contains(option));

    const auto version = run_memspice("--version", dir);
    CHECK(version.status == 0);
    CHECK_THAT(version.out, Catch::StartsWith("memspice "));
}

TEST_CASE("usage errors exit with status 2 and say what is wrong") {
    const auto dir = cli_scratch("usage");
    const auto nothing = run_memspice("", dir);
    CHECK(nothing.status == 2);

    const auto unknown_command = run_memspice("simulate x.cir", dir);
    CHECK(unknown_command.status == 2);
    CHECK(unknown_command.err == "memspice: unknown command 'simulate': expected run or compare (see memspice --help)\n");

    const auto unknown_option = run_memspice("run x.cir --frobnicate", dir);
    CHECK(unknown_option.status == 2);
    CHECK(unknown_option.err == "memspice: unknown option '--frobnicate' (see memspice run --help)\n");

    const auto missing_value = run_memspice("run x.cir -o", dir);
    CHECK(missing_value.status == 2);
    CHECK_THAT(missing_value.err, Catch::Contains("option -o needs a value"));

    const auto no_netlist = run_memspice("run", dir);
    CHECK(no_netlist.status == 2);
    CHECK_THAT(no_netlist.err, Catch::Contains("missing NETLIST"));

    const auto bad_tolerance = run_memspice("compare x.cir --reltol=-1", dir);
    CHECK(bad_tolerance.status == 2);
    CHECK_THAT(bad_tolerance.err, Catch::Contains("--reltol -1: expected a non-negative number"));
}

TEST_CASE("a missing netlist file exits with status 2, naming the file") {
    const auto dir = cli_scratch("missing");
    const auto run = run_memspice("run no_such_netlist.cir", dir);
    CHECK(run.status == 2);
    CHECK(run.err == "memspice: no_such_netlist.cir: no such file\n");
    CHECK(run.out.empty());
    const auto compare = run_memspice("compare no_such_netlist.cir", dir);
    CHECK(compare.status == 2);
    CHECK(compare.err == "memspice: no_such_netlist.cir: no such file\n");
}

TEST_CASE("output files with an unknown format are refused before running") {
    const auto dir = cli_scratch("formats");
    memspice::test::write_text(dir / "x.cir", "x\nv1 a 0 1\nr1 a 0 1k\n.op\n.end\n");
    const auto csv = run_memspice("run x.cir -o out.txt", dir);
    CHECK(csv.status == 2);
    CHECK(csv.err == "memspice: out.txt: result files must end in .csv or .raw\n");
    const auto figure = run_memspice("run x.cir --plot out.pdf", dir);
    CHECK(figure.status == 2);
    CHECK(figure.err == "memspice: out.pdf: plot files must end in .png or .svg\n");
}
