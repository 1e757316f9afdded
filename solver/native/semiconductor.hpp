// Shared semiconductor physics for the diode and MOSFET models: physical constants (the
// values ngspice uses, so that thermal voltages agree to the last digit), SPICE's Newton
// limiting functions, and junction temperature scaling and depletion charge.
#pragma once

#include <algorithm>
#include <cmath>

namespace memspice::native::semiconductor {

inline constexpr double kBoltzmann = 1.38064852e-23;   // J/K
inline constexpr double kCharge = 1.6021766208e-19;    // C
inline constexpr double kBoltzmannOverQ = kBoltzmann / kCharge;
inline constexpr double kReferenceKelvin = 300.15;     // 27 C, where the band-gap fit is anchored
inline constexpr double kEpsilonZero = 8.854214871e-12;
inline constexpr double kEpsilonOxide = 3.9 * kEpsilonZero;
inline constexpr double kEpsilonSilicon = 11.7 * kEpsilonZero;
inline constexpr double kMaxExpArgument = 709.0;

inline double thermal_voltage(double kelvin) { return kBoltzmannOverQ * kelvin; }

// Silicon band gap (eV) at a temperature (K).
inline double band_gap(double kelvin) { return 1.16 - 7.02e-4 * kelvin * kelvin / (kelvin + 1108); }

// The junction-potential temperature term SPICE uses: pb(T) = fact2 * pbo + pbfactor(T).
inline double junction_potential_term(double kelvin) {
    const double vt = thermal_voltage(kelvin);
    const double arg = -band_gap(kelvin) / (2 * kBoltzmann * kelvin) + 1.1150877 / (kBoltzmann * 2 * kReferenceKelvin);
    return -2 * vt * (1.5 * std::log(kelvin / kReferenceKelvin) + kCharge * arg);
}

// Junction potential and zero-bias capacitance at temperature T from their values at tnom
// (SPICE's temperature model for pn-junction depletion).
struct JunctionAtTemperature {
    double potential;
    double capacitance;
};
inline JunctionAtTemperature junction_at(double potential_nom, double capacitance_nom, double grading, double tnom,
                                         double temp) {
    const double fact1 = tnom / kReferenceKelvin, fact2 = temp / kReferenceKelvin;
    const double pbo = (potential_nom - junction_potential_term(tnom)) / fact1;
    const double gma_old = (potential_nom - pbo) / pbo;
    double cap = capacitance_nom / (1 + grading * (400e-6 * (tnom - kReferenceKelvin) - gma_old));
    const double potential = junction_potential_term(temp) + fact2 * pbo;
    const double gma_new = (potential - pbo) / pbo;
    cap *= 1 + grading * (400e-6 * (temp - kReferenceKelvin) - gma_new);
    return {potential, cap};
}

// Depletion capacitance of a junction with zero-bias capacitance cj0, potential pb, grading
// m; beyond fc * pb the capacitance continues linearly (SPICE's forward-bias extension).
inline double depletion_capacitance(double v, double cj0, double pb, double m, double fc) {
    if (cj0 == 0) return 0;
    if (v < fc * pb) return cj0 * std::pow(1 - v / pb, -m);
    const double f2 = std::pow(1 - fc, 1 + m), f3 = 1 - fc * (1 + m);
    return cj0 / f2 * (f3 + m * v / pb);
}

// pnjlim: limits the change of a junction voltage in one Newton iteration so that the
// exponential cannot run away. Sets `limited` when it changed vnew.
inline double pnjlim(double vnew, double vold, double vt, double vcrit, bool& limited) {
    if (vnew > vcrit && std::abs(vnew - vold) > 2 * vt) {
        limited = true;
        if (vold > 0) {
            const double arg = (vnew - vold) / vt;
            return arg > 0 ? vold + vt * (2 + std::log(arg - 2)) : vold - vt * (2 + std::log(2 - arg));
        }
        return vt * std::log(vnew / vt);
    }
    if (vnew < 0) {
        const double floor = vold > 0 ? -vold - 1 : 2 * vold - 1;
        if (vnew < floor) {
            limited = true;
            return floor;
        }
    }
    return vnew;
}

// fetlim: limits the change of a MOSFET gate voltage around the threshold vto.
inline double fetlim(double vnew, double vold, double vto) {
    const double vtsthi = std::abs(2 * (vold - vto)) + 2;
    const double vtstlo = std::abs(vold - vto) + 1;
    const double vtox = vto + 3.5;
    const double delv = vnew - vold;
    if (vold >= vto) {
        if (vold >= vtox) {
            if (delv <= 0) {
                if (vnew >= vtox) return -delv > vtstlo ? vold - vtstlo : vnew;
                return std::max(vnew, vto + 2);
            }
            return delv >= vtsthi ? vold + vtsthi : vnew;
        }
        return delv <= 0 ? std::max(vnew, vto - 0.5) : std::min(vnew, vto + 4);
    }
    if (delv <= 0) return -delv > vtsthi ? vold - vtsthi : vnew;
    const double vtemp = vto + 0.5;
    if (vnew <= vtemp) return delv > vtstlo ? vold + vtstlo : vnew;
    return vtemp;
}

// limvds: limits the change of a MOSFET drain-source voltage.
inline double limvds(double vnew, double vold) {
    if (vold >= 3.5) {
        if (vnew > vold) return std::min(vnew, 3 * vold + 2);
        return vnew < 3.5 ? std::max(vnew, 2.0) : vnew;
    }
    return vnew > vold ? std::min(vnew, 4.0) : std::max(vnew, -0.5);
}

}  // namespace memspice::native::semiconductor
