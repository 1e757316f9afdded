// Resistors, capacitors, inductors and inductor coupling.
#pragma once

#include "solver/native/element.hpp"
#include "solver/native/stamps.hpp"

namespace memspice::native {

// R n+ n- value [m=] [tc1=] [tc2=] [ac=]: conductance m / (R (1 + tc1 dT + tc2 dT^2)),
// dT = T - TNOM (ngspice's resistor, without the geometric model).
class Resistor final : public Element {
public:
    Resistor(const memspice::Element& e, Unknowns& u);
    void request_entries(PatternBuilder& p) override;
    void bind(const PatternBuilder& p) override { stamp_.bind(p); }
    void prepare(const AnalysisSetup& setup) override;
    void load(LoadContext& ctx) override;
    std::vector<int> terminals() const override { return {a_, b_}; }
    void topology(TopologySink& sink) const override { sink.conductive(a_, b_, name()); }
    double conductance() const { return g_; }

private:
    int a_, b_;
    double resistance_, m_, tc1_, tc2_;
    double g_ = 0;
    ConductanceStamp stamp_;
};

// C n+ n- value [m=] [ic=]: charge m C (v(n+) - v(n-)).
class Capacitor final : public Element {
public:
    Capacitor(const memspice::Element& e, Unknowns& u);
    void request_entries(PatternBuilder& p) override;
    void bind(const PatternBuilder& p) override { stamp_.bind(p); }
    void load(LoadContext& ctx) override;
    bool is_reactive() const override { return true; }
    std::vector<int> terminals() const override { return {a_, b_}; }

private:
    int a_, b_;
    double c_;
    bool has_ic_ = false;
    double ic_ = 0;
    ConductanceStamp stamp_;
};

// L n+ n- value [m=] [ic=]: branch current i, v(n+) - v(n-) = L di/dt (+ mutual terms from
// K elements). In DC a short circuit, in a uic start a current source of its initial current.
class Inductor final : public Element {
public:
    Inductor(const memspice::Element& e, Unknowns& u);
    void add_unknowns(Unknowns& u) override;
    void request_entries(PatternBuilder& p) override;
    void bind(const PatternBuilder& p) override;
    void load(LoadContext& ctx) override;
    bool is_reactive() const override { return true; }
    int branch() const override { return k_; }
    double inductance() const { return l_; }
    double initial_current() const { return ic_; }
    std::vector<int> terminals() const override { return {a_, b_, k_}; }
    void topology(TopologySink& sink) const override { sink.voltage_defining(a_, b_, name()); }

private:
    int a_, b_, k_ = -1;
    double l_;
    double ic_ = 0;
    BranchStamp incidence_;
    int kk_ = 0;
};

// K l1 l2 k: mutual inductance M = k sqrt(L1 L2) between two inductors' branch equations.
class Coupling final : public Element {
public:
    Coupling(const memspice::Element& e, const Inductor& l1, const Inductor& l2);
    void request_entries(PatternBuilder& p) override;
    void bind(const PatternBuilder& p) override { p.resolve(s12_), p.resolve(s21_); }
    void load(LoadContext& ctx) override;
    bool is_reactive() const override { return true; }
    std::vector<int> terminals() const override { return {l1_.branch(), l2_.branch()}; }

private:
    const Inductor& l1_;
    const Inductor& l2_;
    double m_;
    int s12_ = 0, s21_ = 0;
};

}  // namespace memspice::native
