// Placeholders until memspice.cm is built (issue: device interface and memspice.cm).
#include "devices/ngspice/codemodel_library.hpp"
#include "devices/ngspice/netlist_expansion.hpp"

namespace memspice::devices {

std::optional<std::filesystem::path> memspice_codemodel_library() { return std::nullopt; }

NgspiceExpansion expand_for_ngspice(const Element& device, const Model&) {
    throw InputError(device.where, "memspice devices cannot be run in ngspice yet (memspice.cm is not built)");
}

}  // namespace memspice::devices
