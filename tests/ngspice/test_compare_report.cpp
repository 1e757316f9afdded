// Comparing results of two engines, reports for people, and per-analysis file names.
#include "ngspice_test_support.hpp"

#include <cmath>

#include "core/error.hpp"
#include "solver/result_files.hpp"
#include "solver/result_report.hpp"
#include "solver/waveform_compare.hpp"

using namespace memspice;
using memspice::test::run_deck;

namespace {

Plot sampled(const std::string& analysis, const std::string& scale, const std::vector<double>& x,
             double (*f)(double), const std::string& name = "v(out)") {
    Plot plot;
    plot.analysis = analysis;
    plot.scale = scale;
    Vector s{scale, x, {}};
    Vector v{name, {}, {}};
    for (double t : x) v.real.push_back(f(t));
    plot.vectors = {s, v};
    return plot;
}

std::vector<double> grid(double start, double step, int count) {
    std::vector<double> x;
    for (int k = 0; k < count; ++k) x.push_back(start + step * k);
    return x;
}

}  // namespace

TEST_CASE("comparison interpolates the other result linearly onto the reference points") {
    // Reference at midpoints 0.05, 0.15, ..., other on 0, 0.1, ..., 1: linear interpolation of
    // t^2 between neighbours is off by exactly (h/2)^2 = 0.0025 at each midpoint.
    const auto square = [](double t) { return t * t; };
    const Plot reference = sampled("tran", "time", grid(0.05, 0.1, 10), square);
    const Plot other = sampled("tran", "time", grid(0.0, 0.1, 11), square);
    CompareOptions options;
    options.reltol = 1e-3;
    options.abstol = 0.0;
    const PlotComparison c = compare_plots(reference, other, options);
    REQUIRE(c.vectors.size() == 1);
    CHECK(c.points == 10);
    CHECK(c.points_outside == 0);
    CHECK(c.vectors[0].max_abs == Approx(0.0025).epsilon(1e-9));
    CHECK(c.vectors[0].reference_max == Approx(0.95 * 0.95));
    CHECK(c.vectors[0].allowed == Approx(1e-3 * 0.95 * 0.95));
    CHECK_FALSE(c.vectors[0].passed());  // 2.5e-3 > 9.0e-4
    options.reltol = 3e-3;               // 2.7e-3 allowed
    CHECK(compare_plots(reference, other, options).passed());

    // A linear function is interpolated exactly.
    const auto line = [](double t) { return 2 * t + 1; };
    const PlotComparison exact =
        compare_plots(sampled("tran", "time", grid(0.05, 0.1, 10), line), sampled("tran", "time", grid(0, 0.1, 11), line));
    CHECK(exact.vectors[0].max_abs < 1e-15);
}

TEST_CASE("comparison reports where the largest deviation is") {
    const auto zero = [](double) { return 0.0; };
    const Plot reference = sampled("dc", "v-sweep", grid(0, 0.5, 11), zero);
    Plot other = reference;
    other.vectors[1].real[7] = -0.02;  // at v-sweep = 3.5
    other.vectors[1].real[2] = 0.01;
    const PlotComparison c = compare_plots(reference, other);
    REQUIRE(c.vectors.size() == 1);
    const VectorDeviation& d = c.vectors[0];
    CHECK(d.max_abs == Approx(0.02));
    CHECK(d.at_index == 7);
    CHECK(d.at_scale == Approx(3.5));
    CHECK(d.reference_value == 0);
    CHECK(d.other_value == Approx(-0.02));
    CHECK(d.allowed == Approx(1e-6));  // the default abstol of a voltage; max|reference| = 0
    CHECK(std::isinf(d.relative()));
    CHECK_FALSE(c.passed());
}

TEST_CASE("comparison of complex results, operating points, and results that cannot be lined up") {
    Plot ac;
    ac.analysis = "ac";
    ac.scale = "frequency";
    ac.vectors = {{"frequency", {1, 10, 100}, {}}, {"v(out)", {}, {{1, 0}, {0.5, -0.5}, {0, -0.1}}}};
    Plot ac_other = ac;
    ac_other.vectors[1].complex[1] = {0.5, -0.503};
    const PlotComparison c = compare_plots(ac, ac_other);
    CHECK(c.vectors.at(0).max_abs == Approx(0.003));
    CHECK(c.vectors.at(0).at_scale == 10);

    Plot op;
    op.analysis = "op";
    op.vectors = {{"v(a)", {1.0}, {}}, {"i(v1)", {-1e-3}, {}}};
    Plot op_other = op;
    op_other.vectors[1].real[0] = -1.0005e-3;
    const PlotComparison o = compare_plots(op, op_other);
    REQUIRE(o.vectors.size() == 2);
    CHECK(o.vectors[0].passed());
    CHECK(o.vectors[1].max_abs == Approx(0.5e-6));
    CHECK(o.vectors[1].allowed == Approx(1e-12 + 1e-3 * 1e-3));  // currents: abstol 1 pA
    CHECK(o.vectors[1].passed());

    CHECK_THROWS_AS(compare_plots(op, ac), SimulationError);
    CompareOptions chosen;
    chosen.vectors = {"v(nowhere)"};
    CHECK_THROWS_AS(compare_plots(op, op_other, chosen), InputError);

    // A nested sweep restarts its scale: only identical grids can be compared.
    const auto f = [](double v) { return v; };
    Plot nested = sampled("dc", "v-sweep", {0, 1, 0, 1}, f);
    CHECK(compare_plots(nested, nested).passed());
    CHECK_THROWS_AS(compare_plots(nested, sampled("dc", "v-sweep", {0, 1, 0, 1, 0, 1}, f)), SimulationError);

    // Reference points beyond the other's range are skipped and counted.
    const PlotComparison partial =
        compare_plots(sampled("tran", "time", grid(0, 0.1, 11), f), sampled("tran", "time", grid(0, 0.1, 6), f));
    CHECK(partial.points == 6);
    CHECK(partial.points_outside == 5);
}

TEST_CASE("two ngspice runs of one circuit at different time steps agree within tolerance") {
    const std::vector<std::string> rc = {"rc", "v1 in 0 pulse(0 1 0 1n 1n 1 2)", "r1 in out 1k", "c1 out 0 1u", ".end"};
    const auto fine = run_deck(rc, {"op", "tran 1u 5m 0 1u"});
    const auto coarse = run_deck(rc, {"op", "tran 10u 5m 0 10u"});
    const Comparison comparison = compare_results(fine, coarse);
    REQUIRE(comparison.plots.size() == 2);
    CHECK(comparison.passed());
    const std::string report = format_comparison(comparison, CompareOptions{});
    CHECK_THAT(report, Catch::Contains("tran: ") && Catch::Contains("v(out)") && Catch::Contains("all 6 vectors agree"));
}

TEST_CASE("quantities with SI prefixes") {
    CHECK(format_quantity(-2.5e-3, "A") == "-2.5 mA");
    CHECK(format_quantity(7.5, "V") == "7.5 V");
    CHECK(format_quantity(0, "V") == "0 V");
    CHECK(format_quantity(1.5e-6, "s") == "1.5 µs");
    CHECK(format_quantity(0.9999996, "V") == "1 V");  // not "1000 mV"
    CHECK(format_quantity(12345.678, "Hz") == "12.3457 kHz");
    CHECK(format_quantity(3.25, "") == "3.25");
}

TEST_CASE("operating point table and summaries") {
    const auto result = run_deck({"divider", "v1 in 0 10", "r1 in mid 1k", "r2 mid 0 3k", ".end"}, {"op", "dc v1 0 10 1"});
    const std::string table = format_operating_point(result.plots.at(0));
    CHECK_THAT(table, Catch::Contains("node voltages") && Catch::Contains("branch currents"));
    CHECK_THAT(table, Catch::Contains("v(mid)") && Catch::Contains("7.5 V"));
    CHECK_THAT(table, Catch::Contains("i(v1)") && Catch::Contains("-2.5 mA"));
    CHECK(table.find("v(mid)") < table.find("i(v1)"));
    const std::string only = format_operating_point(result.plots.at(0), std::vector<std::string>{"v(mid)"});
    CHECK(only.find("i(v1)") == std::string::npos);

    const std::string summary = format_summary(result);
    CHECK_THAT(summary, Catch::Contains("op: 1 point, 3 vectors"));
    CHECK_THAT(summary, Catch::Contains("dc: 11 points, v-sweep 0 V to 10 V, 3 vectors"));
}

TEST_CASE("one result file per analysis when there are several") {
    Plot op, tran1, tran2;
    op.analysis = "op";
    tran1.analysis = tran2.analysis = "tran";
    const std::vector<Plot> one = {tran1};
    CHECK(per_analysis_paths("out/res.csv", one) == std::vector<std::filesystem::path>{"out/res.csv"});
    const std::vector<Plot> three = {op, tran1, tran2};
    CHECK(per_analysis_paths("out/res.csv", three) ==
          std::vector<std::filesystem::path>{"out/res-op.csv", "out/res-tran1.csv", "out/res-tran2.csv"});
    CHECK(result_format("A.RAW") == ResultFormat::Raw);
    CHECK_THROWS_AS(result_format("a.txt"), InputError);
}
