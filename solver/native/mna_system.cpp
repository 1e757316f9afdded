#include "solver/native/mna_system.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "solver/native/element_factory.hpp"

namespace memspice::native {

MnaSystem::MnaSystem(const Circuit& circuit, const SolverOptions& options) : circuit_(circuit), options_(options) {
    // Nodes first, numbered in order of first use.
    std::size_t references = 0;
    for (const memspice::Element& e : circuit.elements) references += e.nodes.size();
    unknowns_.reserve(references / 2 + 16);
    for (const memspice::Element& e : circuit.elements)
        for (const std::string& node : e.nodes) unknowns_.node(node);
    elements_ = make_elements(circuit, unknowns_, options_);
    for (auto& e : elements_) e->add_unknowns(unknowns_);

    PatternBuilder builder(unknowns_.size());
    for (auto& e : elements_) e->request_entries(builder);
    pattern_ = builder.finalize();
    for (auto& e : elements_) e->bind(builder);
    differential_ = builder.differential();
    for (int k = 0; k < unknowns_.size(); ++k)
        if (unknowns_[k].kind == UnknownKind::Node || unknowns_[k].kind == UnknownKind::Internal)
            node_unknowns_.push_back(k);

    for (auto& e : elements_) {
        nonlinear_ = nonlinear_ || e->is_nonlinear();
        reactive_ = reactive_ || e->is_reactive();
        if (e->has_memory()) with_memory_.push_back(e.get());
        if (e->has_breakpoints()) with_breakpoints_.push_back(e.get());
    }
    lu_ = std::make_unique<SparseLu>(pattern_, options_.ordering);
}

MnaSystem::~MnaSystem() = default;

Element* MnaSystem::find(std::string_view name) const {
    for (const auto& e : elements_)
        if (e->name() == name) return e.get();
    return nullptr;
}

AnalysisSetup MnaSystem::setup_for(double tstep, double tstop) const {
    AnalysisSetup s;
    s.temperature_k = options_.temperature_k();
    s.tnom_k = options_.tnom_k();
    s.tstep = tstep;
    s.tstop = tstop;
    s.gmin = options_.gmin;
    return s;
}

void MnaSystem::prepare(const AnalysisSetup& setup) {
    for (auto& e : elements_) e->prepare(setup);
}

void MnaSystem::evaluate(LoadContext& ctx) {
    const std::size_t n1 = static_cast<std::size_t>(size()) + 1;
    const std::size_t values = static_cast<std::size_t>(pattern_.value_count());
    if (ctx.residual) std::fill(ctx.residual, ctx.residual + n1, 0.0);
    if (ctx.g) std::fill(ctx.g, ctx.g + values, 0.0);
    if (ctx.c && ctx.c != ctx.g) std::fill(ctx.c, ctx.c + values, 0.0);
    for (auto& e : elements_) e->load(ctx);
    if (ctx.node_gmin > 0)
        for (int k : node_unknowns_) {
            if (ctx.residual) ctx.residual[k] += ctx.node_gmin * ctx.y[k];
            if (ctx.g) ctx.g[pattern_.diagonal[static_cast<std::size_t>(k)]] += ctx.node_gmin;
        }
    for (const NodeForce& f : forces_) {
        if (ctx.residual) ctx.residual[f.unknown] += kForceConductance * (ctx.y[f.unknown] - f.value * ctx.source_scale);
        if (ctx.g) ctx.g[pattern_.diagonal[static_cast<std::size_t>(f.unknown)]] += kForceConductance;
    }
}

double MnaSystem::next_breakpoint(double t) const {
    double next = std::numeric_limits<double>::infinity();
    for (const Element* e : with_breakpoints_) next = std::min(next, e->next_breakpoint(t));
    return next;
}

bool MnaSystem::accept(const double* y, double t, Phase phase) {
    bool changed = false;
    for (Element* e : with_memory_) changed = e->accept(y, t, phase) || changed;
    return changed;
}

std::string MnaSystem::elements_at(int unknown, std::size_t limit) const {
    if (touching_.empty()) {
        touching_.resize(static_cast<std::size_t>(size()));
        for (std::size_t k = 0; k < elements_.size(); ++k)
            for (int u : elements_[k]->terminals())
                if (u >= 0 && u < size()) {
                    auto& list = touching_[static_cast<std::size_t>(u)];
                    if (list.empty() || list.back() != static_cast<int>(k)) list.push_back(static_cast<int>(k));
                }
    }
    if (unknown < 0 || unknown >= size()) return "";
    const auto& list = touching_[static_cast<std::size_t>(unknown)];
    std::string text;
    for (std::size_t k = 0; k < list.size() && k < limit; ++k)
        text += (k ? ", " : "") + elements_[static_cast<std::size_t>(list[k])]->name();
    if (list.size() > limit) text += ", ... (" + std::to_string(list.size()) + " elements)";
    return text;
}

}  // namespace memspice::native
