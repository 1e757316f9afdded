// The netlist reader: ngspice-dialect SPICE text -> circuit description (core/circuit.hpp).
// Handles the title line, comments, continuation lines, .param/{expressions}, .subckt
// expansion with ngspice's naming, .include/.lib, .model, .ic, .nodeset, .options, .temp,
// the analyses, and .control blocks (kept verbatim for ngspice). Every malformed input
// throws InputError with the file and line and what was expected.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "core/circuit.hpp"

namespace memspice {

// Reads a netlist file; .include/.lib paths are relative to the including file.
Circuit read_netlist_file(const std::filesystem::path& path);

// Reads netlist text; `file_name` is used in error messages and as the base for
// relative .include paths (its directory).
Circuit read_netlist_text(std::string_view text, const std::string& file_name = "<netlist>");

}  // namespace memspice
