// Results as CSV: a header row of vector names, then one row per point, the scale first.
//
// Complex vectors (.ac) take two columns, `name.re` and `name.im` (real and imaginary parts):
// exact, and any tool can form magnitude and phase from them. Numbers are written in the
// shortest form that reads back as the same double. A name containing a comma or a quote is
// quoted as RFC 4180 says.
#pragma once

#include <filesystem>
#include <ostream>
#include <span>
#include <string>

#include "solver/waveform.hpp"

namespace memspice {

// Writes the plot's scale and the named vectors (all of them when `vectors` is empty); an
// unknown name throws InputError (see select_vectors).
void write_csv(std::ostream& out, const Plot& plot, std::span<const std::string> vectors = {});

// The same into a file; throws InputError if the file cannot be written.
void save_csv(const std::filesystem::path& file, const Plot& plot, std::span<const std::string> vectors = {});

}  // namespace memspice
