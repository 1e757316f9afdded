// Reading .model and instance parameters with a fixed list of accepted names, so that a
// parameter the native engine would silently ignore (and ngspice would not) is an input
// error naming it.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "core/circuit.hpp"

namespace memspice::native {

class ParameterReader {
public:
    // `accepted`: names the model uses; `ignored`: names accepted without effect (noise
    // coefficients and the like, which only affect analyses the engine does not have).
    ParameterReader(const Params& params, std::string what, const SourceLocation& where,
                    std::initializer_list<std::string_view> accepted,
                    std::initializer_list<std::string_view> ignored = {});

    bool given(std::string_view name) const;
    // The value of the first given name among `names` (aliases), else `fallback`.
    double get(std::initializer_list<std::string_view> names, double fallback) const;
    double get(std::string_view name, double fallback) const { return get({name}, fallback); }
    // Like get(), but the value must satisfy min <= v (and v <= max); throws InputError.
    double get_checked(std::initializer_list<std::string_view> names, double fallback, double min,
                       double max = 1e300, bool min_exclusive = false) const;

    const SourceLocation& where() const { return where_; }
    [[noreturn]] void fail(const std::string& message) const;

private:
    const Params& params_;
    std::string what_;
    SourceLocation where_;
};

// The model card an element names, of one of the `types`; throws InputError naming the
// element when it is missing or of another type.
const Model& find_model(const Circuit& circuit, const memspice::Element& element,
                        std::initializer_list<std::string_view> types);

}  // namespace memspice::native
