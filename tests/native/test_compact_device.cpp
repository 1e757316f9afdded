// memspice compact models (devices::Family) in the native engine, on the HP memristor
// without window, whose memristance under a sine has a closed form: states held in DC,
// integrated in the transient, and linearized with their dynamics in AC and pole analysis.
#include <catch2/catch.hpp>

#include <cmath>
#include <complex>
#include <numbers>

#include "circuit_builder.hpp"
#include "solver/native/native_engine.hpp"
#include "solver/native/poles.hpp"

using namespace memspice;
using test::CircuitBuilder;
using test::vec;

namespace {

constexpr double kRon = 100, kRoff = 16e3, kD = 10e-9, kMuV = 1e-14;
constexpr double kRate = kMuV * kRon / (kD * kD);  // dx/dt = kRate * i

CircuitBuilder memristor_circuit(double x0) {
    CircuitBuilder b("hp memristor");
    Element& a = b.add(ElementType::Device, "a1", {"p", "0"});
    a.model = "mem";
    a.params["x"] = x0;
    b.model("mem", "hp_memristor", {{"window", 0}, {"ron", kRon}, {"roff", kRoff}, {"d", kD}, {"uv", kMuV}});
    return b;
}

double memristance(double x) { return kRoff - (kRoff - kRon) * x; }

}  // namespace

TEST_CASE("memristor: state held in DC, closed-form memristance in a sine transient") {
    const double m0 = 11e3, x0 = (kRoff - m0) / (kRoff - kRon);
    CircuitBuilder b = memristor_circuit(x0);
    b.waveform(b.v("v1", "p", "0", 0), TransientFunction::Shape::Sin, {0, 1, 1});
    b.tran(1e-3, 1);
    b.option("reltol", "1e-7");
    b.option("vntol", "1e-10");
    b.option("abstol", "1e-15");
    const Plot tran = NativeEngine().run(b.circuit()).plots.at(0);
    const auto& t = vec(tran, "time").real;
    const auto& x = vec(tran, "v(a1#x)").real;
    const auto& i = vec(tran, "i(v1)").real;
    // M(t)^2 = M0^2 - 2 k phi(t), k = (roff - ron) kRate, phi(t) = (1 - cos 2 pi t) / (2 pi).
    const double k = (kRoff - kRon) * kRate;
    double worst = 0;
    for (std::size_t n = 0; n < t.size(); ++n) {
        const double phi = (1 - std::cos(2 * std::numbers::pi * t[n])) / (2 * std::numbers::pi);
        const double m = std::sqrt(m0 * m0 - 2 * k * phi);
        worst = std::max(worst, std::abs(memristance(x[n]) / m - 1));
        // The source current is minus the device current v/M.
        const double v = std::sin(2 * std::numbers::pi * t[n]);
        CHECK(i[n] == Approx(-v / memristance(x[n])).margin(1e-12));
    }
    CHECK(worst < 1e-5);
    CHECK(x.front() == x0);
    CHECK(memristance(x.back()) == Approx(m0).epsilon(1e-5));  // the pinched loop closes

    // DC: the state stays at its initial value whatever the bias.
    CircuitBuilder dc = memristor_circuit(x0);
    dc.v("v1", "p", "0", 2);
    dc.op();
    const Plot op = NativeEngine().run(dc.circuit()).plots.at(0);
    CHECK(test::value_at(op, "v(a1#x)") == x0);
    CHECK(test::value_at(op, "i(v1)") == Approx(-2 / m0).epsilon(1e-12));
}

TEST_CASE("memristor: AC admittance and pole include the state dynamics") {
    const double x0 = 0.3, bias = 0.5;
    CircuitBuilder b = memristor_circuit(x0);
    Element& v = b.v("v1", "p", "0", bias);
    v.source.has_ac = true;
    v.source.ac_magnitude = 1;
    b.ac(Analysis::AcSpacing::Dec, 5, 1e-3, 1e3);
    const Plot ac = NativeEngine().run(b.circuit()).plots.at(0);
    const double r = memristance(x0);
    const double di_dv = 1 / r, di_dx = bias * (kRoff - kRon) / (r * r);
    const double df_dv = kRate * di_dv, df_dx = kRate * di_dx;
    const auto& f = vec(ac, "frequency").real;
    const auto& i = vec(ac, "i(v1)").complex;
    for (std::size_t n = 0; n < f.size(); ++n) {
        const std::complex<double> jw(0, 2 * std::numbers::pi * f[n]);
        const std::complex<double> y = di_dv + di_dx * df_dv / (jw - df_dx);
        CHECK(std::abs(i[n] + y) < 1e-9 * std::abs(y));
    }
    // The state's pole: s = df/dx (positive: at positive bias the memristor runs away).
    const native::PoleAnalysis p = native::poles(b.circuit());
    REQUIRE(p.poles.size() == 1);
    CHECK(p.poles[0].real() == Approx(df_dx).epsilon(1e-9));
    CHECK_FALSE(p.stable());
}

TEST_CASE("memristor: bad parameters and wrong terminal counts are input errors") {
    CircuitBuilder b = memristor_circuit(0.5);
    b.v("v1", "p", "0", 1);
    b.op();
    b.circuit().models.back().params["ron"] = -5;
    CHECK_THROWS_WITH(NativeEngine().run(b.circuit()), Catch::Contains("ron"));
    b.circuit().models.back().params["ron"] = 100;
    b.circuit().elements.front().nodes = {"p", "0", "q"};
    CHECK_THROWS_WITH(NativeEngine().run(b.circuit()), Catch::Contains("terminals"));
    b.circuit().elements.front().nodes = {"p", "0"};
    b.circuit().elements.front().params["x"] = 2;
    CHECK_THROWS_AS(NativeEngine().run(b.circuit()), InputError);
}
