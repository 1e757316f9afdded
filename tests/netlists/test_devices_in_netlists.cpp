// memspice device lines (A lines whose model is a device family): nodes, model,
// per-instance states and parameters, validation by the family, subcircuit naming, and the
// registered families of devices/ read through the public reader.
#include <catch2/catch.hpp>

#include "core/units.hpp"
#include "devices/device.hpp"
#include "netlist_test_support.hpp"
#include "netlists/reader.hpp"
#include "netlists/writer.hpp"
#include "test_family.hpp"

using namespace memspice;
using Strings = std::vector<std::string>;

TEST_CASE("an A line whose model is a device family is a Device element") {
    const Circuit c = test::read_with_test_family(R"(device lines
A1 top 0 mem x=0.25 seed=7
A2 top mid MEM
R1 mid 0 1k
V1 top 0 1
* the model comes after its use, with units and an upper-case family name
.model MEM TestDev(ron=2kOhm roff=1megohm
+ gap=1.5nm)
.end
)");
    const Element& a1 = test::element(c, "a1");
    CHECK(a1.type == ElementType::Device);
    CHECK(a1.nodes == Strings{"top", "0"});
    CHECK(a1.model == "mem");
    CHECK(a1.params == Params{{"x", 0.25}, {"seed", 7}});
    CHECK(a1.code_model_text.empty());
    const Element& a2 = test::element(c, "a2");
    CHECK(a2.type == ElementType::Device);
    CHECK(a2.params.empty());
    const Model& m = test::model(c, "mem");
    CHECK(m.type == "testdev");
    CHECK(m.params.at("ron") == 2000);
    CHECK(m.params.at("roff") == 1e6);
    CHECK(m.params.at("gap") == test::exactly(1.5e-9));
    CHECK(m.code_model_text.empty());
}

TEST_CASE("device lines and models inside subcircuits get ngspice's names") {
    const Circuit c = test::read_with_test_family(R"(devices in a subcircuit
.subckt cell wl bl params: state=0.5
.model m testdev ron={1k*2}
Amem wl bl m x={state}
.ends
V1 w 0 1
X1 w b1 cell state=0.9
X2 w b2 cell
R1 b1 0 1k
R2 b2 0 1k
.end
)");
    const Element& a1 = test::element(c, "a.x1.amem");
    CHECK(a1.type == ElementType::Device);
    CHECK(a1.nodes == Strings{"w", "b1"});
    CHECK(a1.model == "x1:m");
    CHECK(a1.params == Params{{"x", 0.9}});
    CHECK(test::element(c, "a.x2.amem").params == Params{{"x", 0.5}});
    CHECK(test::model(c, "x2:m").params == Params{{"ron", 2000}});
    // The round trip keeps the one-line syntax.
    CHECK(test::read_with_test_family(write_netlist(c)) == c);
}

TEST_CASE("an A line whose model is not a device family stays an XSPICE code model") {
    const Circuit c = test::read_with_test_family(R"(code model
A1 in out amp
.model amp gain(gain=2)
V1 in 0 1
R1 out 0 1k
.end
)");
    const Element& a = test::element(c, "a1");
    CHECK(a.type == ElementType::CodeModel);
    CHECK(a.code_model_text == "in out amp");
    CHECK(a.nodes == Strings{"in", "out"});
}

TEST_CASE("every registered device family reads from a netlist with its defaults") {
    // Builds, for each family of devices/registry.cpp, a netlist with one instance whose
    // model card lists every parameter at its default and whose instance
    // line sets each state to its initial value. (No units: after a bare number the first
    // letter of "F", "m", "A", "K/W" would be read as a scale suffix, as in SPICE.)
    for (const devices::Family* family : devices::families()) {
        INFO(family->name);
        const std::string name(family->name);
        std::string text = "family " + name + "\n.model m " + name + "(";
        for (const devices::ParameterInfo& p : family->parameters) {
            text += ' ';
            text += p.name;
            text += '=';
            text += format_number(p.default_value);
        }
        text += ")\nA1";
        for (std::size_t k = 0; k < family->terminals.size(); ++k) text += " n" + std::to_string(k);
        text += " m";
        const devices::ParameterSet defaults = family->make_parameters({}, {});
        for (const devices::StateInfo& s : family->states) {
            text += ' ';
            text += s.name;
            text += '=';
            text += format_number(defaults.get(s.initial_parameter));
        }
        text += '\n';
        for (std::size_t k = 0; k < family->terminals.size(); ++k) {
            const std::string n = std::to_string(k);
            text += "R" + n + " n" + n + " 0 1k\n";
        }
        text += ".end\n";
        INFO(text);
        const Circuit c = read_netlist_text(text);
        const Element& a = test::element(c, "a1");
        CHECK(a.type == ElementType::Device);
        CHECK(a.nodes.size() == family->terminals.size());
        CHECK(a.params.size() == family->states.size());
        CHECK(read_netlist_text(write_netlist(c)) == c);
    }
}
