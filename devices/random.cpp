#include "devices/random.hpp"

#include <cmath>
#include <numbers>

namespace memspice::devices::random {

namespace {

// SplitMix64's finalizer: a bijective mix with full avalanche.
constexpr std::uint64_t mix(std::uint64_t z) {
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

// Two independent 64-bit words for one (stream, counter) pair.
std::uint64_t word(std::uint64_t stream_value, std::uint64_t counter, std::uint64_t lane) {
    return mix(mix(stream_value ^ mix(counter + 0x9e3779b97f4a7c15ULL * (lane + 1))) + counter);
}

double to_open_unit(std::uint64_t bits) {
    // 53 random bits, shifted by half an ulp so neither 0 nor 1 is produced.
    return (static_cast<double>(bits >> 11) + 0.5) * 0x1.0p-53;
}

}  // namespace

std::uint64_t device_key(std::string_view instance_name) {
    std::uint64_t h = 0xcbf29ce484222325ULL;  // FNV-1a
    for (char c : instance_name) {
        h ^= static_cast<unsigned char>(c);
        h *= 0x100000001b3ULL;
    }
    return mix(h) & ((std::uint64_t{1} << 53) - 1);
}

std::uint64_t stream(std::uint64_t seed, std::uint64_t key) { return mix(mix(seed) ^ (key * 0xd6e8feb86659fd93ULL)); }

double uniform(std::uint64_t stream_value, std::uint64_t counter) { return to_open_unit(word(stream_value, counter, 0)); }

double normal(std::uint64_t stream_value, std::uint64_t counter) {
    const double u1 = to_open_unit(word(stream_value, counter, 0));
    const double u2 = to_open_unit(word(stream_value, counter, 1));
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
}

double exponential(std::uint64_t stream_value, std::uint64_t counter) {
    return -std::log(to_open_unit(word(stream_value, counter, 2)));
}

}  // namespace memspice::devices::random
