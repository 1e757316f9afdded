#include "solver/native/diode.hpp"

#include <cmath>
#include <numbers>

#include "core/units.hpp"
#include "solver/native/model_parameters.hpp"
#include "solver/native/semiconductor.hpp"

namespace memspice::native {

namespace sc = semiconductor;

Diode::Diode(const memspice::Element& e, const Circuit& circuit, Unknowns& u, const SolverOptions& options)
    : Element(e), reltol_(options.reltol) {
    if (e.nodes.size() != 2) throw InputError(e.where, e.name + ": expected 2 nodes (anode cathode)");
    anode_ = u.node(e.nodes[0]);
    cathode_ = u.node(e.nodes[1]);
    const Model& model = find_model(circuit, e, {"d"});
    const ParameterReader p(model.params, "diode model " + model.name, model.where,
                            {"is", "js", "n", "rs", "cjo", "cj0", "cj", "vj", "pb", "m", "mj", "fc", "tt", "bv", "vb",
                             "ibv", "ib", "nbv", "eg", "xti", "tnom", "area", "level"},
                            {"kf", "af"});
    if (p.get("level", 1) != 1) p.fail("only level 1 is supported by the native engine");
    is_ = p.get_checked({"is", "js"}, 1e-14, 0, 1e300, true);
    n_ = p.get_checked({"n"}, 1, 0, 1e300, true);
    rs_ = p.get_checked({"rs"}, 0, 0);
    cjo_ = p.get_checked({"cjo", "cj0", "cj"}, 0, 0);
    vj_ = p.get_checked({"vj", "pb"}, 1, 0, 1e300, true);
    m_ = p.get_checked({"m", "mj"}, 0.5, 0, 0.9);
    fc_ = p.get_checked({"fc"}, 0.5, 0, 0.95);
    tt_ = p.get_checked({"tt"}, 0, 0);
    has_bv_ = p.given("bv") || p.given("vb");
    bv_ = has_bv_ ? p.get_checked({"bv", "vb"}, 0, 0, 1e300, true) : 0;
    ibv_ = p.get_checked({"ibv", "ib"}, 1e-3, 0, 1e300, true);
    nbv_ = p.get_checked({"nbv"}, n_, 0, 1e300, true);
    eg_ = p.get_checked({"eg"}, 1.11, 0.1);
    xti_ = p.get({"xti"}, 3);
    tnom_k_ = p.given("tnom") ? p.get("tnom", 27) + 273.15 : options.tnom_k();

    const ParameterReader inst(e.params, e.name, e.where, {"area", "m", "off", "ic", "temp", "dtemp"});
    double area = inst.get_checked({"area"}, e.value != 0 ? e.value : p.get("area", 1), 0, 1e300, true);
    const double multiplier = inst.get_checked({"m"}, 1, 0, 1e300, true);
    if (inst.given("temp") || inst.given("dtemp")) inst.fail("instance temperatures are not supported by the native engine");
    area *= multiplier;
    area_ = area;
    off_ = inst.given("off");
    ibv_ *= multiplier;  // ngspice level 1: the breakdown current scales with m, not the area
    has_charge_ = cjo_ > 0 || tt_ > 0;
}

void Diode::add_unknowns(Unknowns& u) {
    junction_ = rs_ > 0 ? u.add(UnknownKind::Internal, name() + "#internal", name()) : anode_;
}

void Diode::request_entries(PatternBuilder& p) {
    anode_ = at(p, anode_), cathode_ = at(p, cathode_), junction_ = at(p, junction_);
    junction_stamp_.request(p, junction_, cathode_);
    if (rs_ > 0) series_stamp_.request(p, anode_, junction_);
    if (has_charge_) p.mark_differential(junction_), p.mark_differential(cathode_);
}

void Diode::bind(const PatternBuilder& p) {
    junction_stamp_.bind(p);
    if (rs_ > 0) series_stamp_.bind(p);
}

void Diode::topology(TopologySink& sink) const {
    sink.conductive(junction_, cathode_, name());
    if (rs_ > 0) sink.conductive(anode_, junction_, name());
}

void Diode::prepare(const AnalysisSetup& setup) {
    const double temp = setup.temperature_k, tnom = tnom_k_;
    vt_ = sc::thermal_voltage(temp);
    const double vte = n_ * vt_;
    const auto junction = sc::junction_at(vj_, cjo_ * area_, m_, tnom, temp);
    t_vj_ = junction.potential;
    t_cjo_ = junction.capacitance;
    if (fc_ * t_vj_ > 1) t_vj_ = 1 / fc_;  // ngspice limits the junction potential to 1/fc
    const double ratio = temp / tnom;
    t_is_ = is_ * area_ * std::exp((ratio - 1) * eg_ / vte + xti_ / n_ * std::log(ratio));
    t_vcrit_ = vte * std::log(vte / (std::numbers::sqrt2 * t_is_));
    g_rs_ = rs_ > 0 ? area_ / rs_ : 0;
    if (has_bv_) {
        // Move the breakdown voltage so that the current at -bv is ibv (ngspice's matching).
        const double cbv = ibv_, vtb = nbv_ * vt_;
        double xbv = bv_;
        if (cbv >= t_is_ * bv_ / vt_) {
            const double tol = reltol_ * cbv;
            xbv = bv_ - vtb * std::log(1 + cbv / t_is_);
            for (int iteration = 0; iteration < 25; ++iteration) {
                xbv = bv_ - vtb * std::log(cbv / t_is_ + 1 - xbv / vt_);
                const double xcbv = t_is_ * (std::exp((bv_ - xbv) / vtb) - 1 + xbv / vt_);
                if (std::abs(xcbv - cbv) <= tol) break;
            }
        }
        t_bv_ = xbv;
    }
}

Diode::Operating Diode::evaluate(double vd, double gmin) const {
    const double vte = n_ * vt_;
    double current, conductance;
    if (vd >= -3 * vte) {
        const double e = std::exp(std::min(vd / vte, sc::kMaxExpArgument));
        current = t_is_ * (e - 1);
        conductance = t_is_ * e / vte;
    } else if (!has_bv_ || vd >= -t_bv_) {
        double arg = 3 * vte / (vd * std::numbers::e);
        arg = arg * arg * arg;
        current = -t_is_ * (1 + arg);
        conductance = t_is_ * 3 * arg / vd;
    } else {
        const double vtb = nbv_ * vt_;
        const double e = std::exp(std::min(-(t_bv_ + vd) / vtb, sc::kMaxExpArgument));
        current = -t_is_ * e;
        conductance = t_is_ * e / vtb;
    }
    return {current + gmin * vd, conductance + gmin};
}

double Diode::capacitance(double vd, double conductance) const {
    return sc::depletion_capacitance(vd, t_cjo_, t_vj_, m_, fc_) + tt_ * conductance;
}

void Diode::load(LoadContext& ctx) {
    const double v_raw = ctx.y[junction_] - ctx.y[cathode_];
    double vd = v_raw;
    if (ctx.limiting == Limiting::InitJunctions) {
        vd = off_ ? 0 : t_vcrit_;
        ++ctx.nonconverged;
    } else if (ctx.limiting == Limiting::On) {
        bool limited = false;
        const double vtb = nbv_ * vt_;
        if (has_bv_ && vd < std::min(0.0, -t_bv_ + 10 * vtb)) {
            const double mirrored = sc::pnjlim(-(vd + t_bv_), -(v_last_ + t_bv_), vtb, t_vcrit_, limited);
            vd = -(mirrored + t_bv_);
        } else {
            vd = sc::pnjlim(vd, v_last_, n_ * vt_, t_vcrit_, limited);
        }
        if (limited) ++ctx.nonconverged;
    }
    if (ctx.limiting != Limiting::Off) v_last_ = vd;

    const Operating op = evaluate(vd, ctx.gmin);
    if (ctx.residual) {
        // Linearized around the limited voltage when limiting moved it (SPICE's companion model).
        double i = op.current + op.conductance * (v_raw - vd);
        if (ctx.ydot && has_charge_) i += capacitance(vd, op.conductance) * (ctx.ydot[junction_] - ctx.ydot[cathode_]);
        ctx.residual[junction_] += i;
        ctx.residual[cathode_] -= i;
        if (rs_ > 0) {
            const double ir = g_rs_ * (ctx.y[anode_] - ctx.y[junction_]);
            ctx.residual[anode_] += ir;
            ctx.residual[junction_] -= ir;
        }
    }
    if (ctx.g) {
        junction_stamp_.add(ctx.g, op.conductance);
        if (rs_ > 0) series_stamp_.add(ctx.g, g_rs_);
    }
    if (ctx.c && has_charge_) junction_stamp_.add(ctx.c, ctx.cj * capacitance(vd, op.conductance));
}

}  // namespace memspice::native
