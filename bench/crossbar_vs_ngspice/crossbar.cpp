#include "crossbar.hpp"

#include <cmath>
#include <string>

#include "devices/random.hpp"

namespace memspice::bench {

namespace {

// "<letter><i>_<j>" (built by appending: GCC 12 warns falsely on "r" + std::string).
std::string grid_name(char letter, int i, int j) {
    std::string name(1, letter);
    name += std::to_string(i);
    name += '_';
    name += std::to_string(j);
    return name;
}
std::string row_node(int i, int j) { return grid_name('r', i, j); }
std::string col_node(int i, int j) { return grid_name('c', i, j); }

Element resistor(std::string name, std::string a, std::string b, double ohms) {
    Element e;
    e.type = ElementType::Resistor;
    e.name = std::move(name);
    e.nodes = {std::move(a), std::move(b)};
    e.value = ohms;
    return e;
}

}  // namespace

Circuit make_crossbar(const CrossbarSpec& spec) {
    const int n = spec.n;
    Circuit c;
    c.title = "crossbar " + std::to_string(n) + "x" + std::to_string(n) + " with " + std::to_string(spec.wire_ohms) +
              " ohm wire segments";
    c.elements.reserve(static_cast<std::size_t>(4 * n) * static_cast<std::size_t>(n));
    const std::uint64_t stream = devices::random::stream(spec.seed, devices::random::device_key("crossbar"));
    const double span = std::log(spec.r_high / spec.r_low);
    for (int i = 0; i < n; ++i) {
        Element v;
        v.type = ElementType::VoltageSource;
        v.name = "vd" + std::to_string(i);
        v.nodes = {"d" + std::to_string(i), "0"};
        // Drivers differ a little so that rows carry different currents.
        const double amplitude = spec.drive_volts * (0.5 + 0.5 * static_cast<double>(i % 7) / 6.0);
        v.source.dc = amplitude;
        v.source.transient.shape = TransientFunction::Shape::Pulse;
        v.source.transient.args = {0, amplitude, 10 * spec.tstep, 20 * spec.tstep, 20 * spec.tstep, 30 * spec.tstep,
                                   100 * spec.tstep};
        c.elements.push_back(std::move(v));
        c.elements.push_back(resistor("rwd" + std::to_string(i), "d" + std::to_string(i), row_node(i, 0), spec.wire_ohms));
        for (int j = 0; j + 1 < n; ++j)
            c.elements.push_back(resistor("rwr" + std::to_string(i) + "_" + std::to_string(j), row_node(i, j),
                                          row_node(i, j + 1), spec.wire_ohms));
    }
    for (int j = 0; j < n; ++j) {
        for (int i = 0; i + 1 < n; ++i)
            c.elements.push_back(resistor("rwc" + std::to_string(i) + "_" + std::to_string(j), col_node(i, j),
                                          col_node(i + 1, j), spec.wire_ohms));
        if (spec.virtual_ground) {
            Element v;
            v.type = ElementType::VoltageSource;
            v.name = "vs" + std::to_string(j);
            v.nodes = {col_node(n - 1, j), "0"};
            v.source.dc = 0;
            c.elements.push_back(std::move(v));
        } else {
            c.elements.push_back(resistor("rs" + std::to_string(j), col_node(n - 1, j), "0", spec.sense_ohms));
        }
    }
    for (int i = 0; i < n; ++i)
        for (int j = 0; j < n; ++j) {
            const std::uint64_t cell = static_cast<std::uint64_t>(i) * static_cast<std::uint64_t>(n) + static_cast<std::uint64_t>(j);
            const double r = spec.r_low * std::exp(span * devices::random::uniform(stream, cell));
            c.elements.push_back(resistor("rx" + std::to_string(i) + "_" + std::to_string(j), row_node(i, j),
                                          col_node(i, j), r));
        }
    if (spec.node_capacitance > 0)
        for (int i = 0; i < n; ++i)
            for (int j = 0; j < n; ++j)
                for (const std::string& node : {row_node(i, j), col_node(i, j)}) {
                    Element cap;
                    cap.type = ElementType::Capacitor;
                    cap.name = "c";
                    cap.name += node;
                    cap.nodes = {node, "0"};
                    cap.value = spec.node_capacitance;
                    c.elements.push_back(std::move(cap));
                }
    Analysis op;
    op.kind = Analysis::Kind::Op;
    c.analyses.push_back(op);
    if (spec.transient) {
        Analysis tran;
        tran.kind = Analysis::Kind::Tran;
        tran.tstep = spec.tstep;
        tran.tstop = 100 * spec.tstep;
        c.analyses.push_back(tran);
    }
    return c;
}

}  // namespace memspice::bench
