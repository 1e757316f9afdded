// Physical constants (SI, CODATA 2018 exact or recommended values).
#pragma once

#include <numbers>

namespace memspice::devices::constants {

inline constexpr double q = 1.602176634e-19;          // elementary charge, C
inline constexpr double k_b = 1.380649e-23;           // Boltzmann constant, J/K
inline constexpr double h = 6.62607015e-34;           // Planck constant, J s
inline constexpr double hbar = h / (2 * std::numbers::pi);
inline constexpr double phi0 = h / (2 * q);           // flux quantum, Wb (2.067833848e-15)
inline constexpr double m_e = 9.1093837015e-31;       // electron mass, kg
inline constexpr double gamma_e = 1.76085963023e11;   // electron gyromagnetic ratio, rad/(s T)

}  // namespace memspice::devices::constants
