// Where the engines find memspice.cm.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>

#include "devices/ngspice/codemodel_library.hpp"

using memspice::devices::memspice_codemodel_library;

TEST_CASE("memspice.cm is found in the build tree, or where MEMSPICE_CODEMODEL says") {
    const char* saved = std::getenv("MEMSPICE_CODEMODEL");
    const std::string saved_value = saved ? saved : "";
    ::unsetenv("MEMSPICE_CODEMODEL");
    const auto built = memspice_codemodel_library();
    REQUIRE(built.has_value());
    CHECK(*built == std::filesystem::path(MEMSPICE_BINARY_DIR) / "lib" / "memspice.cm");
    CHECK(std::filesystem::is_regular_file(*built));

    ::setenv("MEMSPICE_CODEMODEL", "/elsewhere/memspice.cm", 1);
    CHECK(memspice_codemodel_library() == std::filesystem::path("/elsewhere/memspice.cm"));
    if (saved) ::setenv("MEMSPICE_CODEMODEL", saved_value.c_str(), 1);
    else ::unsetenv("MEMSPICE_CODEMODEL");
}
