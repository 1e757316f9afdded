// TEAM, the current-controlled threshold memristor model (Kvatinsky et al., IEEE TCAS-I
// 60(1), 2013). Equations, parameters and smoothing: devices/rram/README.md.
#pragma once

#include "devices/device.hpp"

namespace memspice::devices::rram {

const Family& team_family();

}  // namespace memspice::devices::rram
