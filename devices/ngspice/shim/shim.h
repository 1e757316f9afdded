/* The generic code-model function every generated cfunc.mod calls (see shim.c). Needs
 * ngspice/cm.h (Mif_Private_t) included first, as cmpp's output does. */
#ifndef MEMSPICE_CM_SHIM_H
#define MEMSPICE_CM_SHIM_H

/* `family` is the index in devices::families(), `name` the family's name (checked). */
void memspice_shim_run(Mif_Private_t *mif_private, int family, const char *name);

#endif
