// Pole analysis: the natural frequencies of a circuit linearized at its operating point, the
// values of s (rad/s, complex) where the small-signal equations (G + s C) v = 0 have a
// non-zero solution. They predict stability (every pole in the left half-plane) and
// settling (the slowest pole's time constant -1/Re(s)) of closed-loop circuits.
//
// Method. With G the (invertible) Jacobian at the operating point, (G + s C) v = 0 is
// M v = (1/s) v with M = -G^-1 C: each non-zero eigenvalue mu of M is a pole s = 1/mu, and
// the zero eigenvalues of M are the infinite eigenvalues of the pencil (algebraic
// constraints: nodes without capacitance, source branch currents).
// - Dense (circuits up to `dense_limit` unknowns): the zero eigenvalues are deflated
//   exactly before the eigenvalue computation. An orthonormal basis V2 of ker(M) (from an
//   SVD; singular values below `null_tolerance` times the largest count as zero) splits
//   M: with V = [V1 V2], V^T M V = [[V1^T M V1, 0], [V2^T M V1, 0]], so the spectrum of
//   V1^T M V1 is that of M without those zeros. Repeating this until no zero singular value
//   is left removes the Jordan chains of higher-index constraints (a capacitor at an ideal
//   source's node), whose eigenvalues would otherwise come out as spurious poles near
//   sqrt(machine epsilon). Every remaining eigenvalue is a finite pole: all of them are
//   returned. Poles faster than 1 / null_tolerance times the slowest are indistinguishable
//   from infinite ones and are dropped with them.
// - Sparse (larger circuits): the `count` poles closest to the real shift sigma, from
//   shift-invert Arnoldi on -(G + sigma C)^-1 C (eigenvalues 1/(s - sigma)) with the KLU
//   factorization, implicitly restarted with exact shifts.
#pragma once

#include <complex>
#include <cstddef>
#include <vector>

#include "core/circuit.hpp"

namespace memspice::native {

class MnaSystem;

struct PoleOptions {
    std::size_t dense_limit = 800;    // unknowns up to which all poles are computed densely
    int count = 10;                   // sparse: number of poles wanted
    double shift = 0;                 // sparse: real s around which poles are wanted, rad/s
    double null_tolerance = 1e-12;    // relative singular value below which M is singular
    double tolerance = 1e-10;         // sparse: relative residual of converged poles
    int max_restarts = 300;           // sparse
};

struct PoleAnalysis {
    std::vector<std::complex<double>> poles;  // rad/s, slowest (smallest |s|) first
    bool dense = true;                        // all finite poles (dense) or the `count` nearest the shift
    int unknowns = 0;
    int infinite = 0;                         // dense: deflated infinite eigenvalues

    bool stable() const;                      // every pole has Re(s) < 0
    // The time constant of the slowest decaying mode, -1/max Re(s) (s); +inf if unstable
    // or there are no poles.
    double slowest_time_constant() const;
};

// Poles of `circuit` at its DC operating point (the circuit's analyses are ignored).
// Throws SimulationError when the operating point fails or G is singular.
PoleAnalysis poles(const Circuit& circuit, const PoleOptions& options = {});

// Poles of an already-built system linearized at y (n + 1 values).
PoleAnalysis poles(MnaSystem& system, const std::vector<double>& y, const PoleOptions& options);

}  // namespace memspice::native
