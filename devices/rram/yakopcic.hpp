// Yakopcic's generalized memristor model (Yakopcic, Taha, Subramanyam, Pino, IEEE TCAD
// 32(8), 2013). Equations, parameters and smoothing: devices/rram/README.md.
#pragma once

#include "devices/device.hpp"

namespace memspice::devices::rram {

const Family& yakopcic_family();

}  // namespace memspice::devices::rram
