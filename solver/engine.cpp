#include "solver/engine.hpp"

#include "solver/native/native_engine.hpp"
#include "solver/ngspice/ngspice_engine.hpp"

namespace memspice {

std::unique_ptr<Engine> make_engine(std::string_view name, const EngineOptions& options) {
    if (name == "ngspice") return std::make_unique<NgspiceEngine>(options);
    if (name == "native") return std::make_unique<NativeEngine>(options);
    throw InputError("unknown engine '" + std::string(name) + "': expected ngspice or native");
}

}  // namespace memspice
