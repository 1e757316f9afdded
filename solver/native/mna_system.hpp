// The MNA system of one circuit: its elements, unknowns and fixed sparse pattern, and the
// evaluation of F(t, y, y') = f(y, t) + C(y) y' with its Jacobian pieces. Built once per
// circuit and shared by every analysis (and by the KLU symbolic analysis).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/circuit.hpp"
#include "solver/native/element.hpp"
#include "solver/native/options.hpp"
#include "solver/native/sparse_lu.hpp"
#include "solver/native/sparse_pattern.hpp"
#include "solver/native/unknowns.hpp"

namespace memspice::native {

// A node held near a value by a stiff conductance (.ic for the operating point before a
// transient, .nodeset for the first Newton iterations), as ngspice does.
struct NodeForce {
    int unknown = 0;
    double value = 0;
};

class MnaSystem {
public:
    // Builds every element; throws InputError naming an element the engine cannot accept.
    MnaSystem(const Circuit& circuit, const SolverOptions& options);
    ~MnaSystem();

    const Circuit& circuit() const { return circuit_; }
    const SolverOptions& options() const { return options_; }
    int size() const { return unknowns_.size(); }
    const Unknowns& unknowns() const { return unknowns_; }
    const CscPattern& pattern() const { return pattern_; }
    // Unknowns whose derivative appears in F (capacitor nodes, inductor currents, states).
    const std::vector<bool>& differential() const { return differential_; }
    SparseLu& lu() { return *lu_; }
    const std::vector<std::unique_ptr<Element>>& elements() const { return elements_; }
    Element* find(std::string_view name) const;

    bool is_nonlinear() const { return nonlinear_; }
    bool is_reactive() const { return reactive_; }

    // Temperature and transient-dependent source defaults for the next analysis.
    void prepare(const AnalysisSetup& setup);
    AnalysisSetup setup_for(double tstep = 0, double tstop = 0) const;

    // Zeroes the arrays ctx points to (residual: n + 1, g and c: value_count()) and loads
    // every element, then the forced nodes.
    void evaluate(LoadContext& ctx);
    void set_forces(std::vector<NodeForce> forces) { forces_ = std::move(forces); }

    double next_breakpoint(double t) const;
    // Accepts a solution; true when some element's equations changed discontinuously.
    bool accept(const double* y, double t, Phase phase);

    // Diagnostics: the elements touching an unknown, as "r1, c2, d3" (at most `limit`).
    std::string elements_at(int unknown, std::size_t limit = 6) const;
    // Explains a singular matrix: floating node groups, loops of voltage-defining elements,
    // or else the unknown where the zero pivot appeared. Returns the message.
    std::string explain_singular(int singular_unknown) const;

private:
    const Circuit& circuit_;
    SolverOptions options_;
    Unknowns unknowns_;
    std::vector<std::unique_ptr<Element>> elements_;
    CscPattern pattern_;
    std::vector<bool> differential_;
    std::unique_ptr<SparseLu> lu_;
    std::vector<NodeForce> forces_;
    std::vector<int> node_unknowns_;  // circuit and internal nodes (gmin stepping)
    std::vector<Element*> with_memory_;
    std::vector<Element*> with_breakpoints_;
    bool nonlinear_ = false;
    bool reactive_ = false;
    mutable std::vector<std::vector<int>> touching_;  // unknown -> element indices, built on demand
};

// The forcing conductance of .ic / .nodeset (ngspice's 1e10 S).
inline constexpr double kForceConductance = 1e10;

}  // namespace memspice::native
