// Circuit -> ngspice netlist text (see writer.hpp). Numbers are written with
// format_number, which reads back to the same double, so reading the text gives back an
// equal Circuit.
#include "netlists/writer.hpp"

#include <cctype>
#include <set>

#include "core/units.hpp"
#include "devices/device.hpp"
#include "devices/ngspice/netlist_expansion.hpp"

namespace memspice {

namespace {

std::string num(double v) { return format_number(v); }

std::string join(const std::vector<std::string>& words) {
    std::string out;
    for (const std::string& w : words) out += (out.empty() ? "" : " ") + w;
    return out;
}

// name=value for numeric parameters, the bare name for the flags in `flags` set to 1.
std::string parameters(const Params& params, std::initializer_list<const char*> flags = {}) {
    std::string out;
    for (const auto& [name, value] : params) {
        bool flag = false;
        for (const char* f : flags) flag = flag || name == f;
        out += " " + (flag && value == 1 ? name : name + "=" + num(value));
    }
    return out;
}

std::string source_text(const SourceSpec& s) {
    std::string out;
    if (s.dc) out += " dc " + num(*s.dc);
    if (s.has_ac) out += " ac " + num(s.ac_magnitude) + " " + num(s.ac_phase_deg);
    const TransientFunction& f = s.transient;
    const char* name = nullptr;
    switch (f.shape) {
        case TransientFunction::Shape::None: break;
        case TransientFunction::Shape::Pulse: name = "pulse"; break;
        case TransientFunction::Shape::Sin: name = "sin"; break;
        case TransientFunction::Shape::Exp: name = "exp"; break;
        case TransientFunction::Shape::Pwl: name = "pwl"; break;
    }
    if (name) {
        std::vector<std::string> args;
        for (double a : f.args) args.push_back(num(a));
        out += std::string(" ") + name + "(" + join(args) + ")";
        if (f.shape == TransientFunction::Shape::Pwl) {
            if (f.pwl_repeat >= 0) out += " r=" + num(f.pwl_repeat);
            if (f.pwl_delay != 0) out += " td=" + num(f.pwl_delay);
        }
    }
    return out;
}

void check_name(const Element& e) {
    const char first = e.name.empty() ? '\0' : e.name[0];
    char expected = static_cast<char>(std::tolower(static_cast<unsigned char>(element_letter(e.type))));
    if (e.type == ElementType::Behavioral && (first == 'e' || first == 'g')) expected = first;
    if (first != expected)
        throw InputError(e.where, "element '" + e.name + "' cannot be written: a " + std::string(1, expected) +
                                      " element's name must start with '" + std::string(1, expected) + "'");
}

std::string element_line(const Element& e) {
    check_name(e);
    const std::string head = e.name + " " + join(e.nodes);
    switch (e.type) {
        case ElementType::Resistor: return head + " " + num(e.value) + parameters(e.params);
        case ElementType::Capacitor:
        case ElementType::Inductor: return head + " " + num(e.value) + parameters(e.params);
        case ElementType::Coupling: return e.name + " " + join(e.controls) + " " + num(e.value);
        case ElementType::VoltageSource:
        case ElementType::CurrentSource: return head + source_text(e.source);
        case ElementType::Vcvs:
        case ElementType::Vccs: return head + " " + num(e.value);
        case ElementType::Cccs:
        case ElementType::Ccvs: return head + " " + join(e.controls) + " " + num(e.value);
        case ElementType::Diode: return head + " " + e.model + parameters(e.params, {"off"});
        case ElementType::Mosfet: return head + " " + e.model + parameters(e.params, {"off"});
        case ElementType::VoltageSwitch: return head + " " + e.model + parameters(e.params, {"on", "off"});
        case ElementType::CurrentSwitch:
            return head + " " + join(e.controls) + " " + e.model + parameters(e.params, {"on", "off"});
        case ElementType::Behavioral:
            // E and G keep their names, written in ngspice's vol=/cur= form.
            if (e.name[0] == 'e') return head + " vol='" + e.expression + "'";
            if (e.name[0] == 'g') return head + " cur='" + e.expression + "'";
            return head + " " + std::string(1, e.behavioral_quantity) + "=" + e.expression;
        case ElementType::Device: return head + " " + e.model + parameters(e.params);
        case ElementType::CodeModel: return e.name + " " + e.code_model_text;
    }
    return head;
}

std::string model_line(const Model& m) {
    // An XSPICE model carries its text; SPICE and memspice models carry parameters (with
    // neither, `.model name type` reads back the same either way).
    if (!m.code_model_text.empty()) return ".model " + m.name + " " + m.type + "(" + m.code_model_text + ")";
    std::string params = parameters(m.params);
    if (params.empty()) return ".model " + m.name + " " + m.type;
    return ".model " + m.name + " " + m.type + "(" + params.substr(1) + ")";
}

std::string analysis_line(const Analysis& a) {
    switch (a.kind) {
        case Analysis::Kind::Op: return ".op";
        case Analysis::Kind::Dc: {
            std::string out = ".dc";
            for (const DcSweep& s : a.sweeps) {
                for (const std::string& word : {s.source, num(s.start), num(s.stop), num(s.step)}) {
                    out += ' ';
                    out += word;
                }
            }
            return out;
        }
        case Analysis::Kind::Tran: {
            std::vector<std::string> words = {".tran", num(a.tstep), num(a.tstop)};
            if (a.tstart != 0 || a.tmax != 0) words.push_back(num(a.tstart));
            if (a.tmax != 0) words.push_back(num(a.tmax));
            if (a.uic) words.push_back("uic");
            return join(words);
        }
        case Analysis::Kind::Ac: {
            const char* spacing = a.ac_spacing == Analysis::AcSpacing::Dec   ? "dec"
                                  : a.ac_spacing == Analysis::AcSpacing::Oct ? "oct"
                                                                             : "lin";
            return std::string(".ac ") + spacing + " " + std::to_string(a.ac_points) + " " + num(a.fstart) + " " +
                   num(a.fstop);
        }
    }
    return ".op";
}

}  // namespace

std::vector<std::string> write_netlist_lines(const Circuit& circuit, const WriterOptions& options) {
    std::vector<std::string> lines;
    lines.push_back(circuit.title);

    std::vector<std::string> device_models, device_ics;
    std::set<std::string> seen_device_models;
    for (const Model& m : circuit.models) {
        if (options.expand_devices && devices::find_family(m.type)) continue;  // the expansion writes its own
        lines.push_back(model_line(m));
    }
    for (const Element& e : circuit.elements) {
        if (options.expand_devices && e.type == ElementType::Device) {
            const Model* model = circuit.find_model(e.model);
            if (!model) throw InputError(e.where, "undefined model '" + e.model + "' (used by " + e.name + ")");
            const devices::NgspiceExpansion expansion = devices::expand_for_ngspice(e, *model);
            lines.insert(lines.end(), expansion.element_lines.begin(), expansion.element_lines.end());
            for (const std::string& line : expansion.model_lines)
                if (seen_device_models.insert(line).second) device_models.push_back(line);
            device_ics.insert(device_ics.end(), expansion.ic_lines.begin(), expansion.ic_lines.end());
            continue;
        }
        lines.push_back(element_line(e));
    }
    lines.insert(lines.end(), device_models.begin(), device_models.end());

    for (const auto& [node, value] : circuit.initial_conditions) lines.push_back(".ic v(" + node + ")=" + num(value));
    lines.insert(lines.end(), device_ics.begin(), device_ics.end());
    for (const auto& [node, value] : circuit.nodesets) lines.push_back(".nodeset v(" + node + ")=" + num(value));
    if (!circuit.options.empty()) {
        std::string line = ".options";
        for (const auto& [name, value] : circuit.options) line += " " + (value.empty() ? name : name + "=" + value);
        lines.push_back(line);
    }
    if (circuit.temperature) lines.push_back(".temp " + num(*circuit.temperature));
    if (options.analyses)
        for (const Analysis& a : circuit.analyses) lines.push_back(analysis_line(a));
    lines.insert(lines.end(), circuit.output_cards.begin(), circuit.output_cards.end());
    if (options.control && !circuit.control_lines.empty()) {
        lines.push_back(".control");
        lines.insert(lines.end(), circuit.control_lines.begin(), circuit.control_lines.end());
        lines.push_back(".endc");
    }
    lines.push_back(".end");
    return lines;
}

std::string write_netlist(const Circuit& circuit, const WriterOptions& options) {
    std::string text;
    for (const std::string& line : write_netlist_lines(circuit, options)) text += line + "\n";
    return text;
}

}  // namespace memspice
