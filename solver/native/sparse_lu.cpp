#include "solver/native/sparse_lu.hpp"

#include <chrono>
#include <cstring>
#include <stdexcept>

#include <cholmod.h>
#include <klu.h>

#include "core/error.hpp"

namespace memspice::native {

namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// KLU user ordering: nested dissection (METIS bisection, CAMD on the leaves) of the pattern
// of B + B^T for one diagonal block B of the block triangular form.
int nested_dissection_order(int n, int Ap[], int Ai[], int Perm[], klu_common*) {
    cholmod_common cc;
    cholmod_start(&cc);
    cholmod_sparse block{};
    block.nrow = block.ncol = static_cast<std::size_t>(n);
    block.nzmax = static_cast<std::size_t>(Ap[n]);
    block.p = Ap;
    block.i = Ai;
    block.stype = 0;
    block.itype = CHOLMOD_INT;
    block.xtype = CHOLMOD_PATTERN;
    block.dtype = CHOLMOD_DOUBLE;
    block.sorted = 1;
    block.packed = 1;
    int ok = 0;
    cholmod_sparse* transposed = cholmod_transpose(&block, 0, &cc);
    cholmod_sparse* symmetric = transposed ? cholmod_add(&block, transposed, nullptr, nullptr, 0, 0, &cc) : nullptr;
    if (symmetric) {
        symmetric->stype = 1;  // the full symmetric pattern; CHOLMOD reads its upper part
        std::vector<int> cparent(static_cast<std::size_t>(n)), cmember(static_cast<std::size_t>(n));
        const long components =
            cholmod_nested_dissection(symmetric, nullptr, 0, Perm, cparent.data(), cmember.data(), &cc);
        ok = components > 0 ? 1 : 0;
    }
    cholmod_free_sparse(&transposed, &cc);
    cholmod_free_sparse(&symmetric, &cc);
    cholmod_finish(&cc);
    return ok;
}

// Measured on crossbars (bench/README.md): nested dissection pays for its slower analysis
// once a block has more than ~200k unknowns and AMD predicts substantial fill.
constexpr int kNestedDissectionMinBlock = 200000;
constexpr double kNestedDissectionMinFill = 4.0;

}  // namespace

std::string to_string(Ordering ordering) {
    switch (ordering) {
        case Ordering::Auto: return "auto";
        case Ordering::Amd: return "amd";
        case Ordering::Colamd: return "colamd";
        case Ordering::NestedDissection: return "nested-dissection";
    }
    return "?";
}

struct SparseLu::Impl {
    klu_common common{};
    klu_symbolic* symbolic = nullptr;
    klu_numeric* numeric = nullptr;
    klu_numeric* complex_numeric = nullptr;
    double rcond_after_pivoting = 0;
    double complex_rcond_after_pivoting = 0;
    int* ap = nullptr;
    int* ai = nullptr;

    ~Impl() {
        if (numeric) klu_free_numeric(&numeric, &common);
        if (complex_numeric) klu_z_free_numeric(&complex_numeric, &common);
        if (symbolic) klu_free_symbolic(&symbolic, &common);
    }

    void analyze(int n, Ordering ordering) {
        klu_defaults(&common);
        common.btf = 1;
        switch (ordering) {
            case Ordering::Colamd: common.ordering = 1; break;
            case Ordering::NestedDissection:
                common.ordering = 3;
                common.user_order = nested_dissection_order;
                break;
            default: common.ordering = 0; break;
        }
        symbolic = klu_analyze(n, ap, ai, &common);
        if (!symbolic)
            throw SimulationError("sparse LU: symbolic analysis failed (KLU status " + std::to_string(common.status) + ")");
    }
};

SparseLu::SparseLu(const CscPattern& pattern, Ordering ordering) : impl_(std::make_unique<Impl>()), pattern_(pattern) {
    const auto start = std::chrono::steady_clock::now();
    impl_->ap = const_cast<int*>(pattern.col_start.data());
    impl_->ai = const_cast<int*>(pattern.row_index.data());
    Ordering chosen = ordering == Ordering::Auto ? Ordering::Amd : ordering;
    impl_->analyze(pattern.n, chosen);
    if (ordering == Ordering::Auto && impl_->symbolic->maxblock >= kNestedDissectionMinBlock &&
        impl_->symbolic->lnz > kNestedDissectionMinFill * pattern.nnz()) {
        klu_free_symbolic(&impl_->symbolic, &impl_->common);
        chosen = Ordering::NestedDissection;
        impl_->analyze(pattern.n, chosen);
    }
    stats_.ordering = chosen;
    stats_.analyze_seconds = seconds_since(start);
    last_values_.resize(static_cast<std::size_t>(pattern.nnz()));
}

SparseLu::~SparseLu() = default;

bool SparseLu::factor(const double* values) {
    const std::size_t nnz = static_cast<std::size_t>(pattern_.nnz());
    if (have_values_ && impl_->numeric && std::memcmp(values, last_values_.data(), nnz * sizeof(double)) == 0) {
        ++stats_.reuses;
        return true;
    }
    const auto start = std::chrono::steady_clock::now();
    Impl& k = *impl_;
    auto* ax = const_cast<double*>(values);
    bool ok = false;
    if (k.numeric) {
        ++stats_.refactorizations;
        ok = klu_refactor(k.ap, k.ai, ax, k.symbolic, k.numeric, &k.common) == 1 && k.common.numerical_rank == pattern_.n;
        // Refactoring keeps the old pivot sequence; if that has become poor, pivot afresh.
        if (ok && klu_rcond(k.symbolic, k.numeric, &k.common) && k.common.rcond < 1e-3 * k.rcond_after_pivoting) ok = false;
        if (!ok) klu_free_numeric(&k.numeric, &k.common);
    }
    if (!k.numeric) {
        ++stats_.factorizations;
        k.numeric = klu_factor(k.ap, k.ai, ax, k.symbolic, &k.common);
        ok = k.numeric != nullptr && k.common.status == KLU_OK;
        if (ok && klu_rcond(k.symbolic, k.numeric, &k.common)) k.rcond_after_pivoting = k.common.rcond;
        if (!ok) {
            singular_column_ = k.common.status == KLU_SINGULAR ? k.common.singular_col : -1;
            if (k.common.status < 0 && k.common.status != KLU_SINGULAR)
                throw SimulationError("sparse LU: factorization failed (KLU status " + std::to_string(k.common.status) + ")");
            if (k.numeric) klu_free_numeric(&k.numeric, &k.common);
        }
    }
    stats_.factor_seconds += seconds_since(start);
    if (!ok) {
        have_values_ = false;
        return false;
    }
    stats_.factor_entries = static_cast<long>(k.numeric->lnz + k.numeric->unz);
    std::memcpy(last_values_.data(), values, nnz * sizeof(double));
    have_values_ = true;
    singular_column_ = -1;
    return true;
}

void SparseLu::solve(double* rhs) const {
    klu_solve(impl_->symbolic, impl_->numeric, pattern_.n, 1, rhs, &impl_->common);
}

bool SparseLu::factor_complex(const std::complex<double>* values) {
    Impl& k = *impl_;
    auto* ax = reinterpret_cast<double*>(const_cast<std::complex<double>*>(values));
    if (k.complex_numeric) {
        // As for real matrices: keep the pivot sequence while it stays good (the pivots of
        // one frequency usually suit the next).
        if (klu_z_refactor(k.ap, k.ai, ax, k.symbolic, k.complex_numeric, &k.common) == 1 &&
            k.common.numerical_rank == pattern_.n && klu_z_rcond(k.symbolic, k.complex_numeric, &k.common) &&
            k.common.rcond >= 1e-3 * k.complex_rcond_after_pivoting)
            return true;
        klu_z_free_numeric(&k.complex_numeric, &k.common);
    }
    k.complex_numeric = klu_z_factor(k.ap, k.ai, ax, k.symbolic, &k.common);
    if (!k.complex_numeric || k.common.status != KLU_OK) {
        singular_column_ = k.common.status == KLU_SINGULAR ? k.common.singular_col : -1;
        if (k.complex_numeric) klu_z_free_numeric(&k.complex_numeric, &k.common);
        return false;
    }
    if (klu_z_rcond(k.symbolic, k.complex_numeric, &k.common)) k.complex_rcond_after_pivoting = k.common.rcond;
    return true;
}

void SparseLu::solve_complex(std::complex<double>* rhs) const {
    klu_z_solve(impl_->symbolic, impl_->complex_numeric, pattern_.n, 1, reinterpret_cast<double*>(rhs), &impl_->common);
}

}  // namespace memspice::native
