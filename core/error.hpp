// Errors a user can cause (bad netlist, parameter, matrix file) and errors a simulation
// can run into. The library never prints or exits: it throws these, and the command-line
// program maps them to exit statuses (InputError -> 2, SimulationError -> 1).
#pragma once

#include <stdexcept>
#include <string>

namespace memspice {

// Where a piece of input came from. line == 0 means "the file as a whole" (or no file).
struct SourceLocation {
    std::string file;
    int line = 0;

    // "file:line", "file", or "" when nothing is known.
    std::string str() const;
    bool operator==(const SourceLocation&) const = default;
};

class Error : public std::runtime_error {
public:
    Error(SourceLocation where, const std::string& message);
    const SourceLocation& where() const { return where_; }
    // The message without the location prefix.
    const std::string& message() const { return message_; }

private:
    SourceLocation where_;
    std::string message_;
};

// Malformed or inconsistent input: the user must change a file or an argument.
// what() reads "file:line: what was expected".
class InputError : public Error {
public:
    using Error::Error;
    explicit InputError(const std::string& message) : Error({}, message) {}
};

// The input was accepted but the simulation failed (no convergence, singular matrix,
// time step too small, an engine reported an error, results disagree).
class SimulationError : public Error {
public:
    using Error::Error;
    explicit SimulationError(const std::string& message) : Error({}, message) {}
};

}  // namespace memspice
