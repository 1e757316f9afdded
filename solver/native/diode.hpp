// The SPICE junction diode with ngspice's level-1 equations and defaults:
//   .model name d(is n rs cjo vj m fc tt bv ibv nbv eg xti tnom area)
//   D name anode cathode model [area] [m=] [off]
// Current: is (e^(vd/(n vt)) - 1) forward, the cubic reverse tail -is (1 + (3 n vt/(e vd))^3)
// below -3 n vt, and the breakdown exponential below -bv (bv matched to ibv as ngspice does);
// plus gmin across the junction. Charge: depletion (cjo, vj, m, linear beyond fc vj) and
// transit time tt * i. Series resistance rs / area through the internal node
// `<name>#internal`. Saturation current, junction potential and capacitance follow the
// temperature as in ngspice (eg, xti, tnom). Newton steps are limited with pnjlim.
#pragma once

#include "core/circuit.hpp"
#include "solver/native/element.hpp"
#include "solver/native/options.hpp"
#include "solver/native/stamps.hpp"

namespace memspice::native {

class Diode final : public Element {
public:
    Diode(const memspice::Element& e, const Circuit& circuit, Unknowns& u, const SolverOptions& options);
    void add_unknowns(Unknowns& u) override;
    void request_entries(PatternBuilder& p) override;
    void bind(const PatternBuilder& p) override;
    void prepare(const AnalysisSetup& setup) override;
    void load(LoadContext& ctx) override;
    bool is_nonlinear() const override { return true; }
    bool is_reactive() const override { return has_charge_; }
    std::vector<int> terminals() const override { return {anode_, cathode_, junction_}; }
    void topology(TopologySink& sink) const override;

    // Junction current and conductance at junction voltage vd (gmin included).
    struct Operating {
        double current, conductance;
    };
    Operating evaluate(double vd, double gmin) const;
    double capacitance(double vd, double conductance) const;

private:
    int anode_, cathode_, junction_ = -1;  // junction_: internal node, or the anode without rs
    bool off_;
    double reltol_;
    // Model parameters (area and multiplier applied).
    double is_, n_, rs_, cjo_, vj_, m_, fc_, tt_, bv_, ibv_, nbv_, eg_, xti_, tnom_k_;
    bool has_bv_, has_charge_;
    double area_;
    // At the analysis temperature.
    double vt_ = 0, t_is_ = 0, t_vj_ = 0, t_cjo_ = 0, t_vcrit_ = 0, t_bv_ = 0, g_rs_ = 0;
    double v_last_ = 0;  // junction voltage of the previous Newton iteration (limiting)

    ConductanceStamp junction_stamp_, series_stamp_;  // the junction's charge uses junction_stamp_ too
};

}  // namespace memspice::native
