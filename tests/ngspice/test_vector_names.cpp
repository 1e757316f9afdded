// Pure parts of the ngspice driver: vector names, plot look-up, analysis commands and the
// reading of ngspice's output stream.
#include <catch2/catch.hpp>

#include "core/error.hpp"
#include "solver/ngspice/ngspice_commands.hpp"
#include "solver/ngspice/ngspice_output.hpp"
#include "solver/waveform.hpp"

using namespace memspice;

TEST_CASE("ngspice vector names become canonical names") {
    CHECK(canonical_vector_name("in") == "v(in)");
    CHECK(canonical_vector_name("V(IN)") == "v(in)");
    CHECK(canonical_vector_name("1") == "v(1)");
    CHECK(canonical_vector_name("x1.n3") == "v(x1.n3)");
    CHECK(canonical_vector_name("v1#branch") == "i(v1)");
    CHECK(canonical_vector_name("V.X1.V1#branch") == "i(v.x1.v1)");
    CHECK(canonical_vector_name("i(v1)") == "i(v1)");
    CHECK(canonical_vector_name("a1#x") == "v(a1#x)");  // a device state node
    for (const char* kept : {"time", "frequency", "v-sweep", "i-sweep", "temp-sweep", "@r1[i]", "a1#branch_1_0"})
        CHECK(canonical_vector_name(kept) == kept);
    CHECK(canonical_vector_name("TIME") == "time");
}

TEST_CASE("plots find vectors case-insensitively and name what is missing") {
    Plot plot;
    plot.analysis = "tran";
    plot.scale = "time";
    plot.vectors = {{"time", {0, 1}, {}}, {"v(out)", {0, 2}, {}}};
    REQUIRE(plot.find("V(OUT)") != nullptr);
    CHECK(plot.find("V(OUT)")->real[1] == 2);
    CHECK(plot.find("v(in)") == nullptr);
    CHECK(plot.points() == 2);
    CHECK(&plot.at("v(out)") == plot.find("v(out)"));
    try {
        plot.at("v(in)");
        FAIL("no exception");
    } catch (const SimulationError& e) {
        CHECK_THAT(e.what(), Catch::Contains("v(in)") && Catch::Contains("v(out)"));
    }
}

TEST_CASE("analyses become ngspice commands") {
    using ngspice::analysis_command;
    Analysis op;
    CHECK(analysis_command(op) == "op");

    Analysis dc;
    dc.kind = Analysis::Kind::Dc;
    dc.sweeps = {{"v1", 0, 5, 0.1}, {"i2", 0, 1e-3, 5e-4}};
    CHECK(analysis_command(dc) == "dc v1 0 5 0.1 i2 0 0.001 5e-04");
    CHECK(ngspice::scale_name(dc) == "v-sweep");

    Analysis tran;
    tran.kind = Analysis::Kind::Tran;
    tran.tstep = 1e-6;
    tran.tstop = 1e-3;
    CHECK(analysis_command(tran) == "tran 1e-06 0.001");
    tran.tmax = 1e-7;
    tran.uic = true;
    CHECK(analysis_command(tran) == "tran 1e-06 0.001 0 1e-07 uic");

    Analysis ac;
    ac.kind = Analysis::Kind::Ac;
    ac.ac_points = 10;
    ac.fstart = 1;
    ac.fstop = 1e6;
    CHECK(analysis_command(ac) == "ac dec 10 1 1e+06");
    CHECK(ngspice::scale_name(ac) == "frequency");
}

TEST_CASE("expected vectors: scale, every node, every branch current") {
    Circuit c;
    const auto element = [](ElementType type, const char* name, std::vector<std::string> nodes) {
        Element e;
        e.type = type;
        e.name = name;
        e.nodes = std::move(nodes);
        return e;
    };
    c.elements = {element(ElementType::VoltageSource, "v1", {"in", "0"}),
                  element(ElementType::Resistor, "r1", {"in", "out"}),
                  element(ElementType::Inductor, "l1", {"out", "gnd"})};
    Analysis tran;
    tran.kind = Analysis::Kind::Tran;
    CHECK(ngspice::expected_vectors(c, tran) ==
          std::vector<std::string>{"time", "v(in)", "v(out)", "i(v1)", "i(l1)"});
    c.output_cards = {".SAVE v(out)"};
    CHECK(ngspice::expected_vectors(c, tran) == std::vector<std::string>{"time"});
}

namespace {
std::vector<ngspice::OutputLine> stream(std::initializer_list<const char*> received) {
    std::vector<ngspice::OutputLine> lines;
    for (const char* r : received) lines.push_back(ngspice::parse_output_line(r));
    return lines;
}
}  // namespace

TEST_CASE("ngspice's output stream: a rejected netlist names the line") {
    const std::vector<std::string> deck = {"bad", "v1 in 0 1", "r1 in out 1k", "d1 out 0 nomodel", ".end"};
    const auto out = stream({"stdout Note: No compatibility mode selected!",
                             "stderr warning, can't find model 'nomodel' from line",
                             "stderr d1 out 0 nomodel", "stdout Circuit: bad",
                             "stderr Error on line 4 or its substitute:", "stderr d1 out 0 nomodel",
                             "stderr could not find a valid modelname"});
    CHECK(out[1].is_stderr);
    CHECK(out[1].text == "warning, can't find model 'nomodel' from line");
    const auto d = ngspice::diagnose(out, deck);
    CHECK(d.verdict == ngspice::Diagnosis::Verdict::NetlistRejected);
    REQUIRE(d.deck_line);
    CHECK(*d.deck_line == 3);
    CHECK(d.messages == std::vector<std::string>{"warning, can't find model 'nomodel' from line",
                                                 "Error on line 4 or its substitute:", "d1 out 0 nomodel",
                                                 "could not find a valid modelname"});
}

TEST_CASE("ngspice's output stream: an echoed line is found without a line number") {
    const std::vector<std::string> deck = {"bad2", "v1 in 0 1", "xfoo a b nosub", ".end"};
    const auto d = ngspice::diagnose(stream({"stderr Error: unknown subckt: xfoo a b nosub"}), deck);
    CHECK(d.verdict == ngspice::Diagnosis::Verdict::NetlistRejected);
    REQUIRE(d.deck_line);
    CHECK(*d.deck_line == 2);
}

TEST_CASE("ngspice's output stream: simulation failures, and warnings that are not") {
    const std::vector<std::string> deck = {"t", ".end"};
    const auto singular = ngspice::diagnose(
        stream({"stderr Warning: singular matrix:  check node out", "stderr Note: Starting dynamic gmin stepping",
                "stderr Trying gmin =   1.0000E-03 Warning: singular matrix:  check node out"}),
        deck);
    CHECK(singular.verdict == ngspice::Diagnosis::Verdict::SimulationFailed);
    CHECK(singular.messages == std::vector<std::string>{"Warning: singular matrix:  check node out"});

    const auto timestep = ngspice::diagnose(
        stream({"stderr doAnalyses: TRAN:  Timestep too small; initial timepoint: trouble with node \"b\"",
                "stderr tran simulation(s) aborted"}),
        deck);
    CHECK(timestep.verdict == ngspice::Diagnosis::Verdict::SimulationFailed);
    CHECK(timestep.messages.size() == 2);

    const auto fine = ngspice::diagnose(
        stream({"stdout Circuit: Error amplifier", "stdout Doing analysis at TEMP = 27.000000",
                "stdout Reducing trtol to 1 for xspice 'A' devices", "stderr Warning: vector nosuch not saved"}),
        deck);
    CHECK_FALSE(fine.failed());
    CHECK(fine.messages.empty());
}
