#include "solver/native/sources.hpp"

#include <cmath>
#include <numbers>

namespace memspice::native {

SourceValue::SourceValue(const memspice::Element& e)
    : spec_(e.source), name_(e.name), where_(e.where), function_(e.source, SourceDefaults{}, e.name, e.where) {
    if (e.source.has_ac) {
        const double phase = e.source.ac_phase_deg * std::numbers::pi / 180;
        phasor_ = std::polar(e.source.ac_magnitude, phase);
    }
}

void SourceValue::prepare(const AnalysisSetup& setup) {
    function_ = SourceFunction(spec_, SourceDefaults{setup.tstep, setup.tstop}, name_, where_);
}

double SourceValue::at(const LoadContext& ctx) const {
    if (ctx.phase == Phase::Dc) return dc_value() * ctx.source_scale;
    return function_.value(ctx.time);
}

VoltageSource::VoltageSource(const memspice::Element& e, Unknowns& u) : Element(e), value_(e) {
    if (e.nodes.size() != 2) throw InputError(e.where, e.name + ": expected 2 nodes");
    a_ = u.node(e.nodes[0]), b_ = u.node(e.nodes[1]);
}

void VoltageSource::add_unknowns(Unknowns& u) { k_ = u.add(UnknownKind::Branch, name(), name()); }

void VoltageSource::request_entries(PatternBuilder& p) {
    a_ = at(p, a_), b_ = at(p, b_);
    incidence_.request(p, a_, b_, k_);
}

void VoltageSource::load(LoadContext& ctx) {
    if (ctx.residual) {
        const double i = ctx.y[k_];
        ctx.residual[a_] += i;
        ctx.residual[b_] -= i;
        ctx.residual[k_] += ctx.y[a_] - ctx.y[b_] - value_.at(ctx);
    }
    if (ctx.g) incidence_.add(ctx.g);
}

void VoltageSource::ac_stimulus(std::vector<std::complex<double>>& rhs) const {
    rhs[static_cast<std::size_t>(k_)] += value_.phasor();
}

CurrentSource::CurrentSource(const memspice::Element& e, Unknowns& u) : Element(e), value_(e) {
    if (e.nodes.size() != 2) throw InputError(e.where, e.name + ": expected 2 nodes");
    a_ = u.node(e.nodes[0]), b_ = u.node(e.nodes[1]);
}

void CurrentSource::load(LoadContext& ctx) {
    if (!ctx.residual) return;
    const double i = value_.at(ctx);
    ctx.residual[a_] += i;
    ctx.residual[b_] -= i;
}

void CurrentSource::ac_stimulus(std::vector<std::complex<double>>& rhs) const {
    rhs[static_cast<std::size_t>(a_)] -= value_.phasor();
    rhs[static_cast<std::size_t>(b_)] += value_.phasor();
}

}  // namespace memspice::native
