// Independent-source waveforms (DC, PULSE, SIN, EXP, PWL) evaluated with ngspice's
// semantics: the same argument defaults (which depend on the transient analysis), the same
// value at every time, and the corners where the waveform's derivative jumps (breakpoints),
// which an integrator must not step across.
//
// Defaults, as ngspice 39 applies them (an argument written as 0 counts as absent where
// ngspice says so):
//   PULSE(v1 v2 td tr tf pw per np)  td 0; tr, tf: tstep (also when 0); pw, per: tstop (also
//                                     when 0); np: unlimited (when > 0, after np periods the
//                                     value stays v1)
//   SIN(vo va freq td theta phase)   freq 1/tstop (also when 0); td, theta, phase (degrees) 0
//   EXP(v1 v2 td1 tau1 td2 tau2)     td1 tstep (also when 0); tau1 tstep; td2 td1 + tstep;
//                                     tau2 tstep
//   PWL(t1 v1 t2 v2 ...) r= td=      before t1: v1; after the last point: the last value, or
//                                     a repetition of the points from time r on
// In DC analyses a source uses its DC value, or its transient value at t = 0 when it has none.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/circuit.hpp"

namespace memspice {

// The transient-analysis quantities some defaults depend on (0 outside a transient).
struct SourceDefaults {
    double tstep = 0;
    double tstop = 0;
};

class SourceFunction {
public:
    // Checks the arguments (count, signs, PWL time order); throws InputError at `where`
    // naming the source and what was expected.
    SourceFunction(const SourceSpec& spec, const SourceDefaults& defaults, std::string_view source_name = {},
                   const SourceLocation& where = {});

    // The value in DC analyses (operating point, DC sweep, the operating point before a
    // transient): the DC value, or the transient value at t = 0 when no DC value was given.
    double dc_value() const { return dc_value_; }
    // The value at time t in a transient analysis.
    double value(double t) const;
    // True when the source has a time-dependent waveform.
    bool is_time_dependent() const { return shape_ != TransientFunction::Shape::None; }
    // The first breakpoint strictly after t (more than a relative 1e-12 after it), or +inf.
    double next_breakpoint(double t) const;

private:
    double pulse(double t) const;
    double sine(double t) const;
    double exponential(double t) const;
    double piecewise_linear(double t) const;
    double pulse_breakpoint(double t) const;
    double pwl_breakpoint(double t) const;

    TransientFunction::Shape shape_ = TransientFunction::Shape::None;
    double constant_ = 0;  // the value when there is no waveform
    double dc_value_ = 0;
    // PULSE: v1 v2 td tr tf pw per, and the end of the pulse train (+inf: unlimited).
    // SIN: vo va freq td theta phase(rad). EXP: v1 v2 td1 tau1 td2 tau2.
    double a_[7] = {};
    double pulse_end_ = 0;
    // PWL points, delay, and repetition: points from index repeat_index_ on repeat with
    // period repeat_period_ (0: no repetition).
    std::vector<double> times_, values_;
    double pwl_delay_ = 0;
    std::size_t repeat_index_ = 0;
    double repeat_period_ = 0;
};

}  // namespace memspice
