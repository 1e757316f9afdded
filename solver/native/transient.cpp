#include "solver/native/transient.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <limits>
#include <memory>

#include <ida/ida.h>
#include <nvector/nvector_serial.h>
#include <sundials/sundials_context.h>
#include <sunmatrix/sunmatrix_sparse.h>

#include "core/units.hpp"
#include "solver/native/dc_analysis.hpp"
#include "solver/native/ida_linear_solver.hpp"
#include "solver/native/newton.hpp"
#include "solver/native/results.hpp"
#include "solver/native/workspace.hpp"

namespace memspice::native {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// State shared with IDA's callbacks.
struct Callbacks {
    MnaSystem* system = nullptr;
    std::vector<double> y, yp, r;  // n + 1 each (ground slot)
    std::vector<int> event_offsets;  // per element: first index into the root array, -1: none
    std::string last_ida_message;
};

void copy_in(const N_Vector from, std::vector<double>& to, int n) {
    const double* data = N_VGetArrayPointer(from);
    std::copy(data, data + n, to.begin());
    to[static_cast<std::size_t>(n)] = 0;
}

int residual_fn(realtype t, N_Vector yy, N_Vector yp, N_Vector rr, void* user) {
    auto& cb = *static_cast<Callbacks*>(user);
    const int n = cb.system->size();
    copy_in(yy, cb.y, n);
    copy_in(yp, cb.yp, n);
    LoadContext ctx;
    ctx.phase = Phase::Transient;
    ctx.time = t;
    ctx.gmin = cb.system->options().gmin;
    ctx.y = cb.y.data();
    ctx.ydot = cb.yp.data();
    ctx.residual = cb.r.data();
    cb.system->evaluate(ctx);
    double* out = N_VGetArrayPointer(rr);
    std::copy(cb.r.begin(), cb.r.begin() + n, out);
    return all_finite(out, static_cast<std::size_t>(n)) ? 0 : 1;  // 1: recoverable, IDA cuts the step
}

int jacobian_fn(realtype t, realtype cj, N_Vector yy, N_Vector yp, N_Vector, SUNMatrix jac, void* user, N_Vector,
                N_Vector, N_Vector) {
    auto& cb = *static_cast<Callbacks*>(user);
    const int n = cb.system->size();
    copy_in(yy, cb.y, n);
    copy_in(yp, cb.yp, n);
    restore_structure(jac, cb.system->pattern());
    LoadContext ctx;
    ctx.phase = Phase::Transient;
    ctx.time = t;
    ctx.gmin = cb.system->options().gmin;
    ctx.y = cb.y.data();
    ctx.ydot = cb.yp.data();
    ctx.g = SM_DATA_S(jac);
    ctx.c = SM_DATA_S(jac);
    ctx.cj = cj;
    cb.system->evaluate(ctx);
    return all_finite(SM_DATA_S(jac), static_cast<std::size_t>(cb.system->pattern().nnz())) ? 0 : 1;
}

int root_fn(realtype, N_Vector yy, N_Vector, realtype* gout, void* user) {
    auto& cb = *static_cast<Callbacks*>(user);
    copy_in(yy, cb.y, cb.system->size());
    const auto& elements = cb.system->elements();
    for (std::size_t k = 0; k < elements.size(); ++k)
        if (cb.event_offsets[k] >= 0) elements[k]->event_functions(cb.y.data(), gout + cb.event_offsets[k]);
    return 0;
}

void error_handler(int, const char*, const char*, char* message, void* user) {
    static_cast<Callbacks*>(user)->last_ida_message = message ? message : "";
}

// Owns the SUNDIALS objects of one transient run.
struct IdaSession {
    SUNContext context = nullptr;
    N_Vector y = nullptr, yp = nullptr, atol = nullptr, id = nullptr, scratch = nullptr;
    SUNMatrix matrix = nullptr;
    SUNLinearSolver solver = nullptr;
    void* mem = nullptr;

    ~IdaSession() {
        if (mem) IDAFree(&mem);
        if (solver) SUNLinSolFree(solver);
        if (matrix) SUNMatDestroy(matrix);
        for (N_Vector v : {y, yp, atol, id, scratch})
            if (v) N_VDestroy(v);
        if (context) SUNContext_Free(&context);
    }
};

void check(int flag, const char* what) {
    if (flag < 0) throw SimulationError(std::string("transient: IDA set-up failed in ") + what);
}

// Absolute tolerance of each unknown.
std::vector<double> absolute_tolerances(const MnaSystem& system) {
    const SolverOptions& opt = system.options();
    std::vector<double> atol(static_cast<std::size_t>(system.size()));
    for (int k = 0; k < system.size(); ++k) {
        const UnknownInfo& u = system.unknowns()[k];
        atol[static_cast<std::size_t>(k)] = u.kind == UnknownKind::Branch  ? opt.abstol
                                            : u.kind == UnknownKind::State ? opt.vntol * u.scale
                                                                           : opt.vntol;
    }
    return atol;
}

class Transient {
public:
    Transient(MnaSystem& system, const Analysis& analysis, const ProgressReporter& progress)
        : system_(system), analysis_(analysis), progress_(progress), work_(system),
          n_(system.size()), atol_(absolute_tolerances(system)) {}

    Plot run();

private:
    void validate();
    void initial_point(std::vector<double>& y);
    double consistent_start(double t, std::vector<double>& y, std::vector<double>& yp);
    void setup_ida(double t0);
    void restart(double t);
    double next_stop(double t) const;
    void record(PlotBuilder& plot, double t, const double* y);
    [[noreturn]] void fail(int flag, double t);
    void report_progress(double t, bool force);

    MnaSystem& system_;
    const Analysis& analysis_;
    const ProgressReporter& progress_;
    Workspace work_;
    int n_;
    std::vector<double> atol_;
    double tstart_ = 0, tstop_ = 0, hmax_ = 0, h_probe_ = 0;
    IdaSession ida_;
    Callbacks callbacks_;
    std::vector<double> y_, yp_;
    std::vector<int> fired_;  // root information of the last event
    long steps_ = 0;
    std::chrono::steady_clock::time_point started_, last_report_;
};

void Transient::validate() {
    const Analysis& a = analysis_;
    if (!(a.tstep > 0) || !std::isfinite(a.tstep))
        throw InputError(a.where, ".tran: tstep must be positive, got " + format_number(a.tstep));
    if (!(a.tstop > 0) || !std::isfinite(a.tstop))
        throw InputError(a.where, ".tran: tstop must be positive, got " + format_number(a.tstop));
    if (!(a.tstart >= 0) || !(a.tstart < a.tstop))
        throw InputError(a.where, ".tran: tstart must be in [0, tstop), got " + format_number(a.tstart));
    if (!(a.tmax >= 0) || !std::isfinite(a.tmax))
        throw InputError(a.where, ".tran: tmax must not be negative, got " + format_number(a.tmax));
    tstart_ = a.tstart;
    tstop_ = a.tstop;
    // ngspice's default maximum step.
    hmax_ = a.tmax > 0 ? a.tmax : std::min(a.tstep, (a.tstop - a.tstart) / 50);
    h_probe_ = 1e-8 * hmax_;
}

void Transient::initial_point(std::vector<double>& y) {
    const Circuit& circuit = system_.circuit();
    std::vector<NodeForce> ic, nodesets;
    for (const auto& [node, value] : circuit.initial_conditions) {
        const int k = system_.unknowns().find_node(node);
        if (k >= 0) ic.push_back({k, value});
    }
    for (const auto& [node, value] : circuit.nodesets) {
        const int k = system_.unknowns().find_node(node);
        if (k >= 0) nodesets.push_back({k, value});
    }
    if (!analysis_.uic) {
        solve_operating_point(system_, work_, y, OperatingPointSettings{ic, nodesets});
        return;
    }
    // uic: node voltages from .ic (others 0); capacitors held at ic= (else those node
    // voltages), inductors at their ic= currents; everything else solved consistently.
    std::vector<double> hold(static_cast<std::size_t>(n_) + 1, 0.0);
    for (const NodeForce& f : ic) hold[static_cast<std::size_t>(f.unknown)] = f.value;
    y = hold;
    NewtonSettings s;
    s.phase = Phase::UicInit;
    s.max_iterations = system_.options().itl1;
    s.y_hold = hold.data();
    s.init_junctions = true;
    const NewtonResult r = newton_solve(system_, work_, y, s);
    if (!r.converged) {
        if (r.singular) throw SimulationError("transient (uic start): " + system_.explain_singular(r.singular_unknown));
        throw SimulationError("transient (uic start): no consistent initial point found" +
                              (r.worst_unknown >= 0 ? "; worst unknown: " + system_.unknowns().describe(r.worst_unknown)
                                                    : std::string()));
    }
}

// A consistent start at time t (after the operating point, a breakpoint or a switching
// event). First one backward-Euler step of the tiny size h_probe, solved to convergence:
// differential unknowns (pinned by C/h) barely move, algebraic ones jump to the values the
// circuit now demands (a source whose DC value differs from its t = 0 value, a switch that
// changed state, the end of a uic start). Then the derivative from the first Newton
// correction of the next such step: (G + C/h) dy = -f(y, t + 2h), y' = dy / h.
// Returns the time of the new state, t + h: IDA starts there, so that even unknowns held to
// a tight absolute tolerance start exactly on their trajectory.
double Transient::consistent_start(double t, std::vector<double>& y, std::vector<double>& yp) {
    const double h = h_probe_;
    const SolverOptions& opt = system_.options();
    const std::vector<double> before = y;
    NewtonSettings s;
    s.phase = Phase::Transient;
    s.time = t + h;
    s.max_iterations = opt.itl1;
    s.y_previous = &before;
    s.h = h;
    NewtonResult r = newton_solve(system_, work_, y, s);
    // One more iteration leaves only a second-order residual, which the derivative divides by h.
    if (r.converged && system_.is_nonlinear()) r = newton_solve(system_, work_, y, s);
    if (!r.converged) {
        if (r.singular)
            throw SimulationError("transient at t = " + format_number(t) + " s: " +
                                  system_.explain_singular(r.singular_unknown));
        throw SimulationError("transient at t = " + format_number(t) + " s: no consistent state found" +
                              (r.worst_unknown >= 0 ? "; worst unknown: " + system_.unknowns().describe(r.worst_unknown)
                                                    : std::string()));
    }
    LoadContext ctx;
    ctx.phase = Phase::Transient;
    ctx.time = t + 2 * h;
    ctx.gmin = opt.gmin;
    std::fill(work_.ydot.begin(), work_.ydot.end(), 0.0);
    ctx.y = y.data();
    ctx.ydot = work_.ydot.data();
    ctx.residual = work_.residual.data();
    ctx.g = ctx.c = work_.g.data();
    ctx.cj = 1 / h;
    system_.evaluate(ctx);
    if (!system_.lu().factor(work_.g.data()))
        throw SimulationError("transient at t = " + format_number(t) + " s: " +
                              system_.explain_singular(system_.lu().singular_column()));
    for (int k = 0; k < n_; ++k) work_.delta[static_cast<std::size_t>(k)] = -work_.residual[static_cast<std::size_t>(k)];
    system_.lu().solve(work_.delta.data());
    for (int k = 0; k < n_; ++k) yp[static_cast<std::size_t>(k)] = work_.delta[static_cast<std::size_t>(k)] / h;
    yp[static_cast<std::size_t>(n_)] = 0;
    if (!all_finite(yp.data(), static_cast<std::size_t>(n_)))
        throw SimulationError("transient at t = " + format_number(t) + " s: the initial derivative is not finite");
    return t + h;
}

void Transient::setup_ida(double t0) {
    check(SUNContext_Create(nullptr, &ida_.context), "SUNContext_Create");
    ida_.y = N_VNew_Serial(n_, ida_.context);
    ida_.yp = N_VNew_Serial(n_, ida_.context);
    ida_.atol = N_VNew_Serial(n_, ida_.context);
    ida_.id = N_VNew_Serial(n_, ida_.context);
    ida_.scratch = N_VNew_Serial(n_, ida_.context);
    if (!ida_.y || !ida_.yp || !ida_.atol || !ida_.id || !ida_.scratch) throw SimulationError("transient: out of memory");
    std::copy(y_.begin(), y_.begin() + n_, N_VGetArrayPointer(ida_.y));
    std::copy(yp_.begin(), yp_.begin() + n_, N_VGetArrayPointer(ida_.yp));
    std::copy(atol_.begin(), atol_.end(), N_VGetArrayPointer(ida_.atol));
    double* id = N_VGetArrayPointer(ida_.id);
    for (int k = 0; k < n_; ++k) id[k] = system_.differential()[static_cast<std::size_t>(k)] ? 1.0 : 0.0;

    ida_.mem = IDACreate(ida_.context);
    if (!ida_.mem) throw SimulationError("transient: IDACreate failed");
    callbacks_.system = &system_;
    callbacks_.y.assign(static_cast<std::size_t>(n_) + 1, 0.0);
    callbacks_.yp = callbacks_.y;
    callbacks_.r = callbacks_.y;
    check(IDASetErrHandlerFn(ida_.mem, error_handler, &callbacks_), "IDASetErrHandlerFn");
    check(IDAInit(ida_.mem, residual_fn, t0, ida_.y, ida_.yp), "IDAInit");
    check(IDASVtolerances(ida_.mem, system_.options().reltol, ida_.atol), "IDASVtolerances");
    check(IDASetUserData(ida_.mem, &callbacks_), "IDASetUserData");
    ida_.matrix = make_sparse_matrix(ida_.context, system_.pattern());
    ida_.solver = make_klu_linear_solver(ida_.context, system_.lu());
    if (!ida_.matrix || !ida_.solver) throw SimulationError("transient: out of memory");
    check(IDASetLinearSolver(ida_.mem, ida_.solver, ida_.matrix), "IDASetLinearSolver");
    check(IDASetJacFn(ida_.mem, jacobian_fn), "IDASetJacFn");
    check(IDASetMaxStep(ida_.mem, hmax_), "IDASetMaxStep");
    check(IDASetMinStep(ida_.mem, 1e-14 * tstop_), "IDASetMinStep");
    check(IDASetMaxNumSteps(ida_.mem, 100000), "IDASetMaxNumSteps");
    check(IDASetId(ida_.mem, ida_.id), "IDASetId");
    check(IDASetSuppressAlg(ida_.mem, SUNTRUE), "IDASetSuppressAlg");

    int roots = 0;
    const auto& elements = system_.elements();
    callbacks_.event_offsets.assign(elements.size(), -1);
    for (std::size_t k = 0; k < elements.size(); ++k)
        if (const int count = elements[k]->event_count(); count > 0) callbacks_.event_offsets[k] = roots, roots += count;
    fired_.assign(static_cast<std::size_t>(roots), 0);
    if (roots > 0) {
        check(IDARootInit(ida_.mem, roots, root_fn), "IDARootInit");
        check(IDASetNoInactiveRootWarn(ida_.mem), "IDASetNoInactiveRootWarn");
    }
}

// After a breakpoint or a switching event: new consistent derivative, IDA back to order 1.
void Transient::restart(double t) {
    const double t0 = consistent_start(t, y_, yp_);
    std::copy(y_.begin(), y_.begin() + n_, N_VGetArrayPointer(ida_.y));
    std::copy(yp_.begin(), yp_.begin() + n_, N_VGetArrayPointer(ida_.yp));
    check(IDAReInit(ida_.mem, t0, ida_.y, ida_.yp), "IDAReInit");
}

double Transient::next_stop(double t) const {
    // Breakpoints closer than this to the previous stop are merged (ngspice's minimum break).
    const double min_gap = 5e-5 * hmax_;
    double next = system_.next_breakpoint(t);
    while (next - t < min_gap) next = system_.next_breakpoint(next);
    return std::min(next, tstop_);
}

void Transient::record(PlotBuilder& plot, double t, const double* y) {
    try {
        plot.add(t, y);
    } catch (const SimulationError& e) {
        throw SimulationError(std::string("transient: ") + e.message());
    }
}

void Transient::report_progress(double t, bool force) {
    if (!progress_) return;
    const auto now = std::chrono::steady_clock::now();
    if (!force && now - last_report_ < std::chrono::milliseconds(300)) return;
    last_report_ = now;
    const double elapsed = std::chrono::duration<double>(now - started_).count();
    char line[160];
    std::snprintf(line, sizeof line, "tran: t = %.4g s of %.4g s (%.0f%%), %ld steps, %.0f steps/s", t, tstop_,
                  100 * t / tstop_, steps_, elapsed > 0 ? static_cast<double>(steps_) / elapsed : 0.0);
    progress_(line);
}

void Transient::fail(int flag, double t) {
    double t_now = t;
    IDAGetCurrentTime(ida_.mem, &t_now);
    std::string message = "transient failed at t = " + format_number(t_now) + " s";
    switch (flag) {
        case IDA_ERR_FAIL: message += ": time step too small (the local error test failed repeatedly)"; break;
        case IDA_CONV_FAIL: message += ": time step too small (Newton iteration failed repeatedly)"; break;
        case IDA_TOO_MUCH_WORK: message += ": too many steps"; break;
        case IDA_LSETUP_FAIL:
        case IDA_LSOLVE_FAIL:
            if (system_.lu().singular_column() >= 0)
                throw SimulationError(message + ": " + system_.explain_singular(system_.lu().singular_column()));
            message += ": linear solver failure";
            break;
        case IDA_REP_RES_ERR:
        case IDA_RES_FAIL: message += ": the circuit equations gave non-finite values"; break;
        default: message += ": " + callbacks_.last_ida_message; break;
    }
    // The unknown with the largest weighted local error estimate.
    N_Vector weights = N_VClone(ida_.y), errors = N_VClone(ida_.y);
    if (weights && errors && IDAGetErrWeights(ida_.mem, weights) == IDA_SUCCESS &&
        IDAGetEstLocalErrors(ida_.mem, errors) == IDA_SUCCESS) {
        const double* w = N_VGetArrayPointer(weights);
        const double* e = N_VGetArrayPointer(errors);
        int worst = -1;
        double largest = -1;
        for (int k = 0; k < n_; ++k) {
            if (!system_.differential()[static_cast<std::size_t>(k)]) continue;  // not in the error test
            const double v = std::abs(e[k] * w[k]);
            if (std::isfinite(v) && v > largest) largest = v, worst = k;
        }
        if (worst >= 0 && largest > 0) {
            message += "; largest local error in " + system_.unknowns().describe(worst);
            const std::string around = system_.elements_at(worst);
            if (!around.empty()) message += " (elements: " + around + ")";
        }
    }
    if (weights) N_VDestroy(weights);
    if (errors) N_VDestroy(errors);
    throw SimulationError(message);
}

Plot Transient::run() {
    validate();
    system_.prepare(system_.setup_for(analysis_.tstep, analysis_.tstop));
    started_ = last_report_ = std::chrono::steady_clock::now();
    y_.assign(static_cast<std::size_t>(n_) + 1, 0.0);
    yp_ = y_;
    initial_point(y_);
    system_.accept(y_.data(), 0, Phase::Dc);

    PlotBuilder plot(system_, "tran", "time");
    if (tstart_ == 0) record(plot, 0, y_.data());
    setup_ida(consistent_start(0, y_, yp_));

    double t = 0;
    double stop = next_stop(0);
    check(IDASetStopTime(ida_.mem, stop), "IDASetStopTime");
    std::vector<double> interpolated(static_cast<std::size_t>(n_) + 1, 0.0);
    while (t < tstop_) {
        double t_reached = t;
        const int flag = IDASolve(ida_.mem, tstop_, &t_reached, ida_.y, ida_.yp, IDA_ONE_STEP);
        if (flag < 0) fail(flag, t);
        ++steps_;
        if (t < tstart_ && t_reached >= tstart_ && tstart_ > 0) {
            N_Vector at_start = N_VClone(ida_.y);
            IDAGetDky(ida_.mem, tstart_, 0, at_start);
            std::copy(N_VGetArrayPointer(at_start), N_VGetArrayPointer(at_start) + n_, interpolated.begin());
            N_VDestroy(at_start);
            if (t_reached > tstart_) record(plot, tstart_, interpolated.data());
        }
        t = t_reached;
        std::copy(N_VGetArrayPointer(ida_.y), N_VGetArrayPointer(ida_.y) + n_, y_.begin());
        std::copy(N_VGetArrayPointer(ida_.yp), N_VGetArrayPointer(ida_.yp) + n_, yp_.begin());
        if (t >= tstart_) record(plot, t, y_.data());
        bool must_restart = system_.accept(y_.data(), t, Phase::Transient);
        report_progress(t, false);
        if (t >= tstop_) break;

        must_restart = must_restart || flag == IDA_TSTOP_RETURN;
        if (flag == IDA_ROOT_RETURN) {
            fired_.assign(fired_.size(), 0);
            IDAGetRootInfo(ida_.mem, fired_.data());
            const auto& elements = system_.elements();
            for (std::size_t k = 0; k < elements.size(); ++k)
                if (callbacks_.event_offsets[k] >= 0 &&
                    elements[k]->apply_events(y_.data(), fired_.data() + callbacks_.event_offsets[k]))
                    must_restart = true;
        }
        if (must_restart) {
            restart(t);
            stop = next_stop(t);
            check(IDASetStopTime(ida_.mem, stop), "IDASetStopTime");
        }
    }
    report_progress(t, true);
    return plot.finish();
}

}  // namespace

Plot run_transient(MnaSystem& system, const Analysis& analysis, const ProgressReporter& progress) {
    return Transient(system, analysis, progress).run();
}

}  // namespace memspice::native
