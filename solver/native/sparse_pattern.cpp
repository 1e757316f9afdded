#include "solver/native/sparse_pattern.hpp"

#include <algorithm>
#include <numeric>
#include <stdexcept>

namespace memspice::native {

int CscPattern::find(int row, int col) const {
    if (row < 0 || col < 0 || row >= n || col >= n) return -1;
    const auto begin = row_index.begin() + col_start[static_cast<std::size_t>(col)];
    const auto end = row_index.begin() + col_start[static_cast<std::size_t>(col) + 1];
    const auto it = std::lower_bound(begin, end, row);
    return it != end && *it == row ? static_cast<int>(it - row_index.begin()) : -1;
}

PatternBuilder::PatternBuilder(int unknowns)
    : n_(unknowns), differential_(static_cast<std::size_t>(unknowns) + 1, false) {}

int PatternBuilder::request_reactive(int row, int col) {
    differential_[static_cast<std::size_t>(col)] = true;
    return request(row, col);
}

int PatternBuilder::request(int row, int col) {
    if (finalized_) throw std::logic_error("PatternBuilder::request after finalize");
    keys_.push_back(static_cast<std::int64_t>(col) * (n_ + 1) + row);
    return static_cast<int>(keys_.size() - 1);
}

const CscPattern& PatternBuilder::finalize() {
    if (finalized_) throw std::logic_error("PatternBuilder::finalize called twice");
    finalized_ = true;
    const std::int64_t stride = n_ + 1;
    // Stored entries: the requests off the ground row/column, plus every diagonal.
    std::vector<std::int64_t> stored;
    stored.reserve(keys_.size() + static_cast<std::size_t>(n_));
    for (std::int64_t key : keys_)
        if (key / stride != n_ && key % stride != n_) stored.push_back(key);
    for (int k = 0; k < n_; ++k) stored.push_back(static_cast<std::int64_t>(k) * stride + k);
    std::sort(stored.begin(), stored.end());
    stored.erase(std::unique(stored.begin(), stored.end()), stored.end());

    pattern_.n = n_;
    pattern_.col_start.assign(static_cast<std::size_t>(n_) + 1, 0);
    pattern_.row_index.resize(stored.size());
    for (std::size_t s = 0; s < stored.size(); ++s) {
        const auto col = static_cast<std::size_t>(stored[s] / stride);
        pattern_.row_index[s] = static_cast<int>(stored[s] % stride);
        ++pattern_.col_start[col + 1];
    }
    std::partial_sum(pattern_.col_start.begin(), pattern_.col_start.end(), pattern_.col_start.begin());

    const int scratch = static_cast<int>(stored.size());
    slots_.resize(keys_.size());
    for (std::size_t h = 0; h < keys_.size(); ++h) {
        const std::int64_t key = keys_[h];
        if (key / stride == n_ || key % stride == n_) {
            slots_[h] = scratch;
        } else {
            slots_[h] = static_cast<int>(std::lower_bound(stored.begin(), stored.end(), key) - stored.begin());
        }
    }
    pattern_.diagonal.resize(static_cast<std::size_t>(n_));
    for (int k = 0; k < n_; ++k) pattern_.diagonal[static_cast<std::size_t>(k)] = pattern_.find(k, k);
    std::vector<std::int64_t>().swap(keys_);
    differential_.resize(static_cast<std::size_t>(n_));
    return pattern_;
}

}  // namespace memspice::native
