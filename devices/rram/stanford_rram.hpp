// Stanford RRAM model v1.0.0 (Jiang, Yu, Wu, Engel, Guan, Wong; SISPAD 2014, IEEE TED 63(5)
// 2016): filament-gap dynamics with self-heating, a field threshold and step-independent
// cycle-to-cycle variation. Equations, parameters and smoothing: devices/rram/README.md.
#pragma once

#include "devices/device.hpp"

namespace memspice::devices::rram {

const Family& stanford_rram_family();

// The reference interval of the variation term: the random gap velocity is constant on
// each cell (k*dt, (k+1)*dt] and the cell boundaries are the model's breakpoints.
inline constexpr double kStanfordNoiseCell = 1e-9;  // s

}  // namespace memspice::devices::rram
