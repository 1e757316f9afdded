// Names shared by the code-model generator (memspice.cm), the netlist expansion and the
// ngspice engine: the one place that fixes how a memspice device looks inside ngspice.
#pragma once

#include <string>
#include <string_view>

#include "devices/device.hpp"

namespace memspice::devices::codemodel {

// Every message the code models print about an error starts with this; ngspice prints it
// as "Instance: <name>   Message: memspice error: ...". The ngspice engine scans for it.
inline constexpr std::string_view kErrorPrefix = "memspice error:";

// The hidden model parameter carrying random::device_key(instance name) to the code model.
inline constexpr std::string_view kInstanceKeyParameter = "instance_key";

// Separates an instance name from a state name in a state node ("a1#x"), and a model name
// from an instance name in a per-instance model card ("m1#a1"). memspice names never
// contain it, so these cannot clash with a user's nodes or models.
inline constexpr char kSeparator = '#';

// The XSPICE model type of a family (what follows `.model <name>`): the family name.
inline std::string code_model_name(const Family& family) { return std::string(family.name); }

// The C function of a family's code model inside memspice.cm.
inline std::string c_function_name(const Family& family) { return "cm_memspice_" + std::string(family.name); }

// The node holding state `state` of `instance`.
inline std::string state_node(std::string_view instance, std::string_view state) {
    return std::string(instance) + kSeparator + std::string(state);
}

}  // namespace memspice::devices::codemodel
