// Helpers shared by the netlist tests: paths of the reference netlists and checked lookups.
#pragma once

#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "core/circuit.hpp"

namespace memspice::test {

inline std::filesystem::path examples_dir() { return std::filesystem::path(MEMSPICE_SOURCE_DIR) / "netlists" / "examples"; }
inline std::filesystem::path example(const std::string& name) { return examples_dir() / name; }

inline const Element& element(const Circuit& c, const std::string& name) {
    const Element* e = c.find_element(name);
    INFO("element " << name);
    REQUIRE(e != nullptr);
    return *e;
}

inline const Model& model(const Circuit& c, const std::string& name) {
    const Model* m = c.find_model(name);
    INFO("model " << name);
    REQUIRE(m != nullptr);
    return *m;
}

// Relative agreement to a few ulps: the reader must reproduce the written number.
inline Approx exactly(double v) { return Approx(v).epsilon(1e-15).margin(0); }

}  // namespace memspice::test
