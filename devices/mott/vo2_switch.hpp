// VO2 Mott threshold switch, two-state hysteretic model (family `vo2_switch`): a phase
// variable m (0 insulating, 1 metallic) relaxing smoothly toward the phase its voltage
// selects, bistable between V_MIT and V_IMT. Equations and parameters:
// devices/mott/README.md.
#pragma once

#include "devices/device.hpp"

namespace memspice::devices::mott {

const Family& vo2_switch_family();

}  // namespace memspice::devices::mott
