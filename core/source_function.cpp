#include "core/source_function.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

#include "core/units.hpp"

namespace memspice {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// Equal within a few units in the last place (ngspice compares PWL times this way).
bool almost_equal(double a, double b) {
    return std::abs(a - b) <= 4 * std::numeric_limits<double>::epsilon() * std::max(std::abs(a), std::abs(b));
}

// ngspice's "argument k if given and non-zero, else the default".
double arg_or(const std::vector<double>& args, std::size_t k, double fallback) {
    return k < args.size() && args[k] != 0 ? args[k] : fallback;
}

double arg_given_or(const std::vector<double>& args, std::size_t k, double fallback) {
    return k < args.size() ? args[k] : fallback;
}

// The smallest candidate strictly after t (by more than a relative 1e-12).
bool is_after(double candidate, double t) { return candidate > t + 1e-12 * std::abs(t); }

}  // namespace

SourceFunction::SourceFunction(const SourceSpec& spec, const SourceDefaults& defaults, std::string_view source_name,
                               const SourceLocation& where)
    : shape_(spec.transient.shape) {
    using Shape = TransientFunction::Shape;
    const std::vector<double>& args = spec.transient.args;
    const std::string who = source_name.empty() ? std::string("source") : std::string(source_name);
    auto fail = [&](const std::string& what) { throw InputError(where, who + ": " + what); };
    for (double a : args)
        if (!std::isfinite(a)) fail("transient function arguments must be finite numbers");

    switch (shape_) {
        case Shape::None:
            constant_ = spec.dc.value_or(0);
            break;
        case Shape::Pulse: {
            if (args.size() < 2 || args.size() > 8)
                fail("PULSE expects 2 to 8 arguments (v1 v2 td tr tf pw per np), got " + std::to_string(args.size()));
            a_[0] = args[0];
            a_[1] = args[1];
            a_[2] = arg_given_or(args, 2, 0);
            a_[3] = arg_or(args, 3, defaults.tstep);
            a_[4] = arg_or(args, 4, defaults.tstep);
            a_[5] = arg_or(args, 5, defaults.tstop);
            a_[6] = arg_or(args, 6, defaults.tstop);
            for (int k = 3; k <= 6; ++k)
                if (a_[k] < 0) fail("PULSE rise, fall, width and period must not be negative");
            const double np = arg_given_or(args, 7, 0);
            pulse_end_ = np > 0 ? np * a_[6] : kInf;
            break;
        }
        case Shape::Sin:
            if (args.size() < 2 || args.size() > 6)
                fail("SIN expects 2 to 6 arguments (vo va freq td theta phase), got " + std::to_string(args.size()));
            a_[0] = args[0];
            a_[1] = args[1];
            a_[2] = arg_or(args, 2, defaults.tstop > 0 ? 1 / defaults.tstop : 0);
            a_[3] = arg_given_or(args, 3, 0);
            a_[4] = arg_given_or(args, 4, 0);
            a_[5] = arg_given_or(args, 5, 0) * std::numbers::pi / 180;
            if (a_[2] < 0) fail("SIN frequency must not be negative");
            break;
        case Shape::Exp:
            if (args.size() < 2 || args.size() > 6)
                fail("EXP expects 2 to 6 arguments (v1 v2 td1 tau1 td2 tau2), got " + std::to_string(args.size()));
            a_[0] = args[0];
            a_[1] = args[1];
            a_[2] = arg_or(args, 2, defaults.tstep);
            a_[3] = arg_or(args, 3, defaults.tstep);
            a_[4] = arg_or(args, 4, a_[2] + defaults.tstep);
            a_[5] = arg_or(args, 5, defaults.tstep);
            if (a_[3] < 0 || a_[5] < 0) fail("EXP time constants must not be negative");
            break;
        case Shape::Pwl: {
            if (args.size() < 2 || args.size() % 2 != 0)
                fail("PWL expects pairs of time and value, got " + std::to_string(args.size()) + " numbers");
            for (std::size_t k = 0; k < args.size(); k += 2) {
                times_.push_back(args[k]);
                values_.push_back(args[k + 1]);
            }
            for (std::size_t k = 1; k < times_.size(); ++k)
                if (times_[k] < times_[k - 1])
                    fail("PWL time points must not decrease (" + format_number(times_[k]) + " after " +
                         format_number(times_[k - 1]) + ")");
            pwl_delay_ = spec.transient.pwl_delay;
            if (spec.transient.pwl_repeat >= 0) {
                const double r = spec.transient.pwl_repeat;
                auto it = std::find_if(times_.begin(), times_.end(), [&](double t) { return almost_equal(t, r); });
                if (it == times_.end()) fail("PWL r=" + format_number(r) + " does not match any of its time points");
                repeat_index_ = static_cast<std::size_t>(it - times_.begin());
                repeat_period_ = times_.back() - times_[repeat_index_];
                if (!(repeat_period_ > 0)) fail("PWL r=" + format_number(r) + " must be before the last time point");
            }
            break;
        }
    }
    dc_value_ = spec.dc ? *spec.dc : value(0);
}

double SourceFunction::value(double t) const {
    using Shape = TransientFunction::Shape;
    switch (shape_) {
        case Shape::None: return constant_;
        case Shape::Pulse: return pulse(t);
        case Shape::Sin: return sine(t);
        case Shape::Exp: return exponential(t);
        case Shape::Pwl: return piecewise_linear(t);
    }
    return constant_;
}

double SourceFunction::pulse(double t) const {
    const double v1 = a_[0], v2 = a_[1], td = a_[2], tr = a_[3], tf = a_[4], pw = a_[5], per = a_[6];
    double time = t - td;
    if (time > pulse_end_) return v1;
    if (time > per && per > 0) time -= per * std::floor(time / per);
    if (time <= 0 || time >= tr + pw + tf) return v1;
    if (time >= tr && time <= tr + pw) return v2;
    if (time < tr) return v1 + (v2 - v1) * time / tr;
    return v2 + (v1 - v2) * (time - (tr + pw)) / tf;
}

double SourceFunction::sine(double t) const {
    const double vo = a_[0], va = a_[1], freq = a_[2], td = a_[3], theta = a_[4], phase = a_[5];
    const double time = t - td;
    if (time <= 0) return vo + va * std::sin(phase);
    return vo + va * std::sin(2 * std::numbers::pi * freq * time + phase) * std::exp(-time * theta);
}

double SourceFunction::exponential(double t) const {
    const double v1 = a_[0], v2 = a_[1], td1 = a_[2], tau1 = a_[3], td2 = a_[4], tau2 = a_[5];
    if (t <= td1) return v1;
    double v = v1 + (v2 - v1) * (1 - std::exp(-(t - td1) / tau1));
    if (t > td2) v += (v1 - v2) * (1 - std::exp(-(t - td2) / tau2));
    return v;
}

double SourceFunction::piecewise_linear(double t) const {
    double time = t - pwl_delay_;
    const std::size_t n = times_.size();
    if (time < times_[0]) return values_[0];
    if (time > times_[n - 1] && !almost_equal(time, times_[n - 1])) {
        if (repeat_period_ <= 0) return values_[n - 1];
        // Map into the repeated part (r, t_last] as ngspice's repetition does.
        const double k = std::ceil((time - times_[n - 1]) / repeat_period_);
        time -= k * repeat_period_;
        if (time <= times_[repeat_index_] && !almost_equal(time, times_[repeat_index_])) time += repeat_period_;
    }
    // A hit on a time point (within a few ulps) takes the first point with that time.
    auto hit = std::lower_bound(times_.begin(), times_.end(), time);
    if (hit != times_.begin() && (hit == times_.end() || !almost_equal(*hit, time)) && almost_equal(*(hit - 1), time))
        --hit;
    if (hit != times_.end() && almost_equal(*hit, time)) {
        while (hit != times_.begin() && *(hit - 1) == *hit) --hit;
        return values_[static_cast<std::size_t>(hit - times_.begin())];
    }
    const auto upper = std::upper_bound(times_.begin(), times_.end(), time);
    if (upper == times_.end()) return values_[n - 1];
    const std::size_t hi = static_cast<std::size_t>(upper - times_.begin());
    const std::size_t lo = hi - 1;
    const double span = times_[hi] - times_[lo];
    if (span <= 0) return values_[hi];
    return values_[lo] + (time - times_[lo]) / span * (values_[hi] - values_[lo]);
}

double SourceFunction::next_breakpoint(double t) const {
    using Shape = TransientFunction::Shape;
    switch (shape_) {
        case Shape::None: return kInf;
        case Shape::Pulse: return pulse_breakpoint(t);
        case Shape::Sin: return is_after(a_[3], t) && a_[3] > 0 ? a_[3] : kInf;
        case Shape::Exp:
            if (is_after(a_[2], t)) return a_[2];
            if (is_after(a_[4], t)) return a_[4];
            return kInf;
        case Shape::Pwl: return pwl_breakpoint(t);
    }
    return kInf;
}

double SourceFunction::pulse_breakpoint(double t) const {
    const double td = a_[2], tr = a_[3], tf = a_[4], pw = a_[5], per = a_[6];
    const double corners[4] = {0, tr, tr + pw, tr + pw + tf};
    double first_period = 0;
    if (per > 0 && t > td) first_period = std::floor((t - td) / per);
    for (double k = first_period; k < first_period + 3; ++k) {
        const double base = per > 0 ? k * per : 0;
        if (base > pulse_end_) break;
        for (double c : corners) {
            if (per > 0 && c > per) continue;  // a corner past the period never happens
            const double when = td + base + c;
            if (is_after(when, t)) return when;
        }
        if (per <= 0) break;
    }
    return kInf;
}

double SourceFunction::pwl_breakpoint(double t) const {
    const double time = t - pwl_delay_;
    for (double ti : times_)
        if (is_after(ti + pwl_delay_, t)) return ti + pwl_delay_;
    if (repeat_period_ <= 0) return kInf;
    // Repetitions: point i of repetition k is at times_[i] + k * period.
    const double first = times_[repeat_index_];
    double k = std::max(1.0, std::floor((time - first) / repeat_period_));
    for (int guard = 0; guard < 3; ++guard, ++k)
        for (std::size_t i = repeat_index_; i < times_.size(); ++i) {
            const double when = times_[i] + k * repeat_period_ + pwl_delay_;
            if (is_after(when, t)) return when;
        }
    return kInf;
}

}  // namespace memspice
