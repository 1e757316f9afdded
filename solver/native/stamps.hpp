// Matrix stamps that recur in MNA, as groups of precomputed slots.
#pragma once

#include "solver/native/sparse_pattern.hpp"

namespace memspice::native {

// A conductance between a and b: +g on the diagonals, -g off them.
struct ConductanceStamp {
    int aa = 0, ab = 0, ba = 0, bb = 0;
    void request(PatternBuilder& p, int a, int b) {
        aa = p.request(a, a), ab = p.request(a, b), ba = p.request(b, a), bb = p.request(b, b);
    }
    void bind(const PatternBuilder& p) { p.resolve(aa), p.resolve(ab), p.resolve(ba), p.resolve(bb); }
    void add(double* values, double g) const {
        values[aa] += g, values[bb] += g, values[ab] -= g, values[ba] -= g;
    }
};

// A transconductance: current into rows (a, b) (+ at a, - at b) controlled by v(c) - v(d).
struct TransconductanceStamp {
    int ac = 0, ad = 0, bc = 0, bd = 0;
    void request(PatternBuilder& p, int a, int b, int c, int d) {
        ac = p.request(a, c), ad = p.request(a, d), bc = p.request(b, c), bd = p.request(b, d);
    }
    void bind(const PatternBuilder& p) { p.resolve(ac), p.resolve(ad), p.resolve(bc), p.resolve(bd); }
    void add(double* values, double g) const {
        values[ac] += g, values[bd] += g, values[ad] -= g, values[bc] -= g;
    }
};

// A branch current k entering the KCL rows of a (+) and b (-), and the branch row k reading
// v(a) - v(b): the incidence part shared by V, E, H and L.
struct BranchStamp {
    int a_k = 0, b_k = 0, k_a = 0, k_b = 0;
    void request(PatternBuilder& p, int a, int b, int k) {
        a_k = p.request(a, k), b_k = p.request(b, k), k_a = p.request(k, a), k_b = p.request(k, b);
    }
    void bind(const PatternBuilder& p) { p.resolve(a_k), p.resolve(b_k), p.resolve(k_a), p.resolve(k_b); }
    void add(double* values) const { values[a_k] += 1, values[b_k] -= 1, values[k_a] += 1, values[k_b] -= 1; }
};

}  // namespace memspice::native
