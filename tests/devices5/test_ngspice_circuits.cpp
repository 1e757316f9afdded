// Circuit-level known answers for the Mott, MTJ, FTJ and Josephson families run through
// memspice.cm in the plain ngspice program (the expanded netlist form of
// devices/ngspice/README.md), against closed forms and the device-level reference
// integration: the Pearson-Anson oscillator frequency, the overdamped junction's <V>, an SFQ
// pulse's area and a flux quantum stored in a loop, FTJ pulse trains, precessional MTJ
// switching, and a thermal neuristor's spike train (hybrid memory inside ngspice).
#include <catch2/catch.hpp>

#include <cmath>
#include <numbers>
#include <string>
#include <vector>

#include "core/units.hpp"
#include "devices/device.hpp"
#include "devices/ftj/ftj.hpp"
#include "devices/mtj/mtj.hpp"
#include "devices/ngspice/codemodel_naming.hpp"
#include "devices/ngspice/netlist_expansion.hpp"
#include "tests/codemodels/ngspice_batch.hpp"
#include "tests/devices/device_test_support.hpp"
#include "tests/devices5/device_integrators.hpp"

using namespace memspice;

namespace {

constexpr double kPi = std::numbers::pi;
constexpr double kPhi0 = 6.62607015e-34 / (2 * 1.602176634e-19);

// The netlist lines of device `name` (terminals `nodes`) of `family` with card parameters.
std::vector<std::string> device_lines(const std::string& name, std::vector<std::string> nodes,
                                      const std::string& family, const Params& params) {
    Element e;
    e.type = ElementType::Device;
    e.name = name;
    e.nodes = std::move(nodes);
    e.model = "m" + name;
    Model m;
    m.name = "m" + name;
    m.type = family;
    m.params = params;
    return test::expanded_lines(devices::expand_for_ngspice(e, m));
}

std::vector<std::string> join(std::vector<std::string> a, const std::vector<std::string>& b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

std::string state(const std::string& instance, const std::string& name) {
    return "v(" + devices::codemodel::state_node(instance, name) + ")";
}

// Times at which `values` rises through `level`, by linear interpolation.
std::vector<double> rising(const std::vector<double>& t, const std::vector<double>& values, double level) {
    std::vector<double> out;
    for (std::size_t n = 1; n < t.size(); ++n)
        if (values[n - 1] < level && values[n] >= level)
            out.push_back(t[n - 1] + (t[n] - t[n - 1]) * (level - values[n - 1]) / (values[n] - values[n - 1]));
    return out;
}

}  // namespace

TEST_CASE("ngspice: the VO2 relaxation oscillator runs at the instant-switching frequency", "[ngspice][vo2_switch]") {
    // MODELS.md 2.1: V_DD 2.5 V - VO2 - node - (10 kOhm || 100 pF); formula 693.94 kHz.
    const auto lines = device_lines("a1", {"dd", "n"}, "vo2_switch", {{"tau_imt", 0.05e-9}, {"tau_mit", 0.25e-9}, {"dv", 1e-3}});
    const auto run = test::run_ngspice("vo2-oscillator", join({"vdd dd 0 dc 2.5", "rs n 0 10k", "c1 n 0 100p"}, lines),
                                       "tran 1n 8u 0 2n", {state("a1", "m"), "v(n)"});
    INFO(run.log);
    REQUIRE(run.has("time"));
    const auto events = rising(run["time"], run[state("a1", "m")], 0.5);
    REQUIRE(events.size() >= 5);
    const double f = static_cast<double>(events.size() - 2) / (events.back() - events[1]);
    INFO("ngspice frequency " << f << " Hz (formula 693.94 kHz, device-level integration 693.60 kHz)");
    CHECK(f == Approx(693.94e3).epsilon(2e-3));
}

TEST_CASE("ngspice: an overdamped current-biased junction gives <V> = R sqrt(I^2 - Ic^2)", "[ngspice][jj]") {
    const double ic = 100e-6, r = 6.86;
    for (double ratio : {1.5, 3.0}) {
        const double ib = ratio * ic, v_expected = r * std::sqrt(ib * ib - ic * ic), period = kPhi0 / v_expected;
        // The bias ramps up from zero (the junction's DC operating point has its phase held).
        const auto lines = device_lines("a1", {"n", "0"}, "jj", {{"rtype", 0}, {"cap", 0.1e-15}});
        const std::string source = "i1 0 n pwl(0 0 " + format_number(2 * period) + " " + format_number(ib) + ")";
        const auto run = test::run_ngspice("jj-overdamped", join({source, "r1 n 0 6.86"}, lines),
                                           "tran " + format_number(period / 200) + " " + format_number(40 * period) + " 0 " +
                                               format_number(period / 100),
                                           {state("a1", "phase"), "v(n)"});
        INFO(run.log);
        REQUIRE(run.has("time"));
        // Phase advance over the last 30 periods, and the node voltage's own average.
        const auto& t = run["time"];
        const auto& phase = run[state("a1", "phase")];
        const auto& v = run["v(n)"];
        std::size_t k0 = 0;
        while (t[k0] < 10 * period) ++k0;
        const std::size_t k1 = t.size() - 1;
        const double v_from_phase = kPhi0 / (2 * kPi) * (phase[k1] - phase[k0]) / (t[k1] - t[k0]);
        double area = 0;
        for (std::size_t k = k0 + 1; k <= k1; ++k) area += 0.5 * (v[k] + v[k - 1]) * (t[k] - t[k - 1]);
        INFO("I/Ic = " << ratio << ": <V> from the phase " << v_from_phase << " V, from v(n) " << area / (t[k1] - t[k0])
                       << " V, expected " << v_expected << " V");
        CHECK(v_from_phase == Approx(v_expected).epsilon(1e-3));
        // Flux and phase agree: the integral of the node voltage is Phi0/2pi times the phase.
        CHECK(area == Approx(kPhi0 / (2 * kPi) * (phase[k1] - phase[k0])).epsilon(1e-3));
    }
}

TEST_CASE("ngspice: an SFQ pulse carries one flux quantum", "[ngspice][jj]") {
    // A shunted junction (6.86 Ohm, 20 fF: beta_c = 0.29, not hysteretic) biased at 0.6 Ic
    // (ramped up from zero), kicked by a 4 ps current pulse of 0.6 Ic: it slips by 2 pi once
    // and returns to its static phase asin(0.6); the voltage pulse integrates to Phi0.
    const auto lines = device_lines("a1", {"n", "0"}, "jj", {{"rtype", 0}, {"cap", 20e-15}});
    const auto run = test::run_ngspice("jj-sfq",
                                       join({"i1 0 n pwl(0 0 20p 60u)", "i2 0 n pulse(0 60u 50p 1p 1p 4p 1)",
                                             "r1 n 0 6.86"},
                                            lines),
                                       "tran 0.01p 150p 0 0.05p", {state("a1", "phase"), "v(n)"});
    INFO(run.log);
    REQUIRE(run.has("time"));
    const auto& t = run["time"];
    const auto& v = run["v(n)"];
    const auto& phase = run[state("a1", "phase")];
    std::size_t k0 = 0;
    while (t[k0] < 45e-12) ++k0;
    double area = 0;
    for (std::size_t k = k0 + 1; k < t.size(); ++k) area += 0.5 * (v[k] + v[k - 1]) * (t[k] - t[k - 1]);
    INFO("phase before " << phase[k0] << ", after " << phase.back() << "; pulse area " << area << " Wb (Phi0 " << kPhi0 << ")");
    CHECK(phase[k0] == Approx(std::asin(0.6)).epsilon(1e-3));
    CHECK(phase.back() - phase[k0] == Approx(2 * kPi).epsilon(1e-3));
    CHECK(area == Approx(kPhi0).epsilon(2e-3));
    CHECK(std::abs(v.back()) < 1e-7);
}

TEST_CASE("ngspice: a junction-inductor loop stores the flux of one slip", "[ngspice][jj]") {
    // Junction (shunted, beta_c = 0.29) in parallel with L = 20 pH: beta_L = 2 pi L Ic/Phi0 = 6.08.
    // A 35 ps pulse of 1.5 Ic makes the junction slip once; afterwards no current is applied and
    // the loop rests where Ic sin(phase) + L^-1 Phi0 phase / 2pi = 0, i.e. phase + beta_L
    // sin(phase) = 0, in the well beyond pi (phase = 5.22): the inductor keeps 0.83 Phi0, and its
    // flux equals the junction's phase (the phase is the unknown, nothing is reconstructed).
    const double ic = 100e-6, l = 20e-12;
    const auto lines = device_lines("a1", {"n", "0"}, "jj", {{"rtype", 0}, {"cap", 20e-15}});
    const auto run = test::run_ngspice("jj-loop",
                                       join({"i1 0 n pwl(0 0 10p 0 15p 150u 50p 150u 55p 0)", "r1 n 0 6.86", "l1 n 0 20p"},
                                            lines),
                                       "tran 0.01p 300p 0 0.05p", {state("a1", "phase"), "v(n)", "i(l1)"});
    INFO(run.log);
    REQUIRE(run.has("time"));
    const double phase = run[state("a1", "phase")].back(), current = run["i(l1)"].back();
    const double beta_l = 2 * kPi * l * ic / kPhi0;
    INFO("final phase " << phase << ", inductor current " << current << " A, beta_L " << beta_l);
    CHECK(phase > kPi);
    CHECK(phase < 2 * kPi);
    CHECK(phase + beta_l * std::sin(phase) == Approx(0).margin(1e-3));
    CHECK(l * std::abs(current) == Approx(kPhi0 / (2 * kPi) * phase).epsilon(1e-3));
}

TEST_CASE("ngspice: FTJ pulse trains follow KAI in equivalent time", "[ngspice][ftj]") {
    // 2 V pulses (tau = 33.1 ns) of 6.62 ns, 1 ps edges: after N pulses s = 1 - exp(-(0.2 N)^2).
    const double tau = 1e-9 * std::exp(3.5), tp = 0.2 * tau;
    const auto lines = device_lines("a1", {"p", "0"}, "ftj", {});
    const std::string source = "v1 p 0 pulse(0 2 0 1p 1p " + format_number(tp - 1e-12) + " " + format_number(3 * tp) + ")";
    const auto run = test::run_ngspice("ftj-pulses", join({source}, lines),
                                       "tran 0.1n " + format_number(15 * tp) + " 0 0.2n", {state("a1", "s"), state("a1", "clock")});
    INFO(run.log);
    REQUIRE(run.has("time"));
    const auto& t = run["time"];
    const auto& clock = run[state("a1", "clock")];
    for (int pulses : {1, 2, 3, 4, 5}) {
        // Just before the next pulse.
        const double at = (3 * pulses - 0.5) * tp;
        std::size_t k = 0;
        while (t[k] < at) ++k;
        const double x = clock[k];  // equivalent time in units of tau
        INFO(pulses << " pulses: clock " << x << " (expected " << 0.2 * pulses << " up to the 1 ps edges)");
        CHECK(x == Approx(0.2 * pulses).epsilon(2e-3));
        CHECK(run[state("a1", "s")][k] == Approx(1 - std::exp(-std::pow(0.2 * pulses, 2))).margin(2e-3));
    }
}

TEST_CASE("ngspice: precessional MTJ switching time under a current bias", "[ngspice][mtj]") {
    const auto& family = devices::mtj::mtj_family();
    const auto params = family.make_parameters({{"tflip", 1e-12}, {"tmr0", 0}}, {});
    const auto d = devices::mtj::mtj_derived(params);
    for (double ratio : {2.0, 4.0}) {
        const double expected = d.precession_time / (ratio - 1);
        // A current source against the P state (negative: toward AP).
        const auto lines = device_lines("a1", {"n", "0"}, "mtj", {{"tflip", 1e-12}, {"tmr0", 0}});
        const std::string source = "i1 n 0 dc " + format_number(ratio * d.ic0);
        const auto run = test::run_ngspice("mtj-precession", join({source}, lines),
                                           "tran 1p " + format_number(3 * expected) + " 0 5p", {state("a1", "m")});
        INFO(run.log);
        REQUIRE(run.has("time"));
        // m crosses 0 a time tflip ln 2 after the reversal starts.
        std::vector<double> neg;
        for (double m : run[state("a1", "m")]) neg.push_back(-m);
        const auto cross = rising(run["time"], neg, 0.0);
        REQUIRE(cross.size() == 1);
        INFO("I/Ic0 = " << ratio << ": switched at " << cross[0] << " s, expected " << expected << " s");
        CHECK(cross[0] - 1e-12 * std::log(2.0) == Approx(expected).epsilon(2e-3));
    }
}

TEST_CASE("ngspice: the thermal neuristor's spikes match the device-level integration", "[ngspice][vo2_thermal]") {
    // Hybrid memory inside ngspice (updated at accepted points, rolled back with rejected ones).
    const auto lines = device_lines("a1", {"n", "0"}, "vo2_thermal", {});
    // Started with the capacitor discharged (uic, as the reference), not from the operating point.
    const auto run = test::run_ngspice("neuristor",
                                       join({"vin in 0 dc 13.44", "rl in n 12k", "c1 n 0 145.3p", ".ic v(n)=0"}, lines),
                                       "tran 1n 20u 0 2n uic", {state("a1", "temp"), "v(n)"});
    INFO(run.log);
    REQUIRE(run.has("time"));
    // The current through the device is v(n)/R(T); spikes show as the node voltage collapsing.
    const auto& t = run["time"];
    std::vector<double> minus_v;
    for (double v : run["v(n)"]) minus_v.push_back(-v);
    const auto spikes = rising(t, minus_v, -3.0);  // v(n) falls through 3 V

    // Reference: the same circuit integrated at device level (tests/devices5), 0.25 ns steps.
    const auto& family = *devices::find_family("vo2_thermal");
    const auto model = test::make_model(family);
    test::Instance dev(family, *model, {325.0});
    test::NodeLoad load;
    load.capacitance = 145.3e-12;
    load.current = [](double, double w) { return (13.44 - w) / 12e3; };
    load.slope = [](double, double) { return -1 / 12e3; };
    std::vector<double> ref;
    double previous = 0;
    test::one_node_circuit(dev, load, 0.0, 0, 20e-6, 0.25e-9, [&](const test::StepView& s) {
        if (previous > 3.0 && s.w <= 3.0) ref.push_back(s.t);
        previous = s.w;
        return true;
    });
    INFO(spikes.size() << " spikes in ngspice, " << ref.size() << " in the reference");
    std::string listing;
    for (std::size_t k = 0; k < std::max(spikes.size(), ref.size()); ++k)
        listing += format_number(k < spikes.size() ? spikes[k] : -1) + " / " + format_number(k < ref.size() ? ref[k] : -1) + "\n";
    INFO("spike times, ngspice / reference:\n" << listing);
    REQUIRE(spikes.size() >= 8);
    REQUIRE(spikes.size() == ref.size());
    double worst = 0;
    for (std::size_t k = 0; k < spikes.size(); ++k) worst = std::max(worst, std::abs(spikes[k] - ref[k]));
    INFO("largest spike-time difference " << worst << " s");
    CHECK(worst < 20e-9);  // of ~2 us intervals
}
