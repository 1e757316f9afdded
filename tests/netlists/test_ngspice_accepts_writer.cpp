// What the writer writes must be ngspice's dialect: every reference netlist, written by
// the writer, is read by ngspice itself without an error, and ngspice's listing names
// every element.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <regex>

#include "netlist_test_support.hpp"
#include "netlists/reader.hpp"
#include "netlists/writer.hpp"
#include "ngspice_runner.hpp"

using namespace memspice;

TEST_CASE("ngspice reads the writer's output of every reference netlist without errors") {
    std::vector<std::filesystem::path> files;
    for (const auto& dir : {test::examples_dir(), std::filesystem::path(MEMSPICE_SOURCE_DIR) / "tests" / "netlists" / "corpus"})
        for (const auto& entry : std::filesystem::directory_iterator(dir))
            if (entry.path().extension() == ".cir") files.push_back(entry.path());
    REQUIRE(files.size() >= 11);
    for (const auto& path : files) {
        INFO(path.string());
        Circuit c = read_netlist_file(path);
        c.output_cards.clear();  // .print and .meas need the analyses, which are left out
        WriterOptions options;
        options.analyses = false;  // nothing is simulated: this checks the dialect only
        options.control = false;
        std::vector<std::string> lines = write_netlist_lines(c, options);
        lines.insert(lines.end() - 1, {".control", "listing", ".endc"});
        const auto written = std::filesystem::path(MEMSPICE_BINARY_DIR) / ("written_" + path.filename().string());
        {
            std::ofstream out(written);
            for (const std::string& line : lines) out << line << "\n";
        }
        const std::string output = test::run_ngspice(written, true);
        INFO(output);
        std::string lower = output;
        std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
        for (const char* problem : {"error", "unknown", "not parsed", "can't find", "cannot", "unrecognized"})
            CHECK(lower.find(problem) == std::string::npos);
        for (const Element& e : c.elements) {
            INFO(e.name);
            CHECK(std::regex_search(output, std::regex("\\d+ : " + std::regex_replace(e.name, std::regex(R"([.$^*+?()\[\]{}|\\])"), R"(\$&)") + " ")));
        }
    }
}
