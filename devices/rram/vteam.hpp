// VTEAM, the voltage-controlled threshold memristor model (Kvatinsky et al., IEEE TCAS-II
// 62(8), 2015). Equations, parameters and smoothing: devices/rram/README.md.
#pragma once

#include "devices/device.hpp"

namespace memspice::devices::rram {

const Family& vteam_family();

}  // namespace memspice::devices::rram
