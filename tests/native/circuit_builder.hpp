// Small helpers for building test circuits in code and reading results.
#pragma once

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "core/circuit.hpp"
#include "solver/waveform.hpp"

namespace memspice::test {

// "<prefix><k>" (appending: GCC 12 warns falsely on "literal" + std::string).
inline std::string indexed(const char* prefix, int k) {
    std::string name(prefix);
    name += std::to_string(k);
    return name;
}

class CircuitBuilder {
public:
    explicit CircuitBuilder(std::string title = "test") { c_.title = std::move(title); }

    Element& add(ElementType type, std::string name, std::vector<std::string> nodes, double value = 0) {
        Element e;
        e.type = type;
        e.name = std::move(name);
        e.nodes = std::move(nodes);
        e.value = value;
        c_.elements.push_back(std::move(e));
        return c_.elements.back();
    }
    Element& r(std::string name, std::string a, std::string b, double ohms) {
        return add(ElementType::Resistor, std::move(name), {std::move(a), std::move(b)}, ohms);
    }
    Element& c(std::string name, std::string a, std::string b, double farads) {
        return add(ElementType::Capacitor, std::move(name), {std::move(a), std::move(b)}, farads);
    }
    Element& l(std::string name, std::string a, std::string b, double henries) {
        return add(ElementType::Inductor, std::move(name), {std::move(a), std::move(b)}, henries);
    }
    Element& v(std::string name, std::string a, std::string b, double dc) {
        Element& e = add(ElementType::VoltageSource, std::move(name), {std::move(a), std::move(b)});
        e.source.dc = dc;
        return e;
    }
    Element& i(std::string name, std::string a, std::string b, double dc) {
        Element& e = add(ElementType::CurrentSource, std::move(name), {std::move(a), std::move(b)});
        e.source.dc = dc;
        return e;
    }
    Element& waveform(Element& source, TransientFunction::Shape shape, std::vector<double> args) {
        source.source.transient.shape = shape;
        source.source.transient.args = std::move(args);
        return source;
    }
    Model& model(std::string name, std::string type, Params params = {}) {
        c_.models.push_back(Model{std::move(name), std::move(type), std::move(params), "", {}});
        return c_.models.back();
    }
    void op() { c_.analyses.push_back(Analysis{}); }
    void tran(double tstep, double tstop, double tmax = 0, bool uic = false) {
        Analysis a;
        a.kind = Analysis::Kind::Tran;
        a.tstep = tstep, a.tstop = tstop, a.tmax = tmax, a.uic = uic;
        c_.analyses.push_back(a);
    }
    void dc(std::vector<DcSweep> sweeps) {
        Analysis a;
        a.kind = Analysis::Kind::Dc;
        a.sweeps = std::move(sweeps);
        c_.analyses.push_back(a);
    }
    void ac(Analysis::AcSpacing spacing, int points, double fstart, double fstop) {
        Analysis a;
        a.kind = Analysis::Kind::Ac;
        a.ac_spacing = spacing, a.ac_points = points, a.fstart = fstart, a.fstop = fstop;
        c_.analyses.push_back(a);
    }
    void option(std::string name, std::string value) { c_.options.emplace_back(std::move(name), std::move(value)); }
    Circuit& circuit() { return c_; }

private:
    Circuit c_;
};

// The vector called `name` (exact, lower-case names).
inline const Vector& vec(const Plot& plot, const std::string& name) {
    for (const Vector& v : plot.vectors)
        if (v.name == name) return v;
    FAIL("no vector " << name << " in the " << plot.analysis << " plot");
    throw;  // unreachable
}

inline double value_at(const Plot& plot, const std::string& name, std::size_t point = 0) {
    return vec(plot, name).real.at(point);
}

// Linear interpolation of a real vector at scale value x (scale increasing).
inline double interpolate(const Plot& plot, const std::string& name, double x) {
    const auto& s = plot.vectors.front().real;
    const auto& v = vec(plot, name).real;
    if (x <= s.front()) return v.front();
    for (std::size_t k = 1; k < s.size(); ++k)
        if (s[k] >= x) {
            if (s[k] == s[k - 1]) return v[k];
            const double w = (x - s[k - 1]) / (s[k] - s[k - 1]);
            return v[k - 1] + w * (v[k] - v[k - 1]);
        }
    return v.back();
}

}  // namespace memspice::test
