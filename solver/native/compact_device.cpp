#include "solver/native/compact_device.hpp"

#include <algorithm>
#include <cmath>

#include "devices/random.hpp"

namespace memspice::native {

CompactDevice::CompactDevice(const memspice::Element& e, const devices::Family& family,
                             std::shared_ptr<const devices::DeviceModel> model,
                             std::array<double, devices::kMaxStates> initial, Unknowns& u)
    : Element(e), family_(family), model_(std::move(model)), initial_(initial),
      stream_(devices::random::device_key(e.name)) {
    if (e.nodes.size() != family.terminals.size()) {
        std::string names;
        for (std::string_view t : family.terminals) {
            if (!names.empty()) names += ' ';
            names += t;
        }
        throw InputError(e.where, e.name + ": a " + std::string(family.name) + " device has " +
                                      std::to_string(family.terminals.size()) + " terminals (" + names + "), got " +
                                      std::to_string(e.nodes.size()) + " nodes");
    }
    for (const std::string& n : e.nodes) nodes_.push_back(u.node(n));
    memory_.assign(static_cast<std::size_t>(family.memory_size), 0.0);
    if (!memory_.empty()) model_->initial_memory(memory_.data());
    for (int k = 0; k < family.ports(); ++k) port_capacitance_.push_back(model_->port_capacitance(k));
}

void CompactDevice::add_unknowns(Unknowns& u) {
    for (const devices::StateInfo& s : family_.states)
        states_.push_back(u.add(UnknownKind::State, name() + "#" + std::string(s.name), name(), s.scale));
}

std::vector<int> CompactDevice::terminals() const {
    std::vector<int> all = nodes_;
    all.insert(all.end(), states_.begin(), states_.end());
    return all;
}

void CompactDevice::topology(TopologySink& sink) const {
    for (std::size_t k = 0; k + 1 < nodes_.size(); ++k) sink.conductive(nodes_[k], nodes_.back(), name());
}

void CompactDevice::request_entries(PatternBuilder& p) {
    for (int& n : nodes_) n = at(p, n);
    const std::vector<int> all = terminals();
    slot_.assign(all.size(), std::vector<int>(all.size(), 0));
    for (std::size_t r = 0; r < all.size(); ++r)
        for (std::size_t c = 0; c < all.size(); ++c) slot_[r][c] = p.request(all[r], all[c]);
    for (int s : states_) p.mark_differential(s);
    for (std::size_t k = 0; k < port_capacitance_.size(); ++k)
        if (port_capacitance_[k] != 0) p.mark_differential(nodes_[k]), p.mark_differential(nodes_.back());
}

void CompactDevice::bind(const PatternBuilder& p) {
    for (auto& row : slot_)
        for (int& s : row) p.resolve(s);
}

devices::Inputs CompactDevice::inputs(const double* y, double t) const {
    devices::Inputs in;
    in.time = t;
    const double reference = y[nodes_.back()];
    for (std::size_t k = 0; k + 1 < nodes_.size(); ++k) in.v[k] = y[nodes_[k]] - reference;
    for (std::size_t k = 0; k < states_.size(); ++k) in.x[k] = y[states_[k]];
    in.memory = memory_.empty() ? nullptr : memory_.data();
    in.stream = stream_;
    return in;
}

void CompactDevice::load(LoadContext& ctx) {
    const int ports = family_.ports();
    const int n_states = static_cast<int>(states_.size());
    const std::size_t last = nodes_.size() - 1;
    const double time = ctx.phase == Phase::Transient ? ctx.time : 0;
    const devices::Inputs in = inputs(ctx.y, time);
    devices::Outputs out;
    model_->evaluate(in, out);
    const bool dynamic = ctx.phase == Phase::Transient;  // states evolve; DC and uic: held

    if (ctx.residual) {
        double into_last = 0;
        for (int k = 0; k < ports; ++k) {
            double i = out.i[static_cast<std::size_t>(k)];
            if (ctx.ydot && port_capacitance_[static_cast<std::size_t>(k)] != 0)
                i += port_capacitance_[static_cast<std::size_t>(k)] *
                     (ctx.ydot[nodes_[static_cast<std::size_t>(k)]] - ctx.ydot[nodes_[last]]);
            ctx.residual[nodes_[static_cast<std::size_t>(k)]] += i;
            into_last += i;
        }
        ctx.residual[nodes_[last]] -= into_last;
        for (int s = 0; s < n_states; ++s) {
            const int x = states_[static_cast<std::size_t>(s)];
            if (dynamic) {
                ctx.residual[x] += -out.dxdt[static_cast<std::size_t>(s)] + (ctx.ydot ? ctx.ydot[x] : 0.0);
            } else {
                ctx.residual[x] += ctx.y[x] - initial_[static_cast<std::size_t>(s)];
            }
        }
    }
    if (ctx.g) {
        // Block rows/columns: terminals 0..last, then states. A port voltage v_j depends on
        // terminal j (+1) and on the last terminal (-1).
        const std::size_t t = nodes_.size();
        for (int k = 0; k < ports; ++k) {
            const auto row = static_cast<std::size_t>(k);
            for (int j = 0; j < ports; ++j) {
                const double d = out.di_dv[row][static_cast<std::size_t>(j)];
                ctx.g[slot_[row][static_cast<std::size_t>(j)]] += d;
                ctx.g[slot_[row][last]] -= d;
                ctx.g[slot_[last][static_cast<std::size_t>(j)]] -= d;
                ctx.g[slot_[last][last]] += d;
            }
            for (int s = 0; s < n_states; ++s) {
                const double d = out.di_dx[row][static_cast<std::size_t>(s)];
                ctx.g[slot_[row][t + static_cast<std::size_t>(s)]] += d;
                ctx.g[slot_[last][t + static_cast<std::size_t>(s)]] -= d;
            }
        }
        for (int s = 0; s < n_states; ++s) {
            const std::size_t row = t + static_cast<std::size_t>(s);
            if (!dynamic) {
                ctx.g[slot_[row][row]] += 1;
                continue;
            }
            for (int j = 0; j < ports; ++j) {
                const double d = out.df_dv[static_cast<std::size_t>(s)][static_cast<std::size_t>(j)];
                ctx.g[slot_[row][static_cast<std::size_t>(j)]] -= d;
                ctx.g[slot_[row][last]] += d;
            }
            for (int q = 0; q < n_states; ++q)
                ctx.g[slot_[row][t + static_cast<std::size_t>(q)]] -= out.df_dx[static_cast<std::size_t>(s)][static_cast<std::size_t>(q)];
        }
    }
    if (ctx.c) {
        const std::size_t t = nodes_.size();
        if (dynamic)
            for (int s = 0; s < n_states; ++s) ctx.c[slot_[t + static_cast<std::size_t>(s)][t + static_cast<std::size_t>(s)]] += ctx.cj;
        for (int k = 0; k < ports; ++k) {
            const double cap = ctx.cj * port_capacitance_[static_cast<std::size_t>(k)];
            if (cap == 0) continue;
            const auto row = static_cast<std::size_t>(k);
            ctx.c[slot_[row][row]] += cap, ctx.c[slot_[last][last]] += cap;
            ctx.c[slot_[row][last]] -= cap, ctx.c[slot_[last][row]] -= cap;
        }
    }
}

bool CompactDevice::accept(const double* y, double t, Phase phase) {
    // Hybrid models: the memory follows accepted transient points only (as in the ngspice
    // shim). Models keep their residual continuous across updates: no restart.
    if (phase == Phase::Transient && !memory_.empty()) model_->update_memory(inputs(y, t), memory_.data());
    return false;
}

std::unique_ptr<Element> CompactDeviceFactory::make(const memspice::Element& e, Unknowns& u) {
    const Model* model = circuit_.find_model(e.model);
    if (!model) throw InputError(e.where, e.name + ": model '" + e.model + "' is not defined");
    const devices::Family* family = devices::find_family(model->type);
    if (!family) return nullptr;
    auto card = std::find_if(cards_.begin(), cards_.end(), [&](const auto& c) { return c.first == model->name; });
    if (card == cards_.end()) {
        Card made;
        made.parameters = std::make_unique<devices::ParameterSet>(family->make_parameters(model->params, model->where));
        try {
            made.model = family->create(*made.parameters);
        } catch (const InputError& error) {
            throw InputError(model->where, "model " + model->name + ": " + error.message());
        }
        cards_.emplace_back(model->name, std::move(made));
        card = cards_.end() - 1;
    }
    std::shared_ptr<const devices::DeviceModel> device = card->second.model;
    devices::ParameterSet instance = *card->second.parameters;
    try {
        if (!e.params.empty()) {
            instance = family->make_instance_parameters(*card->second.parameters, e.params, e.where);
            device = family->create(instance);
        }
        const auto initial = device->initial_state(instance);
        for (std::size_t s = 0; s < family->states.size(); ++s)
            if (!std::isfinite(initial[s])) throw InputError(e.where, e.name + ": initial state is not finite");
        return std::make_unique<CompactDevice>(e, *family, device, initial, u);
    } catch (const InputError& error) {
        if (!error.where().file.empty() || error.where().line != 0) throw;
        throw InputError(e.where, e.name + ": " + error.message());
    }
}

}  // namespace memspice::native
