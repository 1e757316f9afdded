// HP linear ion-drift memristor (Strukov et al., Nature 453, 2008) with a selectable
// window: none, Joglekar & Wolf (2009) or Biolek et al. (2009). Equations, parameters and
// smoothing: devices/rram/README.md.
#pragma once

#include "devices/device.hpp"

namespace memspice::devices::rram {

const Family& hp_memristor_family();

}  // namespace memspice::devices::rram
