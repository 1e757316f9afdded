#include "devices/mott/vo2_hysteresis.hpp"

#include <algorithm>
#include <cmath>

namespace memspice::devices::mott {

Vo2Hysteresis::Vo2Hysteresis(const MajorLoop& loop, double reversal_threshold)
    : loop_(loop), threshold_(reversal_threshold) {}

void Vo2Hysteresis::initialize(double* memory, int direction) const {
    std::fill(memory, memory + kMemorySize, 0.0);
    memory[0] = direction >= 0 ? 1 : -1;
}

Vo2Hysteresis::Chain Vo2Hysteresis::load(const double* memory) const {
    Chain c;
    c.direction = memory[0] >= 0 ? 1 : -1;
    c.n = std::clamp(static_cast<int>(std::lround(std::abs(memory[0]))) - 1, 0, kMaxReversals);
    for (int k = 0; k < c.n; ++k) {
        c.t[k] = memory[2 + 2 * k];
        c.u[k] = memory[3 + 2 * k];
    }
    return c;
}

void Vo2Hysteresis::store(const Chain& c, double* memory) const {
    memory[0] = c.direction * (c.n + 1);
    for (int k = 0; k < kMaxReversals; ++k) {
        memory[2 + 2 * k] = k < c.n ? c.t[k] : 0.0;
        memory[3 + 2 * k] = k < c.n ? c.u[k] : 0.0;
    }
}

smooth::ValueSlope Vo2Hysteresis::major(double x) const {
    const smooth::ValueSlope s = smooth::logistic(2 * loop_.beta * (loop_.center - x));
    return {s.value, -2 * loop_.beta * s.slope};
}

// The branch leaving the newest reversal point A = (t_a, u_a) in the chain's direction
// moves u toward a target B along u = u_b + (u_a - u_b)(1 - xi)^p, xi the fraction of the
// way from t_a to t_b: fastest right after the reversal (g stays nearly flat, as a hysteretic
// material does), merging smoothly into B. The target is
// - no reversal: the major branch of the direction itself, u = -direction w/2;
// - one reversal: the major branch of the direction, reached after span |u_b - u_a| / w;
// - two or more: the previous reversal point, which the branch returns to exactly.
// The exponent p = min(2, kMaxSlope / r), r = |u_b - u_a| / |t_b - t_a| the mean slope, keeps
// |du/dT| <= kMaxSlope < 1, so g decreases with T on every branch; since a new reversal lies
// on its parent branch, its own mean slope is at most the parent's largest slope, and the
// bound carries over to every nested loop.
smooth::ValueSlope Vo2Hysteresis::branch(const Chain& c, double t) const {
    const double major_u = -c.direction * loop_.width / 2;
    if (c.n == 0) return {major_u, 0};
    const double t_a = c.t[c.n - 1], u_a = c.u[c.n - 1];
    double t_b, u_b;
    if (c.n == 1) {
        u_b = major_u;
        t_b = t_a + c.direction * loop_.span * std::abs(u_b - u_a) / loop_.width;
    } else {
        t_b = c.t[c.n - 2];
        u_b = c.u[c.n - 2];
    }
    if (std::abs(t_b - t_a) < 1e-12 || u_b == u_a) return {u_a, 0};
    const double xi = (t - t_a) / (t_b - t_a);
    if (xi <= 0) return {u_a, 0};
    if (xi >= 1) return {u_b, 0};
    const double mean_slope = std::abs(u_b - u_a) / std::abs(t_b - t_a);
    const double p = c.n == 1 ? first_order_exponent() : std::clamp(kMaxSlope / mean_slope, 1.0, 2.0);
    const double rest = std::pow(1 - xi, p);
    return {u_b + (u_a - u_b) * rest, -(u_a - u_b) * p * rest / (1 - xi) / (t_b - t_a)};
}

// A reversal at temperature t on the current branch. When the stack is full the history is
// re-anchored: the chain is replaced by the first-order reversal curve through the current
// point, i.e. by the reversal point P' on the major loop whose reversal curve passes through
// (t, u). The chain stays consistent (every point lies on the branch of the one before, so
// closing loops never jumps) and g stays continuous; what is lost is the memory of the
// inner reversal points, the new branch returns to P' instead.
void Vo2Hysteresis::reverse(Chain& c, double t) const {
    const double u = branch(c, t).value;
    if (c.n == kMaxReversals) {
        const int d = c.direction;
        const double u_start = d * loop_.width / 2, u_target = -d * loop_.width / 2;
        const double ratio = std::clamp((u - u_target) / (u_start - u_target), 0.0, 1.0);
        const double xi = 1 - std::pow(ratio, 1 / first_order_exponent());
        c.n = 0;
        if (xi > 1e-12) {  // (xi = 0: the point is on the major loop itself)
            c.t[0] = t - d * xi * loop_.span;
            c.u[0] = u_start;
            c.n = 1;
        }
    }
    c.t[c.n] = t;
    c.u[c.n] = u;
    ++c.n;
    c.direction = -c.direction;
}

double Vo2Hysteresis::first_order_exponent() const {
    return std::clamp(kMaxSlope * loop_.span / loop_.width, 1.0, 2.0);
}

// Loops close when the temperature passes the point the current branch returns to: that
// branch and the reversal it started from are forgotten (wiping-out property).
void Vo2Hysteresis::close_loops(Chain& c, double t) const {
    while (c.n >= 2 && (t - c.t[c.n - 2]) * c.direction >= 0) c.n -= 2;
}

smooth::ValueSlope Vo2Hysteresis::shift(const double* memory, double t) const {
    Chain c = load(memory);
    const double t_last = memory[1];
    if (t_last > 0 && (t - t_last) * c.direction < 0) {
        // Moving back from the last accepted temperature: a reversal there, exactly as
        // update() will record it once the move is confirmed.
        reverse(c, t_last);
    }
    close_loops(c, t);
    return branch(c, t);
}

smooth::ValueSlope Vo2Hysteresis::fraction(const double* memory, double t) const {
    const smooth::ValueSlope u = shift(memory, t);
    const smooth::ValueSlope g = major(t + u.value);
    return {g.value, g.slope * (1 + u.slope)};
}

void Vo2Hysteresis::update(double* memory, double t) const {
    if (!std::isfinite(t)) return;
    const double t_last = memory[1];
    if (!(t_last > 0)) {
        memory[1] = t;
        return;
    }
    Chain c = load(memory);
    const double moved = (t - t_last) * c.direction;
    if (moved < -threshold_) {
        reverse(c, t_last);
    } else if (moved < 0) {
        return;  // a small move back: not (yet) a reversal; shift() already treats it as one
    }
    close_loops(c, t);
    store(c, memory);
    memory[1] = t;
}

}  // namespace memspice::devices::mott
