#include "solver/ngspice/ngspice_deck.hpp"

#include <cmath>
#include <algorithm>
#include <set>
#include <string_view>
#include <unordered_map>

#include "core/units.hpp"
#include "solver/ngspice/ngspice_output.hpp"
#include "solver/ngspice/ngspice_simulator.hpp"

namespace memspice {

namespace {

using ngspice::Diagnosis;
using ngspice::OutputLine;
using ngspice::Simulator;

std::string joined(const std::vector<std::string>& messages) {
    std::string text;
    for (const std::string& m : messages) text += "\n  " + m;
    return text;
}

// Collects everything ngspice prints during the run, step by step.
class Transcript {
public:
    explicit Transcript(Simulator& sim) : sim_(sim) {}
    // The output of the step just done, also kept for the log.
    std::vector<OutputLine> step() {
        std::vector<OutputLine> out = sim_.take_output();
        all_.insert(all_.end(), out.begin(), out.end());
        return out;
    }
    std::string log() const { return ngspice::join_log(all_); }

private:
    Simulator& sim_;
    std::vector<OutputLine> all_;
};

// Leaves the simulator clean whatever happens to the run.
class ClearOnExit {
public:
    explicit ClearOnExit(Simulator& sim) : sim_(sim) {}
    ~ClearOnExit() {
        try {
            sim_.set_progress({});
            sim_.clear();
        } catch (...) {
            // A simulator that cannot clear itself is dead; the next run reports it.
        }
    }
    ClearOnExit(const ClearOnExit&) = delete;
    ClearOnExit& operator=(const ClearOnExit&) = delete;

private:
    Simulator& sim_;
};

SourceLocation location_of(const NgspiceDeck& deck, const Diagnosis& d) {
    if (d.deck_line && deck.locate) {
        SourceLocation where = deck.locate(*d.deck_line);
        if (!where.file.empty() || where.line > 0) return where;
    }
    return deck.origin;
}

[[noreturn]] void fail(const NgspiceDeck& deck, const Diagnosis& d, const std::string& what) {
    const std::string message = what + ":" + joined(d.messages);
    if (d.verdict == Diagnosis::Verdict::NetlistRejected) throw InputError(location_of(deck, d), message);
    throw SimulationError(message);
}

std::string describe_point(const Plot& plot, std::size_t k) {
    if (plot.scale.empty()) return "";
    const Vector& scale = plot.vectors.front();
    if (k >= scale.real.size()) return "";
    return " at " + plot.scale + " = " + format_number(scale.real[k]);
}

// ngspice can return NaN or infinities (a diverged simulation it did not flag); they must
// not reach a result.
void check_finite(const Plot& plot, const std::string& command) {
    for (const Vector& v : plot.vectors) {
        for (std::size_t k = 0; k < v.size(); ++k) {
            const bool finite = v.is_complex() ? std::isfinite(v.complex[k].real()) && std::isfinite(v.complex[k].imag())
                                               : std::isfinite(v.real[k]);
            if (!finite)
                throw SimulationError("ngspice '" + command + "' gave a non-finite value of " + v.name +
                                      describe_point(plot, k));
        }
    }
}

// What ngspice said on its error stream, even if it did not call it an error (the last
// few lines), for failures only the driver noticed.
std::vector<std::string> complaints(const std::vector<OutputLine>& output) {
    std::vector<std::string> lines;
    for (const OutputLine& line : output)
        if (line.is_stderr && !line.text.empty()) lines.push_back(line.text);
    constexpr std::size_t keep = 6;
    if (lines.size() > keep) lines.erase(lines.begin(), lines.end() - keep);
    return lines;
}

void check_expected(const Plot& plot, const NgspiceAnalysis& analysis, const std::vector<OutputLine>& output) {
    std::vector<std::string> missing;
    for (const std::string& name : analysis.expected)
        if (!plot.find(name)) missing.push_back(name);
    if (plot.points() == 0) missing.insert(missing.begin(), "(any data point)");
    if (missing.empty()) return;
    std::string message = "ngspice '" + analysis.command + "' gave no";
    for (std::size_t k = 0; k < missing.size() && k < 8; ++k) message += (k ? ", " : " ") + missing[k];
    if (missing.size() > 8) message += " and " + std::to_string(missing.size() - 8) + " more";
    message += joined(complaints(output));
    throw SimulationError(message);
}

// The expected vectors in their given order (the circuit's node and element order), then
// whatever else ngspice saved, in its order.
void put_expected_first(Plot& plot, const std::vector<std::string>& expected) {
    if (expected.empty()) return;
    std::unordered_map<std::string_view, std::size_t> rank;
    for (std::size_t k = 0; k < expected.size(); ++k) rank.emplace(expected[k], k);
    const auto order = [&](const Vector& v) -> std::size_t {
        if (v.name == plot.scale) return 0;  // the scale stays first
        const auto r = rank.find(v.name);
        return 1 + (r == rank.end() ? expected.size() : r->second);
    };
    std::stable_sort(plot.vectors.begin(), plot.vectors.end(),
                     [&](const Vector& a, const Vector& b) { return order(a) < order(b); });
}

}  // namespace

SimulationResult run_ngspice_deck(const NgspiceDeck& deck) {
    Simulator& sim = Simulator::instance();
    const auto lock = sim.acquire();
    if (!sim.usable())
        throw SimulationError("libngspice stopped earlier in this process (quit or a fatal error) and "
                              "cannot be restarted; run again in a new process");
    sim.take_output();  // what came before this run (start-up banner) is not its log
    Transcript transcript(sim);
    ClearOnExit clear_on_exit(sim);
    sim.set_progress(deck.progress);

    for (const std::filesystem::path& library : deck.code_models) {
        std::error_code ec;
        if (!std::filesystem::is_regular_file(library, ec))
            throw InputError(deck.origin, "code-model library " + library.string() + " does not exist");
        sim.load_code_model(library);
        const Diagnosis d = ngspice::diagnose(transcript.step(), {});
        if (d.failed()) {
            Diagnosis as_input = d;
            as_input.verdict = Diagnosis::Verdict::NetlistRejected;
            as_input.deck_line.reset();
            fail(deck, as_input, "ngspice could not load code-model library " + library.string());
        }
    }

    sim.load_circuit(deck.lines);
    const bool scripted = deck.analyses.empty();
    {
        Diagnosis d = ngspice::diagnose(transcript.step(), deck.lines);
        // Without a .control block nothing has run yet: any complaint is about the netlist.
        if (d.failed() && !scripted) d.verdict = Diagnosis::Verdict::NetlistRejected;
        if (d.failed())
            fail(deck, d, d.verdict == Diagnosis::Verdict::NetlistRejected ? "ngspice rejected the netlist"
                                                                           : "ngspice's .control script failed");
    }

    SimulationResult result;
    const std::string title = deck.lines.empty() ? std::string() : deck.lines.front();
    if (scripted) {
        for (const std::string& name : sim.plots()) {
            Plot plot = sim.copy_plot(name);
            plot.title = title;
            check_finite(plot, name);
            result.plots.push_back(std::move(plot));
        }
    } else {
        std::set<std::string> seen;
        for (const NgspiceAnalysis& analysis : deck.analyses) {
            sim.command(analysis.command);
            const std::vector<OutputLine> output = transcript.step();
            const Diagnosis d = ngspice::diagnose(output, deck.lines);
            if (d.failed()) fail(deck, d, "ngspice '" + analysis.command + "' failed");
            const std::string name = sim.current_plot();
            if (name.empty() || name == "const" || !seen.insert(name).second)
                throw SimulationError("ngspice '" + analysis.command + "' produced no results" +
                                      joined(complaints(output)));
            Plot plot = sim.copy_plot(name);
            plot.title = title;
            check_expected(plot, analysis, output);
            put_expected_first(plot, analysis.expected);
            check_finite(plot, analysis.command);
            result.plots.push_back(std::move(plot));
        }
    }
    result.log = transcript.log();
    return result;
}

std::size_t ngspice_plot_count() {
    Simulator& sim = Simulator::instance();
    const auto lock = sim.acquire();
    return sim.plots().size();
}

}  // namespace memspice
