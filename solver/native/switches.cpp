#include "solver/native/switches.hpp"

#include <algorithm>
#include <cmath>

#include "solver/native/model_parameters.hpp"

namespace memspice::native {

Switch::Switch(const memspice::Element& e, const Circuit& circuit, Unknowns& u, const SolverOptions& options,
               const Element* control)
    : Element(e), control_(control) {
    const bool voltage = e.type == ElementType::VoltageSwitch;
    if (e.nodes.size() != (voltage ? 4u : 2u))
        throw InputError(e.where, e.name + (voltage ? ": expected 4 nodes (n+ n- nc+ nc-)" : ": expected 2 nodes (n+ n-)"));
    a_ = u.node(e.nodes[0]), b_ = u.node(e.nodes[1]);
    if (voltage) c_ = u.node(e.nodes[2]), d_ = u.node(e.nodes[3]);
    const Model& model = find_model(circuit, e, {voltage ? "sw" : "csw"});
    const ParameterReader p(model.params, "switch model " + model.name, model.where,
                            voltage ? std::initializer_list<std::string_view>{"vt", "vh", "ron", "roff", "smooth"}
                                    : std::initializer_list<std::string_view>{"it", "ih", "ron", "roff", "smooth"});
    threshold_ = p.get(voltage ? "vt" : "it", 0);
    hysteresis_ = p.get(voltage ? "vh" : "ih", 0);
    if (hysteresis_ < 0) p.fail("negative hysteresis is not supported by the native engine");
    const double ron = p.get_checked({"ron"}, 1, 0, 1e300, true);
    g_on_ = 1 / ron;
    g_off_ = p.given("roff") ? 1 / p.get_checked({"roff"}, 1, 0, 1e300, true) : options.gmin;
    if (!(g_off_ > 0)) p.fail("roff must be given when gmin is 0");
    smooth_ = p.get_checked({"smooth"}, 0, 0);
    if (smooth_ > 0 && hysteresis_ != 0) p.fail("a smooth switch (smooth > 0) has no hysteresis: vh/ih must be 0");
    const ParameterReader inst(e.params, e.name, e.where, {"on", "off"});
    on_ = inst.given("on");
}

void Switch::request_entries(PatternBuilder& p) {
    a_ = at(p, a_), b_ = at(p, b_);
    stamp_.request(p, a_, b_);
    if (control_) k_ = control_->branch();
    else c_ = at(p, c_), d_ = at(p, d_);
    if (smooth_ > 0) {
        if (control_) {
            control_slots_[0] = p.request(a_, k_), control_slots_[1] = p.request(b_, k_);
        } else {
            control_slots_[0] = p.request(a_, c_), control_slots_[1] = p.request(a_, d_);
            control_slots_[2] = p.request(b_, c_), control_slots_[3] = p.request(b_, d_);
        }
    }
}

void Switch::bind(const PatternBuilder& p) {
    stamp_.bind(p);
    if (smooth_ > 0)
        for (int& s : control_slots_) p.resolve(s);
}

double Switch::control(const double* y) const { return control_ ? y[k_] : y[c_] - y[d_]; }

bool Switch::decide(double x) const {
    if (x > threshold_ + hysteresis_) return true;
    if (x < threshold_ - hysteresis_) return false;
    return on_;
}

void Switch::smooth_conductance(double x, double& g, double& dg) const {
    const double u = (x - threshold_) / smooth_;
    const double log_ratio = std::log(g_on_ / g_off_);
    double s = 0, ds = 0;
    if (u >= 1) {
        s = 1;
    } else if (u > -1) {
        s = (u + 1) * (u + 1) * (2 - u) / 4;
        ds = 3 * (1 - u * u) / 4 / smooth_;
    }
    g = g_off_ * std::exp(log_ratio * s);
    dg = g * log_ratio * ds;
}

void Switch::load(LoadContext& ctx) {
    const double v = ctx.y[a_] - ctx.y[b_];
    if (smooth_ > 0) {
        double g, dg;
        smooth_conductance(control(ctx.y), g, dg);
        if (ctx.residual) {
            ctx.residual[a_] += g * v;
            ctx.residual[b_] -= g * v;
        }
        if (ctx.g) {
            stamp_.add(ctx.g, g);
            const double t = dg * v;  // d(i)/d(control)
            if (control_) {
                ctx.g[control_slots_[0]] += t, ctx.g[control_slots_[1]] -= t;
            } else {
                ctx.g[control_slots_[0]] += t, ctx.g[control_slots_[1]] -= t;
                ctx.g[control_slots_[2]] -= t, ctx.g[control_slots_[3]] += t;
            }
        }
        return;
    }
    if (ctx.update_discrete) {
        const bool next = decide(control(ctx.y));
        if (next != on_) {
            on_ = next;
            ++ctx.nonconverged;
        }
    }
    const double g = on_ ? g_on_ : g_off_;
    if (ctx.residual) {
        ctx.residual[a_] += g * v;
        ctx.residual[b_] -= g * v;
    }
    if (ctx.g) stamp_.add(ctx.g, g);
}

void Switch::event_functions(const double* y, double* out) const {
    // Zero where the state must change: the off threshold when on, the on threshold when off.
    out[0] = control(y) - (on_ ? threshold_ - hysteresis_ : threshold_ + hysteresis_);
}

bool Switch::apply_events(const double*, const int* fired) {
    // The control crossed the threshold the current state watches: the state flips.
    if (!fired[0]) return false;
    on_ = !on_;
    return true;
}

bool Switch::accept(const double* y, double, Phase phase) {
    // In DC the Newton iteration settled the state. In a transient, a step can end past a
    // threshold without a reported crossing (a tangency): follow the control, and restart.
    if (phase != Phase::Transient) return false;
    const bool next = decide(control(y));
    const bool changed = next != on_;
    on_ = next;
    return changed;
}

}  // namespace memspice::native
