// Where memspice.cm is: $MEMSPICE_CODEMODEL, else this build tree's copy, else the
// installed one (paths fixed when memspice is configured; see devices/CMakeLists.txt).
#include "devices/ngspice/codemodel_library.hpp"

#include <cstdlib>
#include <system_error>

namespace memspice::devices {

namespace {

bool is_file(const std::filesystem::path& path) {
    std::error_code ec;
    return std::filesystem::is_regular_file(path, ec);
}

}  // namespace

std::optional<std::filesystem::path> memspice_codemodel_library() {
    // An explicit choice wins, even a wrong one: the engine then reports that path.
    if (const char* env = std::getenv("MEMSPICE_CODEMODEL"); env && *env) return std::filesystem::path(env);
#ifdef MEMSPICE_CODEMODEL_BUILD_PATH
    if (is_file(MEMSPICE_CODEMODEL_BUILD_PATH)) return std::filesystem::path(MEMSPICE_CODEMODEL_BUILD_PATH);
#endif
#ifdef MEMSPICE_CODEMODEL_INSTALL_PATH
    if (is_file(MEMSPICE_CODEMODEL_INSTALL_PATH)) return std::filesystem::path(MEMSPICE_CODEMODEL_INSTALL_PATH);
#endif
    return std::nullopt;
}

}  // namespace memspice::devices
