// The netlist reader: lexing and includes (includes.hpp), the subcircuit tree
// (subcircuit_definitions.hpp), flattening with element and card parsing
// (subcircuit_expansion.hpp), then model resolution and reference checks (circuit_checks.hpp).
#include "netlists/reader.hpp"

#include <fstream>
#include <sstream>

#include "devices/device.hpp"
#include "netlists/circuit_checks.hpp"
#include "netlists/includes.hpp"
#include "netlists/reader_internal.hpp"
#include "netlists/subcircuit_expansion.hpp"

namespace memspice {

namespace netlist {

Circuit read_netlist(std::string_view text, const std::string& file_name, const FamilyLookup& families) {
    const Deck deck = assemble_deck(text, file_name);
    Circuit circuit;
    circuit.title = deck.title;
    circuit.control_lines = deck.control_lines;
    const DeckStructure structure = build_structure(deck.cards);
    std::vector<Item> items = flatten(structure, families, circuit);

    std::vector<std::optional<ALine>> a_lines;
    std::vector<InitialConditionItem> initial_conditions;
    for (Item& item : items) {
        if (auto* e = std::get_if<ElementItem>(&item)) {
            circuit.elements.push_back(std::move(e->element));
            a_lines.push_back(std::move(e->a_line));
        } else if (auto* m = std::get_if<ModelItem>(&item)) {
            circuit.models.push_back(std::move(m->model));
        } else if (auto* ic = std::get_if<InitialConditionItem>(&item)) {
            (ic->nodeset ? circuit.nodesets : circuit.initial_conditions)[ic->node] = ic->value;
            initial_conditions.push_back(std::move(*ic));
        } else if (auto* x = std::get_if<InstanceItem>(&item)) {
            // Every definition has a parent level, which expands its instances.
            throw InputError(x->where, "internal error: instance " + x->name + " was not expanded");
        }
    }
    complete_circuit(circuit, a_lines, initial_conditions, families);
    return circuit;
}

}  // namespace netlist

Circuit read_netlist_text(std::string_view text, const std::string& file_name) {
    return netlist::read_netlist(text, file_name, [](std::string_view name) { return devices::find_family(name); });
}

Circuit read_netlist_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::error_code ec;
    if (!in || !std::filesystem::is_regular_file(path, ec))
        throw InputError(SourceLocation{path.string(), 0}, "cannot open the netlist file");
    std::ostringstream text;
    text << in.rdbuf();
    return read_netlist_text(text.str(), path.string());
}

}  // namespace memspice
