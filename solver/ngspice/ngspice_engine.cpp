#include "solver/ngspice/ngspice_engine.hpp"

#include <algorithm>
#include <cctype>
#include <sstream>

#include "devices/ngspice/codemodel_library.hpp"
#include "netlists/writer.hpp"
#include "solver/ngspice/ngspice_commands.hpp"
#include "solver/ngspice/ngspice_deck.hpp"

namespace memspice {

namespace {

std::string lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

std::vector<std::string> words(const std::string& line, std::size_t count) {
    std::istringstream in(line);
    std::vector<std::string> out;
    std::string word;
    while (out.size() < count && in >> word) out.push_back(lower(word));
    return out;
}

// `quit` (and spinit's alias `exit`) would make libngspice ask to be unloaded, after which it
// cannot run again in this process; the engine ends the session itself.
Circuit without_quit(const Circuit& circuit) {
    Circuit copy = circuit;
    std::erase_if(copy.control_lines, [](const std::string& line) {
        const auto first = words(line, 1);
        return !first.empty() && (first[0] == "quit" || first[0] == "exit");
    });
    return copy;
}

// The file the circuit came from, for errors that name no line.
SourceLocation origin_of(const Circuit& circuit) {
    for (const Element& e : circuit.elements)
        if (!e.where.file.empty()) return SourceLocation{e.where.file, 0};
    for (const Model& m : circuit.models)
        if (!m.where.file.empty()) return SourceLocation{m.where.file, 0};
    return {};
}

// The netlist location of a line the writer produced: the element or model it writes.
SourceLocation locate(const Circuit& circuit, const std::string& deck_line) {
    const auto w = words(deck_line, 2);
    if (w.empty()) return {};
    if (w[0] == ".model" && w.size() > 1) {
        if (const Model* m = circuit.find_model(w[1])) return m->where;
        return {};
    }
    if (const Element* e = circuit.find_element(w[0])) return e->where;
    return {};
}

}  // namespace

NgspiceEngine::NgspiceEngine(EngineOptions options) : options_(std::move(options)) {}

SimulationResult NgspiceEngine::run(const Circuit& circuit) {
    const bool scripted = !circuit.control_lines.empty();
    WriterOptions writer;
    writer.analyses = scripted;  // a script's `run` needs the cards; otherwise they are commands
    writer.control = true;
    writer.expand_devices = true;

    NgspiceDeck deck;
    deck.lines = write_netlist_lines(scripted ? without_quit(circuit) : circuit, writer);
    if (!scripted)
        for (const Analysis& analysis : circuit.analyses)
            deck.analyses.push_back({ngspice::analysis_command(analysis), ngspice::expected_vectors(circuit, analysis)});
    if (const auto library = devices::memspice_codemodel_library()) deck.code_models.push_back(*library);
    for (const std::string& library : options_.code_model_libraries) deck.code_models.emplace_back(library);
    deck.locate = [&circuit, &deck](std::size_t line) { return locate(circuit, deck.lines.at(line)); };
    deck.origin = origin_of(circuit);
    deck.progress = options_.progress;

    SimulationResult result = run_ngspice_deck(deck);
    for (Plot& plot : result.plots) plot.title = circuit.title;
    return result;
}

}  // namespace memspice
