#include "solver/waveform_compare.hpp"

#include <algorithm>
#include <cmath>
#include <complex>
#include <limits>
#include <unordered_set>

#include "core/error.hpp"
#include "core/units.hpp"
#include "solver/vector_selection.hpp"

namespace memspice {

namespace {

// Where the other result's value at a reference point comes from: other[index] and
// other[index + 1] mixed with `weight` (0: index alone).
struct Sample {
    std::size_t index = 0;
    double weight = 0;
    bool inside = true;
};

// A scale's values as reals (an engine may keep an .ac frequency complex).
std::vector<double> scale_values(const Plot& plot) {
    if (plot.scale.empty()) return {};
    const Vector* scale = plot.find(plot.scale);
    if (!scale) throw SimulationError("the " + plot.analysis + " results lack their scale " + plot.scale);
    if (!scale->is_complex()) return scale->real;
    std::vector<double> values;
    for (const auto& c : scale->complex) values.push_back(c.real());
    return values;
}

std::vector<Sample> line_up(const Plot& reference, const Plot& other) {
    const std::vector<double> xr = scale_values(reference), xo = scale_values(other);
    if (reference.scale.empty() || other.scale.empty()) {
        // Operating points: one point each.
        if (reference.points() != other.points())
            throw SimulationError("the " + reference.analysis + " results have " + std::to_string(reference.points()) +
                                  " and " + std::to_string(other.points()) + " points and no scale to line them up");
        std::vector<Sample> samples(reference.points());
        for (std::size_t k = 0; k < samples.size(); ++k) samples[k].index = k;
        return samples;
    }
    if (xo.empty()) throw SimulationError("the other " + other.analysis + " result has no points");
    const double span = std::max(std::abs(xr.empty() ? 0.0 : xr.back() - xr.front()), std::abs(xo.back() - xo.front()));
    const double slack = 1e-9 * (span > 0 ? span : 1.0);

    // The same points (e.g. both engines swept the same .dc or .ac grid): point by point.
    if (xr.size() == xo.size()) {
        bool same = true;
        for (std::size_t k = 0; k < xr.size() && same; ++k) same = std::abs(xr[k] - xo[k]) <= slack;
        if (same) {
            std::vector<Sample> samples(xr.size());
            for (std::size_t k = 0; k < samples.size(); ++k) samples[k].index = k;
            return samples;
        }
    }
    if (!std::is_sorted(xo.begin(), xo.end()))
        throw SimulationError("cannot line up the " + other.analysis + " results: the other engine's " + other.scale +
                              " is not increasing and its points differ from the reference's");
    std::vector<Sample> samples(xr.size());
    for (std::size_t k = 0; k < xr.size(); ++k) {
        const double x = xr[k];
        Sample& s = samples[k];
        if (x < xo.front() - slack || x > xo.back() + slack) {
            s.inside = false;
            continue;
        }
        if (x <= xo.front()) continue;  // index 0, weight 0
        if (x >= xo.back()) {
            s.index = xo.size() - 1;
            continue;
        }
        // The last other point at or before x; equal times (breakpoints) take the later one.
        const auto after = std::upper_bound(xo.begin(), xo.end(), x);
        s.index = static_cast<std::size_t>(after - xo.begin()) - 1;
        const double x0 = xo[s.index], x1 = xo[s.index + 1];
        s.weight = x1 > x0 ? (x - x0) / (x1 - x0) : 0.0;
    }
    return samples;
}

std::complex<double> value_at(const Vector& v, std::size_t k) {
    if (v.is_complex()) return k < v.complex.size() ? v.complex[k] : std::complex<double>(NAN, 0);
    return k < v.real.size() ? v.real[k] : NAN;
}

std::complex<double> interpolated(const Vector& v, const Sample& s) {
    const std::complex<double> a = value_at(v, s.index);
    if (s.weight == 0) return a;
    return (1 - s.weight) * a + s.weight * value_at(v, s.index + 1);
}

VectorDeviation deviation(const Vector& reference, const Vector& other, const std::vector<Sample>& samples,
                          const std::vector<double>& scale, const CompareOptions& options) {
    VectorDeviation d;
    d.name = reference.name;
    bool any = false;
    for (std::size_t k = 0; k < samples.size(); ++k) {
        if (!samples[k].inside) continue;
        const std::complex<double> a = value_at(reference, k), b = interpolated(other, samples[k]);
        d.reference_max = std::max(d.reference_max, std::abs(a));
        // A missing or non-finite value counts as the worst deviation there is.
        double difference = std::abs(a - b);
        if (std::isnan(difference)) difference = std::numeric_limits<double>::infinity();
        if (!any || difference > d.max_abs) {
            any = true;
            d.max_abs = difference;
            d.at_index = k;
            d.at_scale = k < scale.size() ? scale[k] : 0.0;
            d.reference_value = reference.is_complex() ? std::abs(a) : a.real();
            d.other_value = other.is_complex() ? std::abs(b) : b.real();
        }
    }
    d.allowed = options.abstol_for(d.name) + options.reltol * d.reference_max;
    return d;
}

}  // namespace

double CompareOptions::abstol_for(const std::string& vector_name) const {
    if (abstol) return *abstol;
    return unit_of_vector(vector_name) == "A" ? 1e-12 : 1e-6;
}

double VectorDeviation::relative() const {
    if (reference_max > 0) return max_abs / reference_max;
    return max_abs == 0 ? 0.0 : std::numeric_limits<double>::infinity();
}

bool PlotComparison::passed() const {
    return std::all_of(vectors.begin(), vectors.end(), [](const VectorDeviation& v) { return v.passed(); });
}

bool Comparison::passed() const {
    return std::all_of(plots.begin(), plots.end(), [](const PlotComparison& p) { return p.passed(); });
}

PlotComparison compare_plots(const Plot& reference, const Plot& other, const CompareOptions& options) {
    if (reference.analysis != other.analysis)
        throw SimulationError("cannot compare " + reference.analysis + " results with " + other.analysis + " results");
    PlotComparison result;
    result.analysis = reference.analysis;
    result.scale = reference.scale;

    std::vector<std::pair<const Vector*, const Vector*>> pairs;
    if (!options.vectors.empty()) {
        for (const std::string& name : options.vectors) {
            const Vector* a = find_vector(reference, name);
            const Vector* b = find_vector(other, name);
            if (!a || !b)
                throw InputError("no vector '" + name + "' in the " + std::string(a ? "other" : "reference") + " " +
                                 reference.analysis + " results");
            if (a->name != reference.scale) pairs.emplace_back(a, b);
        }
    } else {
        std::unordered_set<std::string> in_reference;
        for (const Vector& a : reference.vectors) {
            if (a.name == reference.scale) continue;
            in_reference.insert(a.name);
            const Vector* b = other.find(a.name);
            if (b) pairs.emplace_back(&a, b);
            else result.only_in_reference.push_back(a.name);
        }
        for (const Vector& b : other.vectors)
            if (b.name != other.scale && !in_reference.count(b.name)) result.only_in_other.push_back(b.name);
    }

    const std::vector<Sample> samples = line_up(reference, other);
    const std::vector<double> scale = scale_values(reference);
    for (const Sample& s : samples) (s.inside ? result.points : result.points_outside) += 1;
    for (const auto& [a, b] : pairs) result.vectors.push_back(deviation(*a, *b, samples, scale, options));
    return result;
}

Comparison compare_results(const SimulationResult& reference, const SimulationResult& other,
                           const CompareOptions& options) {
    if (reference.plots.size() != other.plots.size())
        throw SimulationError("the engines gave " + std::to_string(reference.plots.size()) + " and " +
                              std::to_string(other.plots.size()) + " plots");
    Comparison comparison;
    for (std::size_t k = 0; k < reference.plots.size(); ++k)
        comparison.plots.push_back(compare_plots(reference.plots[k], other.plots[k], options));
    return comparison;
}

}  // namespace memspice
