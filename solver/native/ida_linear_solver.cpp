#include "solver/native/ida_linear_solver.hpp"

#include <nvector/nvector_serial.h>
#include <sunmatrix/sunmatrix_sparse.h>

namespace memspice::native {

namespace {

struct Content {
    SparseLu* lu = nullptr;
    sunindextype last_flag = 0;
};

Content& content(SUNLinearSolver s) { return *static_cast<Content*>(s->content); }

SUNLinearSolver_Type get_type(SUNLinearSolver) { return SUNLINEARSOLVER_DIRECT; }
SUNLinearSolver_ID get_id(SUNLinearSolver) { return SUNLINEARSOLVER_CUSTOM; }
int initialize(SUNLinearSolver) { return SUNLS_SUCCESS; }

int setup(SUNLinearSolver s, SUNMatrix a) {
    Content& c = content(s);
    const bool ok = c.lu->factor(SM_DATA_S(a));
    c.last_flag = ok ? SUNLS_SUCCESS : SUNLS_LUFACT_FAIL;
    return static_cast<int>(c.last_flag);
}

int solve(SUNLinearSolver s, SUNMatrix, N_Vector x, N_Vector b, realtype) {
    N_VScale(1.0, b, x);
    content(s).lu->solve(N_VGetArrayPointer(x));
    content(s).last_flag = SUNLS_SUCCESS;
    return SUNLS_SUCCESS;
}

sunindextype last_flag(SUNLinearSolver s) { return content(s).last_flag; }

int free_solver(SUNLinearSolver s) {
    if (!s) return SUNLS_SUCCESS;
    delete static_cast<Content*>(s->content);
    s->content = nullptr;
    SUNLinSolFreeEmpty(s);
    return SUNLS_SUCCESS;
}

}  // namespace

SUNLinearSolver make_klu_linear_solver(SUNContext context, SparseLu& lu) {
    SUNLinearSolver s = SUNLinSolNewEmpty(context);
    if (!s) return nullptr;
    s->ops->gettype = get_type;
    s->ops->getid = get_id;
    s->ops->initialize = initialize;
    s->ops->setup = setup;
    s->ops->solve = solve;
    s->ops->lastflag = last_flag;
    s->ops->free = free_solver;
    s->content = new Content{&lu, 0};
    return s;
}

SUNMatrix make_sparse_matrix(SUNContext context, const CscPattern& pattern) {
    SUNMatrix m = SUNSparseMatrix(pattern.n, pattern.n, pattern.value_count(), CSC_MAT, context);
    if (m) restore_structure(m, pattern);
    return m;
}

void restore_structure(SUNMatrix matrix, const CscPattern& pattern) {
    sunindextype* ptrs = SM_INDEXPTRS_S(matrix);
    sunindextype* rows = SM_INDEXVALS_S(matrix);
    for (std::size_t k = 0; k < pattern.col_start.size(); ++k) ptrs[k] = pattern.col_start[k];
    for (std::size_t k = 0; k < pattern.row_index.size(); ++k) rows[k] = pattern.row_index[k];
}

}  // namespace memspice::native
