// Turns the elements of a circuit description into native-engine elements.
#pragma once

#include <memory>
#include <vector>

#include "core/circuit.hpp"
#include "solver/native/element.hpp"
#include "solver/native/options.hpp"
#include "solver/native/unknowns.hpp"

namespace memspice::native {

// One native element per circuit element, in circuit order (K coupling, F, H and W are built
// after the elements they refer to exist). Throws InputError naming the element for anything
// the native engine cannot simulate (unknown model, missing controlling source, XSPICE code
// model instances, ...).
std::vector<std::unique_ptr<Element>> make_elements(const Circuit& circuit, Unknowns& unknowns,
                                                    const SolverOptions& options);

}  // namespace memspice::native
