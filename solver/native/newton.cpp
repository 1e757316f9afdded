#include "solver/native/newton.hpp"

#include <algorithm>
#include <cmath>

namespace memspice::native {

bool all_finite(const double* values, std::size_t count) {
    for (std::size_t k = 0; k < count; ++k)
        if (!std::isfinite(values[k])) return false;
    return true;
}

NewtonResult newton_solve(MnaSystem& system, Workspace& work, std::vector<double>& y, const NewtonSettings& settings) {
    const int n = system.size();
    const SolverOptions& opt = system.options();
    const Unknowns& unknowns = system.unknowns();
    const bool transient_step = settings.phase == Phase::Transient && settings.y_previous;
    const bool linear = !system.is_nonlinear();
    NewtonResult result;
    y[static_cast<std::size_t>(n)] = 0;

    for (int iteration = 0; iteration < settings.max_iterations; ++iteration) {
        result.iterations = iteration + 1;
        LoadContext ctx;
        ctx.phase = settings.phase;
        ctx.time = settings.time;
        ctx.source_scale = settings.source_scale;
        ctx.gmin = opt.gmin;
        ctx.node_gmin = settings.node_gmin;
        ctx.y = y.data();
        ctx.y_hold = settings.y_hold;
        ctx.residual = work.residual.data();
        ctx.g = work.g.data();
        if (transient_step) {
            for (int k = 0; k <= n; ++k)
                work.ydot[static_cast<std::size_t>(k)] =
                    (y[static_cast<std::size_t>(k)] - (*settings.y_previous)[static_cast<std::size_t>(k)]) / settings.h;
            work.ydot[static_cast<std::size_t>(n)] = 0;
            ctx.ydot = work.ydot.data();
            ctx.c = work.g.data();
            ctx.cj = 1 / settings.h;
        }
        ctx.limiting = iteration == 0 && settings.init_junctions ? Limiting::InitJunctions : Limiting::On;
        ctx.update_discrete = settings.phase == Phase::Dc;
        system.evaluate(ctx);

        if (!all_finite(work.residual.data(), static_cast<std::size_t>(n)) ||
            !all_finite(work.g.data(), static_cast<std::size_t>(system.pattern().nnz())))
            return result;
        if (!system.lu().factor(work.g.data())) {
            result.singular = true;
            result.singular_unknown = system.lu().singular_column();
            return result;
        }
        for (int k = 0; k < n; ++k) work.delta[static_cast<std::size_t>(k)] = -work.residual[static_cast<std::size_t>(k)];
        system.lu().solve(work.delta.data());
        if (!all_finite(work.delta.data(), static_cast<std::size_t>(n))) return result;

        // SPICE's test: every unknown moved by less than reltol * |value| + its absolute tolerance.
        bool converged = ctx.nonconverged == 0 && !(iteration == 0 && settings.init_junctions);
        double worst = 0;
        for (int k = 0; k < n; ++k) {
            const auto i = static_cast<std::size_t>(k);
            const double old_value = y[i];
            const double new_value = old_value + work.delta[i];
            y[i] = new_value;
            const UnknownInfo& u = unknowns[k];
            const double absolute = u.kind == UnknownKind::Branch  ? opt.abstol
                                    : u.kind == UnknownKind::State ? opt.vntol * u.scale
                                                                   : opt.vntol;
            const double tolerance = opt.reltol * std::max(std::abs(new_value), std::abs(old_value)) + absolute;
            const double ratio = std::abs(work.delta[i]) / tolerance;
            if (ratio > worst) worst = ratio, result.worst_unknown = k;
        }
        if (worst > 1) converged = false;
        // A linear system is solved exactly by one step.
        if (linear) converged = true;
        if (converged) {
            result.converged = true;
            return result;
        }
    }
    return result;
}

}  // namespace memspice::native
