// The fixed sparsity pattern of the MNA matrix, in compressed-column form, built once per
// circuit. Elements request the entries they will write while the pattern is being built
// and get back handles; after finalize() each handle turns into a slot, the position of the
// entry in the value array, so refilling the matrix is a pass over the elements that writes
// straight into that array with no searching.
//
// Ground: unknown index n (one past the last unknown) stands for ground. Entries in its row
// or column are not stored; their handles map to slot nnz, one past the last stored value,
// which value arrays keep as a scratch location. Elements can therefore write every stamp
// without testing for ground.
#pragma once

#include <cstdint>
#include <vector>

namespace memspice::native {

struct CscPattern {
    int n = 0;                     // unknowns (rows = columns)
    std::vector<int> col_start;    // n + 1 entries
    std::vector<int> row_index;    // nnz entries, increasing within each column
    std::vector<int> diagonal;     // slot of (k, k) for every k: diagonals are always stored

    int nnz() const { return col_start.empty() ? 0 : col_start.back(); }
    // Size of a value array: nnz stored values plus the scratch slot for ground stamps.
    int value_count() const { return nnz() + 1; }
    // Slot of (row, col), or -1 when not stored. Binary search: for set-up and diagnostics.
    int find(int row, int col) const;
};

class PatternBuilder {
public:
    explicit PatternBuilder(int unknowns);

    int ground() const { return n_; }
    // Requests entry (row, col) and returns a handle; a ground row or column is allowed.
    int request(int row, int col);
    // The same for an entry of dF/dy' (charge or flux): also marks `col` as a differential
    // unknown (IDA's id vector).
    int request_reactive(int row, int col);
    // Marks `col` as a differential unknown without requesting an entry.
    void mark_differential(int col) { differential_[static_cast<std::size_t>(col)] = true; }
    // After finalize: whether column k has dF/dy' entries.
    const std::vector<bool>& differential() const { return differential_; }
    // Builds the pattern (every diagonal included). Call once.
    const CscPattern& finalize();
    // The slot of a handle (nnz for a ground entry). Only after finalize().
    int slot(int handle) const { return slots_[static_cast<std::size_t>(handle)]; }
    // Turns a handle held by an element into its slot, in place.
    void resolve(int& handle) const { handle = slot(handle); }
    const CscPattern& pattern() const { return pattern_; }

private:
    int n_;
    std::vector<std::int64_t> keys_;  // col * (n + 1) + row per request
    std::vector<int> slots_;
    std::vector<bool> differential_;
    CscPattern pattern_;
    bool finalized_ = false;
};

}  // namespace memspice::native
