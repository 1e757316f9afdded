// Command-line arguments of the memspice command: options by long name (`--name value`,
// `--name=value`), optional one-letter aliases (`-o value`), flags, and positionals.
#pragma once

#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace memspice::cli {

struct OptionSpec {
    std::string name;        // long name without dashes: "output"
    char letter = 0;         // one-letter alias, 0 for none: 'o'
    bool takes_value = true; // false: a flag
};

struct Arguments {
    std::vector<std::string> positional;
    std::map<std::string, std::string> values;  // options with values, by long name (last wins)
    std::vector<std::string> flags;             // flags given, by long name

    bool has_flag(const std::string& name) const;
    std::optional<std::string> value(const std::string& name) const;
};

// Parses `args` (without the program and command names). Throws InputError for an unknown
// option, a missing value or a value given to a flag. `--` ends the options.
Arguments parse_arguments(std::span<const std::string> args, std::span<const OptionSpec> specs);

// A non-negative number ("1e-3", "1m"); throws InputError naming the option.
double parse_tolerance(const std::string& option, const std::string& text);

}  // namespace memspice::cli
