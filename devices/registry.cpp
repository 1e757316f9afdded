// The registry of device families: adding a model to both engines is a model file plus
// one line here.
#include "devices/device.hpp"
#include "devices/rram/hp_memristor.hpp"

namespace memspice::devices {

const std::vector<const Family*>& families() {
    static const std::vector<const Family*> all = {
        &rram::hp_memristor_family(),
    };
    return all;
}

}  // namespace memspice::devices
