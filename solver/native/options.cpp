#include "solver/native/options.hpp"

#include <cmath>

#include "core/units.hpp"

namespace memspice::native {

SolverOptions SolverOptions::from_circuit(const Circuit& circuit, Ordering ordering) {
    SolverOptions o;
    o.ordering = ordering;
    auto positive = [&](const char* name, double fallback, double max = INFINITY) {
        const double v = circuit.option_number(name, fallback);
        if (!(v > 0) || !(v <= max))
            throw InputError(std::string(".options ") + name + "=" + format_number(v) + ": expected a positive number" +
                             (std::isinf(max) ? std::string() : " below " + format_number(max)));
        return v;
    };
    o.reltol = positive("reltol", o.reltol, 1);
    o.abstol = positive("abstol", o.abstol);
    o.vntol = positive("vntol", o.vntol);
    o.gmin = circuit.option_number("gmin", o.gmin);
    if (!(o.gmin >= 0)) throw InputError(".options gmin: expected a non-negative number");
    o.itl1 = static_cast<int>(positive("itl1", o.itl1));
    o.itl2 = static_cast<int>(positive("itl2", o.itl2));
    o.tnom_c = circuit.option_number("tnom", o.tnom_c);
    o.temperature_c = circuit.option_number("temp", o.temperature_c);
    if (circuit.temperature) o.temperature_c = *circuit.temperature;
    if (!(o.temperature_c > -273.15) || !(o.tnom_c > -273.15))
        throw InputError("temperature must be above absolute zero");
    return o;
}

}  // namespace memspice::native
