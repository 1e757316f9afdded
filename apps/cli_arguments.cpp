#include "apps/cli_arguments.hpp"

#include <algorithm>
#include <cmath>

#include "core/error.hpp"
#include "core/units.hpp"

namespace memspice::cli {

bool Arguments::has_flag(const std::string& name) const {
    return std::find(flags.begin(), flags.end(), name) != flags.end();
}

std::optional<std::string> Arguments::value(const std::string& name) const {
    const auto it = values.find(name);
    if (it == values.end()) return std::nullopt;
    return it->second;
}

Arguments parse_arguments(std::span<const std::string> args, std::span<const OptionSpec> specs) {
    Arguments parsed;
    bool options_ended = false;
    for (std::size_t k = 0; k < args.size(); ++k) {
        const std::string& arg = args[k];
        if (options_ended || arg.size() < 2 || arg[0] != '-') {
            parsed.positional.push_back(arg);
            continue;
        }
        if (arg == "--") {
            options_ended = true;
            continue;
        }
        std::string name;
        std::optional<std::string> inline_value;
        const OptionSpec* spec = nullptr;
        if (arg.starts_with("--")) {
            name = arg.substr(2);
            if (const auto equals = name.find('='); equals != std::string::npos) {
                inline_value = name.substr(equals + 1);
                name.resize(equals);
            }
            for (const OptionSpec& s : specs)
                if (s.name == name) spec = &s;
        } else if (arg.size() == 2) {
            for (const OptionSpec& s : specs)
                if (s.letter != 0 && s.letter == arg[1]) spec = &s;
            if (spec) name = spec->name;
        }
        if (!spec) throw InputError("unknown option '" + arg + "'");
        if (!spec->takes_value) {
            if (inline_value) throw InputError("option --" + name + " takes no value");
            parsed.flags.push_back(name);
            continue;
        }
        if (inline_value) {
            parsed.values[name] = *inline_value;
        } else {
            if (k + 1 >= args.size()) throw InputError("option " + arg + " needs a value");
            parsed.values[name] = args[++k];
        }
    }
    return parsed;
}

double parse_tolerance(const std::string& option, const std::string& text) {
    const auto number = parse_spice_number(text);
    if (!number || !number->unit.empty() || !(number->value >= 0) || !std::isfinite(number->value))
        throw InputError("--" + option + " " + text + ": expected a non-negative number");
    return number->value;
}

}  // namespace memspice::cli
