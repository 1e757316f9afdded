// Switches: ideal voltage- and current-controlled switches with hysteresis (switching times
// located exactly on a linear control ramp), and the smooth switch law.
#include <catch2/catch.hpp>

#include <cmath>

#include "circuit_builder.hpp"
#include "solver/native/native_engine.hpp"

using namespace memspice;
using test::CircuitBuilder;
using test::vec;
using Shape = TransientFunction::Shape;

TEST_CASE("voltage switch with hysteresis switches where the control ramp crosses vt +- vh") {
    // Control: 0 -> 2 V over 0..2 ms, back to 0 over 2..4 ms. vt = 1, vh = 0.5: on at
    // 1.5 V (t = 1.5 ms), off at 0.5 V (t = 3.5 ms).
    CircuitBuilder b("switch hysteresis");
    b.waveform(b.v("vc", "c", "0", 0), Shape::Pwl, {0, 0, 2e-3, 2, 4e-3, 0});
    b.v("vdd", "vdd", "0", 1);
    b.r("rl", "vdd", "out", 1e3);
    b.add(ElementType::VoltageSwitch, "s1", {"out", "0", "c", "0"}).model = "sm";
    b.model("sm", "sw", {{"vt", 1}, {"vh", 0.5}, {"ron", 10}, {"roff", 1e9}});
    b.tran(10e-6, 4e-3);
    const Plot tran = NativeEngine().run(b.circuit()).plots.at(0);
    const auto& t = vec(tran, "time").real;
    const auto& out = vec(tran, "v(out)").real;
    const double on = 1.0 * 10 / (1e3 + 10), off = 1.0 * 1e9 / (1e9 + 1e3);
    for (std::size_t k = 0; k < t.size(); ++k) {
        INFO("t = " << t[k]);
        if (t[k] < 1.5e-3 * (1 - 1e-6) || t[k] > 3.5e-3 * (1 + 1e-6)) CHECK(out[k] == Approx(off).epsilon(1e-9));
        else if (t[k] > 1.5e-3 * (1 + 1e-6) && t[k] < 3.5e-3 * (1 - 1e-6)) CHECK(out[k] == Approx(on).epsilon(1e-9));
    }
}

TEST_CASE("current-controlled switch follows the current of its controlling source") {
    CircuitBuilder b("csw");
    b.waveform(b.v("vc", "c", "0", 0), Shape::Pwl, {0, 0, 1e-3, 2});
    b.v("vsense", "c", "x", 0);
    b.r("rc", "x", "0", 1e3);  // i(vsense) = v(c) / 1k: 0 -> 2 mA
    b.v("vdd", "vdd", "0", 1);
    b.r("rl", "vdd", "out", 1e3);
    Element& w = b.add(ElementType::CurrentSwitch, "w1", {"out", "0"});
    w.model = "wm";
    w.controls = {"vsense"};
    b.model("wm", "csw", {{"it", 1e-3}, {"ron", 1}, {"roff", 1e6}});
    b.tran(10e-6, 1e-3);
    const Plot tran = NativeEngine().run(b.circuit()).plots.at(0);
    const auto& t = vec(tran, "time").real;
    const auto& out = vec(tran, "v(out)").real;
    for (std::size_t k = 0; k < t.size(); ++k) {
        if (t[k] < 0.5e-3 * (1 - 1e-6)) CHECK(out[k] == Approx(1e6 / (1e6 + 1e3)).epsilon(1e-9));
        if (t[k] > 0.5e-3 * (1 + 1e-6)) CHECK(out[k] == Approx(1.0 / (1 + 1e3)).epsilon(1e-9));
    }
}

TEST_CASE("smooth switch: log-conductance follows the smoothstep law, DC sweep converges") {
    const double vt = 1, width = 0.2, ron = 100, roff = 1e6;
    CircuitBuilder b("smooth switch");
    b.v("vc", "c", "0", 0);
    b.v("vdd", "vdd", "0", 1);
    b.r("rl", "vdd", "out", 1e3);
    b.add(ElementType::VoltageSwitch, "s1", {"out", "0", "c", "0"}).model = "sm";
    b.model("sm", "sw", {{"vt", vt}, {"ron", ron}, {"roff", roff}, {"smooth", width}});
    b.dc({DcSweep{"vc", 0, 2, 0.01}});
    const Plot dc = NativeEngine().run(b.circuit()).plots.at(0);
    const auto& x = vec(dc, "v-sweep").real;
    const auto& out = vec(dc, "v(out)").real;
    for (std::size_t k = 0; k < x.size(); ++k) {
        const double u = std::clamp((x[k] - vt) / width, -1.0, 1.0);
        const double s = (u + 1) * (u + 1) * (2 - u) / 4;
        const double g = std::exp(std::log(1 / roff) + std::log(roff / ron) * s);
        CHECK(out[k] == Approx(1 / (1 + 1e3 * g)).epsilon(1e-9));
    }
}
