/* The C interface between the XSPICE shim (shim.c, compiled against ngspice's headers) and
 * the C++ device models (bridge.cpp, compiled against devices/device.hpp). Neither side sees
 * the other's headers: plain numbers and arrays cross, and no C++ exception does.
 *
 * Every function that can fail returns 0 on success and otherwise writes a message (without
 * the "memspice error:" prefix, which the shim adds) into `message` of `message_size` bytes. */
#ifndef MEMSPICE_CM_BRIDGE_H
#define MEMSPICE_CM_BRIDGE_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Must equal devices::kMaxPorts / kMaxStates / kMaxMemory (checked in bridge.cpp). */
#define MEMSPICE_CM_MAX_PORTS 3
#define MEMSPICE_CM_MAX_STATES 4
#define MEMSPICE_CM_MAX_MEMORY 8

/* The shape of a family, as the shim's connections and parameters are laid out:
 * connections 0..ports-1 are the terminal ports (%gd), then one %g connection per state;
 * parameters 0..parameters-1 are the family's, then the hidden instance_key. */
typedef struct {
    int ports;
    int states;
    int parameters;
    int memory_size;
} memspice_cm_shape;

/* One evaluation: devices::Outputs as plain arrays. */
typedef struct {
    double i[MEMSPICE_CM_MAX_PORTS];
    double dxdt[MEMSPICE_CM_MAX_STATES];
    double di_dv[MEMSPICE_CM_MAX_PORTS][MEMSPICE_CM_MAX_PORTS];
    double di_dx[MEMSPICE_CM_MAX_PORTS][MEMSPICE_CM_MAX_STATES];
    double df_dv[MEMSPICE_CM_MAX_STATES][MEMSPICE_CM_MAX_PORTS];
    double df_dx[MEMSPICE_CM_MAX_STATES][MEMSPICE_CM_MAX_STATES];
} memspice_cm_outputs;

/* A validated model of one instance (its parameters, initial state and random stream). */
typedef struct memspice_cm_model memspice_cm_model;

/* The family at `index` of devices::families(); fails if its name is not `name` (the shim
 * and the library were generated from different registries). */
int memspice_cm_family_shape(int index, const char* name, memspice_cm_shape* shape, char* message,
                             size_t message_size);

/* Validates the parameters given on the .model card (given[k] != 0: values[k] was set;
 * the others take the family's defaults) and builds the model. `stream_key` is the
 * instance's devices::random::device_key. Returns NULL and a message naming the parameter,
 * its value and the allowed range on a parameter error. */
memspice_cm_model* memspice_cm_create(int family_index, const int* given, const double* values,
                                      double stream_key, char* message, size_t message_size);
void memspice_cm_destroy(memspice_cm_model* model);

/* Initial states (x0) and initial discrete memory of hybrid models. */
void memspice_cm_initial_state(const memspice_cm_model* model, double* x0);
void memspice_cm_initial_memory(const memspice_cm_model* model, double* memory);

/* devices::DeviceModel::evaluate at time t (0 in DC) for port voltages v and states x. */
int memspice_cm_evaluate(const memspice_cm_model* model, double t, const double* v, const double* x,
                         const double* memory, memspice_cm_outputs* out, char* message,
                         size_t message_size);
/* devices::DeviceModel::update_memory for the point (t, v, x); memory in and out. */
int memspice_cm_update_memory(const memspice_cm_model* model, double t, const double* v, const double* x,
                              double* memory, char* message, size_t message_size);
/* devices::DeviceModel::next_breakpoint: the first corner after t, or a negative number when none. */
double memspice_cm_next_breakpoint(const memspice_cm_model* model, double t);

/* devices::random::device_key of an instance name, as a double (exact: it has 53 bits). */
double memspice_cm_device_key(const char* instance_name);

#ifdef __cplusplus
}
#endif

#endif
