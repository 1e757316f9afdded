// Writer round trip: reading what the writer writes gives an equal Circuit, for every
// reference netlist and for generated circuits with every element type; and the writer
// options do what they document.
#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <set>

#include "devices/random.hpp"
#include "netlist_test_support.hpp"
#include "netlists/expression.hpp"
#include "netlists/reader.hpp"
#include "netlists/writer.hpp"
#include "test_family.hpp"

using namespace memspice;

namespace {

Circuit reread(const Circuit& c) { return test::read_with_test_family(write_netlist(c), "written.cir"); }

// Deterministic pseudo-random choices for the generated circuits.
class Dice {
public:
    explicit Dice(std::uint64_t seed) : stream_(devices::random::stream(seed, 12345)) {}
    double uniform() { return devices::random::uniform(stream_, counter_++); }
    std::size_t pick(std::size_t n) { return std::min(n - 1, static_cast<std::size_t>(uniform() * static_cast<double>(n))); }
    // Values that stress exact number formatting: thirds, tiny, huge, negative, suffix-like.
    double value() {
        const double choices[] = {1.0 / 3, 1e-17, 2.5e20, -4.7e-9, 1000, 0.1, 6.02214076e23, 1e-300, 12e-9, 7};
        return choices[pick(std::size(choices))] * (1 + uniform());
    }
    double positive() { return std::abs(value()); }

private:
    std::uint64_t stream_;
    std::uint64_t counter_ = 0;
};

Circuit generated_circuit(std::uint64_t seed) {
    Dice dice(seed);
    Circuit c;
    c.title = "generated circuit " + std::to_string(seed);
    const std::vector<std::string> nodes = {"0", "1", "n2", "x1.m", "out", "in#1", "a_b"};
    auto node = [&] { return nodes[dice.pick(nodes.size())]; };
    auto add = [&](ElementType type, const std::string& name, std::vector<std::string> n) -> Element& {
        Element e;
        e.type = type;
        e.name = name;
        e.nodes = std::move(n);
        c.elements.push_back(e);
        return c.elements.back();
    };
    // A connected backbone so that every node exists.
    for (std::size_t k = 1; k < nodes.size(); ++k) add(ElementType::Resistor, "rb" + std::to_string(k), {nodes[k - 1], nodes[k]}).value = dice.positive();

    c.models.push_back({"dm", "d", {{"is", dice.positive()}, {"n", 1.5}}, "", {}});
    c.models.push_back({"x1:nm", "nmos", {{"level", 1}, {"vto", dice.value()}}, "", {}});
    c.models.push_back({"sm", "sw", {{"vt", 0.5}}, "", {}});
    c.models.push_back({"cm", "csw", {}, "", {}});
    c.models.push_back({"g2", "gain", {}, "in_offset=0.1 gain=2", {}});
    c.models.push_back({"mem", "testdev", {{"ron", 1 + 1e3 * dice.uniform()}, {"gap", 2e-9}}, "", {}});

    for (int k = 0; k < 3; ++k) {
        const std::string i = std::to_string(k);
        add(ElementType::Resistor, "r" + i, {node(), node()}).value = dice.value();
        Element& cap = add(ElementType::Capacitor, "c" + i, {node(), node()});
        cap.value = dice.value();
        if (k == 1) cap.params["ic"] = dice.value();
        add(ElementType::Inductor, "l" + i, {node(), node()}).value = dice.value();
        Element& v = add(ElementType::VoltageSource, "v" + i, {node(), node()});
        if (k != 2) v.source.dc = dice.value();
        v.source.has_ac = k == 1;
        if (k == 1) v.source.ac_magnitude = dice.value(), v.source.ac_phase_deg = 45;
        Element& src = add(ElementType::CurrentSource, "i" + i, {node(), node()});
        TransientFunction& f = src.source.transient;
        switch (k) {
            case 0: f.shape = TransientFunction::Shape::Pulse; f.args = {0, dice.value(), 1e-9, 1e-9, 1e-9, 5e-9, 10e-9}; break;
            case 1: f.shape = TransientFunction::Shape::Sin; f.args = {0, dice.value(), 1e6}; break;
            default:
                f.shape = TransientFunction::Shape::Pwl;
                f.args = {0, 0, 1e-9, dice.value(), 3e-9, 1};
                f.pwl_repeat = 1e-9;
                f.pwl_delay = dice.positive();
        }
    }
    add(ElementType::Coupling, "k1", {}).controls = {"l0", "l1"};
    c.elements.back().value = 0.5;
    add(ElementType::Vcvs, "e1", {node(), node(), node(), node()}).value = dice.value();
    add(ElementType::Vccs, "g1", {node(), node(), node(), node()}).value = dice.value();
    add(ElementType::Cccs, "f1", {node(), node()}).controls = {"v0"};
    add(ElementType::Ccvs, "h1", {node(), node()}).controls = {"v1"};
    Element& d = add(ElementType::Diode, "d1", {node(), node()});
    d.model = "dm";
    d.params = {{"area", dice.positive()}, {"off", 1}, {"ic", dice.value()}};
    Element& m = add(ElementType::Mosfet, "m.x1.m1", {node(), node(), node(), node()});
    m.model = "x1:nm";
    m.params = {{"w", 1e-6}, {"l", dice.positive()}, {"icvds", 1}, {"off", 1}};
    Element& s = add(ElementType::VoltageSwitch, "s1", {node(), node(), node(), node()});
    s.model = "sm";
    s.params = {{"on", 1}};
    Element& w = add(ElementType::CurrentSwitch, "w1", {node(), node()});
    w.model = "cm";
    w.controls = {"v2"};
    const char* expressions[] = {"v(1)*v(n2)+i(v0)*1k", "v(out,x1.m)>0.5?time:-time", "tanh(v(in#1)/0.1)*pwr(v(1),1.5)",
                                 "u(time-1n)*(1-exp(-time/1u))"};
    Element& b = add(ElementType::Behavioral, "b1", {node(), node()});
    b.expression = Expression::parse(expressions[dice.pick(4)]).to_string();
    b.behavioral_quantity = 'i';
    Element& e2 = add(ElementType::Behavioral, "e2", {node(), node()});
    e2.expression = Expression::parse(expressions[dice.pick(4)]).to_string();
    Element& g2 = add(ElementType::Behavioral, "g2", {node(), node()});
    g2.expression = Expression::parse(expressions[dice.pick(4)]).to_string();
    g2.behavioral_quantity = 'i';
    Element& a = add(ElementType::CodeModel, "a1", {"1", "n2"});
    a.code_model_text = "%v(1) %v(n2) g2";
    a.model = "g2";
    Element& dev = add(ElementType::Device, "a.x1.amem", {node(), node()});
    dev.model = "mem";
    dev.params = {{"x", dice.uniform()}, {"seed", 42}};

    c.initial_conditions = {{"1", dice.value()}, {"x1.m", 0.5}};
    c.nodesets = {{"out", dice.value()}};
    c.options = {{"reltol", "1e-4"}, {"method", "gear"}, {"noacct", ""}};
    c.temperature = dice.value();
    Analysis op;
    Analysis dc;
    dc.kind = Analysis::Kind::Dc;
    dc.sweeps = {{"v0", 0, 1, 0.1}, {"i1", -1e-3, 1e-3, 1e-4}};
    Analysis tran;
    tran.kind = Analysis::Kind::Tran;
    tran.tstep = 1e-9;
    tran.tstop = dice.positive() + 1e-6;
    tran.tmax = seed % 2 ? 1e-10 : 0;
    tran.uic = seed % 3 == 0;
    Analysis ac;
    ac.kind = Analysis::Kind::Ac;
    ac.ac_spacing = Analysis::AcSpacing::Oct;
    ac.ac_points = 7;
    ac.fstart = 1;
    ac.fstop = 1e9;
    c.analyses = {op, dc, tran, ac};
    c.output_cards = {".save v(1) i(v0)", ".meas tran t1 WHEN v(out)=0.5"};
    c.control_lines = {"run", "write out.raw v(1)"};
    return c;
}

}  // namespace

TEST_CASE("every reference netlist reads back equal from what the writer writes") {
    int count = 0;
    for (const auto& entry : std::filesystem::directory_iterator(test::examples_dir())) {
        if (entry.path().extension() != ".cir") continue;
        INFO(entry.path().string());
        const Circuit c = read_netlist_file(entry.path());
        const std::string text = write_netlist(c);
        const Circuit back = read_netlist_text(text, "written.cir");
        CHECK(back == c);
        CHECK(write_netlist(back) == text);  // the writer's output is a fixed point
        ++count;
    }
    CHECK(count >= 10);
}

TEST_CASE("generated circuits with every element type read back equal") {
    for (std::uint64_t seed = 1; seed <= 20; ++seed) {
        const Circuit c = generated_circuit(seed);
        INFO("seed " << seed << "\n" << write_netlist(c));
        const Circuit back = reread(c);
        REQUIRE(back.elements.size() == c.elements.size());
        for (std::size_t k = 0; k < c.elements.size(); ++k) {
            INFO(c.elements[k].name);
            CHECK(back.elements[k] == c.elements[k]);
        }
        CHECK(back.models == c.models);
        CHECK(back == c);
    }
}

TEST_CASE("writer options leave out analyses and the control block") {
    const Circuit c = read_netlist_file(test::example("analyses.cir"));
    WriterOptions options;
    options.analyses = false;
    options.control = false;
    const auto lines = write_netlist_lines(c, options);
    CHECK(lines.front() == c.title);
    CHECK(lines.back() == ".end");
    for (const std::string& line : lines) {
        INFO(line);
        const std::string word = line.substr(0, line.find(' '));
        for (const char* card : {".op", ".dc", ".tran", ".ac", ".control", ".endc"}) CHECK(word != card);
    }
    const Circuit back = read_netlist_text(write_netlist(c, options));
    CHECK(back.analyses.empty());
    CHECK(back.control_lines.empty());
    CHECK(back.elements == c.elements);
    CHECK(back.output_cards == c.output_cards);  // output cards stay
}

TEST_CASE("memspice devices are written as one line, or expanded for ngspice's code models") {
    const Circuit c = test::read_with_test_family(
        "devices\n.model mem testdev(ron=2k gap=2nm)\nA1 top 0 mem x=0.25 seed=7\nR1 top 0 1k\n.end\n");
    const Element& a = test::element(c, "a1");
    CHECK(a.type == ElementType::Device);
    const auto lines = write_netlist_lines(c);
    CHECK(std::find(lines.begin(), lines.end(), "a1 top 0 mem seed=7 x=0.25") != lines.end());
    CHECK(std::find(lines.begin(), lines.end(), ".model mem testdev(gap=2e-09 ron=2000)") != lines.end());
    CHECK(reread(c) == c);
    // The expansion belongs to devices/ngspice (expand_for_ngspice); the writer hands it the
    // device and its model and passes its errors on.
    WriterOptions expand;
    expand.expand_devices = true;
    try {
        const auto expanded = write_netlist_lines(c, expand);
        // Once the code-model library exists: no memspice one-line syntax is left.
        for (const std::string& line : expanded) CHECK(line != "a1 top 0 mem seed=7 x=0.25");
    } catch (const InputError& e) {
        CHECK(e.where().line == 3);  // the device's line
    }
}

TEST_CASE("the writer refuses names whose letter does not match the element type") {
    Circuit c;
    c.title = "bad";
    Element r;
    r.type = ElementType::Resistor;
    r.name = "c1";
    r.nodes = {"a", "0"};
    r.value = 1;
    c.elements.push_back(r);
    CHECK_THROWS_WITH(write_netlist(c), Catch::Matchers::Contains("must start with 'r'"));
}
