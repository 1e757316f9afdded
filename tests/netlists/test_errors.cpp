// Malformed netlists: each must throw InputError naming the file, the physical line of the
// problem and what was expected.
#include <catch2/catch.hpp>

#include <filesystem>

#include "netlist_test_support.hpp"
#include "netlists/reader.hpp"
#include "test_family.hpp"

using namespace memspice;

namespace {

struct Case {
    const char* what;
    const char* text;
    const char* message;
    int line;
};

// Title line first; `\n` separated lines; the line numbers count from 1 at the title.
const Case kCases[] = {
    {"unknown element letter", "t\nR1 a 0 1k\nQ1 c b e qmod\n", "unknown element 'q1'", 3},
    {"too few nodes", "t\nR1 a\n", "r1 needs 2 nodes (n+ n-), found 1", 2},
    {"missing value", "t\nR1 a 0 1k\nC1 a 0\n", "expected the capacitance of c1", 3},
    {"unparsable value", "t\nR1 a 0 abc\n", "expected the resistance of r1 (a number or {expression}), found 'abc'", 2},
    {"malformed number", "t\nR1 a 0 1.2.3\n", "'1.2.3' is not a number", 2},
    {"doubled suffix", "t\nR1 a 0 1kk\n", "'1kk' is not a valid number", 2},
    {"doubled suffix in a continuation", "t\nR1 a 0\n+ 2megk\n", "'2megk' is not a valid number", 3},
    {"zero resistance", "t\nR1 a 0 0\n", "the resistance of r1 is 0", 2},
    {"unsupported resistor parameter", "t\nR1 a 0 1k tc1=0.01\n", "parameter 'tc1' of r1 is not supported", 2},
    {"undefined model", "t\nV1 a 0 1\nD1 a 0 nomod\n", "undefined model 'nomod' (used by d1)", 3},
    {"wrong model type", "t\n.model nm nmos level=1\nV1 a 0 1\nD1 a 0 nm\n", "d1 needs a model of type d, but 'nm' is of type nmos", 4},
    {"undefined subcircuit", "t\nV1 a 0 1\nX1 a b nosub\n", "undefined subcircuit 'nosub' (instance x1)", 3},
    {"undefined parameter", "t\nV1 a 0 1\nR1 a 0 {rr*2}\n", "undefined parameter 'rr'", 3},
    {"undefined parameter in .param", "t\n.param a={b+1}\nR1 x 0 1k\n", "undefined parameter 'b'", 2},
    {"parameter cycle", "t\n.param a={b}\n.param b={2*a}\nR1 x 0 {a}\n", "depends on itself", 2},
    {"reserved parameter name", "t\n.param pi=3\n", "'pi' is a reserved name", 2},
    {"parameter evaluating to infinity", "t\n.param x={1/0}\nR1 a 0 {x}\n", "evaluates to inf", 2},
    {"duplicate element", "t\nR1 a 0 1k\nR2 a 0 1k\nR1 a 0 2k\n", "element 'r1' is already defined at bad.cir:2", 4},
    {"duplicate element after flattening", "t\n.subckt s p\nR1 p 0 1k\n.ends\nX1 a s\nR.X1.R1 a 0 1k\n",
     "element 'r.x1.r1' is already defined at bad.cir:3", 6},
    {"duplicate model", "t\n.model d1 d is=1e-14\n.model d1 d is=1e-15\n", "model 'd1' is already defined at bad.cir:2", 3},
    {"duplicate subcircuit", "t\n.subckt s a\nR1 a 0 1\n.ends\n.subckt s b\nR1 b 0 1\n.ends\n",
     "subcircuit 's' is already defined at bad.cir:2", 5},
    {"recursive subcircuits", "t\n.subckt a p\nX1 p b\n.ends\n.subckt b p\nX1 p a\n.ends\nX1 n a\n",
     "recursive subcircuit: a -> b -> a", 6},
    {"subcircuit port count", "t\n.subckt s a b\nR1 a b 1\n.ends\nX1 n s\n", "subcircuit s has 2 ports (a b), instance x1 connects 1 nodes", 5},
    {"unknown subcircuit parameter", "t\n.subckt s a params: r=1\nR1 a 0 {r}\n.ends\nX1 n s q=2\n",
     "subcircuit s has no parameter 'q' (parameters: r)", 5},
    {".ends without .subckt", "t\nR1 a 0 1\n.ends\n", ".ends without a .subckt", 3},
    {".ends closing the wrong subcircuit", "t\n.subckt s a\nR1 a 0 1\n.ends t\n", ".ends t closes .subckt s", 4},
    {"unterminated .subckt", "t\nR1 a 0 1\n.subckt s a\nR1 a 0 1\n", ".subckt s is not closed by .ends", 3},
    {"unterminated .control", "t\nR1 a 0 1\n.control\nrun\n", ".control block is not closed by .endc", 3},
    {".endc without .control", "t\nR1 a 0 1\n.endc\n", ".endc without a .control", 3},
    {"unknown dot card", "t\nR1 a 0 1\n.foo bar\n", "unknown dot card '.foo'", 3},
    {"unsupported analysis", "t\nR1 a 0 1\n.noise v(a) v1 dec 10 1 1k\n", "analysis .noise is not supported", 3},
    {".func", "t\n.func f(x) {2*x}\n", ".func is not supported", 2},
    {"non-positive .tran step", "t\nR1 a 0 1\n.tran 0 1m\n", "the .tran step must be positive", 3},
    {".tran with one number", "t\nR1 a 0 1\n.tran 1u\n", ".tran expects tstep tstop [tstart [tmax]] [uic]", 3},
    {".tran start after stop", "t\nR1 a 0 1\n.tran 1n 1u 2u\n", "the .tran start time must lie in [0, tstop)", 3},
    {".ac without points", "t\nR1 a 0 1\n.ac dec 0 1 1k\n", "number of .ac points must be a positive integer", 3},
    {".ac spacing", "t\nR1 a 0 1\n.ac log 10 1 1k\n", ".ac expects dec, oct or lin", 3},
    {".dc zero step", "t\nV1 a 0 1\nR1 a 0 1\n.dc v1 0 1 0\n", "the step of the .dc sweep of v1 is 0", 4},
    {".dc of a resistor", "t\nV1 a 0 1\nR1 a 0 1\n.dc r1 0 1 0.1\n", "expected a V or I source or temp to sweep", 4},
    {".dc of an undefined source", "t\nV1 a 0 1\nR1 a 0 1\n.dc v9 0 1 0.1\n", ".dc sweeps 'v9', which is not defined", 4},
    {"analysis inside a subcircuit", "t\n.subckt s a\nR1 a 0 1\n.tran 1n 1u\n.ends\n", ".tran is not allowed inside a subcircuit", 4},
    {"K coupling a resistor", "t\nL1 a 0 1u\nR1 a 0 1\nK1 L1 R1 0.5\n", "k1 refers to 'r1', which is not an inductor", 4},
    {"K coefficient out of range", "t\nL1 a 0 1u\nL2 a 0 1u\nK1 L1 L2 1.5\n", "it must lie in [-1, 1]", 4},
    {"F controlled by a resistor", "t\nV1 a 0 1\nR1 a 0 1\nF1 b 0 R1 2\nR2 b 0 1\n", "f1 refers to 'r1', which is not a voltage source", 4},
    {"W controlled by an undefined source", "t\n.model cm csw\nV1 a 0 1\nW1 a 0 vnope cm\n", "w1 refers to 'vnope', which is not defined", 4},
    {"unknown source function", "t\nV1 a 0 sffm(0 1 1k)\n", "source function 'sffm' of v1 is not supported", 2},
    {"unexpected word in a source", "t\nV1 a 0 dc 1 square(1)\n", "unexpected 'square' in the source v1", 2},
    {"pulse with too many arguments", "t\nV1 a 0 pulse(0 1 0 1n 1n 1u 2u 3 4)\n", "pulse of v1 takes v1 v2 [td tr tf pw per np], found 9", 2},
    {"unclosed pulse", "t\nV1 a 0 pulse(0 1 0 1n\n", "'(' after pulse of v1 is not closed by ')'", 2},
    {"PWL times decreasing", "t\nV1 a 0 pwl(0 0 2u 1 1u 0)\n", "PWL time points of v1 must increase", 2},
    {"PWL repeat time not a point", "t\nV1 a 0 pwl(0 0 1u 1 2u 0) r=1.5u\n", "must be one of its time points", 2},
    {"POLY source", "t\nV1 a 0 1\nE1 b 0 poly(2) a 0 b 0 0 1 1\n", "POLY controlled sources are not supported", 3},
    {"expression syntax error", "t\nR1 a 0 {1+}\n", "expected a number, a name or '('", 2},
    {"unclosed brace", "t\nR1 a 0 {1+2\n", "'{' is not closed by '}'", 2},
    {"expression error on a continuation line", "t\nB1 a 0 v=2*v(a)\n+ + sin(\n", "expected a number, a name or '('", 3},
    {"int() in a B source", "t\nV1 a 0 1\nB1 b 0 v=int(v(a))\n", "int() is not available in ngspice's B sources", 3},
    {"undefined parameter in a B source", "t\nV1 a 0 1\nB1 b 0 v=v(a)*gain\n", "undefined parameter 'gain'", 3},
    {".ic of a node that does not exist", "t\nV1 a 0 1\n.ic v(nope)=1\n", ".ic names node 'nope', which no element connects to", 3},
    {".nodeset of a difference", "t\nV1 a 0 1\n.nodeset v(a,0)=1\n", "sets node voltages v(node), not differences", 3},
    {"B source reading a node that does not exist", "t\nV1 a 0 1\nB1 b 0 v=v(a)+v(nope)\n",
     "the expression of b1 names node 'nope'", 3},
    {"B source reading the current of a resistor", "t\nV1 a 0 1\nR1 a 0 1\nB1 b 0 i=i(r1)\n",
     "b1 refers to 'r1', which is not a voltage source", 4},
    {"E source sensing a node that does not exist", "t\nV1 a 0 1\nE1 b 0 nope 0 2\n",
     "e1's controlling input names node 'nope'", 3},
    {"MOSFET with three nodes", "t\n.model nm nmos\nM1 d g s nm w=1u\n", "m1 needs 4 nodes (drain gate source bulk) and a model, found 4 names", 3},
    {"unsupported MOSFET parameter", "t\n.model nm nmos\nM1 d g s b nm w=1u geo=1\n", "parameter 'geo' of m1 is not supported", 3},
    {"switch state", "t\n.model sm sw\nS1 a 0 c 0 sm maybe\n", "expected on or off", 3},
    {"A line with an undefined model", "t\nA1 %v(a) %v(b) nomodel\n", "undefined model 'nomodel' (used by a1)", 2},
    {"A line with a SPICE model", "t\n.model dm d\nA1 a b dm\n", "a1 uses model 'dm' of type d", 3},
    {"continuation with nothing before", "t\n+ R1 a 0 1\n", "continuation line ('+') with no line before it", 2},
    {"model card without closing parenthesis", "t\n.model dm d(is=1e-14\n+ n=2\n", "is not closed by ')'", 3},
    {"model parameter given twice", "t\n.model dm d(is=1e-14 is=2e-14)\n", "parameter 'is' of model dm is given twice", 2},
    {".endl without .lib", "t\nR1 a 0 1\n.endl\n", ".endl without a `.lib section`", 3},
    {".options without names", "t\nR1 a 0 1\n.options\n", ".options expects name[=value]", 3},
    {"memspice device with too many nodes", "t\n.model mem testdev(ron=1k)\nA1 a b c mem\n",
     "a1: testdev has 2 terminals (p n), found 3 nodes", 3},
    {"memspice device in XSPICE syntax", "t\n.model mem testdev\nA1 %v(a) %v(b) mem\n", "write its nodes plainly", 3},
    {"memspice model parameter out of range", "t\n.model mem testdev(ron=2k\n+ roff=-1)\n",
     "testdev parameter roff = -1 is outside its allowed range", 3},
    {"memspice model parameter unknown", "t\n.model mem testdev(ron=2k\n+ rmid=5)\n", "testdev has no parameter 'rmid'", 3},
    {"memspice model parameter unit", "t\n.model mem testdev(gap=2nV)\n", "unit 'V' given, expected 'm'", 2},
    {"memspice instance parameter not per instance", "t\n.model mem testdev\nA1 a 0 mem ron=5\n",
     "instance parameter 'ron' is not settable per instance", 3},
    {"memspice initial state out of range", "t\n.model mem testdev\nA1 a 0 mem x=1.5\n", "outside its allowed range [0, 1]", 3},
    {"memspice instance unit", "t\n.model mem testdev\nA1 a 0 mem x=0.5V\n", "unit 'V' given, expected a dimensionless number", 3},
};

}  // namespace

TEST_CASE("malformed netlists report file, line and what was expected") {
    CHECK(std::size(kCases) >= 30);
    for (const Case& c : kCases) {
        INFO(c.what << "\n" << c.text);
        try {
            (void)test::read_with_test_family(c.text, "bad.cir");
            FAIL("no error");
        } catch (const InputError& e) {
            INFO(e.what());
            CHECK_THAT(e.message(), Catch::Matchers::Contains(c.message));
            CHECK(e.where().file == "bad.cir");
            CHECK(e.where().line == c.line);
        }
    }
}

namespace {

struct FileCase {
    const char* netlist;
    const char* message;
    const char* file;  // relative to tests/netlists/malformed
    int line;
};

const FileCase kFileCases[] = {
    {"includes_itself.cir", "recursive include: 'loop.inc'", "loop.inc", 3},
    {"bad_in_include.cir", "'1kk' is not a valid number", "broken.inc", 5},
    {"bad_section.cir", "no section 'worst_case'", "bad_section.cir", 2},
    {"missing_include.cir", "cannot open the file 'not_there.inc'", "missing_include.cir", 4},
    {"bad_lib_nested.cir", "is not closed by ')'", "nested.lib", 6},
};

}  // namespace

TEST_CASE("errors inside included files name the included file and its line") {
    const auto dir = std::filesystem::path(MEMSPICE_SOURCE_DIR) / "tests" / "netlists" / "malformed";
    for (const FileCase& c : kFileCases) {
        INFO(c.netlist);
        try {
            (void)read_netlist_file(dir / c.netlist);
            FAIL("no error");
        } catch (const InputError& e) {
            INFO(e.what());
            CHECK_THAT(e.message(), Catch::Matchers::Contains(c.message));
            CHECK(e.where().file == (dir / c.file).lexically_normal().string());
            CHECK(e.where().line == c.line);
        }
    }
}

TEST_CASE("a missing netlist file is an InputError naming it") {
    CHECK_THROWS_AS(read_netlist_file("/nonexistent/netlist.cir"), InputError);
    CHECK_THROWS_WITH(read_netlist_file("/nonexistent/netlist.cir"),
                      Catch::Matchers::StartsWith("/nonexistent/netlist.cir: cannot open"));
}
