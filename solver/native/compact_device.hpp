// A memspice compact model (devices::Family, devices/device.hpp) in the MNA system.
//   A name t0 t1 ... model [state=value ...] [per-instance parameters]
//   .model model <family>(param=value ...)
// Ports: port k is v(t_k) - v(t_last), its current flows into t_k through the device and out
// of t_last. Each state is an unknown `<name>#<state>` (output as v(<name>#<state>)) with the
// equation x - x0 = 0 in DC analyses (states held at their initial values) and
// x' - f(v, x) = 0 in the transient, so IDA's error control sees the states (absolute
// tolerance vntol x the family's state scale). Port capacitances are linear capacitors
// across the ports. Hybrid models keep their discrete memory here: evaluations use the
// memory of the last accepted time point; update_memory runs after every accepted transient
// point (not in DC). The model's breakpoints are the transient's breakpoints; stochastic
// models get the random stream key random::device_key(name).
#pragma once

#include <memory>
#include <vector>

#include "core/circuit.hpp"
#include "devices/device.hpp"
#include "solver/native/element.hpp"
#include "solver/native/options.hpp"

namespace memspice::native {

class CompactDevice final : public Element {
public:
    // `model`: the evaluated model, shared by instances with the same card and no overrides.
    CompactDevice(const memspice::Element& e, const devices::Family& family,
                  std::shared_ptr<const devices::DeviceModel> model, std::array<double, devices::kMaxStates> initial,
                  Unknowns& u);
    void add_unknowns(Unknowns& u) override;
    void request_entries(PatternBuilder& p) override;
    void bind(const PatternBuilder& p) override;
    void load(LoadContext& ctx) override;
    bool is_nonlinear() const override { return true; }
    bool is_reactive() const override { return true; }
    std::vector<int> terminals() const override;
    void topology(TopologySink& sink) const override;
    bool has_breakpoints() const override { return true; }
    double next_breakpoint(double t) const override { return model_->next_breakpoint(t); }
    bool has_memory() const override { return !memory_.empty(); }
    bool accept(const double* y, double t, Phase phase) override;

private:
    devices::Inputs inputs(const double* y, double t) const;

    const devices::Family& family_;
    std::shared_ptr<const devices::DeviceModel> model_;
    std::array<double, devices::kMaxStates> initial_;
    std::vector<int> nodes_;   // terminals, the last one the common return
    std::vector<int> states_;  // state unknowns
    std::vector<double> memory_;
    std::uint64_t stream_;
    std::vector<double> port_capacitance_;
    // Dense block over (terminals, states): slot_[row][col].
    std::vector<std::vector<int>> slot_;
};

// Builds a CompactDevice for an A element whose model is a registered family; null when the
// model is not a memspice family. Model cards are evaluated once and shared (cache).
class CompactDeviceFactory {
public:
    explicit CompactDeviceFactory(const Circuit& circuit) : circuit_(circuit) {}
    std::unique_ptr<Element> make(const memspice::Element& e, Unknowns& u);

private:
    const Circuit& circuit_;
    struct Card {
        std::shared_ptr<const devices::DeviceModel> model;
        std::unique_ptr<devices::ParameterSet> parameters;
    };
    std::vector<std::pair<std::string, Card>> cards_;
};

}  // namespace memspice::native
