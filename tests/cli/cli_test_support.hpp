// Running the built memspice command in tests: its exit status, stdout and stderr.
#pragma once

#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace memspice::test {

struct CliRun {
    int status = -1;
    std::string out, err;
};

inline std::string read_text(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// Where the tests write: a fresh directory per test under the build tree.
inline std::filesystem::path cli_scratch(const std::string& name) {
    const auto dir = std::filesystem::path(MEMSPICE_BINARY_DIR) / "test-output" / "cli" / name;
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

// Runs `memspice <arguments>` (a shell word list) in `directory`.
inline CliRun run_memspice(const std::string& arguments, const std::filesystem::path& directory) {
    const std::string binary = std::string(MEMSPICE_BINARY_DIR) + "/bin/memspice";
    const auto out = directory / "stdout.txt", err = directory / "stderr.txt";
    const std::string command = "cd '" + directory.string() + "' && '" + binary + "' " + arguments + " >'" +
                                out.string() + "' 2>'" + err.string() + "'";
    const int status = std::system(command.c_str());
    CliRun run;
    run.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    run.out = read_text(out);
    run.err = read_text(err);
    return run;
}

inline void write_text(const std::filesystem::path& file, const std::string& text) {
    std::ofstream out(file, std::ios::binary);
    out << text;
}

}  // namespace memspice::test
