#include "solver/ngspice/ngspice_commands.hpp"

#include <algorithm>
#include <cctype>
#include <set>
#include <string_view>

#include "core/units.hpp"

namespace memspice::ngspice {

namespace {

std::string number(double value) { return format_number(value); }

std::string spacing(Analysis::AcSpacing s) {
    switch (s) {
        case Analysis::AcSpacing::Dec: return "dec";
        case Analysis::AcSpacing::Oct: return "oct";
        case Analysis::AcSpacing::Lin: return "lin";
    }
    return "dec";
}

bool has_branch_current(const Element& e) {
    switch (e.type) {
        case ElementType::VoltageSource:
        case ElementType::Inductor:
        case ElementType::Vcvs:
        case ElementType::Ccvs: return true;
        case ElementType::Behavioral: return e.behavioral_quantity == 'v';
        default: return false;
    }
}

bool restricts_saving(const Circuit& circuit) {
    return std::any_of(circuit.output_cards.begin(), circuit.output_cards.end(), [](const std::string& card) {
        std::string head = card.substr(0, 5);
        std::transform(head.begin(), head.end(), head.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        return head == ".save";
    });
}

}  // namespace

std::string analysis_name(Analysis::Kind kind) {
    switch (kind) {
        case Analysis::Kind::Op: return "op";
        case Analysis::Kind::Dc: return "dc";
        case Analysis::Kind::Tran: return "tran";
        case Analysis::Kind::Ac: return "ac";
    }
    return "op";
}

std::string analysis_command(const Analysis& a) {
    std::string command = analysis_name(a.kind);
    // Appended word by word (GCC 12 warns falsely about `" " + std::string`).
    const auto add = [&command](const std::string& word) {
        command += ' ';
        command += word;
    };
    switch (a.kind) {
        case Analysis::Kind::Op: break;
        case Analysis::Kind::Dc:
            for (const DcSweep& s : a.sweeps) {
                add(s.source);
                add(number(s.start));
                add(number(s.stop));
                add(number(s.step));
            }
            break;
        case Analysis::Kind::Tran:
            add(number(a.tstep));
            add(number(a.tstop));
            if (a.tstart != 0 || a.tmax > 0) add(number(a.tstart));
            if (a.tmax > 0) add(number(a.tmax));
            if (a.uic) add("uic");
            break;
        case Analysis::Kind::Ac:
            add(spacing(a.ac_spacing));
            add(std::to_string(a.ac_points));
            add(number(a.fstart));
            add(number(a.fstop));
            break;
    }
    return command;
}

std::string scale_name(const Analysis& a) {
    switch (a.kind) {
        case Analysis::Kind::Op: return "";
        case Analysis::Kind::Tran: return "time";
        case Analysis::Kind::Ac: return "frequency";
        case Analysis::Kind::Dc: {
            const std::string source = a.sweeps.empty() ? std::string() : a.sweeps.front().source;
            if (source == "temp") return "temp-sweep";
            if (!source.empty() && source.front() == 'i') return "i-sweep";
            if (!source.empty() && source.front() == 'r') return "res-sweep";
            return "v-sweep";
        }
    }
    return "";
}

std::vector<std::string> expected_vectors(const Circuit& circuit, const Analysis& analysis) {
    std::vector<std::string> names;
    if (const std::string scale = scale_name(analysis); !scale.empty()) names.push_back(scale);
    if (restricts_saving(circuit)) return names;
    // Node voltages: ngspice saves every analog node. XSPICE instances passed verbatim may
    // use digital nodes, which are no analog vectors; "gnd" is ngspice's other name for 0.
    std::set<std::string_view> seen;
    for (const Element& e : circuit.elements) {
        if (e.type == ElementType::CodeModel) continue;
        for (const std::string& node : e.nodes)
            if (node != "0" && node != "gnd" && seen.insert(node).second) names.push_back("v(" + node + ")");
    }
    for (const Element& e : circuit.elements)
        if (has_branch_current(e)) names.push_back("i(" + e.name + ")");
    return names;
}

}  // namespace memspice::ngspice
