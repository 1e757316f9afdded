// KLU as IDA's linear solver, through the SUNDIALS SUNLinearSolver interface, backed by the
// system's SparseLu: the transient shares the symbolic analysis (and, for an unchanged
// Jacobian, the very factorization) with the DC analyses, uses the chosen fill-reducing
// ordering, and skips refactoring when IDA's Jacobian G + cj C did not change (resistive
// circuits, steps at an unchanged cj). SUNDIALS' own SUNLinSol_KLU would redo the
// symbolic analysis and always refactor.
#pragma once

#include <sundials/sundials_context.h>
#include <sundials/sundials_linearsolver.h>
#include <sundials/sundials_matrix.h>

#include "solver/native/sparse_lu.hpp"

namespace memspice::native {

// A direct SUNLinearSolver solving with `lu` (which must outlive it). Setup factorizes the
// SUNSparseMatrix's values, laid out as lu's pattern; a singular matrix is reported to IDA
// as a recoverable failure (SUNLS_LUFACT_FAIL).
SUNLinearSolver make_klu_linear_solver(SUNContext context, SparseLu& lu);

// A CSC SUNSparseMatrix with the pattern's structure and room for the scratch slot.
SUNMatrix make_sparse_matrix(SUNContext context, const CscPattern& pattern);
// Rewrites the matrix's structure (SUNMatZero clears it) so that its values line up with
// the pattern's slots.
void restore_structure(SUNMatrix matrix, const CscPattern& pattern);

}  // namespace memspice::native
