// Where the memspice.cm code-model library is: $MEMSPICE_CODEMODEL if set, else the build
// tree's copy, else the installed one. The ngspice engine loads it before every circuit.
#pragma once

#include <filesystem>
#include <optional>

namespace memspice::devices {

std::optional<std::filesystem::path> memspice_codemodel_library();

}  // namespace memspice::devices
