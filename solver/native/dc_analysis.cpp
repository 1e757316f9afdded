#include "solver/native/dc_analysis.hpp"

#include <algorithm>
#include <cmath>

#include "core/units.hpp"
#include "solver/native/newton.hpp"
#include "solver/native/results.hpp"
#include "solver/native/sources.hpp"

namespace memspice::native {

namespace {

[[noreturn]] void fail(MnaSystem& system, const NewtonResult& last, const std::string& what) {
    if (last.singular) throw SimulationError(what + ": " + system.explain_singular(last.singular_unknown));
    std::string message = what + ": Newton iteration did not converge (plain Newton, gmin stepping and source stepping)";
    if (last.worst_unknown >= 0) {
        message += "; worst unknown: " + system.unknowns().describe(last.worst_unknown);
        const std::string around = system.elements_at(last.worst_unknown);
        if (!around.empty()) message += " (elements: " + around + ")";
    }
    throw SimulationError(message);
}

// Gmin stepping: a conductance from every node to ground, decreased from 1e-3 S to zero,
// each solution the start of the next (ngspice's dynamic gmin stepping).
bool gmin_stepping(MnaSystem& system, Workspace& work, std::vector<double>& y, NewtonResult& last) {
    const SolverOptions& opt = system.options();
    std::vector<double> good = y;
    double good_gmin = -1;  // the last gmin that converged; < 0: none yet
    double gmin = 1e-3, factor = 10;
    for (int attempt = 0; attempt < 200; ++attempt) {
        NewtonSettings s;
        s.max_iterations = opt.itl1;
        s.node_gmin = gmin;
        s.init_junctions = good_gmin < 0;
        y = good;
        last = newton_solve(system, work, y, s);
        if (last.converged) {
            good = y;
            good_gmin = gmin;
            if (gmin == 0) return true;
            factor = std::min(factor * factor, 10.0);
            gmin = gmin / factor < std::max(opt.gmin, 1e-16) ? 0 : gmin / factor;
        } else {
            if (good_gmin < 0) return false;
            factor = std::sqrt(factor);
            if (factor < 1.00005) return false;
            gmin = good_gmin / factor;
        }
    }
    return false;
}

// Source stepping: every independent source scaled from 0 to 1.
bool source_stepping(MnaSystem& system, Workspace& work, std::vector<double>& y, NewtonResult& last) {
    const SolverOptions& opt = system.options();
    std::fill(y.begin(), y.end(), 0.0);
    std::vector<double> good = y;
    double scale = 0, step = 0.1;
    bool first = true;
    for (int attempt = 0; attempt < 1000; ++attempt) {
        const double target = first ? 0 : std::min(1.0, scale + step);
        NewtonSettings s;
        s.max_iterations = opt.itl1;
        s.source_scale = target;
        s.init_junctions = first;
        y = good;
        last = newton_solve(system, work, y, s);
        if (last.converged) {
            first = false;
            good = y;
            scale = target;
            if (scale >= 1) return true;
            step = std::min(step * 2, 0.5);
        } else {
            if (first) return false;
            step /= 4;
            if (step < 1e-7) return false;
        }
    }
    return false;
}

}  // namespace

void solve_operating_point(MnaSystem& system, Workspace& work, std::vector<double>& y,
                           const OperatingPointSettings& settings) {
    const SolverOptions& opt = system.options();
    std::fill(y.begin(), y.end(), 0.0);
    NewtonResult last;
    bool done = false;
    if (!settings.nodesets.empty()) {
        // ngspice holds .nodeset nodes for the first solution only, then lets them go.
        auto forces = settings.forces;
        forces.insert(forces.end(), settings.nodesets.begin(), settings.nodesets.end());
        system.set_forces(forces);
        NewtonSettings s;
        s.max_iterations = opt.itl1;
        s.init_junctions = true;
        newton_solve(system, work, y, s);
    }
    system.set_forces(settings.forces);
    {
        NewtonSettings s;
        s.max_iterations = opt.itl1;
        s.init_junctions = settings.nodesets.empty();
        last = newton_solve(system, work, y, s);
        done = last.converged;
    }
    if (!done && last.singular && !system.is_nonlinear()) {
        system.set_forces({});
        fail(system, last, "operating point");
    }
    if (!done) done = gmin_stepping(system, work, y, last);
    if (!done) done = source_stepping(system, work, y, last);
    system.set_forces({});
    if (!done) fail(system, last, "operating point");
}

void solve_dc_point(MnaSystem& system, Workspace& work, std::vector<double>& y) {
    NewtonSettings s;
    s.max_iterations = system.options().itl2;
    const NewtonResult r = newton_solve(system, work, y, s);
    if (!r.converged) solve_operating_point(system, work, y);
}

Plot run_operating_point(MnaSystem& system, const Analysis&) {
    system.prepare(system.setup_for());
    Workspace work(system);
    std::vector<double> y(static_cast<std::size_t>(system.size()) + 1);
    solve_operating_point(system, work, y);
    system.accept(y.data(), 0, Phase::Dc);
    PlotBuilder plot(system, "op", "");
    plot.add(0, y.data());
    return plot.finish();
}

namespace {

// One swept quantity of a .dc analysis.
struct Sweep {
    SourceValue* source = nullptr;  // null: temperature
    std::vector<double> values;
    std::string scale_name;
};

std::vector<double> sweep_values(const DcSweep& s, const SourceLocation& where) {
    if (!std::isfinite(s.start) || !std::isfinite(s.stop) || !std::isfinite(s.step))
        throw InputError(where, ".dc " + s.source + ": start, stop and step must be finite");
    if (s.step == 0 || (s.stop - s.start) * s.step < 0)
        throw InputError(where, ".dc " + s.source + ": step " + format_number(s.step) + " does not lead from " +
                                    format_number(s.start) + " to " + format_number(s.stop));
    // ngspice steps until it passes stop (with a small tolerance), like a for loop.
    const double count = std::floor((s.stop - s.start) / s.step * (1 + 1e-9) + 1e-9);
    if (count > 1e7) throw InputError(where, ".dc " + s.source + ": more than 10 million points");
    std::vector<double> values;
    for (long k = 0; k <= static_cast<long>(count); ++k) values.push_back(s.start + static_cast<double>(k) * s.step);
    return values;
}

}  // namespace

Plot run_dc_sweep(MnaSystem& system, const Analysis& analysis) {
    if (analysis.sweeps.empty()) throw InputError(analysis.where, ".dc: no sweep given");
    std::vector<Sweep> sweeps;
    for (const DcSweep& s : analysis.sweeps) {
        Sweep sweep;
        sweep.values = sweep_values(s, analysis.where);
        if (s.source == "temp") {
            sweep.scale_name = "temp-sweep";
        } else {
            Element* e = system.find(s.source);
            if (auto* v = dynamic_cast<VoltageSource*>(e)) {
                sweep.source = &v->value(), sweep.scale_name = "v-sweep";
            } else if (auto* i = dynamic_cast<CurrentSource*>(e)) {
                sweep.source = &i->value(), sweep.scale_name = "i-sweep";
            } else {
                throw InputError(analysis.where, ".dc: '" + s.source + "' is not an independent V or I source");
            }
        }
        sweeps.push_back(std::move(sweep));
    }
    Workspace work(system);
    std::vector<double> y(static_cast<std::size_t>(system.size()) + 1);
    PlotBuilder plot(system, "dc", sweeps.front().scale_name);
    AnalysisSetup setup = system.setup_for();
    system.prepare(setup);

    // Outer sweeps are the later ones; the innermost (first) varies fastest.
    std::vector<std::size_t> index(sweeps.size(), 0);
    bool first_point = true;
    while (true) {
        bool temperature_changed = false;
        for (std::size_t k = 0; k < sweeps.size(); ++k) {
            const double v = sweeps[k].values[index[k]];
            if (sweeps[k].source) {
                sweeps[k].source->set_sweep_value(v);
            } else if (setup.temperature_k != v + 273.15) {
                setup.temperature_k = v + 273.15;
                temperature_changed = true;
            }
        }
        if (temperature_changed) system.prepare(setup);
        if (first_point) {
            solve_operating_point(system, work, y);
            first_point = false;
        } else {
            solve_dc_point(system, work, y);
        }
        system.accept(y.data(), 0, Phase::Dc);
        plot.add(sweeps.front().values[index.front()], y.data());
        std::size_t k = 0;
        while (k < sweeps.size() && ++index[k] == sweeps[k].values.size()) index[k++] = 0;
        if (k == sweeps.size()) break;
    }
    for (Sweep& s : sweeps)
        if (s.source) s.source->set_sweep_value(std::nullopt);
    if (setup.temperature_k != system.options().temperature_k()) system.prepare(system.setup_for());
    return plot.finish();
}

}  // namespace memspice::native
