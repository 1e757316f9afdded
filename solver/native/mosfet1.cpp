#include "solver/native/mosfet1.hpp"

#include <cmath>
#include <numbers>

#include "solver/native/model_parameters.hpp"
#include "solver/native/semiconductor.hpp"

namespace memspice::native {

namespace sc = semiconductor;

namespace {

// Meyer's gate capacitances (the voltage-dependent parts, without overlaps) of a device in
// normal mode: vgs, vgd, von, vdsat type-normalized; cox the total oxide capacitance.
void meyer(double vgs, double vgd, double von, double vdsat, double phi, double cox, double& cgs, double& cgd,
           double& cgb) {
    constexpr double kMinVdsat = 0.025;  // ngspice's floor, keeps the formulas finite
    const double vgst = vgs - von;
    vdsat = std::max(vdsat, kMinVdsat);
    const double vds = vgs - vgd;
    if (vgst <= -phi) {
        cgb = cox / 2, cgs = 0, cgd = 0;
    } else if (vgst <= -phi / 2) {
        cgb = -vgst * cox / (2 * phi), cgs = 0, cgd = 0;
    } else if (vgst <= 0) {
        cgb = -vgst * cox / (2 * phi);
        cgs = vgst * cox / (1.5 * phi) + cox / 3;
        if (vds >= vdsat) {
            cgd = 0;
        } else {
            const double vddif = 2 * vdsat - vds, vddif1 = vdsat - vds, vddif2 = vddif * vddif;
            cgd = cgs * (1 - vdsat * vdsat / vddif2);
            cgs = cgs * (1 - vddif1 * vddif1 / vddif2);
        }
    } else if (vdsat <= vds) {
        cgs = cox / 3, cgd = 0, cgb = 0;
    } else {
        const double vddif = 2 * vdsat - vds, vddif1 = vdsat - vds, vddif2 = vddif * vddif;
        cgd = cox * (1 - vdsat * vdsat / vddif2) / 3;
        cgs = cox * (1 - vddif1 * vddif1 / vddif2) / 3;
        cgb = 0;
    }
    // ngspice keeps half of each and adds the previous time point's half; at one point in
    // time the total is twice the value computed here.
    cgs *= 2, cgd *= 2, cgb *= 2;
}

}  // namespace

Mosfet1::Mosfet1(const memspice::Element& e, const Circuit& circuit, Unknowns& u, const SolverOptions& options)
    : Element(e) {
    if (e.nodes.size() != 4) throw InputError(e.where, e.name + ": expected 4 nodes (drain gate source bulk)");
    d_ = u.node(e.nodes[0]), g_ = u.node(e.nodes[1]), s_ = u.node(e.nodes[2]), b_ = u.node(e.nodes[3]);
    const Model& model = find_model(circuit, e, {"nmos", "pmos"});
    type_ = model.type == "nmos" ? 1 : -1;
    const ParameterReader p(model.params, "MOSFET model " + model.name, model.where,
                            {"level", "vto", "vt0", "kp", "gamma", "phi", "lambda", "rd", "rs", "rsh", "cbd", "cbs", "is",
                             "js", "pb", "cgso", "cgdo", "cgbo", "cj", "mj", "cjsw", "mjsw", "fc", "tox", "u0", "uo",
                             "nsub", "nss", "tpg", "ld", "tnom"},
                            {"kf", "af"});
    if (p.get("level", 1) != 1) p.fail("only level 1 is supported by the native engine");
    tnom_k_ = p.given("tnom") ? p.get("tnom", 27) + 273.15 : options.tnom_k();
    vto_ = p.get({"vto", "vt0"}, 0);
    gamma_ = p.get_checked({"gamma"}, 0, 0);
    phi_ = p.get_checked({"phi"}, 0.6, 0, 1e300, true);
    lambda_ = p.get_checked({"lambda"}, 0, 0);
    is_ = p.get_checked({"is"}, 1e-14, 0);
    js_ = p.get_checked({"js"}, 0, 0);
    pb_ = p.get_checked({"pb"}, 0.8, 0, 1e300, true);
    cgso_ = p.get_checked({"cgso"}, 0, 0), cgdo_ = p.get_checked({"cgdo"}, 0, 0), cgbo_ = p.get_checked({"cgbo"}, 0, 0);
    cbd0_ = p.get_checked({"cbd"}, 0, 0), cbs0_ = p.get_checked({"cbs"}, 0, 0);
    cj_ = p.get_checked({"cj"}, 0, 0), cjsw_ = p.get_checked({"cjsw"}, 0, 0);
    mj_ = p.get_checked({"mj"}, 0.5, 0, 0.99), mjsw_ = p.get_checked({"mjsw"}, 0.5, 0, 0.99);
    fc_ = p.get_checked({"fc"}, 0.5, 0, 0.95);
    ld_ = p.get_checked({"ld"}, 0, 0);
    cbd_given_ = p.given("cbd"), cbs_given_ = p.given("cbs"), cj_given_ = p.given("cj"), cjsw_given_ = p.given("cjsw");
    kp_ = p.get_checked({"kp"}, 2e-5, 0);

    // Process parameters (ngspice: kp from u0 and tox when kp is absent; vto, gamma and phi
    // from the substrate doping nsub when those are absent).
    const double tox = p.get_checked({"tox"}, 0, 0);
    cox_per_area_ = tox > 0 ? sc::kEpsilonOxide / tox : 0;
    if (tox > 0) {
        if (!p.given("kp")) kp_ = p.get({"u0", "uo"}, 600) * cox_per_area_ * 1e-4;
        if (p.given("nsub")) {
            const double nsub = p.get("nsub", 0) * 1e6;  // cm^-3 -> m^-3
            if (!(nsub > 1.45e16)) p.fail("nsub must exceed the intrinsic density 1.45e10 cm^-3");
            const double vtnom = sc::thermal_voltage(tnom_k_);
            const double egfet1 = sc::band_gap(tnom_k_);
            if (!p.given("phi")) phi_ = std::max(0.1, 2 * vtnom * std::log(nsub / 1.45e16));
            const double fermis = type_ * 0.5 * phi_;
            double wkfng = 3.2;
            const double tpg = p.get("tpg", 1);
            if (tpg != 0) wkfng = 3.25 + 0.5 * egfet1 - type_ * tpg * 0.5 * egfet1;
            const double wkfngs = wkfng - (3.25 + 0.5 * egfet1 + fermis);
            if (!p.given("gamma")) gamma_ = std::sqrt(2 * sc::kEpsilonSilicon * sc::kCharge * nsub) / cox_per_area_;
            if (!p.given("vto") && !p.given("vt0")) {
                const double vfb = wkfngs - p.get("nss", 0) * 1e4 * sc::kCharge / cox_per_area_;
                vto_ = vfb + type_ * (gamma_ * std::sqrt(phi_) + phi_);
            }
        }
    }

    const ParameterReader inst(e.params, e.name, e.where,
                               {"w", "l", "m", "ad", "as", "pd", "ps", "nrd", "nrs", "off", "ic"}, {});
    w_ = inst.get_checked({"w"}, circuit.option_number("defw", 100e-6), 0, 1e300, true);
    l_ = inst.get_checked({"l"}, circuit.option_number("defl", 100e-6), 0, 1e300, true);
    m_ = inst.get_checked({"m"}, 1, 0, 1e300, true);
    ad_ = inst.get_checked({"ad"}, circuit.option_number("defad", 0), 0);
    as_ = inst.get_checked({"as"}, circuit.option_number("defas", 0), 0);
    pd_ = inst.get_checked({"pd"}, 0, 0), ps_ = inst.get_checked({"ps"}, 0, 0);
    off_ = inst.given("off");
    if (!(l_ - 2 * ld_ > 0)) inst.fail("effective channel length l - 2 ld must be positive");

    const double rd = p.get("rd", 0), rs = p.get("rs", 0), rsh = p.get("rsh", 0);
    const double nrd = inst.get("nrd", 1), nrs = inst.get("nrs", 1);
    if (p.given("rd")) g_drain_ = rd != 0 ? m_ / rd : 0;
    else if (rsh != 0 && nrd != 0) g_drain_ = m_ / (rsh * nrd);
    if (p.given("rs")) g_source_ = rs != 0 ? m_ / rs : 0;
    else if (rsh != 0 && nrs != 0) g_source_ = m_ / (rsh * nrs);

    const double leff = l_ - 2 * ld_;
    oxide_cap_ = cox_per_area_ * leff * m_ * w_;
    has_charge_ = oxide_cap_ > 0 || cgso_ > 0 || cgdo_ > 0 || cgbo_ > 0 || cbd0_ > 0 || cbs0_ > 0 ||
                  (cj_ > 0 && (ad_ > 0 || as_ > 0)) || (cjsw_ > 0 && (pd_ > 0 || ps_ > 0));
}

void Mosfet1::add_unknowns(Unknowns& u) {
    dp_ = g_drain_ > 0 ? u.add(UnknownKind::Internal, name() + "#drain", name()) : d_;
    sp_ = g_source_ > 0 ? u.add(UnknownKind::Internal, name() + "#source", name()) : s_;
}

void Mosfet1::request_entries(PatternBuilder& p) {
    d_ = at(p, d_), g_ = at(p, g_), s_ = at(p, s_), b_ = at(p, b_), dp_ = at(p, dp_), sp_ = at(p, sp_);
    const int nodes[4] = {dp_, g_, sp_, b_};
    for (int r = 0; r < 4; ++r)
        for (int c = 0; c < 4; ++c) block_[r][c] = p.request(nodes[r], nodes[c]);
    if (g_drain_ > 0) drain_stamp_.request(p, d_, dp_);
    if (g_source_ > 0) source_stamp_.request(p, s_, sp_);
    if (has_charge_)
        for (int node : nodes) p.mark_differential(node);
}

void Mosfet1::bind(const PatternBuilder& p) {
    for (auto& row : block_)
        for (int& slot : row) p.resolve(slot);
    if (g_drain_ > 0) drain_stamp_.bind(p);
    if (g_source_ > 0) source_stamp_.bind(p);
}

void Mosfet1::topology(TopologySink& sink) const {
    sink.conductive(dp_, sp_, name());
    sink.conductive(b_, dp_, name());
    sink.conductive(b_, sp_, name());
    if (g_drain_ > 0) sink.conductive(d_, dp_, name());
    if (g_source_ > 0) sink.conductive(s_, sp_, name());
}

void Mosfet1::prepare(const AnalysisSetup& setup) {
    const double temp = setup.temperature_k, tnom = tnom_k_;
    vt_ = sc::thermal_voltage(temp);
    const double ratio = temp / tnom, fact1 = tnom / sc::kReferenceKelvin, fact2 = temp / sc::kReferenceKelvin;
    const double egfet = sc::band_gap(temp), egfet1 = sc::band_gap(tnom);
    const double vtnom = sc::thermal_voltage(tnom);
    t_kp_ = kp_ / (ratio * std::sqrt(ratio));
    const double phio = (phi_ - sc::junction_potential_term(tnom)) / fact1;
    t_phi_ = fact2 * phio + sc::junction_potential_term(temp);
    t_vbi_ = vto_ - type_ * gamma_ * std::sqrt(phi_) + 0.5 * (egfet1 - egfet) + type_ * 0.5 * (t_phi_ - phi_);
    t_vto_ = t_vbi_ + type_ * gamma_ * std::sqrt(t_phi_);
    const double sat_scale = std::exp(-egfet / vt_ + egfet1 / vtnom);
    const double t_is = is_ * sat_scale, t_js = js_ * sat_scale;
    if (t_js == 0 || ad_ == 0 || as_ == 0) {
        drain_sat_ = source_sat_ = m_ * t_is;
    } else {
        drain_sat_ = t_js * m_ * ad_;
        source_sat_ = t_js * m_ * as_;
    }
    drain_vcrit_ = vt_ * std::log(vt_ / (std::numbers::sqrt2 * drain_sat_));
    source_vcrit_ = vt_ * std::log(vt_ / (std::numbers::sqrt2 * source_sat_));

    // Junction capacitances at temperature (bottom and sidewall gradings share pb).
    const auto bottom = [&](double c) { return sc::junction_at(pb_, c, mj_, tnom, temp); };
    const auto side = [&](double c) { return sc::junction_at(pb_, c, mjsw_, tnom, temp); };
    t_bulk_pot_ = bottom(0).potential;
    czbd_ = cbd_given_ ? bottom(cbd0_).capacitance * m_ : cj_given_ ? bottom(cj_).capacitance * m_ * ad_ : 0;
    czbs_ = cbs_given_ ? bottom(cbs0_).capacitance * m_ : cj_given_ ? bottom(cj_).capacitance * m_ * as_ : 0;
    czbdsw_ = cjsw_given_ ? side(cjsw_).capacitance * pd_ * m_ : 0;
    czbssw_ = cjsw_given_ ? side(cjsw_).capacitance * ps_ * m_ : 0;

    beta_ = t_kp_ * m_ * w_ / (l_ - 2 * ld_);
}

Mosfet1::Operating Mosfet1::evaluate(double vgs, double vds, double vbs, double gmin) const {
    Operating op;
    const double vbd = vbs - vds, vgd = vgs - vds;
    auto junction = [&](double v, double sat, double& current, double& conductance) {
        if (v <= -3 * vt_) {
            conductance = gmin;
            current = gmin * v - sat;
        } else {
            const double e = std::exp(std::min(sc::kMaxExpArgument, v / vt_));
            conductance = sat * e / vt_ + gmin;
            current = sat * (e - 1) + gmin * v;
        }
    };
    junction(vbs, source_sat_, op.cbs, op.gbs);
    junction(vbd, drain_sat_, op.cbd, op.gbd);

    op.mode = vds >= 0 ? 1 : -1;
    const double vbx = op.mode == 1 ? vbs : vbd;  // bulk to the (effective) source
    double sarg;
    if (vbx <= 0) {
        sarg = std::sqrt(t_phi_ - vbx);
    } else {
        sarg = std::sqrt(t_phi_);
        sarg = std::max(0.0, sarg - vbx / (sarg + sarg));
    }
    op.von = t_vbi_ * type_ + gamma_ * sarg;
    const double vgst = (op.mode == 1 ? vgs : vgd) - op.von;
    op.vdsat = std::max(vgst, 0.0);
    const double arg = sarg <= 0 ? 0 : gamma_ / (sarg + sarg);
    if (vgst > 0) {
        const double vdsx = vds * op.mode;
        const double betap = beta_ * (1 + lambda_ * vdsx);
        if (vgst <= vdsx) {  // saturation
            op.cdrain = betap * vgst * vgst * 0.5;
            op.gm = betap * vgst;
            op.gds = lambda_ * beta_ * vgst * vgst * 0.5;
        } else {  // linear region
            op.cdrain = betap * vdsx * (vgst - 0.5 * vdsx);
            op.gm = betap * vdsx;
            op.gds = betap * (vgst - vdsx) + lambda_ * beta_ * vdsx * (vgst - 0.5 * vdsx);
        }
        op.gmbs = op.gm * arg;
    }
    return op;
}

void Mosfet1::capacitances(const Operating& op, double vgs, double vds, double vbs, double& cgs, double& cgd,
                           double& cgb, double& cbs, double& cbd) const {
    cgs = cgd = cgb = 0;
    if (oxide_cap_ > 0) {
        const double vgd = vgs - vds;
        if (op.mode > 0) meyer(vgs, vgd, op.von, op.vdsat, t_phi_, oxide_cap_, cgs, cgd, cgb);
        else meyer(vgd, vgs, op.von, op.vdsat, t_phi_, oxide_cap_, cgd, cgs, cgb);
    }
    cgs += cgso_ * m_ * w_;
    cgd += cgdo_ * m_ * w_;
    cgb += cgbo_ * m_ * (l_ - 2 * ld_);
    cbs = sc::depletion_capacitance(vbs, czbs_, t_bulk_pot_, mj_, fc_) +
          sc::depletion_capacitance(vbs, czbssw_, t_bulk_pot_, mjsw_, fc_);
    const double vbd = vbs - vds;
    cbd = sc::depletion_capacitance(vbd, czbd_, t_bulk_pot_, mj_, fc_) +
          sc::depletion_capacitance(vbd, czbdsw_, t_bulk_pot_, mjsw_, fc_);
}

void Mosfet1::load(LoadContext& ctx) {
    const double* y = ctx.y;
    // Type-normalized terminal voltages (the p-channel device is the n-channel one mirrored).
    const double vgs_raw = type_ * (y[g_] - y[sp_]);
    const double vds_raw = type_ * (y[dp_] - y[sp_]);
    const double vbs_raw = type_ * (y[b_] - y[sp_]);
    double vgs = vgs_raw, vds = vds_raw, vbs = vbs_raw;
    if (ctx.limiting == Limiting::InitJunctions) {
        if (off_) {
            vgs = vds = vbs = 0;
        } else {
            vbs = -1, vgs = type_ * t_vto_, vds = 0;
        }
        ++ctx.nonconverged;
    } else if (ctx.limiting == Limiting::On) {
        bool limited = false;
        const double vgd_last = vgs_last_ - vds_last_;
        double vgd = vgs - vds;
        const double vgs_in = vgs, vds_in = vds;
        if (vds_last_ >= 0) {
            vgs = sc::fetlim(vgs, vgs_last_, von_last_);
            vds = vgs - vgd;
            vds = sc::limvds(vds, vds_last_);
        } else {
            vgd = sc::fetlim(vgd, vgd_last, von_last_);
            vds = vgs - vgd;
            vds = -sc::limvds(-vds, -vds_last_);
            vgs = vgd + vds;
        }
        if (vgs != vgs_in || vds != vds_in) limited = true;
        if (vds >= 0) {
            vbs = sc::pnjlim(vbs, vbs_last_, vt_, source_vcrit_, limited);
        } else {
            const double vbd = sc::pnjlim(vbs - vds, vbs_last_ - vds_last_, vt_, drain_vcrit_, limited);
            vbs = vbd + vds;
        }
        if (limited) ++ctx.nonconverged;
    }
    const Operating op = evaluate(vgs, vds, vbs, ctx.gmin);
    if (ctx.limiting != Limiting::Off) vgs_last_ = vgs, vds_last_ = vds, vbs_last_ = vbs, von_last_ = op.von;

    // Channel current from d' to s' (type-normalized) and its partials with respect to the
    // normalized vgs, vds, vbs.
    double ich, dich[3];
    if (op.mode > 0) {
        ich = op.cdrain;
        dich[0] = op.gm, dich[1] = op.gds, dich[2] = op.gmbs;
    } else {
        ich = -op.cdrain;
        dich[0] = -op.gm, dich[1] = op.gm + op.gds + op.gmbs, dich[2] = -op.gmbs;
    }
    const double dgs = vgs_raw - vgs, dds = vds_raw - vds, dbs = vbs_raw - vbs;  // limiting offsets
    enum { D = 0, G = 1, S = 2, B = 3 };
    if (ctx.residual) {
        const double channel = ich + dich[0] * dgs + dich[1] * dds + dich[2] * dbs;
        const double ibs = op.cbs + op.gbs * dbs;
        const double ibd = op.cbd + op.gbd * (dbs - dds);
        // Currents leaving each node, in real polarity.
        double out[4] = {type_ * (channel - ibd), 0, type_ * (-channel - ibs), type_ * (ibd + ibs)};
        if (ctx.ydot && has_charge_) {
            double cgs, cgd, cgb, cbs, cbd;
            capacitances(op, vgs, vds, vbs, cgs, cgd, cgb, cbs, cbd);
            const double* yd = ctx.ydot;
            const double igs = cgs * (yd[g_] - yd[sp_]), igd = cgd * (yd[g_] - yd[dp_]), igb = cgb * (yd[g_] - yd[b_]);
            const double ibs_c = cbs * (yd[b_] - yd[sp_]), ibd_c = cbd * (yd[b_] - yd[dp_]);
            out[G] += igs + igd + igb;
            out[S] += -igs - ibs_c;
            out[D] += -igd - ibd_c;
            out[B] += -igb + ibs_c + ibd_c;
        }
        const int nodes[4] = {dp_, g_, sp_, b_};
        for (int k = 0; k < 4; ++k) ctx.residual[nodes[k]] += out[k];
        if (g_drain_ > 0) {
            const double i = g_drain_ * (y[d_] - y[dp_]);
            ctx.residual[d_] += i, ctx.residual[dp_] -= i;
        }
        if (g_source_ > 0) {
            const double i = g_source_ * (y[s_] - y[sp_]);
            ctx.residual[s_] += i, ctx.residual[sp_] -= i;
        }
    }
    if (ctx.g) {
        // A current with partials a (wrt vgs, vds, vbs) depends on the nodes as
        // d: a_ds, g: a_gs, s: -(a_gs + a_ds + a_bs), b: a_bs.
        auto add_row = [&](int row, double a_gs, double a_ds, double a_bs) {
            ctx.g[block_[row][D]] += a_ds;
            ctx.g[block_[row][G]] += a_gs;
            ctx.g[block_[row][S]] -= a_gs + a_ds + a_bs;
            ctx.g[block_[row][B]] += a_bs;
        };
        // ibs depends on vbs; ibd on vbd = vbs - vds.
        add_row(D, dich[0], dich[1] + op.gbd, dich[2] - op.gbd);
        add_row(S, -dich[0], -dich[1], -dich[2] - op.gbs);
        add_row(B, 0, -op.gbd, op.gbd + op.gbs);
        if (g_drain_ > 0) drain_stamp_.add(ctx.g, g_drain_);
        if (g_source_ > 0) source_stamp_.add(ctx.g, g_source_);
    }
    if (ctx.c && has_charge_) {
        double cgs, cgd, cgb, cbs, cbd;
        capacitances(op, vgs, vds, vbs, cgs, cgd, cgb, cbs, cbd);
        auto cap = [&](int a, int b, double value) {
            const double v = ctx.cj * value;
            ctx.c[block_[a][a]] += v, ctx.c[block_[b][b]] += v, ctx.c[block_[a][b]] -= v, ctx.c[block_[b][a]] -= v;
        };
        cap(G, S, cgs), cap(G, D, cgd), cap(G, B, cgb), cap(B, S, cbs), cap(B, D, cbd);
    }
}

}  // namespace memspice::native
