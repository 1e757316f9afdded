// Sparse LU factorization of the MNA matrix with KLU (SuiteSparse), shared by every analysis
// of a circuit: the symbolic analysis (block triangular form + fill-reducing ordering) is
// done once per pattern; later factorizations reuse it (klu_refactor keeps the pivot
// sequence; a full klu_factor redoes the pivoting when refactoring loses accuracy); and a
// matrix whose values did not change since the last factorization is not factorized again
// (linear circuits: one factorization for a whole DC sweep or a transient at fixed step).
//
// Orderings: AMD, COLAMD, or nested dissection (METIS through CHOLMOD) on the pattern of
// A + A^T. Auto chooses by measurement (bench/README.md): AMD, except for large grid-like
// blocks (crossbars with wire resistance), where nested dissection has far less fill.
#pragma once

#include <complex>
#include <memory>
#include <string>
#include <vector>

#include "solver/native/sparse_pattern.hpp"

namespace memspice::native {

enum class Ordering { Auto, Amd, Colamd, NestedDissection };
std::string to_string(Ordering ordering);

struct LuStatistics {
    Ordering ordering = Ordering::Auto;  // the one used
    double analyze_seconds = 0;
    double factor_seconds = 0;     // total over all factorizations
    int factorizations = 0;        // full klu_factor calls
    int refactorizations = 0;      // klu_refactor calls
    int reuses = 0;                // factorizations skipped because the values were unchanged
    long factor_entries = 0;       // nnz(L) + nnz(U) of the last factorization
};

class SparseLu {
public:
    SparseLu(const CscPattern& pattern, Ordering ordering = Ordering::Auto);
    ~SparseLu();
    SparseLu(const SparseLu&) = delete;
    SparseLu& operator=(const SparseLu&) = delete;

    // Factorizes the matrix with these values (CscPattern order). False when it is singular:
    // singular_column() then names the unknown where the zero pivot appeared.
    bool factor(const double* values);
    // Solves A x = b in place (after a successful factor).
    void solve(double* rhs) const;
    int singular_column() const { return singular_column_; }
    const LuStatistics& statistics() const { return stats_; }
    // Forget the last values, so the next factor() factorizes even if they are equal.
    void invalidate() { have_values_ = false; }

    // Complex factorization with the same symbolic analysis (AC analysis).
    bool factor_complex(const std::complex<double>* values);
    void solve_complex(std::complex<double>* rhs) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
    const CscPattern& pattern_;
    std::vector<double> last_values_;
    bool have_values_ = false;
    int singular_column_ = -1;
    LuStatistics stats_;
};

}  // namespace memspice::native
