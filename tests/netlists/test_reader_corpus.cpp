// The reference netlists of netlists/examples/, each checked for the exact circuit read:
// element count, names, nodes, values, flattened names, models, analyses.
#include <catch2/catch.hpp>

#include <cmath>
#include <numbers>

#include "netlist_test_support.hpp"
#include "netlists/reader.hpp"

using namespace memspice;
using memspice::test::element;
using memspice::test::example;
using memspice::test::exactly;
using memspice::test::model;

namespace {
std::vector<std::string> names(const Circuit& c) {
    std::vector<std::string> out;
    for (const Element& e : c.elements) out.push_back(e.name);
    return out;
}
using Strings = std::vector<std::string>;
}  // namespace

TEST_CASE("rc_lowpass.cir: title, suffixes, units, pulse, ic, analyses") {
    const Circuit c = read_netlist_file(example("rc_lowpass.cir"));
    CHECK(c.title == "RC low-pass filter driven by a pulse");
    CHECK(names(c) == Strings{"vin", "r1", "c1"});
    const Element& v = element(c, "vin");
    CHECK(v.type == ElementType::VoltageSource);
    CHECK(v.nodes == Strings{"in", "0"});
    CHECK(v.source.dc == 0.0);
    CHECK(v.source.has_ac);
    CHECK(v.source.ac_magnitude == 1);
    CHECK(v.source.ac_phase_deg == 0);
    CHECK(v.source.transient.shape == TransientFunction::Shape::Pulse);
    const std::vector<double> pulse = {0, 1, 0.1e-3, 1e-6, 1e-6, 2e-3, 4e-3};
    REQUIRE(v.source.transient.args.size() == pulse.size());
    for (std::size_t k = 0; k < pulse.size(); ++k) CHECK(v.source.transient.args[k] == exactly(pulse[k]));
    CHECK(element(c, "r1").value == 1000);
    CHECK(element(c, "r1").nodes == Strings{"in", "out"});
    const Element& cap = element(c, "c1");
    CHECK(cap.type == ElementType::Capacitor);
    CHECK(cap.value == exactly(1e-6));
    CHECK(cap.params == Params{{"ic", 0.0}});
    REQUIRE(c.analyses.size() == 2);
    CHECK(c.analyses[0].kind == Analysis::Kind::Tran);
    CHECK(c.analyses[0].tstep == exactly(10e-6));
    CHECK(c.analyses[0].tstop == exactly(5e-3));
    CHECK(c.analyses[0].where.line == 8);
    CHECK(c.analyses[1].kind == Analysis::Kind::Ac);
    CHECK(c.analyses[1].ac_spacing == Analysis::AcSpacing::Dec);
    CHECK(c.analyses[1].ac_points == 10);
    CHECK(c.analyses[1].fstart == 1);
    CHECK(c.analyses[1].fstop == 1e5);
    CHECK(c.models.empty());
    CHECK(c.node_names() == Strings{"in", "out"});
    CHECK(element(c, "c1").where.line == 6);
    CHECK(element(c, "c1").where.file == example("rc_lowpass.cir").string());
}

TEST_CASE("parameters.cir: .param forms, forward references and {expressions}") {
    const Circuit c = read_netlist_file(example("parameters.cir"));
    // rbase = 500, rload = 2*rbase = 1000, cload = 1n, tau = 1e-6, vhigh = 2.5, vlow = -1.25.
    const double tau = 1000 * 1e-9;
    CHECK(names(c) == Strings{"v1", "r1", "c1", "e1", "r2"});
    CHECK(element(c, "r1").value == 1000);
    CHECK(element(c, "c1").value == exactly(1e-9));
    CHECK(element(c, "e1").type == ElementType::Vcvs);
    CHECK(element(c, "e1").value == 10);
    CHECK(element(c, "e1").nodes == Strings{"amp", "0", "out", "0"});
    CHECK(element(c, "r2").value == 10000);
    const auto& args = element(c, "v1").source.transient.args;
    REQUIRE(args.size() == 7);
    CHECK(args[0] == -1.25);
    CHECK(args[1] == 2.5);
    CHECK(args[3] == exactly(tau / 100));
    CHECK(args[5] == exactly(5 * tau));
    CHECK(args[6] == exactly(10 * tau));
    REQUIRE(c.analyses.size() == 1);
    CHECK(c.analyses[0].tstep == exactly(tau / 50));
    CHECK(c.analyses[0].tstop == exactly(20 * tau));
}

TEST_CASE("hierarchy.cir: flattening with ngspice's names, parameters per instance") {
    const Circuit c = read_netlist_file(example("hierarchy.cir"));
    // Names as `listing expand` of ngspice 39 prints them (see test_ngspice_naming.cpp).
    CHECK(names(c) == Strings{"vdd", "vin", "r.x1.r1", "r.x1.x2.r1", "r.x1.x2.r2", "d.x1.d.x3.d1", "c.x1.c.x3.c1",
                              "r.x4.r1", "r.x4.x2.r1", "r.x4.x2.r2", "d.x4.d.x3.d1", "c.x4.c.x3.c1", "rl1", "rl2"});
    // stage r = 2k in x1 and 5k in x4; divider rsum = 2*rtop = 2k, ratio 0.25.
    CHECK(element(c, "r.x1.r1").value == 2000);
    CHECK(element(c, "r.x1.r1").nodes == Strings{"in", "x1.m"});
    CHECK(element(c, "r.x4.r1").value == 5000);
    CHECK(element(c, "r.x1.x2.r1").value == 1500);
    CHECK(element(c, "r.x1.x2.r1").nodes == Strings{"x1.m", "o1"});
    CHECK(element(c, "r.x1.x2.r2").value == 500);
    CHECK(element(c, "r.x1.x2.r2").nodes == Strings{"o1", "0"});
    // The global node vdd keeps its name inside subcircuits; models get the instance prefix.
    CHECK(element(c, "c.x4.c.x3.c1").nodes == Strings{"o2", "vdd"});
    CHECK(element(c, "d.x1.d.x3.d1").model == "x1:dclamp");
    CHECK(element(c, "d.x4.d.x3.d1").model == "x4:dclamp");
    REQUIRE(c.models.size() == 2);
    CHECK(model(c, "x1:dclamp").type == "d");
    CHECK(model(c, "x1:dclamp").params == Params{{"is", 1e-14}, {"n", 1.5}});
    CHECK(c.initial_conditions == std::map<std::string, double>{{"x1.m", 0.5}, {"x4.m", 0.5}});
    // Each flattened element remembers the line of its card in the subcircuit.
    CHECK(element(c, "r.x4.x2.r2").where.line == 8);
}

TEST_CASE("sources.cir: every source form") {
    const Circuit c = read_netlist_file(example("sources.cir"));
    CHECK(c.elements.size() == 20);
    const SourceSpec& v1 = element(c, "v1").source;
    CHECK(v1.dc == 5.0);
    CHECK_FALSE(v1.has_ac);
    CHECK(v1.transient.shape == TransientFunction::Shape::None);
    const SourceSpec& v2 = element(c, "v2").source;
    CHECK(v2.dc == 2.5);
    CHECK(v2.has_ac);
    CHECK(v2.ac_magnitude == 1);
    CHECK(v2.ac_phase_deg == 90);
    const auto& v3 = element(c, "v3").source.transient;
    CHECK(v3.shape == TransientFunction::Shape::Pulse);
    CHECK(v3.args.size() == 8);
    CHECK(v3.args[7] == 5);
    const auto& v4 = element(c, "v4").source.transient;
    CHECK(v4.shape == TransientFunction::Shape::Sin);
    CHECK(v4.args == std::vector<double>{0, 1, 1e6, 0, 0, 45});
    const auto& v5 = element(c, "v5").source.transient;
    CHECK(v5.shape == TransientFunction::Shape::Exp);
    REQUIRE(v5.args.size() == 6);
    CHECK(v5.args[2] == exactly(10e-9));
    CHECK(v5.args[5] == exactly(20e-9));
    const auto& v6 = element(c, "v6").source.transient;
    CHECK(v6.shape == TransientFunction::Shape::Pwl);
    REQUIRE(v6.args.size() == 8);
    CHECK(v6.args[2] == exactly(1e-6));
    CHECK(v6.pwl_repeat == exactly(1e-6));
    CHECK(v6.pwl_delay == exactly(0.5e-6));
    CHECK_FALSE(element(c, "v6").source.dc.has_value());
    const SourceSpec& i1 = element(c, "i1").source;
    CHECK(element(c, "i1").type == ElementType::CurrentSource);
    CHECK(element(c, "i1").nodes == Strings{"0", "g"});
    CHECK(i1.dc == exactly(1e-3));
    CHECK(i1.has_ac);
    CHECK(i1.ac_magnitude == 1);  // `ac` alone: magnitude 1
    const auto& i2 = element(c, "i2").source.transient;
    CHECK(i2.shape == TransientFunction::Shape::Pwl);
    CHECK(i2.args.size() == 6);
    CHECK(i2.pwl_repeat == -1);
    const SourceSpec& v7 = element(c, "v7").source;
    CHECK(v7.has_ac);
    CHECK(v7.ac_magnitude == 0.5);
    CHECK(v7.transient.args == std::vector<double>{1, 0.5, 1e4});
    const SourceSpec& v8 = element(c, "v8").source;
    CHECK_FALSE(v8.dc.has_value());
    CHECK(v8.transient.shape == TransientFunction::Shape::None);
}

TEST_CASE("controlled_sources.cir: E F G H K and behavioural sources") {
    const Circuit c = read_netlist_file(example("controlled_sources.cir"));
    CHECK(c.elements.size() == 25);
    CHECK(element(c, "e1").type == ElementType::Vcvs);
    CHECK(element(c, "g1").type == ElementType::Vccs);
    CHECK(element(c, "g1").value == exactly(1e-3));
    CHECK(element(c, "f1").type == ElementType::Cccs);
    CHECK(element(c, "f1").controls == Strings{"vsense"});
    CHECK(element(c, "f1").value == 3);
    CHECK(element(c, "h1").type == ElementType::Ccvs);
    CHECK(element(c, "h1").value == 500);
    CHECK(element(c, "l1").params == Params{{"ic", 1e-3}});
    CHECK(element(c, "k1").type == ElementType::Coupling);
    CHECK(element(c, "k1").controls == Strings{"l1", "l2"});
    CHECK(element(c, "k1").value == 0.99);
    const Element& bv = element(c, "bv");
    CHECK(bv.type == ElementType::Behavioral);
    CHECK(bv.behavioral_quantity == 'v');
    CHECK(bv.expression == "v(in)*v(in)+2*i(vsense)");
    const Element& bi = element(c, "bi");
    CHECK(bi.behavioral_quantity == 'i');
    CHECK(bi.expression == "0.001*tanh(v(in,n1)/0.1)");
    const Element& evc = element(c, "evc");
    CHECK(evc.type == ElementType::Behavioral);
    CHECK(evc.behavioral_quantity == 'v');
    CHECK(evc.nodes == Strings{"evc", "0"});
    CHECK(evc.expression == "v(in)*3+1");
    const Element& gcur = element(c, "gcur");
    CHECK(gcur.behavioral_quantity == 'i');
    CHECK(gcur.expression == "0.002*v(in)");
}

TEST_CASE("semiconductors.cir: D, M, S, W and models defined after use") {
    const Circuit c = read_netlist_file(example("semiconductors.cir"));
    const Element& m1 = element(c, "m1");
    CHECK(m1.type == ElementType::Mosfet);
    CHECK(m1.nodes == Strings{"out", "g", "0", "0"});
    CHECK(m1.model == "nch");
    CHECK(m1.params.at("w") == exactly(1e-6));
    CHECK(m1.params.at("l") == exactly(180e-9));
    CHECK(m1.params.at("m") == 2);
    CHECK(m1.params.size() == 9);
    const Element& m2 = element(c, "m2");
    CHECK(m2.params.at("off") == 1);
    CHECK(m2.params.at("icvds") == 0.5);
    CHECK(m2.params.at("icvgs") == 1.0);
    CHECK(m2.params.at("icvbs") == 0);
    const Element& d1 = element(c, "d1");
    CHECK(d1.type == ElementType::Diode);
    CHECK(d1.params == Params{{"area", 2}, {"off", 1}, {"ic", 0.2}});
    CHECK(element(c, "d2").params == Params{{"area", 3}});
    CHECK(element(c, "s1").params == Params{{"on", 1}});
    CHECK(element(c, "s1").nodes == Strings{"sw1", "0", "g", "0"});
    CHECK(element(c, "w1").params == Params{{"off", 1}});
    CHECK(element(c, "w1").controls == Strings{"vdd"});
    CHECK(model(c, "nch").type == "nmos");
    const Params& nch = model(c, "nch").params;
    CHECK(nch.size() == 4);
    CHECK(nch.at("level") == 1);
    CHECK(nch.at("vto") == 0.5);
    CHECK(nch.at("kp") == exactly(200e-6));
    CHECK(nch.at("lambda") == 0.02);
    CHECK(model(c, "pch").type == "pmos");
    CHECK(model(c, "pch").params.at("vto") == -0.5);
    CHECK(model(c, "dmod").params.at("rs") == 10);
    CHECK(model(c, "smod").params.at("roff") == 1e6);
    CHECK(model(c, "wmod").type == "csw");
}

TEST_CASE("analyses.cir: analyses, options, temperature, ic, nodeset, kept cards") {
    const Circuit c = read_netlist_file(example("analyses.cir"));
    REQUIRE(c.analyses.size() == 6);
    CHECK(c.analyses[0].kind == Analysis::Kind::Op);
    const Analysis& dc = c.analyses[1];
    CHECK(dc.kind == Analysis::Kind::Dc);
    REQUIRE(dc.sweeps.size() == 2);
    CHECK(dc.sweeps[0] == DcSweep{"v1", 0, 2, 0.1});
    CHECK(dc.sweeps[1] == DcSweep{"v2", -1, 1, 0.5});
    CHECK(c.analyses[2].sweeps == std::vector<DcSweep>{{"temp", -40, 125, 5}});
    const Analysis& tran = c.analyses[3];
    CHECK(tran.tstep == exactly(1e-9));
    CHECK(tran.tstop == exactly(100e-9));
    CHECK(tran.tstart == exactly(10e-9));
    CHECK(tran.tmax == exactly(0.5e-9));
    CHECK(tran.uic);
    CHECK(c.analyses[4].ac_spacing == Analysis::AcSpacing::Oct);
    CHECK(c.analyses[4].ac_points == 8);
    CHECK(c.analyses[5].ac_spacing == Analysis::AcSpacing::Lin);
    CHECK(c.analyses[5].fstart == 0);
    using Options = std::vector<std::pair<std::string, std::string>>;
    CHECK(c.options == Options{{"reltol", "1e-4"}, {"abstol", "1p"}, {"method", "gear"}, {"noacct", ""}, {"gmin", "1e-13"}});
    CHECK(c.option_number("abstol", 0) == exactly(1e-12));
    CHECK(c.temperature == 85.0);
    CHECK(c.initial_conditions == std::map<std::string, double>{{"x", 0.3}});
    CHECK(c.nodesets == std::map<std::string, double>{{"in", 1}, {"b", 0}});
    CHECK(c.output_cards == Strings{".save v(x) i(V1)", ".print tran v(x)", ".meas tran vmax MAX v(x)", ".four 1k v(x)",
                                    ".csparam rtot=3000"});
    CHECK(c.control_lines == Strings{"run", "plot v(x) $ a comment the control language keeps"});
}

TEST_CASE("comments_and_continuations.cir: comments, continuations, case, .end") {
    const Circuit c = read_netlist_file(example("comments_and_continuations.cir"));
    CHECK(names(c) == Strings{"r1", "r2", "c1", "v1", "r$3"});
    CHECK(element(c, "r1").nodes == Strings{"in", "out"});
    CHECK(element(c, "r1").value == 1000);
    CHECK(element(c, "c1").nodes == Strings{"out", "0"});
    CHECK(element(c, "c1").value == exactly(10e-9));
    CHECK(element(c, "c1").where.line == 7);
    const auto& pulse = element(c, "v1").source.transient;
    CHECK(pulse.args.size() == 7);
    CHECK(pulse.args[6] == exactly(10e-6));
    CHECK(c.analyses.size() == 1);
}

TEST_CASE("xspice.cir: code models kept verbatim, renamed inside subcircuits") {
    const Circuit c = read_netlist_file(example("xspice.cir"));
    const Element& amp = element(c, "a.x1.aamp");
    CHECK(amp.type == ElementType::CodeModel);
    CHECK(amp.code_model_text == "%v 1 %v 2 x1:gainmodel");  // as ngspice's expansion writes it
    CHECK(amp.nodes == Strings{"1", "2"});
    CHECK(amp.model == "x1:gainmodel");
    CHECK(model(c, "x1:gainmodel").type == "gain");
    CHECK(model(c, "x1:gainmodel").code_model_text == "in_offset=0 gain=3 out_offset=0");
    const Element& a1 = element(c, "a1");
    CHECK(a1.code_model_text == "[1 2] 3 summer");
    CHECK(a1.nodes == Strings{"1", "2", "3"});
    CHECK(model(c, "summer").code_model_text == "in_gain=[1.0 -1.0] out_gain=1");
    const Element& a2 = element(c, "a2");
    CHECK(a2.code_model_text == "%vd(1 0) %id(4 0) vcvs_like");
    CHECK(a2.nodes == Strings{"1", "0", "4", "0"});
}

TEST_CASE("with_includes.cir: .include and .lib sections relative to the including file") {
    const Circuit c = read_netlist_file(example("with_includes.cir"));
    CHECK(names(c) == Strings{"v1", "r.x1.r1", "r.x1.r2", "d1", "m1"});
    CHECK(model(c, "dmod").params.at("is") == 1e-14);  // the typical section, not slow
    CHECK(model(c, "nfast").type == "nmos");
    CHECK(c.models.size() == 2);
    const Element& r = element(c, "r.x1.r1");
    CHECK(r.where.file == (memspice::test::examples_dir() / "include" / "divider.inc").string());
    CHECK(r.where.line == 3);
    CHECK(model(c, "nfast").where.file == (memspice::test::examples_dir() / "lib" / "models.lib").string());
    CHECK(model(c, "nfast").where.line == 12);
}
