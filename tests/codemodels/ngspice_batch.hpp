// Runs the plain ngspice program in batch mode on a netlist that loads memspice.cm, as a
// user without memspice would, and reads the vectors it writes (wrdata). Independent of
// memspice's ngspice engine.
#pragma once

#include <catch2/catch.hpp>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

#include "devices/ngspice/codemodel_library.hpp"
#include "devices/ngspice/netlist_expansion.hpp"

namespace memspice::test {

struct BatchResult {
    std::string log;                                      // the netlist, then everything ngspice printed
    std::vector<std::string> names;                       // wrdata columns: scale first
    std::map<std::string, std::vector<double>> columns;   // by name; complex: name, name#im
    bool has(const std::string& name) const { return columns.count(name) > 0; }
    const std::vector<double>& operator[](const std::string& name) const { return columns.at(name); }
};

// A unique scratch directory for this process and call (tests run in parallel processes).
inline std::filesystem::path scratch_directory(const std::string& tag) {
    static std::atomic<int> counter{0};
    const auto dir = std::filesystem::path(MEMSPICE_BINARY_DIR) / "tests" / "codemodels" / "runs" /
                     (tag + "-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::create_directories(dir);
    return dir;
}

// Reads wrdata's output (with wr_vecnames and wr_singlescale) into `result`.
inline void read_columns(const std::filesystem::path& data, BatchResult& result) {
    std::ifstream in(data);
    std::string header;
    if (!in || !std::getline(in, header)) return;
    std::istringstream names(header);
    for (std::string name; names >> name;) {
        const bool repeated = !result.names.empty() && result.names.back() == name;
        result.names.push_back(repeated ? name + "#im" : name);
    }
    for (std::string line; std::getline(in, line);) {
        std::istringstream row(line);
        for (const auto& name : result.names) {
            double value = 0;
            row >> value;
            result.columns[name].push_back(value);
        }
    }
}

// How the netlist loads memspice.cm: a `pre_codemodel` line in its .control block, or the
// `codemodel` line of a .spiceinit file in the directory ngspice runs in.
enum class Loading { PreCodemodel, Spiceinit };

// `circuit` is the netlist body (elements, models, .ic, .options); `analysis` an ngspice
// command (op, tran ..., ac ...); `vectors` what to write. The library is
// devices::memspice_codemodel_library().
inline BatchResult run_ngspice(const std::string& tag, const std::vector<std::string>& circuit,
                               const std::string& analysis, const std::vector<std::string>& vectors,
                               Loading loading = Loading::PreCodemodel) {
    const auto library = devices::memspice_codemodel_library();
    REQUIRE(library.has_value());
    const auto dir = scratch_directory(tag);
    const auto data = dir / "data.txt";
    {
        std::ofstream net(dir / "circuit.cir");
        net << tag << "\n";
        for (const auto& line : circuit) net << line << "\n";
        net << ".control\n";
        if (loading == Loading::PreCodemodel) net << "pre_codemodel " << library->string() << "\n";
        else std::ofstream(dir / ".spiceinit") << "codemodel " << library->string() << "\n";
        net << "set wr_singlescale\nset wr_vecnames\n"
            << analysis << "\n"
            << "wrdata " << data.string();
        for (const auto& v : vectors) net << " " << v;
        net << "\n.endc\n.end\n";
    }
    const std::string command = "cd '" + dir.string() + "' && " + MEMSPICE_NGSPICE_PROGRAM +
                                " -b circuit.cir > log.txt 2>&1";
    // ngspice -b exits with 1 even after a successful .control run: success is judged by the
    // data file and the log, not the status.
    [[maybe_unused]] const int status = std::system(command.c_str());

    BatchResult result;
    {
        std::ifstream netlist(dir / "circuit.cir"), log(dir / "log.txt");
        std::ostringstream text;
        text << "--- netlist ---\n" << netlist.rdbuf() << "--- ngspice ---\n" << log.rdbuf();
        result.log = text.str();
    }
    read_columns(data, result);
    // Everything is in `result` (tests print the log on failure): leave no files behind.
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
    return result;
}
// The lines of one expanded device, elements first, for a netlist body.
inline std::vector<std::string> expanded_lines(const devices::NgspiceExpansion& e) {
    std::vector<std::string> lines = e.element_lines;
    lines.insert(lines.end(), e.ic_lines.begin(), e.ic_lines.end());
    lines.insert(lines.end(), e.model_lines.begin(), e.model_lines.end());
    return lines;
}

}  // namespace memspice::test
