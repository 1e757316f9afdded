// The keystone: one interface for every compact model, called by both engines.
//
// A device family (Stanford RRAM, VTEAM, ...) is described by a `Family`: its terminals,
// its internal state variables and its documented parameters. A `.model` card of that
// family becomes a `DeviceModel`: validated parameters, ready to evaluate. Evaluation maps
// port voltages and states to port currents and state derivatives, with every partial
// derivative analytic.
//
// Conventions
// - Ports: a device with terminals t0 ... t(n-1) has n-1 ports; port k's voltage is
//   v(t_k) - v(t_{n-1}) and its current flows into t_k, through the device, out of
//   t_{n-1}. A two-terminal device (p, n) has one port: v = v(p) - v(n), i from p to n.
// - States are solver unknowns in both engines (native: an unknown of the MNA system;
//   ngspice: a node charged through a 1 F capacitor by the code model), so the integrator's
//   error control sees them. States should be scaled to order one (e.g. a gap in nm) and
//   bounded smoothly (windows), never clipped, so Newton sees a continuous device.
// - In DC analyses (.op, .dc, and the operating point before a transient) both engines
//   hold every state at its initial value; states evolve only in the transient.
// - Stochastic terms draw from the counter-based stream of devices/random.hpp keyed by
//   (seed, device key, time), so a result depends on those alone, never on step sizes,
//   evaluation order or threads.
#pragma once

#include <array>
#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/circuit.hpp"
#include "core/error.hpp"

namespace memspice::devices {

inline constexpr int kMaxPorts = 3;
inline constexpr int kMaxStates = 4;
inline constexpr int kMaxMemory = 8;

struct ParameterInfo {
    std::string_view name;         // lower case, as written on the .model card
    std::string_view unit;         // SI symbol ("m", "V", "K/W", "" if dimensionless)
    double default_value = 0;
    double min = -std::numeric_limits<double>::infinity();  // valid range, inclusive
    double max = std::numeric_limits<double>::infinity();
    std::string_view description;
    std::string_view source;       // literature source of the default
    bool per_instance = false;     // may also be set on the instance line (initial states, seed)
};

struct StateInfo {
    std::string_view name;         // instance-line name for its initial value, e.g. "gap"
    std::string_view unit;
    double scale = 1;              // typical magnitude: sets the absolute error tolerance
    std::string_view initial_parameter;  // the parameter holding its initial value
};

// Everything an evaluation reads.
struct Inputs {
    double time = 0;                             // s; 0 in DC analyses
    std::array<double, kMaxPorts> v{};           // port voltages, V
    std::array<double, kMaxStates> x{};          // states, in their units
    const double* memory = nullptr;              // discrete memory of hybrid models
    std::uint64_t stream = 0;                    // random stream key (devices/random.hpp)
};

// Everything an evaluation gives: port currents, state derivatives and all partials.
struct Outputs {
    std::array<double, kMaxPorts> i{};                          // A
    std::array<double, kMaxStates> dxdt{};                      // state unit / s
    std::array<std::array<double, kMaxPorts>, kMaxPorts> di_dv{};
    std::array<std::array<double, kMaxStates>, kMaxPorts> di_dx{};
    std::array<std::array<double, kMaxPorts>, kMaxStates> df_dv{};
    std::array<std::array<double, kMaxStates>, kMaxStates> df_dx{};
};

class Family;

// A validated parameter set of one family, indexed like Family::parameters.
class ParameterSet {
public:
    ParameterSet(const Family& family, std::vector<double> values);
    const Family& family() const { return *family_; }
    double operator[](std::size_t index) const { return values_[index]; }
    double get(std::string_view name) const;  // throws std::out_of_range on a programming error
    const std::vector<double>& values() const { return values_; }

private:
    const Family* family_;
    std::vector<double> values_;
};

// One model card of a family, ready to evaluate. Immutable and thread-safe.
class DeviceModel {
public:
    virtual ~DeviceModel() = default;
    virtual void evaluate(const Inputs& in, Outputs& out) const = 0;

    // Initial state of an instance (from the parameters and instance overrides).
    virtual std::array<double, kMaxStates> initial_state(const ParameterSet& instance) const;
    // Hybrid models only: initial discrete memory, and its update after each accepted
    // time point (the engines never call it inside a Newton iteration or a rejected step).
    virtual void initial_memory(double* memory) const { (void)memory; }
    virtual void update_memory(const Inputs& in, double* memory) const { (void)in; (void)memory; }
    // A linear capacitance across port k that the engines add in parallel (F).
    virtual double port_capacitance(int port) const { (void)port; return 0; }
    // Time points where the device's behaviour has corners (e.g. the grid of a noise
    // source) that the integrator should not step across; +inf when none after `t`.
    virtual double next_breakpoint(double t) const { (void)t; return std::numeric_limits<double>::infinity(); }
    // Safe operating limits, for warnings by circuit studies (V and A; +inf: none).
    virtual double max_safe_voltage() const { return std::numeric_limits<double>::infinity(); }
    virtual double max_safe_current() const { return std::numeric_limits<double>::infinity(); }
};

class Family {
public:
    std::string_view name;         // the .model type and the code-model name, e.g. "stanford_rram"
    std::string_view description;
    std::vector<std::string_view> terminals;   // e.g. {"p", "n"}
    std::vector<StateInfo> states;
    std::vector<ParameterInfo> parameters;
    int memory_size = 0;           // discrete memory slots (hybrid models)
    bool stochastic = false;       // draws from the random stream
    std::unique_ptr<DeviceModel> (*create)(const ParameterSet&) = nullptr;

    int ports() const { return static_cast<int>(terminals.size()) - 1; }
    int parameter_index(std::string_view name) const;  // -1 when unknown

    // Defaults overridden by `given`, validated: an unknown name or a value outside its
    // range throws InputError at `where` naming the parameter, the value and the range.
    ParameterSet make_parameters(const Params& given, const SourceLocation& where) const;
    // Instance-line overrides on top of a model's parameters; only per_instance parameters
    // and state names (setting the state's initial_parameter) are allowed.
    ParameterSet make_instance_parameters(const ParameterSet& model, const Params& instance,
                                          const SourceLocation& where) const;
    // Checks a unit written after a number ("12nm" -> "m") against the parameter's unit;
    // throws InputError naming the parameter, the unit given and the unit expected.
    void check_unit(std::string_view parameter, std::string_view unit, const SourceLocation& where) const;
};

// Every registered family (devices/registry.cpp), and lookup by name (case-insensitive).
const std::vector<const Family*>& families();
const Family* find_family(std::string_view name);

}  // namespace memspice::devices
