// Counter-based random numbers for stochastic device terms. A draw is a pure function of
// (seed, device key, counter): no generator state, so results do not depend on the order
// of evaluation, the step sizes, threads or processes. Devices index draws by time (the
// number of a fixed reference interval) or by event number, never by call count.
#pragma once

#include <cstdint>
#include <string_view>

namespace memspice::devices::random {

// The key of a device instance from its full lower-case name ("a1", "a.x1.a3"). It fits in
// 53 bits, so it travels exactly as a double (the ngspice shim receives it as a parameter).
std::uint64_t device_key(std::string_view instance_name);

// The stream of one device under one seed.
std::uint64_t stream(std::uint64_t seed, std::uint64_t device_key);

// Uniform in the open interval (0, 1).
double uniform(std::uint64_t stream, std::uint64_t counter);
// Standard normal N(0, 1) (Box-Muller on two uniforms of the same counter).
double normal(std::uint64_t stream, std::uint64_t counter);
// Exponential with mean 1.
double exponential(std::uint64_t stream, std::uint64_t counter);

}  // namespace memspice::devices::random
