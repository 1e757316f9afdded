// Independent-source waveforms against values worked out by hand from ngspice's definitions.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <numbers>

#include "core/source_function.hpp"

using memspice::InputError;
using memspice::SourceDefaults;
using memspice::SourceFunction;
using memspice::SourceSpec;
using Shape = memspice::TransientFunction::Shape;

namespace {

SourceSpec spec(Shape shape, std::vector<double> args, std::optional<double> dc = std::nullopt) {
    SourceSpec s;
    s.dc = dc;
    s.transient.shape = shape;
    s.transient.args = std::move(args);
    return s;
}

constexpr double kInf = std::numeric_limits<double>::infinity();

}  // namespace

TEST_CASE("PULSE values, defaults and breakpoints") {
    // v1=0 v2=1 td=1 tr=1 tf=2 pw=3 per=10: rises 1..2, high 2..5, falls 5..7.
    const SourceFunction p(spec(Shape::Pulse, {0, 1, 1, 1, 2, 3, 10}), SourceDefaults{0.1, 100});
    CHECK(p.dc_value() == 0);
    CHECK(p.value(0.5) == 0);
    CHECK(p.value(1.5) == Approx(0.5).margin(1e-15));
    CHECK(p.value(3) == 1);
    CHECK(p.value(6) == Approx(0.5).margin(1e-15));
    CHECK(p.value(8) == 0);
    CHECK(p.value(11.5) == Approx(0.5).margin(1e-12));  // second period
    CHECK(p.value(13) == 1);
    CHECK(p.next_breakpoint(0) == 1);
    CHECK(p.next_breakpoint(1) == 2);
    CHECK(p.next_breakpoint(2) == 5);
    CHECK(p.next_breakpoint(5) == 7);
    CHECK(p.next_breakpoint(7) == 11);
    CHECK(p.next_breakpoint(11) == 12);

    // Defaults: tr = tf = tstep, pw = per = tstop (ngspice, also when written as 0).
    const SourceFunction d(spec(Shape::Pulse, {0, 2, 0, 0, 0}), SourceDefaults{1e-3, 1});
    CHECK(d.value(0.5e-3) == Approx(1));
    CHECK(d.value(0.5) == 2);
    CHECK(d.next_breakpoint(0) == Approx(1e-3));
    CHECK(d.next_breakpoint(1e-3) == Approx(1));  // pw = per: the next period starts before the fall

    // np = 2 pulses, then the value stays v1.
    const SourceFunction np(spec(Shape::Pulse, {0, 1, 0, 1, 1, 1, 4, 2}), SourceDefaults{0.1, 100});
    CHECK(np.value(5.5) == 1);
    CHECK(np.value(9.5) == 0);
}

TEST_CASE("SIN values with delay, damping and phase") {
    const SourceFunction s(spec(Shape::Sin, {1, 2, 50, 0.01, 10, 30}), SourceDefaults{1e-4, 0.1});
    CHECK(s.dc_value() == Approx(1 + 2 * std::sin(std::numbers::pi / 6)));
    CHECK(s.value(0.005) == Approx(2));  // before td: vo + va sin(phase)
    const double t = 0.0137, tau = t - 0.01;
    CHECK(s.value(t) == Approx(1 + 2 * std::sin(2 * std::numbers::pi * 50 * tau + std::numbers::pi / 6) * std::exp(-10 * tau)));
    CHECK(s.next_breakpoint(0) == 0.01);
    CHECK(s.next_breakpoint(0.01) == kInf);
    // Frequency defaults to 1/tstop.
    const SourceFunction f(spec(Shape::Sin, {0, 1}), SourceDefaults{1e-3, 0.5});
    CHECK(f.value(0.125) == Approx(1));  // a quarter period of 2 Hz
}

TEST_CASE("EXP values and defaults") {
    const SourceFunction e(spec(Shape::Exp, {0, 1, 1, 2, 5, 3}), SourceDefaults{0.1, 10});
    CHECK(e.value(1) == 0);
    CHECK(e.value(3) == Approx(1 - std::exp(-1.0)));
    CHECK(e.value(8) == Approx((1 - std::exp(-3.5)) - (1 - std::exp(-1.0))));
    CHECK(e.next_breakpoint(0) == 1);
    CHECK(e.next_breakpoint(1) == 5);
    // td1 = tstep, tau1 = tstep, td2 = td1 + tstep, tau2 = tstep.
    const SourceFunction d(spec(Shape::Exp, {0, 1}), SourceDefaults{0.5, 10});
    CHECK(d.value(0.75) == Approx(1 - std::exp(-0.5)));
    CHECK(d.next_breakpoint(0.5) == 1);
}

TEST_CASE("PWL values, delay, repetition and breakpoints") {
    SourceSpec s = spec(Shape::Pwl, {0, 0, 1, 2, 2, 2, 3, 0});
    const SourceFunction p(s, {});
    CHECK(p.value(0.5) == 1);
    CHECK(p.value(1.5) == 2);
    CHECK(p.value(2.25) == Approx(1.5));
    CHECK(p.value(10) == 0);
    CHECK(p.next_breakpoint(0) == 1);
    CHECK(p.next_breakpoint(2.5) == 3);
    CHECK(p.next_breakpoint(3) == kInf);

    s.transient.pwl_delay = 1;
    s.transient.pwl_repeat = 1;  // repeat from t = 1 to t = 3: period 2
    const SourceFunction r(s, {});
    CHECK(r.value(0.5) == 0);       // before t1 + td
    CHECK(r.value(1.5) == 1);
    // After the last point (3 + td = 4), the points from t = 1 on repeat with period 2:
    // t = 4.5 is local time 1.5 (value 2), t = 5.5 is local time 2.5 (value 1).
    CHECK(r.value(4.5) == Approx(2));
    CHECK(r.value(5.5) == Approx(1));
    CHECK(r.next_breakpoint(4) == 5);
    CHECK(r.next_breakpoint(5) == 6);

    // A vertical step: the earlier value at the step time, the later one just after it.
    const SourceFunction step(spec(Shape::Pwl, {0, 0, 1, 0, 1, 5, 2, 5}), {});
    CHECK(step.value(1) == 0);
    CHECK(step.value(1 + 1e-9) == Approx(5));
}

TEST_CASE("DC value: given, or the transient value at t = 0") {
    CHECK(SourceFunction(spec(Shape::Pulse, {3, 5}, 1.5), {}).dc_value() == 1.5);
    CHECK(SourceFunction(spec(Shape::Pulse, {3, 5}), {}).dc_value() == 3);
    CHECK(SourceFunction(spec(Shape::Pwl, {0, 4, 1, 5}), {}).dc_value() == 4);
    SourceSpec plain;
    plain.dc = 2.5;
    const SourceFunction dc(plain, {});
    CHECK(dc.value(7) == 2.5);
    CHECK(dc.next_breakpoint(0) == kInf);
}

TEST_CASE("bad waveform arguments are input errors naming the source") {
    CHECK_THROWS_AS(SourceFunction(spec(Shape::Pulse, {1}), {}, "v1"), InputError);
    CHECK_THROWS_WITH(SourceFunction(spec(Shape::Pwl, {0, 1, 2}), {}, "v7"), Catch::Contains("v7"));
    CHECK_THROWS_AS(SourceFunction(spec(Shape::Pwl, {1, 0, 0.5, 1}), {}, "v1"), InputError);
    SourceSpec r = spec(Shape::Pwl, {0, 0, 1, 1});
    r.transient.pwl_repeat = 0.5;
    CHECK_THROWS_WITH(SourceFunction(r, {}, "v2"), Catch::Contains("r=0.5"));
    CHECK_THROWS_AS(SourceFunction(spec(Shape::Sin, {0, 1, 1, 0, 0, 0, 9}), {}, "v1"), InputError);
}
