// One circuit element in the native engine's MNA system.
//
// The system is the DAE F(t, y, y') = f(y, t) + C(y) y' = 0: row k of F is the sum of the
// currents leaving node k through the elements (KCL), or a branch / state equation. An
// element's life:
//   1. add_unknowns: the branch currents, internal nodes and states it needs;
//   2. request_entries: the matrix entries it writes (PatternBuilder handles);
//   3. bind: handles become slots of the fixed compressed-column pattern;
//   4. load, many times: adds its part of f + C y' to the residual and of df/dy and
//      cj * dF/dy' to the value arrays, all through precomputed slots.
// Ground is unknown index n (Unknowns::ground()) and value slot nnz, scratch locations, so
// loads never test for ground.
#pragma once

#include <complex>
#include <limits>
#include <string>
#include <vector>

#include "core/circuit.hpp"
#include "solver/native/sparse_pattern.hpp"
#include "solver/native/unknowns.hpp"

namespace memspice::native {

enum class Phase {
    Dc,          // operating point and DC sweep: capacitors open, inductors shorted, states held
    Transient,   // transient (and the linearization used by AC and pole analysis)
    UicInit,     // the initial point of a `uic` transient: capacitors held at their initial
                 // voltages, inductors at their initial currents
};

// Junction-voltage limiting in the DC Newton iteration (SPICE's pnjlim / fetlim / limvds).
enum class Limiting {
    Off,            // evaluate at the given unknowns (IDA, AC, final checks)
    On,             // limit against the values of the previous iteration
    InitJunctions,  // first iteration: start junctions at their SPICE initial voltages
};

struct LoadContext {
    Phase phase = Phase::Dc;
    double time = 0;
    double source_scale = 1;   // source stepping: multiplies every independent source
    double gmin = 1e-12;       // conductance across every pn junction (ngspice's gmin)
    double node_gmin = 0;      // gmin stepping: a conductance from every node to ground
    const double* y = nullptr;      // n + 1 values; y[n] = 0 is ground
    const double* ydot = nullptr;   // n + 1 values, or null: no reactive currents
    const double* y_hold = nullptr; // UicInit: the initial values capacitors are held at
    double* residual = nullptr;     // n + 1 values, or null
    double* g = nullptr;            // value array of df/dy (CscPattern::value_count()), or null
    double* c = nullptr;            // value array receiving cj * dF/dy', or null
    double cj = 1;
    Limiting limiting = Limiting::Off;
    bool update_discrete = false;   // DC Newton: switches re-decide their state (ngspice-like)
    int nonconverged = 0;           // out: elements that limited or changed a discrete state
};

// Connectivity as DC sees it, for the singular-matrix diagnosis.
class TopologySink {
public:
    virtual ~TopologySink() = default;
    // A DC conduction path between two unknowns (resistor, junction, switch, ...).
    virtual void conductive(int a, int b, const std::string& element) = 0;
    // A branch that fixes the voltage between a and b (V, E, H, B v=, and L in DC).
    virtual void voltage_defining(int a, int b, const std::string& element) = 0;
};

struct AnalysisSetup {
    double temperature_k = 300.15;  // circuit temperature
    double tnom_k = 300.15;         // nominal temperature of model parameters
    double tstep = 0, tstop = 0;    // transient step and stop (source defaults); 0 otherwise
    double gmin = 1e-12;
};

class Element {
public:
    // `source` is the circuit's element; the circuit outlives the MNA system.
    explicit Element(const memspice::Element& source) : source_(&source) {}
    virtual ~Element() = default;
    Element(const Element&) = delete;
    Element& operator=(const Element&) = delete;

    const std::string& name() const { return source_->name; }
    const SourceLocation& where() const { return source_->where; }
    const memspice::Element& source() const { return *source_; }

    virtual void add_unknowns(Unknowns&) {}
    virtual void request_entries(PatternBuilder& pattern) = 0;
    virtual void bind(const PatternBuilder& pattern) = 0;
    virtual void load(LoadContext& ctx) = 0;

    // Analysis-dependent preparation: temperature, source defaults. Called before a run.
    virtual void prepare(const AnalysisSetup&) {}
    virtual bool is_nonlinear() const { return false; }
    // Whether the element writes dF/dy' entries (it has charge or flux).
    virtual bool is_reactive() const { return false; }
    // The element's branch-current unknown (V, L, E, H, B v=), or -1.
    virtual int branch() const { return -1; }
    // The unknowns the element touches (for diagnostics: which elements meet at a node).
    virtual std::vector<int> terminals() const = 0;
    virtual void topology(TopologySink&) const {}

    // Transient: the first breakpoint strictly after t (+inf: none). Only asked of elements
    // whose has_breakpoints() is true.
    virtual bool has_breakpoints() const { return false; }
    virtual double next_breakpoint(double) const { return std::numeric_limits<double>::infinity(); }
    // After a solution is accepted (a DC point, a transient time point): update memories.
    // Only called for elements whose has_memory() is true. Returns true when the element's
    // equations changed discontinuously (the transient must restart there).
    virtual bool has_memory() const { return false; }
    virtual bool accept(const double* /*y*/, double /*t*/, Phase) { return false; }
    // Discrete events (ideal switches): functions of y continuous while the discrete state is
    // fixed; a sign change means the state must change there.
    virtual int event_count() const { return 0; }
    virtual void event_functions(const double* /*y*/, double* /*out*/) const {}
    // At a located event: `fired[k]` is non-zero for each of the element's event functions
    // that changed sign. Updates the discrete state; true when it changed.
    virtual bool apply_events(const double* /*y*/, const int* /*fired*/) { return false; }

    // AC: the source's phasor added to the right-hand side (rows of its equations).
    virtual void ac_stimulus(std::vector<std::complex<double>>& /*rhs*/) const {}

protected:
    // A node index kept as Unknowns::kGround until the unknowns are final -> ground index n.
    static int at(const PatternBuilder& pattern, int index) { return index < 0 ? pattern.ground() : index; }

private:
    const memspice::Element* source_;
};

}  // namespace memspice::native
