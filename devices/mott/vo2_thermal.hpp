// VO2 electro-thermal model (family `vo2_thermal`): the device temperature is the state,
// the resistance follows a hysteretic R(T) with return-point memory (a hybrid model: the
// reversal points are discrete memory). Equations and parameters: devices/mott/README.md.
#pragma once

#include "devices/device.hpp"

namespace memspice::devices::mott {

const Family& vo2_thermal_family();

}  // namespace memspice::devices::mott
