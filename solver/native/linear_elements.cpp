#include "solver/native/linear_elements.hpp"

#include <cmath>

#include "core/units.hpp"

namespace memspice::native {

namespace {

double param(const memspice::Element& e, const char* name, double fallback) {
    const auto it = e.params.find(name);
    return it == e.params.end() ? fallback : it->second;
}

int node(const memspice::Element& e, std::size_t k, Unknowns& u) { return u.node(e.nodes.at(k)); }

void require_nodes(const memspice::Element& e, std::size_t count) {
    if (e.nodes.size() != count)
        throw InputError(e.where, e.name + ": expected " + std::to_string(count) + " nodes, got " +
                                      std::to_string(e.nodes.size()));
}

}  // namespace

Resistor::Resistor(const memspice::Element& e, Unknowns& u)
    : Element(e), resistance_(e.value), m_(param(e, "m", 1)), tc1_(param(e, "tc1", 0)),
      tc2_(param(e, "tc2", 0)) {
    require_nodes(e, 2);
    a_ = node(e, 0, u), b_ = node(e, 1, u);
    if (!std::isfinite(resistance_) || resistance_ == 0)
        throw InputError(e.where, e.name + ": resistance must be a non-zero finite number, got " +
                                      format_number(resistance_));
    if (!(m_ > 0)) throw InputError(e.where, e.name + ": m must be positive");
}

void Resistor::request_entries(PatternBuilder& p) {
    a_ = at(p, a_), b_ = at(p, b_);
    stamp_.request(p, a_, b_);
}

void Resistor::prepare(const AnalysisSetup& setup) {
    const double dt = setup.temperature_k - setup.tnom_k;
    g_ = m_ / (resistance_ * (1 + tc1_ * dt + tc2_ * dt * dt));
}

void Resistor::load(LoadContext& ctx) {
    if (ctx.residual) {
        const double i = g_ * (ctx.y[a_] - ctx.y[b_]);
        ctx.residual[a_] += i;
        ctx.residual[b_] -= i;
    }
    if (ctx.g) stamp_.add(ctx.g, g_);
}

Capacitor::Capacitor(const memspice::Element& e, Unknowns& u) : Element(e), c_(e.value * param(e, "m", 1)) {
    require_nodes(e, 2);
    a_ = node(e, 0, u), b_ = node(e, 1, u);
    if (!std::isfinite(c_)) throw InputError(e.where, e.name + ": capacitance must be finite");
    if (const auto it = e.params.find("ic"); it != e.params.end()) has_ic_ = true, ic_ = it->second;
}

void Capacitor::request_entries(PatternBuilder& p) {
    a_ = at(p, a_), b_ = at(p, b_);
    stamp_.request(p, a_, b_);
    p.mark_differential(a_), p.mark_differential(b_);
}

void Capacitor::load(LoadContext& ctx) {
    if (ctx.phase == Phase::UicInit) {
        // Held at its initial voltage (ic=, else the initial node voltages of the uic start)
        // by a stiff conductance, the way ngspice forces .ic nodes.
        constexpr double kHold = 1e10;
        if (ctx.residual) {
            const double target = has_ic_ ? ic_ : ctx.y_hold[a_] - ctx.y_hold[b_];
            const double i = kHold * (ctx.y[a_] - ctx.y[b_] - target);
            ctx.residual[a_] += i;
            ctx.residual[b_] -= i;
        }
        if (ctx.g) stamp_.add(ctx.g, kHold);
        return;
    }
    if (ctx.residual && ctx.ydot) {
        const double i = c_ * (ctx.ydot[a_] - ctx.ydot[b_]);
        ctx.residual[a_] += i;
        ctx.residual[b_] -= i;
    }
    if (ctx.c) stamp_.add(ctx.c, ctx.cj * c_);
}

Inductor::Inductor(const memspice::Element& e, Unknowns& u) : Element(e) {
    require_nodes(e, 2);
    a_ = node(e, 0, u), b_ = node(e, 1, u);
    const double m = param(e, "m", 1);
    if (!(m > 0)) throw InputError(e.where, e.name + ": m must be positive");
    l_ = e.value / m;
    if (!std::isfinite(l_)) throw InputError(e.where, e.name + ": inductance must be finite");
    ic_ = param(e, "ic", 0);
}

void Inductor::add_unknowns(Unknowns& u) { k_ = u.add(UnknownKind::Branch, name(), name()); }

void Inductor::request_entries(PatternBuilder& p) {
    a_ = at(p, a_), b_ = at(p, b_);
    incidence_.request(p, a_, b_, k_);
    kk_ = p.request_reactive(k_, k_);
}

void Inductor::bind(const PatternBuilder& p) {
    incidence_.bind(p);
    p.resolve(kk_);
}

void Inductor::load(LoadContext& ctx) {
    const double i = ctx.y[k_];
    if (ctx.phase == Phase::UicInit) {
        // A current source of its initial current: KCL terms as usual, branch row i = ic.
        if (ctx.residual) {
            ctx.residual[a_] += i;
            ctx.residual[b_] -= i;
            ctx.residual[k_] += i - ic_;
        }
        if (ctx.g) {
            ctx.g[incidence_.a_k] += 1, ctx.g[incidence_.b_k] -= 1;
            ctx.g[kk_] += 1;
        }
        return;
    }
    if (ctx.residual) {
        ctx.residual[a_] += i;
        ctx.residual[b_] -= i;
        ctx.residual[k_] += ctx.y[a_] - ctx.y[b_];
        if (ctx.ydot) ctx.residual[k_] -= l_ * ctx.ydot[k_];
    }
    if (ctx.g) incidence_.add(ctx.g);
    if (ctx.c) ctx.c[kk_] -= ctx.cj * l_;
}

Coupling::Coupling(const memspice::Element& e, const Inductor& l1, const Inductor& l2)
    : Element(e), l1_(l1), l2_(l2) {
    const double k = e.value;
    if (!(std::abs(k) <= 1))
        throw InputError(e.where, e.name + ": coupling coefficient must be in [-1, 1], got " + format_number(k));
    const double product = l1.inductance() * l2.inductance();
    if (product < 0) throw InputError(e.where, e.name + ": coupled inductances must have the same sign");
    m_ = k * std::sqrt(product);
}

void Coupling::request_entries(PatternBuilder& p) {
    s12_ = p.request_reactive(l1_.branch(), l2_.branch());
    s21_ = p.request_reactive(l2_.branch(), l1_.branch());
}

void Coupling::load(LoadContext& ctx) {
    if (ctx.phase == Phase::Dc || ctx.phase == Phase::UicInit) return;
    const int k1 = l1_.branch(), k2 = l2_.branch();
    if (ctx.residual && ctx.ydot) {
        ctx.residual[k1] -= m_ * ctx.ydot[k2];
        ctx.residual[k2] -= m_ * ctx.ydot[k1];
    }
    if (ctx.c) {
        ctx.c[s12_] -= ctx.cj * m_;
        ctx.c[s21_] -= ctx.cj * m_;
    }
}

}  // namespace memspice::native
