// Linear controlled sources E (VCVS), F (CCCS), G (VCCS) and H (CCVS). The controlling
// current of F and H is the branch current of a V source, inductor, E, H or B v= source.
#pragma once

#include "solver/native/element.hpp"
#include "solver/native/stamps.hpp"

namespace memspice::native {

// E n+ n- nc+ nc- gain: branch current i, v(n+) - v(n-) = gain (v(nc+) - v(nc-)).
class Vcvs final : public Element {
public:
    Vcvs(const memspice::Element& e, Unknowns& u);
    void add_unknowns(Unknowns& u) override;
    void request_entries(PatternBuilder& p) override;
    void bind(const PatternBuilder& p) override;
    void load(LoadContext& ctx) override;
    int branch() const override { return k_; }
    std::vector<int> terminals() const override { return {a_, b_, c_, d_, k_}; }
    void topology(TopologySink& sink) const override { sink.voltage_defining(a_, b_, name()); }

private:
    int a_, b_, c_, d_, k_ = -1;
    double gain_;
    BranchStamp incidence_;
    int kc_ = 0, kd_ = 0;
};

// G n+ n- nc+ nc- gm: a current gm (v(nc+) - v(nc-)) from n+ through the source to n-.
class Vccs final : public Element {
public:
    Vccs(const memspice::Element& e, Unknowns& u);
    void request_entries(PatternBuilder& p) override;
    void bind(const PatternBuilder& p) override { stamp_.bind(p); }
    void load(LoadContext& ctx) override;
    std::vector<int> terminals() const override { return {a_, b_, c_, d_}; }

private:
    int a_, b_, c_, d_;
    double gm_;
    TransconductanceStamp stamp_;
};

// F n+ n- vcontrol gain: a current gain * i(vcontrol) from n+ through the source to n-.
class Cccs final : public Element {
public:
    Cccs(const memspice::Element& e, Unknowns& u, const Element& control);
    void request_entries(PatternBuilder& p) override;
    void bind(const PatternBuilder& p) override { p.resolve(ak_), p.resolve(bk_); }
    void load(LoadContext& ctx) override;
    std::vector<int> terminals() const override { return {a_, b_}; }

private:
    int a_, b_;
    const Element& control_;
    int k_ = -1;
    double gain_;
    int ak_ = 0, bk_ = 0;
};

// H n+ n- vcontrol r: branch current i, v(n+) - v(n-) = r * i(vcontrol).
class Ccvs final : public Element {
public:
    Ccvs(const memspice::Element& e, Unknowns& u, const Element& control);
    void add_unknowns(Unknowns& u) override;
    void request_entries(PatternBuilder& p) override;
    void bind(const PatternBuilder& p) override;
    void load(LoadContext& ctx) override;
    int branch() const override { return k_; }
    std::vector<int> terminals() const override { return {a_, b_, k_}; }
    void topology(TopologySink& sink) const override { sink.voltage_defining(a_, b_, name()); }

private:
    int a_, b_, k_ = -1;
    const Element& control_;
    int kc_ = -1;
    double r_;
    BranchStamp incidence_;
    int kkc_ = 0;
};

}  // namespace memspice::native
