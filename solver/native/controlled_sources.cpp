#include "solver/native/controlled_sources.hpp"

#include <cmath>

namespace memspice::native {

namespace {

void check(const memspice::Element& e, std::size_t nodes) {
    if (e.nodes.size() != nodes)
        throw InputError(e.where, e.name + ": expected " + std::to_string(nodes) + " nodes, got " +
                                      std::to_string(e.nodes.size()));
    if (!std::isfinite(e.value)) throw InputError(e.where, e.name + ": gain must be a finite number");
}

}  // namespace

Vcvs::Vcvs(const memspice::Element& e, Unknowns& u) : Element(e), gain_(e.value) {
    check(e, 4);
    a_ = u.node(e.nodes[0]), b_ = u.node(e.nodes[1]), c_ = u.node(e.nodes[2]), d_ = u.node(e.nodes[3]);
}

void Vcvs::add_unknowns(Unknowns& u) { k_ = u.add(UnknownKind::Branch, name(), name()); }

void Vcvs::request_entries(PatternBuilder& p) {
    a_ = at(p, a_), b_ = at(p, b_), c_ = at(p, c_), d_ = at(p, d_);
    incidence_.request(p, a_, b_, k_);
    kc_ = p.request(k_, c_), kd_ = p.request(k_, d_);
}

void Vcvs::bind(const PatternBuilder& p) {
    incidence_.bind(p);
    p.resolve(kc_), p.resolve(kd_);
}

void Vcvs::load(LoadContext& ctx) {
    if (ctx.residual) {
        const double i = ctx.y[k_];
        ctx.residual[a_] += i;
        ctx.residual[b_] -= i;
        ctx.residual[k_] += ctx.y[a_] - ctx.y[b_] - gain_ * (ctx.y[c_] - ctx.y[d_]);
    }
    if (ctx.g) {
        incidence_.add(ctx.g);
        ctx.g[kc_] -= gain_;
        ctx.g[kd_] += gain_;
    }
}

Vccs::Vccs(const memspice::Element& e, Unknowns& u) : Element(e), gm_(e.value) {
    check(e, 4);
    a_ = u.node(e.nodes[0]), b_ = u.node(e.nodes[1]), c_ = u.node(e.nodes[2]), d_ = u.node(e.nodes[3]);
}

void Vccs::request_entries(PatternBuilder& p) {
    a_ = at(p, a_), b_ = at(p, b_), c_ = at(p, c_), d_ = at(p, d_);
    stamp_.request(p, a_, b_, c_, d_);
}

void Vccs::load(LoadContext& ctx) {
    if (ctx.residual) {
        const double i = gm_ * (ctx.y[c_] - ctx.y[d_]);
        ctx.residual[a_] += i;
        ctx.residual[b_] -= i;
    }
    if (ctx.g) stamp_.add(ctx.g, gm_);
}

Cccs::Cccs(const memspice::Element& e, Unknowns& u, const Element& control)
    : Element(e), control_(control), gain_(e.value) {
    check(e, 2);
    a_ = u.node(e.nodes[0]), b_ = u.node(e.nodes[1]);
}

void Cccs::request_entries(PatternBuilder& p) {
    a_ = at(p, a_), b_ = at(p, b_);
    k_ = control_.branch();
    ak_ = p.request(a_, k_), bk_ = p.request(b_, k_);
}

void Cccs::load(LoadContext& ctx) {
    if (ctx.residual) {
        const double i = gain_ * ctx.y[k_];
        ctx.residual[a_] += i;
        ctx.residual[b_] -= i;
    }
    if (ctx.g) {
        ctx.g[ak_] += gain_;
        ctx.g[bk_] -= gain_;
    }
}

Ccvs::Ccvs(const memspice::Element& e, Unknowns& u, const Element& control)
    : Element(e), control_(control), r_(e.value) {
    check(e, 2);
    a_ = u.node(e.nodes[0]), b_ = u.node(e.nodes[1]);
}

void Ccvs::add_unknowns(Unknowns& u) { k_ = u.add(UnknownKind::Branch, name(), name()); }

void Ccvs::request_entries(PatternBuilder& p) {
    a_ = at(p, a_), b_ = at(p, b_);
    kc_ = control_.branch();
    incidence_.request(p, a_, b_, k_);
    kkc_ = p.request(k_, kc_);
}

void Ccvs::bind(const PatternBuilder& p) {
    incidence_.bind(p);
    p.resolve(kkc_);
}

void Ccvs::load(LoadContext& ctx) {
    if (ctx.residual) {
        const double i = ctx.y[k_];
        ctx.residual[a_] += i;
        ctx.residual[b_] -= i;
        ctx.residual[k_] += ctx.y[a_] - ctx.y[b_] - r_ * ctx.y[kc_];
    }
    if (ctx.g) {
        incidence_.add(ctx.g);
        ctx.g[kkc_] -= r_;
    }
}

}  // namespace memspice::native
