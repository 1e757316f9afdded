/* The one XSPICE code-model function behind every memspice family (memspice_shim_run); the
 * generated cfunc.mod of a family only calls it with the family's index. It maps ngspice's
 * connections, parameters and analysis modes onto devices::DeviceModel through bridge.h.
 *
 * Connections: 0..P-1 terminal ports (%gd: input v(t_k) - v(t_last), output the port current),
 * then one %g connection per state (input: the state, the voltage of its node; output: a
 * current into ground that, with the 1 F capacitor the netlist puts on the node, makes
 * the node obey the state equation).
 * - DC (.op, .dc, the operating point before a transient): state output x - x0 with partial
 *   1, so the state is held at its initial value x0 (the capacitor is open in DC).
 * - Transient: state output -dx/dt = -f(v, x), partials -df/dv and -df/dx: the capacitor
 *   current C dx/dt plus it is zero, so dx/dt = f. ngspice integrates the node with its own
 *   method and truncation-error control.
 * - AC: the same linearization as the transient, as complex gains.
 * Hybrid models keep their discrete memory in cm_analog_alloc state: a step is evaluated
 * with the memory of the last accepted time point (state 1) and the updated memory goes
 * into state 0, which ngspice keeps only if the time point is accepted.
 * A parameter error is printed once ("memspice error: ...") and the instance then refuses
 * to converge, which stops any analysis. */
#include "ngspice/cm.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bridge.h"
#include "shim.h"

#define MESSAGE_SIZE 512
#define ERROR_PREFIX "memspice error: "

typedef struct {
    memspice_cm_model *model; /* NULL after a parameter error */
    memspice_cm_shape shape;
    double x0[MEMSPICE_CM_MAX_STATES];
} shim_instance;

static void report(const char *text)
{
    char line[MESSAGE_SIZE + sizeof(ERROR_PREFIX)];
    snprintf(line, sizeof line, "%s%s", ERROR_PREFIX, text);
    cm_message_send(line);
}

static void destroy_instance(Mif_Private_t *mp, Mif_Callback_Reason_t reason)
{
    shim_instance *inst = (shim_instance *) mp->inst_var[0]->element[0].pvalue;
    if (reason != MIF_CB_DESTROY || !inst)
        return;
    if (inst->model)
        memspice_cm_destroy(inst->model);
    free(inst);
    mp->inst_var[0]->element[0].pvalue = NULL;
}

/* The instance's random-stream key: the hidden parameter instance_key when given (the
 * memspice netlist writer always gives it), else the key of the instance name read off the
 * first state node, which memspice names <instance>#<state>. */
static double stream_key(Mif_Private_t *mp, const memspice_cm_shape *shape)
{
    Mif_Param_Data_t *key = mp->param[shape->parameters];
    if (!key->is_null)
        return key->element[0].rvalue;
    if (shape->states > 0) {
        const char *node = mp->conn[shape->ports]->port[0]->pos_node_str;
        const char *hash = node ? strchr(node, '#') : NULL;
        if (hash && hash > node && (size_t) (hash - node) < MESSAGE_SIZE) {
            char name[MESSAGE_SIZE];
            memcpy(name, node, (size_t) (hash - node));
            name[hash - node] = '\0';
            return memspice_cm_device_key(name);
        }
    }
    return 0.0;
}

static shim_instance *create_instance(Mif_Private_t *mp, int family, const char *name)
{
    char message[MESSAGE_SIZE];
    int given[256];
    double values[256];
    int k;
    shim_instance *inst = (shim_instance *) calloc(1, sizeof *inst);
    if (!inst) {
        report("out of memory");
        return NULL;
    }
    mp->inst_var[0]->element[0].pvalue = inst;
    *(mp->callback) = destroy_instance;
    if (memspice_cm_family_shape(family, name, &inst->shape, message, sizeof message) != 0) {
        report(message);
        return inst;
    }
    if (inst->shape.parameters > 256) {
        report("too many parameters for the code-model shim");
        return inst;
    }
    for (k = 0; k < inst->shape.parameters; ++k) {
        given[k] = !mp->param[k]->is_null;
        values[k] = given[k] ? mp->param[k]->element[0].rvalue : 0.0;
    }
    inst->model = memspice_cm_create(family, given, values, stream_key(mp, &inst->shape), message, sizeof message);
    if (!inst->model) {
        report(message);
        return inst;
    }
    memspice_cm_initial_state(inst->model, inst->x0);
    if (inst->shape.memory_size > 0) {
        double *now, *last;
        cm_analog_alloc(0, (int) (sizeof(double) * (size_t) inst->shape.memory_size));
        now = (double *) cm_analog_get_ptr(0, 0);
        last = (double *) cm_analog_get_ptr(0, 1);
        memspice_cm_initial_memory(inst->model, now);
        memcpy(last, now, sizeof(double) * (size_t) inst->shape.memory_size);
    }
    return inst;
}

static void set_partial(Mif_Private_t *mp, int out, int in, double value, int ac)
{
    if (ac) {
        Complex_t gain;
        gain.real = value;
        gain.imag = 0.0;
        mp->conn[out]->port[0]->ac_gain[in].port[0] = gain;
    } else {
        mp->conn[out]->port[0]->partial[in].port[0] = value;
    }
}

void memspice_shim_run(Mif_Private_t *mp, int family, const char *name)
{
    shim_instance *inst = (shim_instance *) mp->inst_var[0]->element[0].pvalue;
    const Mif_Analysis_t analysis = mp->circuit.anal_type;
    const int ac = analysis == MIF_AC;
    const int tran = analysis == MIF_TRAN;
    double v[MEMSPICE_CM_MAX_PORTS], x[MEMSPICE_CM_MAX_STATES];
    const double *memory = NULL;
    memspice_cm_outputs out;
    char message[MESSAGE_SIZE];
    int np, ns, r, c;
    double t;

    if (mp->circuit.init) {
        if (inst)
            destroy_instance(mp, MIF_CB_DESTROY);
        inst = create_instance(mp, family, name);
    }
    if (!inst || !inst->model) {
        /* Never converging stops the analysis. The state nodes are tied to 0 (else the matrix
         * is singular and ngspice adds warnings to the message that matters); the terminal
         * outputs stay zero (MIFload clears them). */
        if (inst && mp->circuit.anal_type != MIF_AC)
            for (r = 0; r < inst->shape.states; ++r) {
                Mif_Port_Data_t *port = mp->conn[inst->shape.ports + r]->port[0];
                port->output.rvalue = port->input.rvalue;
                port->partial[inst->shape.ports + r].port[0] = 1.0;
            }
        cm_analog_not_converged();
        return;
    }

    np = inst->shape.ports;
    ns = inst->shape.states;
    for (r = 0; r < np; ++r)
        v[r] = mp->conn[r]->port[0]->input.rvalue;
    for (r = 0; r < ns; ++r)
        x[r] = mp->conn[np + r]->port[0]->input.rvalue;
    t = tran ? mp->circuit.time : 0.0;
    if (inst->shape.memory_size > 0)
        memory = (const double *) cm_analog_get_ptr(0, tran ? 1 : 0);

    if (memspice_cm_evaluate(inst->model, t, v, x, memory, &out, message, sizeof message) != 0) {
        report(message);
        memspice_cm_destroy(inst->model);
        inst->model = NULL;
        cm_analog_not_converged();
        return;
    }
    for (r = 0; r < np; ++r) {
        if (!isfinite(out.i[r]))
            goto not_finite;
        for (c = 0; c < np; ++c)
            if (!isfinite(out.di_dv[r][c]))
                goto not_finite;
        for (c = 0; c < ns; ++c)
            if (!isfinite(out.di_dx[r][c]))
                goto not_finite;
    }
    for (r = 0; r < ns; ++r) {
        if (!isfinite(out.dxdt[r]))
            goto not_finite;
        for (c = 0; c < np; ++c)
            if (!isfinite(out.df_dv[r][c]))
                goto not_finite;
        for (c = 0; c < ns; ++c)
            if (!isfinite(out.df_dx[r][c]))
                goto not_finite;
    }

    /* Terminal ports: I(v, x). */
    for (r = 0; r < np; ++r) {
        if (!ac)
            mp->conn[r]->port[0]->output.rvalue = out.i[r];
        for (c = 0; c < np; ++c)
            set_partial(mp, r, c, out.di_dv[r][c], ac);
        for (c = 0; c < ns; ++c)
            set_partial(mp, r, np + c, out.di_dx[r][c], ac);
    }
    /* State ports: held in DC, -f(v, x) otherwise. */
    for (r = 0; r < ns; ++r) {
        if (analysis == MIF_DC) {
            mp->conn[np + r]->port[0]->output.rvalue = x[r] - inst->x0[r];
            set_partial(mp, np + r, np + r, 1.0, 0);
            continue;
        }
        if (!ac)
            mp->conn[np + r]->port[0]->output.rvalue = -out.dxdt[r];
        for (c = 0; c < np; ++c)
            set_partial(mp, np + r, c, -out.df_dv[r][c], ac);
        for (c = 0; c < ns; ++c)
            set_partial(mp, np + r, np + c, -out.df_dx[r][c], ac);
    }

    if (tran) {
        double next;
        if (inst->shape.memory_size > 0) {
            double *now = (double *) cm_analog_get_ptr(0, 0);
            memcpy(now, memory, sizeof(double) * (size_t) inst->shape.memory_size);
            if (memspice_cm_update_memory(inst->model, t, v, x, now, message, sizeof message) != 0) {
                report(message);
                memspice_cm_destroy(inst->model);
                inst->model = NULL;
                cm_analog_not_converged();
                return;
            }
        }
        next = memspice_cm_next_breakpoint(inst->model, t);
        if (next > t)
            cm_analog_set_temp_bkpt(next);
    }
    return;

not_finite:
    /* A Newton iterate far off (e.g. an exponential overflowing): reject the iteration; the
     * outputs stay zero. ngspice cuts the step or reports non-convergence. */
    cm_analog_not_converged();
}
