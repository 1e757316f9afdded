// Voltage- and current-controlled switches.
//
// Ideal switches, with ngspice's sw / csw semantics:
//   .model name sw(vt= vh= ron= roff=)       S name n+ n- nc+ nc- model [on|off]
//   .model name csw(it= ih= ron= roff=)      W name n+ n- vcontrol model [on|off]
// The switch turns on when the control exceeds vt + vh, off when it falls below vt - vh,
// and otherwise keeps its state (defaults: vt = vh = 0, ron = 1, roff = 1/gmin). In DC the
// state is re-decided at every Newton iteration from the iterate, as ngspice does; in a
// transient the state is fixed between events, and IDA's root finding locates the time the
// control crosses the threshold, where the switch changes state and the integration
// restarts. Negative hysteresis (ngspice's special meaning) is rejected.
//
// Smooth switches (a memspice extension, no ngspice counterpart): the model parameter
// `smooth=w` (w > 0, in V for sw and A for csw) makes the conductance a smooth function of
// the control x, log-interpolated between roff and ron:
//   g(x) = exp(ln(1/roff) + ln(roff/ron) * s(u)),  u = (x - vt)/w clamped to [-1, 1],
//   s(u) = (u + 1)^2 (2 - u) / 4   (0 at u = -1, 1 at u = +1, zero slope at both ends).
// No state, no hysteresis (vh must be 0): Newton and IDA see a C1 function. For ngspice the
// same law can be written as a B source.
#pragma once

#include "core/circuit.hpp"
#include "solver/native/element.hpp"
#include "solver/native/options.hpp"
#include "solver/native/stamps.hpp"

namespace memspice::native {

class Switch final : public Element {
public:
    // `control`: for W, the element whose branch current controls the switch; null for S.
    Switch(const memspice::Element& e, const Circuit& circuit, Unknowns& u, const SolverOptions& options,
           const Element* control);
    void request_entries(PatternBuilder& p) override;
    void bind(const PatternBuilder& p) override;
    void load(LoadContext& ctx) override;
    bool is_nonlinear() const override { return true; }
    std::vector<int> terminals() const override { return {a_, b_}; }
    void topology(TopologySink& sink) const override { sink.conductive(a_, b_, name()); }

    int event_count() const override { return smooth_ > 0 ? 0 : 1; }
    void event_functions(const double* y, double* out) const override;
    bool apply_events(const double* y, const int* fired) override;
    bool has_memory() const override { return smooth_ == 0; }
    bool accept(const double* y, double t, Phase phase) override;

    bool is_on() const { return on_; }
    // Smooth switch conductance and its derivative with respect to the control.
    void smooth_conductance(double x, double& g, double& dg) const;

private:
    double control(const double* y) const;
    // The state that a control value x leads to from the current state (hysteresis).
    bool decide(double x) const;

    int a_, b_;
    int c_ = -1, d_ = -1;          // S: control nodes
    const Element* control_ = nullptr;  // W: controlling branch element
    int k_ = -1;                   // W: its branch unknown
    double threshold_, hysteresis_, g_on_, g_off_, smooth_;
    bool on_;
    ConductanceStamp stamp_;
    int control_slots_[4] = {0, 0, 0, 0};  // smooth: rows (a, b) x control (c, d) or (k)
};

}  // namespace memspice::native
