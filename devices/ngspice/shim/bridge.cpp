// The C++ side of the XSPICE shim (see bridge.h): the same DeviceModel the native engine
// evaluates, behind a C interface. Exceptions stop here and become messages.
#include "devices/ngspice/shim/bridge.h"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <memory>
#include <string>

#include "core/units.hpp"
#include "devices/device.hpp"
#include "devices/random.hpp"

static_assert(MEMSPICE_CM_MAX_PORTS == memspice::devices::kMaxPorts);
static_assert(MEMSPICE_CM_MAX_STATES == memspice::devices::kMaxStates);
static_assert(MEMSPICE_CM_MAX_MEMORY == memspice::devices::kMaxMemory);

struct memspice_cm_model {
    const memspice::devices::Family* family;
    memspice::devices::ParameterSet parameters;
    std::unique_ptr<memspice::devices::DeviceModel> device;
    std::uint64_t stream_key;
};

namespace {

using memspice::devices::Family;

void write_message(char* message, std::size_t size, const std::string& text) {
    if (message && size > 0) std::snprintf(message, size, "%s", text.c_str());
}

std::string what_of(const std::exception& e) {
    if (const auto* error = dynamic_cast<const memspice::Error*>(&e)) return error->message();
    return e.what();
}

memspice::devices::Inputs make_inputs(const memspice_cm_model& model, double t, const double* v,
                                      const double* x, const double* memory) {
    memspice::devices::Inputs in;
    in.time = t;
    for (int k = 0; k < model.family->ports(); ++k) in.v[static_cast<std::size_t>(k)] = v[k];
    for (std::size_t k = 0; k < model.family->states.size(); ++k) in.x[k] = x[k];
    in.memory = memory;
    in.stream = model.stream_key;
    return in;
}

}  // namespace

extern "C" {

int memspice_cm_family_shape(int index, const char* name, memspice_cm_shape* shape, char* message,
                             std::size_t message_size) {
    const auto& all = memspice::devices::families();
    if (index < 0 || static_cast<std::size_t>(index) >= all.size() || all[static_cast<std::size_t>(index)]->name != name) {
        write_message(message, message_size,
                      std::string("code model ") + name + " does not match the device registry this memspice.cm was "
                      "built with (rebuild memspice.cm)");
        return 1;
    }
    const Family& family = *all[static_cast<std::size_t>(index)];
    shape->ports = family.ports();
    shape->states = static_cast<int>(family.states.size());
    shape->parameters = static_cast<int>(family.parameters.size());
    shape->memory_size = family.memory_size;
    return 0;
}

memspice_cm_model* memspice_cm_create(int family_index, const int* given, const double* values,
                                      double stream_key, char* message, std::size_t message_size) {
    try {
        const Family& family = *memspice::devices::families().at(static_cast<std::size_t>(family_index));
        memspice::Params card;
        for (std::size_t k = 0; k < family.parameters.size(); ++k)
            if (given[k]) card[std::string(family.parameters[k].name)] = values[k];
        auto parameters = family.make_parameters(card, {});
        auto device = family.create(parameters);
        // Keys have 53 bits (devices/random.hpp), so they travel exactly as doubles.
        constexpr double max_key = 0x1p53 - 1;
        if (!(stream_key >= 0 && stream_key <= max_key)) {
            write_message(message, message_size, std::string(family.name) + " parameter instance_key = " +
                                                     memspice::format_number(stream_key) +
                                                     " is outside its allowed range [0, " + memspice::format_number(max_key) + "]");
            return nullptr;
        }
        return new memspice_cm_model{&family, std::move(parameters), std::move(device),
                                     static_cast<std::uint64_t>(stream_key)};
    } catch (const std::exception& e) {
        write_message(message, message_size, what_of(e));
        return nullptr;
    }
}

void memspice_cm_destroy(memspice_cm_model* model) { delete model; }

void memspice_cm_initial_state(const memspice_cm_model* model, double* x0) {
    const auto x = model->device->initial_state(model->parameters);
    for (std::size_t k = 0; k < model->family->states.size(); ++k) x0[k] = x[k];
}

void memspice_cm_initial_memory(const memspice_cm_model* model, double* memory) {
    model->device->initial_memory(memory);
}

int memspice_cm_evaluate(const memspice_cm_model* model, double t, const double* v, const double* x,
                         const double* memory, memspice_cm_outputs* out, char* message, std::size_t message_size) {
    try {
        memspice::devices::Outputs o;
        model->device->evaluate(make_inputs(*model, t, v, x, memory), o);
        const int np = model->family->ports();
        const int ns = static_cast<int>(model->family->states.size());
        for (int r = 0; r < np; ++r) {
            const auto rr = static_cast<std::size_t>(r);
            out->i[r] = o.i[rr];
            for (int c = 0; c < np; ++c) out->di_dv[r][c] = o.di_dv[rr][static_cast<std::size_t>(c)];
            for (int c = 0; c < ns; ++c) out->di_dx[r][c] = o.di_dx[rr][static_cast<std::size_t>(c)];
        }
        for (int r = 0; r < ns; ++r) {
            const auto rr = static_cast<std::size_t>(r);
            out->dxdt[r] = o.dxdt[rr];
            for (int c = 0; c < np; ++c) out->df_dv[r][c] = o.df_dv[rr][static_cast<std::size_t>(c)];
            for (int c = 0; c < ns; ++c) out->df_dx[r][c] = o.df_dx[rr][static_cast<std::size_t>(c)];
        }
        return 0;
    } catch (const std::exception& e) {
        write_message(message, message_size, what_of(e));
        return 1;
    }
}

int memspice_cm_update_memory(const memspice_cm_model* model, double t, const double* v, const double* x,
                              double* memory, char* message, std::size_t message_size) {
    try {
        model->device->update_memory(make_inputs(*model, t, v, x, memory), memory);
        return 0;
    } catch (const std::exception& e) {
        write_message(message, message_size, what_of(e));
        return 1;
    }
}

double memspice_cm_next_breakpoint(const memspice_cm_model* model, double t) {
    const double next = model->device->next_breakpoint(t);
    return std::isfinite(next) && next > t ? next : -1.0;
}

double memspice_cm_device_key(const char* instance_name) {
    return static_cast<double>(memspice::devices::random::device_key(instance_name));
}

}  // extern "C"
