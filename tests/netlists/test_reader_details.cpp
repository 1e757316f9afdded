// Reader rules not covered by the reference netlists: scoping of parameters, comments,
// ground aliases, library sections, .title, floating nodes.
#include <catch2/catch.hpp>

#include "netlist_test_support.hpp"
#include "netlists/reader.hpp"

using namespace memspice;
using Strings = std::vector<std::string>;

TEST_CASE("subcircuit parameters: defaults see global and caller parameters, instances override") {
    const Circuit c = read_netlist_text(R"(scoping
.param unit=100
.subckt inner a params: r={2*unit}
R1 a 0 {r}
.ends
.subckt outer a params: k=3
.param local={k*unit}
R1 a 0 {local}
X1 a inner r={local+1}
X2 a inner
.ends
X1 n outer
X2 n outer k=5
V1 n 0 1
.end
)");
    CHECK(test::element(c, "r.x1.r1").value == 300);
    CHECK(test::element(c, "r.x1.x1.r1").value == 301);
    CHECK(test::element(c, "r.x1.x2.r1").value == 200);
    CHECK(test::element(c, "r.x2.r1").value == 500);
    CHECK(test::element(c, "r.x2.x1.r1").value == 501);
}

TEST_CASE("a later .param redefines an earlier one, as in ngspice") {
    const Circuit c = read_netlist_text("redefinition\n.param r=1k\nR1 a 0 {r}\n.param r=2k\nV1 a 0 1\n.end\n");
    CHECK(test::element(c, "r1").value == 2000);
}

TEST_CASE("trailing comments follow ngspice's rules") {
    const Circuit c = read_netlist_text("comments\nR1 a 0 1k;no space needed\nR2 a 0 2k $ after a space\n"
                                        "R3 a$b 0 3k\nV2 a 0 sin(0,1,1k),$ after a comma\nV1 a 0 1 // slashes\n.end\n");
    CHECK(test::element(c, "r1").value == 1000);
    CHECK(test::element(c, "r2").value == 2000);
    CHECK(test::element(c, "r3").nodes == Strings{"a$b", "0"});  // `$` inside a word is not a comment
    CHECK(test::element(c, "v2").source.transient.args == std::vector<double>{0, 1, 1000});
    CHECK(test::element(c, "v1").source.dc == 1.0);
}

TEST_CASE("gnd is ground, names are case-insensitive, .title replaces the first line") {
    const Circuit c = read_netlist_text("first line\n.TITLE The Real Title\nV1 IN GND 1\nR1 in Gnd 1K\n"
                                        "B1 out 0 V=V(IN,gnd)*2\n.END\n");
    CHECK(c.title == "The Real Title");
    CHECK(test::element(c, "v1").nodes == Strings{"in", "0"});
    CHECK(test::element(c, "r1").nodes == Strings{"in", "0"});
    CHECK(test::element(c, "b1").expression == "v(in)*2");
}

TEST_CASE("a node on one terminal only is accepted (the engines diagnose it)") {
    const Circuit c = read_netlist_text("dangling\nV1 a 0 1\nR1 a dangling 1k\n.end\n");
    CHECK(c.node_names() == Strings{"a", "dangling"});
}

TEST_CASE("library sections in the main file are skipped unless requested") {
    const Circuit c = read_netlist_text(".lib in the main file\n.lib unused\nR9 a 0 1\n.endl\nR1 a 0 1k\nV1 a 0 1\n.end\n");
    CHECK(c.elements.size() == 2);
    CHECK(c.find_element("r9") == nullptr);
}

TEST_CASE("sources: commas, no parentheses, DC after AC, values from parameters") {
    const Circuit c = read_netlist_text(R"(sources
.param amp=2 f=1k
V1 a 0 ac 1 dc {amp}
V2 b 0 sin 0, {amp}, {f}
I1 0 c 1m
R1 a 0 1
R2 b 0 1
R3 c 0 1
.end
)");
    CHECK(test::element(c, "v1").source.dc == 2.0);
    CHECK(test::element(c, "v1").source.ac_magnitude == 1);
    CHECK(test::element(c, "v2").source.transient.args == std::vector<double>{0, 2, 1000});
}

TEST_CASE("element values: r= form, E/G value= forms, F/H gains, K names") {
    const Circuit c = read_netlist_text(R"(forms
.param g=3
R1 a 0 r=2k
V1 a 0 1
E1 b 0 value={v(a)*g}
G1 c 0 value='v(a,b)/1k'
R2 b 0 1
R3 c 0 1
.end
)");
    CHECK(test::element(c, "r1").value == 2000);
    const Element& e1 = test::element(c, "e1");
    CHECK(e1.type == ElementType::Behavioral);
    CHECK(e1.behavioral_quantity == 'v');
    CHECK(e1.expression == "v(a)*3");
    const Element& g1 = test::element(c, "g1");
    CHECK(g1.behavioral_quantity == 'i');
    CHECK(g1.expression == "v(a,b)/1000");
}

TEST_CASE("B sources keep time, temper and hertz as leaves") {
    const Circuit c = read_netlist_text("b\n.param w=6.28e6\nB1 a 0 v=sin(w*time)*temper/300+hertz*0\nR1 a 0 1\n.end\n");
    CHECK(test::element(c, "b1").expression == "sin(6280000*time)*temper/300+hertz*0");
}

TEST_CASE("subcircuit defaults may use each other; a subcircuit parameter shadows a global one") {
    const Circuit c = read_netlist_text(R"(defaults
.param w=5
.subckt s a params: w=1u l={w*2}
R1 a 0 {l*1e9}
.ends
X1 n s
X2 n s w=2u
V1 n 0 1
.end
)");
    CHECK(test::element(c, "r.x1.r1").value == Approx(2000).epsilon(1e-12));
    CHECK(test::element(c, "r.x2.r1").value == Approx(4000).epsilon(1e-12));
}

TEST_CASE("bodies of unused subcircuits are not evaluated, as in ngspice") {
    // The value is wrong, but no instance asks for it; misplaced cards are still reported
    // (see test_errors.cpp).
    const Circuit c = read_netlist_text("unused\n.subckt never a\nR1 a 0 {undefined_param}\n.ends\nR1 a 0 1\nV1 a 0 1\n.end\n");
    CHECK(c.elements.size() == 2);
}

TEST_CASE("the same model name inside and outside a subcircuit: the local one wins inside") {
    const Circuit c = read_netlist_text(R"(shadowing
.model dm d is=1e-14
.subckt s a
.model dm d is=2e-14
D1 a 0 dm
.ends
X1 n s
D2 n 0 dm
V1 n 0 1
.end
)");
    CHECK(test::element(c, "d.x1.d1").model == "x1:dm");
    CHECK(test::element(c, "d2").model == "dm");
    CHECK(test::model(c, "x1:dm").params.at("is") == 2e-14);
}
