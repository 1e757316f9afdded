#include "solver/native/poles.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include <Eigen/Dense>
#include <Eigen/Eigenvalues>
#include <Eigen/SVD>

#include "devices/random.hpp"
#include "solver/native/ac_analysis.hpp"
#include "solver/native/dc_analysis.hpp"
#include "solver/native/mna_system.hpp"
#include "solver/native/workspace.hpp"

namespace memspice::native {

namespace {

using Matrix = Eigen::MatrixXd;
using Vector = Eigen::VectorXd;
using cplx = std::complex<double>;

bool slower(const cplx& a, const cplx& b) {
    if (std::abs(a) != std::abs(b)) return std::abs(a) < std::abs(b);
    return a.imag() < b.imag();
}

// The columns that have capacitance (differential unknowns); M = -G^-1 C vanishes elsewhere.
std::vector<int> reactive_columns(const CscPattern& pattern, const std::vector<double>& c) {
    std::vector<int> columns;
    for (int col = 0; col < pattern.n; ++col)
        for (int s = pattern.col_start[static_cast<std::size_t>(col)]; s < pattern.col_start[static_cast<std::size_t>(col) + 1]; ++s)
            if (c[static_cast<std::size_t>(s)] != 0) {
                columns.push_back(col);
                break;
            }
    return columns;
}

// x = -A^-1 C x for the factored A (n + 1 scratch entries in work).
struct ShiftInvertOperator {
    MnaSystem& system;
    const std::vector<double>& c;
    std::vector<double> work;

    void apply(const double* x, double* out) {
        const CscPattern& p = system.pattern();
        std::fill(work.begin(), work.end(), 0.0);
        for (int col = 0; col < p.n; ++col) {
            const double xc = x[col];
            if (xc == 0) continue;
            for (int s = p.col_start[static_cast<std::size_t>(col)]; s < p.col_start[static_cast<std::size_t>(col) + 1]; ++s)
                work[static_cast<std::size_t>(p.row_index[static_cast<std::size_t>(s)])] += c[static_cast<std::size_t>(s)] * xc;
        }
        system.lu().solve(work.data());
        for (int k = 0; k < p.n; ++k) out[k] = -work[static_cast<std::size_t>(k)];
    }
};

PoleAnalysis dense_poles(MnaSystem& system, const std::vector<double>& c, const PoleOptions& options) {
    const CscPattern& p = system.pattern();
    const int n = p.n;
    PoleAnalysis result;
    result.unknowns = n;
    result.dense = true;
    const std::vector<int> d = reactive_columns(p, c);
    const int m = static_cast<int>(d.size());
    if (m == 0) {
        result.infinite = n;
        return result;
    }
    // M restricted to the reactive rows and columns: its non-zero eigenvalues are M's.
    ShiftInvertOperator op{system, c, std::vector<double>(static_cast<std::size_t>(n) + 1)};
    Matrix md(m, m);
    std::vector<double> unit(static_cast<std::size_t>(n), 0.0), column(static_cast<std::size_t>(n));
    for (int j = 0; j < m; ++j) {
        unit[static_cast<std::size_t>(d[static_cast<std::size_t>(j)])] = 1;
        op.apply(unit.data(), column.data());
        unit[static_cast<std::size_t>(d[static_cast<std::size_t>(j)])] = 0;
        for (int i = 0; i < m; ++i) md(i, j) = column[static_cast<std::size_t>(d[static_cast<std::size_t>(i)])];
    }
    // Deflate zero eigenvalues (and their Jordan chains) exactly; see poles.hpp.
    Matrix reduced = md;
    double reference = 0;
    while (reduced.rows() > 0) {
        Eigen::BDCSVD<Matrix> svd(reduced, Eigen::ComputeFullV);
        const Vector& sigma = svd.singularValues();
        if (reference == 0) reference = sigma(0);
        if (!(reference > 0)) {
            reduced.resize(0, 0);
            break;
        }
        Eigen::Index rank = 0;
        while (rank < sigma.size() && sigma(rank) > options.null_tolerance * reference) ++rank;
        if (rank == reduced.rows()) break;
        const Matrix v1 = svd.matrixV().leftCols(rank);
        reduced = (v1.transpose() * reduced * v1).eval();
    }
    if (reduced.rows() > 0) {
        Eigen::EigenSolver<Matrix> eigen(reduced, false);
        if (eigen.info() != Eigen::Success) throw SimulationError("pole analysis: the eigenvalue iteration did not converge");
        for (Eigen::Index k = 0; k < eigen.eigenvalues().size(); ++k) {
            const cplx mu = eigen.eigenvalues()(k);
            if (std::abs(mu) > 0) result.poles.push_back(1.0 / mu);
        }
    }
    std::sort(result.poles.begin(), result.poles.end(), slower);
    result.infinite = n - static_cast<int>(result.poles.size());
    return result;
}

// Implicitly restarted Arnoldi (exact shifts, explicit QR on the small Hessenberg matrix).
PoleAnalysis sparse_poles(MnaSystem& system, const std::vector<double>& c, const PoleOptions& options) {
    const int n = system.size();
    PoleAnalysis result;
    result.unknowns = n;
    result.dense = false;
    const int reactive = static_cast<int>(reactive_columns(system.pattern(), c).size());
    const int k_wanted = std::min(options.count, reactive);
    if (k_wanted <= 0) return result;
    const int m = std::min(reactive, std::max(2 * k_wanted + 10, 30));
    ShiftInvertOperator op{system, c, std::vector<double>(static_cast<std::size_t>(n) + 1)};

    Matrix v = Matrix::Zero(n, m + 1);
    Matrix h = Matrix::Zero(m + 1, m);
    // Start in the range of the operator (no component along the infinite eigenvalues).
    {
        Vector start(n), image(n);
        const std::uint64_t stream = devices::random::stream(1, devices::random::device_key("pole analysis"));
        for (int k = 0; k < n; ++k) start(k) = devices::random::uniform(stream, static_cast<std::uint64_t>(k)) - 0.5;
        op.apply(start.data(), image.data());
        if (!(image.norm() > 0)) return result;
        v.col(0) = image / image.norm();
    }
    Vector w(n);
    auto extend = [&](int from) {
        for (int j = from; j < m; ++j) {
            op.apply(v.col(j).data(), w.data());
            for (int pass = 0; pass < 2; ++pass) {  // classical Gram-Schmidt, twice
                const Vector coefficients = v.leftCols(j + 1).transpose() * w;
                w -= v.leftCols(j + 1) * coefficients;
                h.col(j).head(j + 1) += coefficients;
            }
            h(j + 1, j) = w.norm();
            if (h(j + 1, j) <= 1e-300) {  // invariant subspace: restart direction is irrelevant
                v.col(j + 1).setZero();
            } else {
                v.col(j + 1) = w / h(j + 1, j);
            }
        }
    };
    extend(0);
    int k_keep = k_wanted;
    for (int restart = 0; restart <= options.max_restarts; ++restart) {
        const Matrix hm = h.topLeftCorner(m, m);
        Eigen::EigenSolver<Matrix> eigen(hm, true);
        if (eigen.info() != Eigen::Success) throw SimulationError("pole analysis: the Arnoldi eigenvalue step failed");
        std::vector<int> order(static_cast<std::size_t>(m));
        for (int k = 0; k < m; ++k) order[static_cast<std::size_t>(k)] = k;
        const auto& theta = eigen.eigenvalues();
        std::sort(order.begin(), order.end(), [&](int a, int b) { return std::abs(theta(a)) > std::abs(theta(b)); });
        k_keep = k_wanted;
        // Keep complex conjugate pairs together.
        if (k_keep < m && std::abs(theta(order[static_cast<std::size_t>(k_keep) - 1]).imag()) > 0 &&
            std::abs(theta(order[static_cast<std::size_t>(k_keep) - 1]) - std::conj(theta(order[static_cast<std::size_t>(k_keep)]))) <
                1e-12 * std::abs(theta(order[static_cast<std::size_t>(k_keep)])))
            ++k_keep;
        const double beta = h(m, m - 1);
        bool converged = true;
        for (int i = 0; i < k_keep; ++i) {
            const int idx = order[static_cast<std::size_t>(i)];
            const double residual = beta * std::abs(eigen.eigenvectors()(m - 1, idx));
            if (residual > options.tolerance * std::abs(theta(idx))) converged = false;
        }
        if (converged || restart == options.max_restarts || m == reactive) {
            if (!converged && m != reactive)
                throw SimulationError("pole analysis: Arnoldi did not converge in " + std::to_string(options.max_restarts) +
                                      " restarts (ask for fewer poles or a different shift)");
            const double largest = std::abs(theta(order[0]));
            for (int i = 0; i < std::min(k_keep, m); ++i) {
                const cplx t = theta(order[static_cast<std::size_t>(i)]);
                if (std::abs(t) > options.null_tolerance * largest) result.poles.push_back(options.shift + 1.0 / t);
            }
            break;
        }
        // Exact shifts: the unwanted Ritz values, conjugate pairs as one real double shift.
        Matrix q_total = Matrix::Identity(m, m);
        Matrix hh = hm;
        for (int i = k_keep; i < m; ++i) {
            const cplx mu = theta(order[static_cast<std::size_t>(i)]);
            Matrix shifted;
            if (std::abs(mu.imag()) > 0) {
                if (mu.imag() < 0) continue;  // its conjugate does the pair
                shifted = hh * hh - 2 * mu.real() * hh + std::norm(mu) * Matrix::Identity(m, m);
            } else {
                shifted = hh - mu.real() * Matrix::Identity(m, m);
            }
            Eigen::HouseholderQR<Matrix> qr(shifted);
            const Matrix q = qr.householderQ();
            hh = (q.transpose() * hh * q).eval();
            q_total = (q_total * q).eval();
        }
        const Vector f = v.col(m) * beta;
        const Matrix v_new = v.leftCols(m) * q_total;
        const Vector f_new = v_new.col(k_keep) * hh(k_keep, k_keep - 1) + f * q_total(m - 1, k_keep - 1);
        v.leftCols(k_keep) = v_new.leftCols(k_keep);
        h.setZero();
        h.topLeftCorner(k_keep, k_keep) = hh.topLeftCorner(k_keep, k_keep);
        const double norm = f_new.norm();
        h(k_keep, k_keep - 1) = norm;
        v.col(k_keep) = norm > 0 ? Vector(f_new / norm) : Vector::Zero(n);
        extend(k_keep);
    }
    std::sort(result.poles.begin(), result.poles.end(), slower);
    return result;
}

}  // namespace

bool PoleAnalysis::stable() const {
    return std::all_of(poles.begin(), poles.end(), [](const cplx& s) { return s.real() < 0; });
}

double PoleAnalysis::slowest_time_constant() const {
    if (poles.empty() || !stable()) return std::numeric_limits<double>::infinity();
    double slowest = -std::numeric_limits<double>::infinity();
    for (const cplx& s : poles) slowest = std::max(slowest, s.real());
    return -1 / slowest;
}

PoleAnalysis poles(MnaSystem& system, const std::vector<double>& y, const PoleOptions& options) {
    if (!(options.null_tolerance > 0 && options.null_tolerance < 1))
        throw InputError("pole analysis: null_tolerance must be in (0, 1)");
    std::vector<double> g, c;
    linearize(system, y, g, c);
    // Factor G + shift C (dense: shift 0).
    const bool dense = static_cast<std::size_t>(system.size()) <= options.dense_limit;
    const double shift = dense ? 0 : options.shift;
    std::vector<double> a(g.size());
    for (std::size_t k = 0; k < g.size(); ++k) a[k] = g[k] + shift * c[k];
    system.lu().invalidate();
    if (!system.lu().factor(a.data()))
        throw SimulationError("pole analysis: the linearized circuit is singular: " +
                              system.explain_singular(system.lu().singular_column()));
    return dense ? dense_poles(system, c, options) : sparse_poles(system, c, options);
}

PoleAnalysis poles(const Circuit& circuit, const PoleOptions& options) {
    MnaSystem system(circuit, SolverOptions::from_circuit(circuit));
    system.prepare(system.setup_for());
    Workspace work(system);
    std::vector<double> y(static_cast<std::size_t>(system.size()) + 1, 0.0);
    solve_operating_point(system, work, y);
    system.accept(y.data(), 0, Phase::Dc);
    return poles(system, y, options);
}

}  // namespace memspice::native
