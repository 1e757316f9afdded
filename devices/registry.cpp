// The registry of device families: adding a model to both engines is a model file plus
// one line here.
#include "devices/device.hpp"
#include "devices/rram/hp_memristor.hpp"
#include "devices/rram/stanford_rram.hpp"
#include "devices/rram/team.hpp"
#include "devices/rram/vteam.hpp"
#include "devices/rram/yakopcic.hpp"

// Mott (VO2), MTJ, FTJ and Josephson junction families.
#include "devices/ftj/ftj.hpp"
#include "devices/josephson/jj.hpp"
#include "devices/mott/vo2_switch.hpp"
#include "devices/mott/vo2_thermal.hpp"
#include "devices/mtj/mtj.hpp"

namespace memspice::devices {

const std::vector<const Family*>& families() {
    static const std::vector<const Family*> all = {
        &rram::hp_memristor_family(),
        &rram::vteam_family(),
        &rram::team_family(),
        &rram::yakopcic_family(),
        &rram::stanford_rram_family(),

        // Mott (VO2), MTJ, FTJ and Josephson junction families.
        &josephson::jj_family(),
        &mott::vo2_switch_family(),
        &mott::vo2_thermal_family(),
        &mtj::mtj_family(),
        &ftj::ftj_family(),
    };
    return all;
}

}  // namespace memspice::devices
