#include "solver/native/ac_analysis.hpp"

#include <cmath>
#include <complex>
#include <numbers>

#include "core/units.hpp"
#include "solver/native/dc_analysis.hpp"
#include "solver/native/results.hpp"
#include "solver/native/workspace.hpp"

namespace memspice::native {

std::vector<double> ac_frequencies(const Analysis& a) {
    const bool log_sweep = a.ac_spacing != Analysis::AcSpacing::Lin;
    if (a.ac_points < 1) throw InputError(a.where, ".ac: the number of points must be at least 1");
    if (!std::isfinite(a.fstart) || !std::isfinite(a.fstop) || a.fstart < 0 || a.fstop < a.fstart)
        throw InputError(a.where, ".ac: expected 0 <= fstart <= fstop, got " + format_number(a.fstart) + " and " +
                                      format_number(a.fstop));
    if (log_sweep && !(a.fstart > 0)) throw InputError(a.where, ".ac dec/oct: fstart must be positive");
    const double n = a.ac_points;
    double delta = 0;
    switch (a.ac_spacing) {
        case Analysis::AcSpacing::Dec: {
            const double steps = std::floor(std::abs(std::log10(a.fstop / a.fstart)) * n);
            delta = steps > 0 ? std::exp(std::log(a.fstop / a.fstart) / steps) : 2;
            break;
        }
        case Analysis::AcSpacing::Oct: delta = std::exp(std::log(2.0) / n); break;
        case Analysis::AcSpacing::Lin: delta = a.ac_points > 2 ? (a.fstop - a.fstart) / (n - 1) : 0; break;
    }
    // ngspice's loop: step until past fstop, with a small tolerance.
    const double tolerance = (log_sweep ? delta * a.fstop : delta) * 1e-3;
    std::vector<double> f;
    for (double freq = a.fstart; freq <= a.fstop + tolerance; freq = log_sweep ? freq * delta : freq + delta) {
        f.push_back(freq);
        if (!log_sweep && delta == 0) break;
        if (f.size() > 10000000) throw InputError(a.where, ".ac: more than 10 million frequencies");
    }
    return f;
}

void linearize(MnaSystem& system, const std::vector<double>& y, std::vector<double>& g, std::vector<double>& c) {
    const std::size_t values = static_cast<std::size_t>(system.pattern().value_count());
    g.assign(values, 0.0);
    c.assign(values, 0.0);
    std::vector<double> zero(y.size(), 0.0), residual(y.size(), 0.0);
    LoadContext ctx;
    ctx.phase = Phase::Transient;
    ctx.gmin = system.options().gmin;
    ctx.y = y.data();
    ctx.ydot = zero.data();
    ctx.residual = residual.data();
    ctx.g = g.data();
    ctx.c = c.data();
    ctx.cj = 1;
    system.evaluate(ctx);
}

Plot run_ac(MnaSystem& system, const Analysis& analysis) {
    const std::vector<double> frequencies = ac_frequencies(analysis);
    system.prepare(system.setup_for());
    Workspace work(system);
    std::vector<double> y(static_cast<std::size_t>(system.size()) + 1, 0.0);
    solve_operating_point(system, work, y);
    system.accept(y.data(), 0, Phase::Dc);

    std::vector<double> g, c;
    linearize(system, y, g, c);
    const std::size_t n1 = static_cast<std::size_t>(system.size()) + 1;
    std::vector<std::complex<double>> stimulus(n1, 0.0);
    for (const auto& e : system.elements()) e->ac_stimulus(stimulus);
    const std::size_t nnz = static_cast<std::size_t>(system.pattern().nnz());
    std::vector<std::complex<double>> a(nnz), x(n1);

    PlotBuilder plot(system, "ac", "frequency");
    for (const double f : frequencies) {
        const double w = 2 * std::numbers::pi * f;
        for (std::size_t k = 0; k < nnz; ++k) a[k] = {g[k], w * c[k]};
        if (!system.lu().factor_complex(a.data()))
            throw SimulationError("ac at " + format_number(f) + " Hz: " +
                                  system.explain_singular(system.lu().singular_column()));
        x = stimulus;
        x[n1 - 1] = 0;
        system.lu().solve_complex(x.data());
        try {
            plot.add_complex(f, x.data());
        } catch (const SimulationError& e) {
            throw SimulationError(std::string("ac: ") + e.message());
        }
    }
    return plot.finish();
}

}  // namespace memspice::native
