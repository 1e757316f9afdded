// Independent voltage and current sources (waveforms from core/source_function.hpp).
#pragma once

#include <optional>

#include "core/source_function.hpp"
#include "solver/native/element.hpp"
#include "solver/native/stamps.hpp"

namespace memspice::native {

// Shared by V and I: the waveform, the DC value (or the value a DC sweep sets) and the AC phasor.
class SourceValue {
public:
    SourceValue(const memspice::Element& e);
    void prepare(const AnalysisSetup& setup);
    // The value the source has in `ctx` (DC: DC value x source scale; transient: waveform).
    double at(const LoadContext& ctx) const;
    double next_breakpoint(double t) const { return function_.next_breakpoint(t); }
    std::complex<double> phasor() const { return phasor_; }
    void set_sweep_value(std::optional<double> v) { sweep_ = v; }
    double dc_value() const { return sweep_ ? *sweep_ : function_.dc_value(); }

private:
    SourceSpec spec_;
    std::string name_;
    SourceLocation where_;
    SourceFunction function_;
    std::optional<double> sweep_;
    std::complex<double> phasor_;
};

// V n+ n- ...: branch current i (into n+, through the source, out of n-), v(n+) - v(n-) = V.
class VoltageSource final : public Element {
public:
    VoltageSource(const memspice::Element& e, Unknowns& u);
    void add_unknowns(Unknowns& u) override;
    void request_entries(PatternBuilder& p) override;
    void bind(const PatternBuilder& p) override { incidence_.bind(p); }
    void prepare(const AnalysisSetup& setup) override { value_.prepare(setup); }
    void load(LoadContext& ctx) override;
    int branch() const override { return k_; }
    std::vector<int> terminals() const override { return {a_, b_, k_}; }
    void topology(TopologySink& sink) const override { sink.voltage_defining(a_, b_, name()); }
    bool has_breakpoints() const override { return true; }
    double next_breakpoint(double t) const override { return value_.next_breakpoint(t); }
    void ac_stimulus(std::vector<std::complex<double>>& rhs) const override;
    SourceValue& value() { return value_; }

private:
    int a_, b_, k_ = -1;
    SourceValue value_;
    BranchStamp incidence_;
};

// I n+ n- ...: a current flowing from n+ through the source to n-.
class CurrentSource final : public Element {
public:
    CurrentSource(const memspice::Element& e, Unknowns& u);
    void request_entries(PatternBuilder& p) override { a_ = at(p, a_), b_ = at(p, b_); }
    void bind(const PatternBuilder&) override {}
    void prepare(const AnalysisSetup& setup) override { value_.prepare(setup); }
    void load(LoadContext& ctx) override;
    std::vector<int> terminals() const override { return {a_, b_}; }
    bool has_breakpoints() const override { return true; }
    double next_breakpoint(double t) const override { return value_.next_breakpoint(t); }
    void ac_stimulus(std::vector<std::complex<double>>& rhs) const override;
    SourceValue& value() { return value_; }

private:
    int a_, b_;
    SourceValue value_;
};

}  // namespace memspice::native
