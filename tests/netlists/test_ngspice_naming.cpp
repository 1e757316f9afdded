// Cross-check of subcircuit flattening against ngspice itself: `ngspice -b` with
// `listing expand` prints the flattened deck; its element names, nodes, controlling
// sources, models, B-source references, code-model lines and resistor values must be the
// reader's.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "core/units.hpp"
#include "netlist_test_support.hpp"
#include "ngspice_runner.hpp"
#include "netlists/expression.hpp"
#include "netlists/reader.hpp"

using namespace memspice;

namespace {

namespace fs = std::filesystem;

// The deck as ngspice flattens it: the card lines of `listing expand`, title excluded.
std::vector<std::string> ngspice_listing(const fs::path& netlist) {
    // A copy without analyses (nothing is simulated) and with the listing command.
    const fs::path copy = fs::path(MEMSPICE_BINARY_DIR) / ("listing_" + netlist.filename().string());
    {
        std::ifstream in(netlist);
        std::ofstream out(copy);
        std::string line;
        bool first = true;
        while (std::getline(in, line)) {
            std::string lower = line;
            for (char& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
            const bool analysis = lower.rfind(".tran", 0) == 0 || lower.rfind(".op", 0) == 0 ||
                                  lower.rfind(".ac", 0) == 0 || lower.rfind(".dc", 0) == 0;
            if (!first && (analysis || lower == ".end")) continue;
            out << line << "\n";
            first = false;
        }
        out << ".control\nlisting expand\n.endc\n.end\n";
    }
    const std::string output = test::run_ngspice(copy, false);
    INFO(output);
    std::vector<std::string> cards;
    const std::regex card(R"(^\s*\d+ : (.*?)\s*$)");
    std::istringstream lines(output);
    std::string line;
    bool title = true;
    while (std::getline(lines, line)) {
        std::smatch m;
        if (!std::regex_match(line, m, card)) continue;
        if (title) {
            title = false;
            continue;
        }
        if (m[1] != ".end") cards.push_back(m[1]);
    }
    REQUIRE_FALSE(cards.empty());
    return cards;
}

std::vector<std::string> split(const std::string& s) {
    std::istringstream in(s);
    std::vector<std::string> words;
    for (std::string w; in >> w;) words.push_back(w);
    return words;
}

// v(...) and i(...) references of a B-source expression as text: "v:a,b" / "i:name".
std::vector<std::string> references(const std::string& expression) {
    std::vector<std::string> out;
    const std::regex ref(R"(([vi])\(\s*([^,)\s]+)\s*(?:,\s*([^)\s]+)\s*)?\))");
    for (auto it = std::sregex_iterator(expression.begin(), expression.end(), ref); it != std::sregex_iterator(); ++it) {
        const std::string second = (*it)[3].matched ? (*it)[3].str() : "0";
        out.push_back((*it)[1].str() + ":" + (*it)[2].str() + ((*it)[1] == "v" ? "," + second : ""));
    }
    return out;
}

// What an element line connects to, in ngspice's order: nodes, controlling sources, model.
std::vector<std::string> connections(const Element& e) {
    std::vector<std::string> out = e.nodes;
    switch (e.type) {
        case ElementType::Coupling: return e.controls;
        case ElementType::Cccs:
        case ElementType::Ccvs: out.insert(out.end(), e.controls.begin(), e.controls.end()); break;
        case ElementType::Diode:
        case ElementType::Mosfet:
        case ElementType::VoltageSwitch: out.push_back(e.model); break;
        case ElementType::CurrentSwitch: out.push_back(e.controls.at(0)); out.push_back(e.model); break;
        case ElementType::Behavioral:
            for (const std::string& r : references(e.expression)) out.push_back(r);
            break;
        case ElementType::CodeModel: return split(e.code_model_text);
        default: break;
    }
    return out;
}

std::vector<std::string> ngspice_connections(const std::vector<std::string>& words, const std::string& line,
                                             std::size_t count, char letter) {
    if (letter == 'b') {
        std::vector<std::string> out(words.begin() + 1, words.begin() + 3);
        for (const std::string& r : references(line.substr(line.find('=') + 1))) out.push_back(r);
        return out;
    }
    if (letter == 'a') return std::vector<std::string>(words.begin() + 1, words.end());
    REQUIRE(words.size() > count);
    return std::vector<std::string>(words.begin() + 1, words.begin() + 1 + static_cast<std::ptrdiff_t>(count));
}

void cross_check(const fs::path& netlist) {
    INFO(netlist.string());
    const Circuit circuit = read_netlist_file(netlist);
    std::vector<std::string> ngspice_models;
    std::vector<std::string> ngspice_elements;
    std::size_t k = 0;
    for (const std::string& line : ngspice_listing(netlist)) {
        INFO("ngspice: " << line);
        const auto words = split(line);
        if (words[0] == ".model") {
            ngspice_models.push_back(words.at(1));
            continue;
        }
        if (words[0][0] == '.') continue;  // .ic and other cards
        ngspice_elements.push_back(words[0]);
        REQUIRE(k < circuit.elements.size());
        const Element& e = circuit.elements[k++];
        CHECK(e.name == words[0]);
        const auto mine = connections(e);
        CHECK(ngspice_connections(words, line, mine.size(), words[0][0]) == mine);
        if (e.type == ElementType::Resistor) {
            const auto value = parse_spice_number(words.at(3));
            REQUIRE(value);
            CHECK(value->value == Approx(e.value).epsilon(1e-14));
        }
    }
    CHECK(k == circuit.elements.size());
    std::vector<std::string> models;
    for (const Model& m : circuit.models) models.push_back(m.name);
    std::sort(models.begin(), models.end());
    std::sort(ngspice_models.begin(), ngspice_models.end());
    CHECK(models == ngspice_models);
}

}  // namespace

TEST_CASE("flattened names agree with ngspice's listing expand") {
    cross_check(test::example("hierarchy.cir"));
    cross_check(test::example("xspice.cir"));
    cross_check(fs::path(MEMSPICE_SOURCE_DIR) / "tests" / "netlists" / "corpus" / "deep_hierarchy.cir");
}
