// Circuits with closed-form answers, read from netlist text and run in the ngspice engine.
//
// Tolerances: ngspice's defaults are reltol = 1e-3, abstol = 1 pA, vntol = 1 uV. Newton
// iterations stop when an update is below reltol*|v| + vntol; on a linear circuit the first
// solve is already exact, so linear DC and AC answers are checked to 1e-9 relative (round-off
// of the sparse solve), and on nonlinear ones quadratic convergence leaves errors far below
// the last update. Transients run with tmax a small fraction of the circuit's time constant,
// and each check states the integration error it allows for. Every tolerance is tight enough
// to catch a wrong formula (a default parameter off, a factor of two).
#include "ngspice_test_support.hpp"

#include <algorithm>
#include <cmath>
#include <complex>
#include <numbers>

using namespace memspice;
using memspice::test::crossings;
using memspice::test::run_netlist;

namespace {

constexpr double pi = std::numbers::pi;

// ngspice's constants (src/include/ngspice/const.h) and default temperature, 27 C.
constexpr double boltzmann = 1.38064852e-23;
constexpr double charge = 1.6021766208e-19;
constexpr double kelvin_27c = 27.0 + 273.15;
constexpr double thermal_voltage = boltzmann * kelvin_27c / charge;  // 25.864 mV

// Index of the largest sample and the peak value refined by a parabola through it and
// its neighbours (the samples straddle the true maximum).
double refined_peak(const std::vector<double>& y, std::size_t k) {
    if (k == 0 || k + 1 >= y.size()) return y[k];
    const double a = y[k - 1], b = y[k], c = y[k + 1];
    const double denominator = a - 2 * b + c;
    if (denominator == 0) return b;
    const double offset = 0.5 * (a - c) / denominator;
    return b - 0.25 * (a - c) * offset;
}

// Local maxima of y (strictly above both neighbours), refined.
std::vector<double> peaks(const std::vector<double>& y) {
    std::vector<double> out;
    for (std::size_t k = 1; k + 1 < y.size(); ++k)
        if (y[k] > y[k - 1] && y[k] >= y[k + 1]) out.push_back(refined_peak(y, k));
    return out;
}

}  // namespace

TEST_CASE("RC step response follows V(1 - exp(-t/RC))") {
    const double r = 1e3, c = 1e-6, tau = r * c, v = 1.0;
    // 1 ns edges: the response lags an ideal step by 0.5 ns, 5e-7 tau, negligible.
    const auto result = run_netlist(R"(rc step
v1 in 0 pulse(0 1 0 1n 1n 1 2)
r1 in out 1k
c1 out 0 1u
.tran 10u 5m 0 10u
.end
)");
    REQUIRE(result.plots.size() == 1);
    const Plot& plot = result.plots[0];
    CHECK(plot.analysis == "tran");
    CHECK(plot.scale == "time");
    REQUIRE(plot.vectors.front().name == "time");
    const auto& t = plot.at("time").real;
    const auto& out = plot.at("v(out)").real;
    REQUIRE(t.size() > 400);  // tmax = tau/100 over 5 tau
    CHECK(t.back() == Approx(5 * tau).epsilon(1e-12));
    double worst = 0;
    for (std::size_t k = 0; k < t.size(); ++k)
        worst = std::max(worst, std::abs(out[k] - v * (1 - std::exp(-t[k] / tau))));
    INFO("largest deviation from the closed form: " << worst << " V");
    // With h <= tau/100 the trapezoidal rule's global error is about (h/tau)^2/12 * V = 8e-6 V.
    CHECK(worst < 1e-4 * v);
    // The source current is the capacitor's charging current, -V/R exp(-t/RC) (into the + node).
    const auto& i = plot.at("i(v1)").real;
    for (std::size_t k = 0; k < t.size(); k += 50)
        if (t[k] > 1e-6) CHECK(i[k] == Approx(-v / r * std::exp(-t[k] / tau)).margin(1e-3 * v / r));
}

TEST_CASE("series RLC rings at the damped frequency and decays at R/2L") {
    const double r = 10, l = 1e-3, c = 1e-6;
    const double alpha = r / (2 * l);                        // 5000 1/s
    const double omega0 = 1 / std::sqrt(l * c);              // 31623 rad/s
    const double omegad = std::sqrt(omega0 * omega0 - alpha * alpha);  // 31225 rad/s
    const double period = 2 * pi / omegad;                   // 201.2 us
    const auto result = run_netlist(R"(rlc ring
v1 in 0 pulse(0 1 0 1n 1n 1 2)
r1 in a 10
l1 a b 1m
c1 b 0 1u
.tran 0.5u 1m 0 0.5u
.end
)");
    const Plot& plot = result.plots.at(0);
    const auto& t = plot.at("time").real;
    const auto& vc = plot.at("v(b)").real;

    // The whole waveform: vC = 1 - exp(-alpha t)(cos wd t + alpha/wd sin wd t).
    double worst = 0;
    for (std::size_t k = 0; k < t.size(); ++k) {
        const double expected =
            1 - std::exp(-alpha * t[k]) * (std::cos(omegad * t[k]) + alpha / omegad * std::sin(omegad * t[k]));
        worst = std::max(worst, std::abs(vc[k] - expected));
    }
    INFO("largest deviation from the closed form: " << worst << " V");
    // Trapezoidal phase error (w h)^2/12 per radian, over the ~31 rad simulated, on a
    // swing below 1 V: 31 * (0.0156)^2 / 12 = 6e-4 V at most.
    CHECK(worst < 6e-4);

    // Damped frequency from the upward crossings of the final value, one per period.
    const auto up = crossings(t, vc, 1.0, +1);
    REQUIRE(up.size() >= 4);
    const double measured_period = (up.back() - up.front()) / static_cast<double>(up.size() - 1);
    INFO("period " << measured_period << " s, closed form " << period << " s");
    CHECK(measured_period == Approx(period).epsilon(2e-4));

    // Decay: successive overshoots shrink by exp(-alpha T).
    const auto maxima = peaks(vc);
    REQUIRE(maxima.size() >= 3);
    const double measured_alpha = std::log((maxima[0] - 1) / (maxima[1] - 1)) / measured_period;
    INFO("alpha " << measured_alpha << " 1/s, closed form " << alpha << " 1/s");
    CHECK(measured_alpha == Approx(alpha).epsilon(1e-3));
    // First overshoot, (1 + exp(-alpha pi / wd)) V.
    CHECK(maxima[0] == Approx(1 + std::exp(-alpha * pi / omegad)).epsilon(1e-3));
}

TEST_CASE("half-wave rectifier peak is the source peak minus the diode drop") {
    // D with ngspice's default model: IS = 1e-14 A, N = 1 (and a 1e-12 S gmin across it).
    const double vp = 5, r = 1e3, is = 1e-14, n = 1;
    // Hand computation: at the peak, I = (Vp - Vd)/R and Vd = n Vt ln(I/IS + 1).
    // Fixed-point iteration converges quickly (dVd/dI * 1/R = n Vt/(I R) ~ 0.006).
    double vd = 0.7;
    for (int k = 0; k < 50; ++k) vd = n * thermal_voltage * std::log((vp - vd) / r / is + 1);
    const double expected_peak = vp - vd;  // 4.3071 V: Vd = 0.6929 V at 4.31 mA
    REQUIRE(vd == Approx(0.6929).margin(1e-4));

    const auto result = run_netlist(R"(half-wave rectifier
v1 in 0 sin(0 5 1k)
d1 in out dmod
r1 out 0 1k
.model dmod d
.tran 1u 2m 0 1u
.end
)");
    const Plot& plot = result.plots.at(0);
    const auto& out = plot.at("v(out)").real;
    const auto& in = plot.at("v(in)").real;
    const auto top = std::max_element(out.begin(), out.end());
    const double peak = refined_peak(out, static_cast<std::size_t>(top - out.begin()));
    INFO("peak " << peak << " V, hand computation " << expected_peak << " V (diode drop " << vd
                  << " V), difference " << peak - expected_peak << " V");
    // The circuit has no reactive element, so time steps add no error; sampling 1 us apart
    // with a parabola through the top three samples finds the crest to ~1e-9 relative.
    // What is left is Newton's: it stops once an update is below reltol*|v| + vntol, and as
    // it converges quadratically the accepted answer is far better than that (~1e-10 V
    // here). 0.1 mV still tells a wrong diode law apart: Vt at 300 K instead of 300.15 K
    // moves the drop by 0.35 mV, IS = 1e-15 by 60 mV.
    CHECK(peak == Approx(expected_peak).margin(1e-4));
    CHECK(*std::max_element(in.begin(), in.end()) == Approx(vp).epsilon(1e-4));
    // Reverse half-cycle: only IS and gmin leak, |v(out)| < 1e-14*1k + 5*1e-12*1k ~ 5 nV.
    CHECK(*std::min_element(out.begin(), out.end()) > -1e-6);
}

TEST_CASE("level-1 NMOS inverter: VOL, VOH and switching threshold from the square law") {
    // Resistor-loaded inverter: VDD = 5 V, RL = 10 kOhm, NMOS level 1 with VTO = 1 V,
    // KP = 100 uA/V^2, W/L = 10 (beta = 1 mA/V^2), LAMBDA = 0, bulk at the source.
    const double vdd = 5, rl = 1e4, vt = 1, beta = 100e-6 * 10;
    // VOL (Vin = VDD, linear region): beta((Vin - Vt)Vo - Vo^2/2) = (VDD - Vo)/RL
    //   <=> (beta/2) Vo^2 - (beta (Vin - Vt) + 1/RL) Vo + VDD/RL = 0, smaller root.
    const double a = beta / 2, b = -(beta * (vdd - vt) + 1 / rl), cc = vdd / rl;
    const double vol = (-b - std::sqrt(b * b - 4 * a * cc)) / (2 * a);  // 0.12380 V
    REQUIRE(vol < vdd - vt);                                             // linear region indeed
    // Switching threshold VM (Vout = Vin, saturation): (beta/2)(VM - Vt)^2 = (VDD - VM)/RL
    //   <=> (beta/2) VM^2 - (beta Vt - 1/RL) VM + (beta/2) Vt^2 - VDD/RL = 0, larger root.
    const double qa = beta / 2, qb = -(beta * vt - 1 / rl), qc = beta / 2 * vt * vt - vdd / rl;
    const double vm = (-qb + std::sqrt(qb * qb - 4 * qa * qc)) / (2 * qa);  // 1.8 V
    REQUIRE(vm - vt < vm);                                                   // saturation: Vds > Vgs - Vt
    REQUIRE(vm == Approx(1.8).epsilon(1e-12));

    const auto result = run_netlist(R"(nmos inverter
vdd vdd 0 5
vin in 0 0
rl vdd out 10k
m1 out in 0 0 nm w=10u l=1u
.model nm nmos level=1 vto=1 kp=100u
.dc vin 0 5 1m
.end
)");
    const Plot& plot = result.plots.at(0);
    CHECK(plot.analysis == "dc");
    CHECK(plot.scale == "v-sweep");
    const auto& vin = plot.at("v-sweep").real;
    const auto& vout = plot.at("v(out)").real;
    REQUIRE(vin.size() == 5001);
    // VOH: the transistor is off; only junction leakage (1e-14 A) and gmin load the output.
    CHECK(vout.front() == Approx(vdd).margin(1e-6));
    INFO("VOL " << vout.back() << " V, square law " << vol << " V, difference " << vout.back() - vol);
    // An operating point: Newton's error only (quadratic convergence, see the rectifier).
    CHECK(vout.back() == Approx(vol).margin(1e-5));
    // Threshold where the transfer curve crosses Vout = Vin, interpolated between sweep points.
    std::vector<double> difference(vin.size());
    for (std::size_t k = 0; k < vin.size(); ++k) difference[k] = vout[k] - vin[k];
    const auto cross = crossings(vin, difference, 0.0, -1);
    REQUIRE(cross.size() == 1);
    INFO("VM " << cross[0] << " V, square law " << vm << " V, difference " << cross[0] - vm);
    // Linear interpolation between 1 mV sweep points: error ~ h^2/8 |f''|/|f'| with
    // f = Vout - Vin, f' = -(1 + beta (VM - Vt) RL) = -9, f'' = -beta RL = -10 /V: 1.4e-7 V.
    CHECK(cross[0] == Approx(vm).margin(1e-5));
}

TEST_CASE("op-amps from a finite-gain E source: inverting and non-inverting gain") {
    // E gain A = 1000, R1 = 1k, R2 = 10k: closed-loop gains with the finite-gain correction
    //   inverting      -R2/R1 / (1 + (1 + R2/R1)/A) = -9.8912
    //   non-inverting (1 + R2/R1) / (1 + (1 + R2/R1)/A) = 10.8803
    const double gain = 1000, ratio = 10, vin = 0.1;
    const double correction = 1 + (1 + ratio) / gain;
    const auto result = run_netlist(R"(op-amps
vin in 0 0.1
r1 in n 1k
r2 n out 10k
e1 out 0 0 n 1000
r3 n2 0 1k
r4 out2 n2 10k
e2 out2 0 in n2 1000
.op
.end
)");
    const Plot& plot = result.plots.at(0);
    CHECK(plot.analysis == "op");
    CHECK(plot.scale.empty());
    CHECK(plot.points() == 1);
    const double inverting = plot.at("v(out)").real.at(0) / vin;
    const double non_inverting = plot.at("v(out2)").real.at(0) / vin;
    CHECK(inverting == Approx(-ratio / correction).epsilon(1e-9));
    CHECK(non_inverting == Approx((1 + ratio) / correction).epsilon(1e-9));
    // The correction is resolved: the ideal gains are 1.1 % away.
    CHECK(std::abs(inverting + ratio) > 0.1);
    // E sources have branch currents: e1 sinks what flows through r2 towards out.
    const double vout = plot.at("v(out)").real[0], vn = plot.at("v(n)").real[0];
    CHECK(plot.at("i(e1)").real.at(0) == Approx((vn - vout) / 10e3).epsilon(1e-9));
}

TEST_CASE(".ac of an RC low-pass matches 1/(1 + jwRC)") {
    const double rc = 1e3 * 1e-6;
    const auto result = run_netlist(R"(rc low-pass
v1 in 0 dc 0 ac 1
r1 in out 1k
c1 out 0 1u
.ac dec 10 1 100k
.end
)");
    const Plot& plot = result.plots.at(0);
    CHECK(plot.analysis == "ac");
    CHECK(plot.scale == "frequency");
    const Vector& f = plot.at("frequency");
    REQUIRE_FALSE(f.is_complex());  // the scale is real
    REQUIRE(f.real.size() == 51);   // 5 decades, 10 points each, both ends
    CHECK(f.real.front() == Approx(1));
    CHECK(f.real.back() == Approx(1e5));
    const Vector& out = plot.at("v(out)");
    REQUIRE(out.is_complex());
    for (std::size_t k = 0; k < f.real.size(); ++k) {
        const double w = 2 * pi * f.real[k];
        const std::complex<double> h = 1.0 / std::complex<double>(1, w * rc);
        INFO("f = " << f.real[k] << " Hz");
        CHECK(std::abs(out.complex[k]) == Approx(std::abs(h)).epsilon(1e-9));
        CHECK(std::arg(out.complex[k]) == Approx(std::arg(h)).epsilon(1e-9).margin(1e-12));
    }
    // At the corner frequency: |H| = 1/sqrt(2), phase -45 degrees.
    const std::size_t corner =
        static_cast<std::size_t>(std::min_element(f.real.begin(), f.real.end(), [&](double x, double y) {
                                     return std::abs(x - 159.15) < std::abs(y - 159.15);
                                 }) - f.real.begin());
    CHECK(std::abs(out.complex[corner]) == Approx(1 / std::sqrt(1 + std::pow(2 * pi * f.real[corner] * rc, 2))));
}

TEST_CASE(".op of a resistive divider: node voltages and branch currents") {
    const auto result = run_netlist(R"(divider
v1 in 0 10
r1 in mid 1k
r2 mid 0 3k
v2 b 0 2
r3 b 0 500
.op
.end
)");
    const Plot& plot = result.plots.at(0);
    CHECK(plot.at("v(in)").real.at(0) == Approx(10).epsilon(1e-12));
    CHECK(plot.at("v(mid)").real.at(0) == Approx(7.5).epsilon(1e-12));
    CHECK(plot.at("v(b)").real.at(0) == Approx(2).epsilon(1e-12));
    // Branch currents flow into the + node through the source: a source delivering power
    // has a negative current.
    CHECK(plot.at("i(v1)").real.at(0) == Approx(-10.0 / 4e3).epsilon(1e-12));
    CHECK(plot.at("i(v2)").real.at(0) == Approx(-2.0 / 500).epsilon(1e-12));
    // Node voltages in order of appearance, then branch currents in element order.
    std::vector<std::string> names;
    for (const Vector& v : plot.vectors) names.push_back(v.name);
    CHECK(names == std::vector<std::string>{"v(in)", "v(mid)", "v(b)", "i(v1)", "i(v2)"});
}

TEST_CASE("several analyses give one plot each, in order") {
    const auto result = run_netlist(R"(rc
v1 in 0 dc 1 ac 1
r1 in out 1k
c1 out 0 1u
.op
.dc v1 0 1 0.5
.tran 0.1m 1m
.ac lin 3 10 30
.end
)");
    REQUIRE(result.plots.size() == 4);
    CHECK(result.plots[0].analysis == "op");
    CHECK(result.plots[1].analysis == "dc");
    CHECK(result.plots[2].analysis == "tran");
    CHECK(result.plots[3].analysis == "ac");
    CHECK(result.plots[0].at("v(out)").real.at(0) == Approx(1));
    CHECK(result.plots[1].at("v(out)").real == std::vector<double>{0, 0.5, 1});
    CHECK(result.plots[3].points() == 3);
    CHECK(result.log.find("Circuit: rc") != std::string::npos);
}
