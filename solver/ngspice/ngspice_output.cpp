#include "solver/ngspice/ngspice_output.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <string_view>

namespace memspice::ngspice {

namespace {

using Verdict = Diagnosis::Verdict;

struct Pattern {
    std::string_view text;
    Verdict verdict;
};

// What ngspice prints when it fails, checked in order (the first match classifies a line).
// Matching is case-sensitive because ngspice's messages are ("Error", "Timestep too small"),
// while circuit node and element names in its tables are lower case.
constexpr Pattern patterns[] = {
    // The netlist was not accepted.
    {"circuit not parsed", Verdict::NetlistRejected},
    {"Error on line", Verdict::NetlistRejected},
    {"unable to find definition of model", Verdict::NetlistRejected},
    {"could not find a valid modelname", Verdict::NetlistRejected},
    {"unknown subckt", Verdict::NetlistRejected},
    {"there aren't any circuits loaded", Verdict::NetlistRejected},
    {"no circuit loaded", Verdict::NetlistRejected},
    // The simulation ran into trouble.
    {"singular matrix", Verdict::SimulationFailed},
    {"Timestep too small", Verdict::SimulationFailed},
    {"timestep too small", Verdict::SimulationFailed},
    {"simulation(s) aborted", Verdict::SimulationFailed},
    {"no such vector", Verdict::SimulationFailed},
    {"Transient solution failed", Verdict::SimulationFailed},
    {"cannot recover", Verdict::SimulationFailed},
    // Anything else ngspice calls an error.
    {"Error", Verdict::SimulationFailed},
    {"ERROR", Verdict::SimulationFailed},
    {"error:", Verdict::SimulationFailed},
};

// Lines that explain an error printed next to it, kept in the message but not failures
// by themselves ("warning, can't find model 'x' from line" precedes "Error on line").
constexpr std::string_view explanatory[] = {"can't find model"};

constexpr std::size_t max_messages = 12;

std::string_view trim(std::string_view text) {
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
    return text;
}

std::string lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

const Pattern* classify(std::string_view line) {
    if (line.starts_with("Circuit: ")) return nullptr;  // the title, which may say anything
    for (const Pattern& p : patterns)
        if (line.find(p.text) != std::string_view::npos) return &p;
    return nullptr;
}

// The part of a line worth quoting: ngspice appends its warnings to progress text
// ("Trying gmin = 1.0E-03 Warning: singular matrix: check node out"); start at the
// "Warning:"/"Error:" in front of the match when there is one.
std::string quote(std::string_view line, std::string_view pattern) {
    const std::size_t at = line.find(pattern);
    std::size_t start = 0;
    for (std::string_view marker : {"Warning:", "Error:", "Error "}) {
        const std::size_t m = line.rfind(marker, at);
        if (m != std::string_view::npos && m <= at) start = std::max(start, m);
    }
    return std::string(trim(line.substr(start)));
}

// "Error on line 12 or its substitute:" -> 12.
std::optional<std::size_t> error_line_number(std::string_view line) {
    constexpr std::string_view marker = "Error on line ";
    const std::size_t at = line.find(marker);
    if (at == std::string_view::npos) return std::nullopt;
    const char* first = line.data() + at + marker.size();
    std::size_t number = 0;
    auto [end, ec] = std::from_chars(first, line.data() + line.size(), number);
    if (ec != std::errc{} || end == first) return std::nullopt;
    return number;
}

void add_message(std::vector<std::string>& messages, std::string text) {
    if (text.empty() || messages.size() >= max_messages) return;
    if (std::find(messages.begin(), messages.end(), text) == messages.end()) messages.push_back(std::move(text));
}

// A deck line (other than the title) that a message quotes, case-insensitively.
std::optional<std::size_t> quoted_deck_line(std::span<const std::string> messages, std::span<const std::string> deck) {
    for (const std::string& message : messages) {
        const std::string m = lower(message);
        for (std::size_t k = 1; k < deck.size(); ++k) {
            const std::string_view line = trim(deck[k]);
            if (line.size() < 3 || line.front() == '*' || line.front() == '.') continue;
            if (m.find(lower(line)) != std::string::npos) return k;
        }
    }
    return std::nullopt;
}

}  // namespace

OutputLine parse_output_line(std::string_view received) {
    OutputLine line;
    if (received.starts_with("stderr")) {
        line.is_stderr = true;
        received.remove_prefix(6);
    } else if (received.starts_with("stdout")) {
        received.remove_prefix(6);
    }
    if (!received.empty() && received.front() == ' ') received.remove_prefix(1);
    while (!received.empty() && (received.back() == '\n' || received.back() == '\r')) received.remove_suffix(1);
    line.text = std::string(received);
    return line;
}

Diagnosis diagnose(std::span<const OutputLine> output, std::span<const std::string> deck) {
    Diagnosis result;
    for (std::size_t k = 0; k < output.size(); ++k) {
        const std::string_view text = output[k].text;
        const Pattern* pattern = classify(text);
        if (!pattern) {
            for (std::string_view e : explanatory)
                if (text.find(e) != std::string_view::npos) add_message(result.messages, std::string(trim(text)));
            continue;
        }
        if (pattern->verdict == Verdict::NetlistRejected || result.verdict == Verdict::Ok)
            result.verdict = pattern->verdict;
        add_message(result.messages, quote(text, pattern->text));
        if (const auto number = error_line_number(text)) {
            // ngspice numbers the lines it received from 1 (the title) and follows this
            // header with the offending line and the reason.
            if (*number >= 1 && *number <= deck.size() && !result.deck_line) result.deck_line = *number - 1;
            for (std::size_t j = k + 1; j < output.size() && j <= k + 2; ++j)
                add_message(result.messages, std::string(trim(output[j].text)));
        }
    }
    if (!result.failed()) {
        result.messages.clear();  // explanatory lines alone are not a failure
        return result;
    }
    if (!result.deck_line) result.deck_line = quoted_deck_line(result.messages, deck);
    return result;
}

std::string join_log(std::span<const OutputLine> output) {
    std::string log;
    for (const OutputLine& line : output) {
        log += line.text;
        log += '\n';
    }
    return log;
}

}  // namespace memspice::ngspice
