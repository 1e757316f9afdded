// expand_for_ngspice: the exact text a memspice device becomes for memspice.cm, and the
// errors it reports before ngspice ever sees the netlist.
#include <catch2/catch.hpp>

#include <string>

#include "devices/device.hpp"
#include "devices/ngspice/codemodel_naming.hpp"
#include "devices/ngspice/netlist_expansion.hpp"
#include "devices/random.hpp"

using namespace memspice;
using namespace memspice::devices;

namespace {

Element device(const std::string& name, std::vector<std::string> nodes, const std::string& model, Params params = {}) {
    Element e;
    e.type = ElementType::Device;
    e.name = name;
    e.nodes = std::move(nodes);
    e.model = model;
    e.params = std::move(params);
    e.where = {"deck.cir", 7};
    return e;
}

Model model(const std::string& name, const std::string& type, Params params = {}) {
    Model m;
    m.name = name;
    m.type = type;
    m.params = std::move(params);
    m.where = {"deck.cir", 3};
    return m;
}

std::string error_of(const Element& e, const Model& m) {
    try {
        expand_for_ngspice(e, m);
    } catch (const InputError& error) {
        return error.what();
    }
    return "no error";
}

}  // namespace

TEST_CASE("an instance without overrides shares its model card") {
    const auto e = expand_for_ngspice(device("a1", {"p", "n"}, "m1"), model("m1", "hp_memristor", {{"ron", 200}}));
    CHECK(e.element_lines == std::vector<std::string>{"a1 %gd(p n) %g(a1#x) m1", "ca1#x a1#x 0 1"});
    CHECK(e.ic_lines == std::vector<std::string>{".ic v(a1#x)=0.5"});
    CHECK(e.model_lines == std::vector<std::string>{".model m1 hp_memristor(ron=200)"});
}

TEST_CASE("an initial-state override gets a per-instance card with the instance key") {
    const auto e = expand_for_ngspice(device("a.x1.a3", {"x1.top", "0"}, "m1", {{"x", 0.2}}),
                                      model("m1", "hp_memristor", {{"ron", 200}}));
    CHECK(e.element_lines ==
          std::vector<std::string>{"a.x1.a3 %gd(x1.top 0) %g(a.x1.a3#x) m1#a.x1.a3", "ca.x1.a3#x a.x1.a3#x 0 1"});
    CHECK(e.ic_lines == std::vector<std::string>{".ic v(a.x1.a3#x)=0.2"});
    const std::string key = std::to_string(random::device_key("a.x1.a3"));
    CHECK(e.model_lines ==
          std::vector<std::string>{".model m1#a.x1.a3 hp_memristor(ron=200 x0=0.2 instance_key=" + key + ")"});
}

TEST_CASE("expansion errors name the element, the parameter, the value and the range") {
    SECTION("wrong number of nodes") {
        const auto text = error_of(device("a1", {"p", "n", "q"}, "m1"), model("m1", "hp_memristor"));
        CHECK(text == "deck.cir:7: a1: a hp_memristor device has 2 terminals (p n), 3 nodes given");
    }
    SECTION("not a family") {
        const auto text = error_of(device("a1", {"p", "n"}, "m1"), model("m1", "no_such_device"));
        CHECK(text.rfind("deck.cir:7: model m1 of a1 has type 'no_such_device', which is not a memspice device family", 0) == 0);
        CHECK(text.find("hp_memristor") != std::string::npos);
    }
    SECTION("model parameter out of range") {
        const auto text = error_of(device("a1", {"p", "n"}, "m1"), model("m1", "hp_memristor", {{"ron", -5}}));
        CHECK(text == "deck.cir:3: hp_memristor parameter ron = -5 is outside its allowed range [0.001, 1e+12] Ohm");
    }
    SECTION("initial state out of range on the instance line") {
        const auto text = error_of(device("a1", {"p", "n"}, "m1", {{"x", 1.5}}), model("m1", "hp_memristor"));
        CHECK(text == "deck.cir:7: hp_memristor parameter x0 = 1.5 is outside its allowed range [0, 1]");
    }
    SECTION("a model-only parameter on the instance line") {
        const auto text = error_of(device("a1", {"p", "n"}, "m1", {{"ron", 50}}), model("m1", "hp_memristor"));
        CHECK(text.find("instance parameter 'ron' is not settable per instance") != std::string::npos);
    }
}

TEST_CASE("every registered family expands with one %gd port per terminal pair and one %g port per state") {
    for (const Family* family : families()) {
        INFO(family->name);
        Element e = device("a7", {}, "m");
        for (std::size_t k = 0; k < family->terminals.size(); ++k) e.nodes.push_back(std::string("t").append(std::to_string(k)));
        const auto x = expand_for_ngspice(e, model("m", std::string(family->name)));
        std::string expected = "a7";
        for (int k = 0; k < family->ports(); ++k) {
            expected += " %gd(t";
            expected += std::to_string(k);
            expected += " t";
            expected += std::to_string(family->ports());
            expected += ")";
        }
        for (const auto& s : family->states) {
            expected += " %g(a7#";
            expected += s.name;
            expected += ")";
        }
        expected += family->stochastic ? " m#a7" : " m";
        REQUIRE_FALSE(x.element_lines.empty());
        CHECK(x.element_lines[0] == expected);
        CHECK(x.ic_lines.size() == family->states.size());
        CHECK(x.model_lines.size() == 1);
        CHECK((x.model_lines[0].find(codemodel::kInstanceKeyParameter) != std::string::npos) == family->stochastic);
    }
}
