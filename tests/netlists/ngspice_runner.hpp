// Runs the installed ngspice in batch mode on a netlist file and returns what it prints.
#pragma once

#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <string>

namespace memspice::test {

// stdout, and stderr too when `with_errors`; run in the netlist's directory so that
// relative includes resolve. (ngspice exits with status 1 when no analysis ran, so the
// status is not checked; callers check the output.)
inline std::string run_ngspice(const std::filesystem::path& netlist, bool with_errors) {
    const std::string command = "cd '" + netlist.parent_path().string() + "' && ngspice -b '" + netlist.string() +
                                (with_errors ? "' 2>&1" : "' 2>/dev/null");
    FILE* pipe = popen(command.c_str(), "r");
    REQUIRE(pipe != nullptr);
    std::string output;
    char buffer[4096];
    while (std::fgets(buffer, sizeof buffer, pipe)) output += buffer;
    (void)pclose(pipe);
    return output;
}

}  // namespace memspice::test
