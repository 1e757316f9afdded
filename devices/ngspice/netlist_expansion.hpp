// How a memspice device instance is written for ngspice's code models (memspice.cm):
// the one place that knows the shim's port order and hidden parameters. Used by the netlist
// writer (netlists/writer.hpp, WriterOptions::expand_devices).
#pragma once

#include <string>
#include <vector>

#include "core/circuit.hpp"

namespace memspice::devices {

struct NgspiceExpansion {
    std::vector<std::string> element_lines;  // the XSPICE instance and its state capacitors
    std::vector<std::string> model_lines;    // the .model card it uses (may be per instance)
    std::vector<std::string> ic_lines;       // .ic for the state nodes
};

// `device` is an ElementType::Device element and `model` its model card. Throws InputError
// (at the element's location) for a family or parameter the code-model library lacks.
NgspiceExpansion expand_for_ngspice(const Element& device, const Model& model);

}  // namespace memspice::devices
