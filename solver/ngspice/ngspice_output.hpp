// Reading libngspice's output stream. ngspice's return codes do not report failures (a
// netlist it cannot parse still returns 0), so the driver judges each step by what ngspice
// printed: this file knows which lines mean "the netlist was rejected" and which mean "the
// simulation failed", and picks out ngspice's own message lines for the exception.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace memspice::ngspice {

// One line of ngspice's output, without its "stdout "/"stderr " prefix.
struct OutputLine {
    bool is_stderr = false;
    std::string text;
};

// Splits one string received from ngspice's SendChar callback ("stdout ..." / "stderr ...").
OutputLine parse_output_line(std::string_view received);

struct Diagnosis {
    enum class Verdict { Ok, NetlistRejected, SimulationFailed };
    Verdict verdict = Verdict::Ok;
    // ngspice's own lines explaining the failure (deduplicated, at most a dozen).
    std::vector<std::string> messages;
    // Index into the deck of the line ngspice blamed ("Error on line N", or a deck line it
    // echoed in its message), when it named one.
    std::optional<std::size_t> deck_line;

    bool failed() const { return verdict != Verdict::Ok; }
};

// Judges the output of one step (loading a circuit, one analysis command). `deck` is the
// netlist as sent (title first), used to find the line an error refers to.
Diagnosis diagnose(std::span<const OutputLine> output, std::span<const std::string> deck);

// The whole stream as text, one line per output line (for SimulationResult::log).
std::string join_log(std::span<const OutputLine> output);

}  // namespace memspice::ngspice
