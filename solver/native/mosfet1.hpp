// The level-1 MOSFET (Shichman-Hodges) with ngspice's equations, parameter names and
// defaults:
//   .model name nmos|pmos(level=1 vto kp gamma phi lambda rd rs rsh cbd cbs is js pb cgso
//                         cgdo cgbo cj mj cjsw mjsw fc tox u0 nsub nss tpg ld tnom)
//   M name d g s b model [w= l= m= ad= as= pd= ps= nrd= nrs=] [off]
// Drain current in cutoff / linear / saturation with channel-length modulation and body
// effect; drain and source swap for vds < 0; bulk junction diodes with gmin; series
// resistances through internal nodes `<name>#drain` and `<name>#source`; junction depletion
// capacitances; overlap capacitances; Meyer gate capacitances when tox is given (kp then
// defaults to u0 * eps_ox / tox). Newton steps are limited with fetlim, limvds and pnjlim.
#pragma once

#include "core/circuit.hpp"
#include "solver/native/element.hpp"
#include "solver/native/options.hpp"
#include "solver/native/stamps.hpp"

namespace memspice::native {

class Mosfet1 final : public Element {
public:
    Mosfet1(const memspice::Element& e, const Circuit& circuit, Unknowns& u, const SolverOptions& options);
    void add_unknowns(Unknowns& u) override;
    void request_entries(PatternBuilder& p) override;
    void bind(const PatternBuilder& p) override;
    void prepare(const AnalysisSetup& setup) override;
    void load(LoadContext& ctx) override;
    bool is_nonlinear() const override { return true; }
    bool is_reactive() const override { return has_charge_; }
    std::vector<int> terminals() const override { return {d_, g_, s_, b_, dp_, sp_}; }
    void topology(TopologySink& sink) const override;

    // Drain current and small-signal parameters at type-normalized terminal voltages.
    struct Operating {
        int mode = 1;          // 1: vds >= 0; -1: drain and source swapped
        double cdrain = 0;     // channel current of the (possibly swapped) device, >= 0
        double gm = 0, gds = 0, gmbs = 0;
        double von = 0, vdsat = 0;
        double cbs = 0, gbs = 0, cbd = 0, gbd = 0;  // bulk-source and bulk-drain junctions
    };
    Operating evaluate(double vgs, double vds, double vbs, double gmin) const;

private:
    void capacitances(const Operating& op, double vgs, double vds, double vbs, double& cgs, double& cgd, double& cgb,
                      double& cbs, double& cbd) const;

    int d_, g_, s_, b_, dp_ = -1, sp_ = -1;
    double type_;  // +1 nmos, -1 pmos
    bool off_;
    // Model parameters.
    double vto_, kp_, gamma_, phi_, lambda_, is_, js_, pb_, cgso_, cgdo_, cgbo_, cbd0_, cbs0_, cj_, mj_, cjsw_, mjsw_,
        fc_, cox_per_area_, ld_, tnom_k_;
    bool cbd_given_, cbs_given_, cj_given_, cjsw_given_;
    // Instance parameters.
    double w_, l_, m_, ad_, as_, pd_, ps_;
    double g_drain_ = 0, g_source_ = 0;
    bool has_charge_;
    // At the analysis temperature.
    double vt_ = 0, t_kp_ = 0, t_phi_ = 0, t_vbi_ = 0, t_vto_ = 0, t_bulk_pot_ = 0;
    double drain_sat_ = 0, source_sat_ = 0, drain_vcrit_ = 0, source_vcrit_ = 0;
    double czbd_ = 0, czbdsw_ = 0, czbs_ = 0, czbssw_ = 0;
    double beta_ = 0, oxide_cap_ = 0;
    // Limiting memory: type-normalized voltages of the previous Newton iteration.
    double vgs_last_ = 0, vds_last_ = 0, vbs_last_ = 0, von_last_ = 0;

    // Dense 4x4 block over (d', g, s', b), plus the series resistances.
    int block_[4][4] = {};
    ConductanceStamp drain_stamp_, source_stamp_;
};

}  // namespace memspice::native
