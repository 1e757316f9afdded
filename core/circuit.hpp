// The circuit description: the one in-memory form of a circuit that the netlist reader and
// the circuit generators produce and that both engines consume. It is flat (subcircuit
// instances are already expanded, with ngspice's names: element `r.x1.r1`, node `x1.n3`),
// every number is evaluated (no `{expressions}` left except inside behavioural sources),
// and every name is lower case. Only the writer (netlists/writer.hpp) knows ngspice's text.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace memspice {

// Instance and model parameters by lower-case name. Flags without a value (`off`) hold 1.
using Params = std::map<std::string, double>;

// The time-dependent part of an independent source, with the arguments as written.
// Defaults that depend on the analysis (PULSE rise time = tstep, ...) are filled in by the
// consumer, as ngspice does; see core/source_function.hpp.
struct TransientFunction {
    enum class Shape { None, Pulse, Sin, Exp, Pwl };
    Shape shape = Shape::None;
    // PULSE(v1 v2 td tr tf pw per [np]), SIN(vo va freq td theta phase),
    // EXP(v1 v2 td1 tau1 td2 tau2), PWL(t1 v1 t2 v2 ...): the arguments given, in order.
    std::vector<double> args;
    // PWL options: `r=value` (repeat from that time; < 0 when absent) and `td=value`.
    double pwl_repeat = -1;
    double pwl_delay = 0;

    bool operator==(const TransientFunction&) const = default;
};

// An independent V or I source: DC value, AC stimulus and transient function.
struct SourceSpec {
    std::optional<double> dc;  // absent: ngspice uses the transient value at t = 0
    double ac_magnitude = 0;
    double ac_phase_deg = 0;
    bool has_ac = false;
    TransientFunction transient;

    bool operator==(const SourceSpec&) const = default;
};

enum class ElementType {
    Resistor,         // R n+ n- value
    Capacitor,        // C n+ n- value [ic=]
    Inductor,         // L n+ n- value [ic=]
    Coupling,         // K l1 l2 k           controls = {l1, l2}, value = k
    VoltageSource,    // V n+ n- source
    CurrentSource,    // I n+ n- source      (current flows from n+ through the source to n-)
    Vcvs,             // E n+ n- nc+ nc- gain
    Cccs,             // F n+ n- vcontrol gain   controls = {vcontrol}
    Vccs,             // G n+ n- nc+ nc- gm
    Ccvs,             // H n+ n- vcontrol r      controls = {vcontrol}
    Diode,            // D n+ n- model [area] [off] [ic=]
    Mosfet,           // M d g s b model [w= l= m= ...]
    VoltageSwitch,    // S n+ n- nc+ nc- model [on|off]
    CurrentSwitch,    // W n+ n- vcontrol model [on|off]  controls = {vcontrol}
    Behavioral,       // B n+ n- v=expr | i=expr      expression, behavioral_quantity
    Device,           // A n... model [state=value ...]: a memspice compact model (devices/)
    CodeModel,        // A ...: any other XSPICE instance, passed to ngspice verbatim
};

// One-letter SPICE prefix of an element type ('A' for Device and CodeModel).
char element_letter(ElementType type);

struct Element {
    ElementType type = ElementType::Resistor;
    std::string name;                  // full lower-case name, e.g. "r1", "r.x1.r1"
    std::vector<std::string> nodes;    // node names, "0" is ground
    double value = 0;                  // R, C, L, K coupling, E/F/G/H gain
    std::vector<std::string> controls; // controlling sources (F, H, W) or inductors (K)
    std::string model;                 // D, M, S, W, Device, CodeModel
    Params params;                     // instance parameters (w, l, m, area, ic, off, ...)
    SourceSpec source;                 // V, I
    std::string expression;            // Behavioral: the expression, parameters substituted
    char behavioral_quantity = 'v';    // Behavioral: 'v' (B ... v=) or 'i' (B ... i=)
    std::string code_model_text;       // CodeModel: the instance line after the name
    SourceLocation where;              // not part of equality

    bool operator==(const Element& other) const;
};

struct Model {
    std::string name;    // lower case
    std::string type;    // d, nmos, pmos, sw, csw, r, c, or a memspice device family name
    Params params;
    std::string code_model_text;  // a non-memspice XSPICE model: the text inside the parentheses
    SourceLocation where;         // not part of equality

    bool operator==(const Model& other) const;
};

struct DcSweep {
    std::string source;  // V or I source name, or "temp"
    double start = 0, stop = 0, step = 0;
    bool operator==(const DcSweep&) const = default;
};

struct Analysis {
    enum class Kind { Op, Dc, Tran, Ac };
    enum class AcSpacing { Dec, Oct, Lin };
    Kind kind = Kind::Op;
    std::vector<DcSweep> sweeps;     // Dc: outer sweep last, as in `.dc inner ... outer ...`
    double tstep = 0, tstop = 0, tstart = 0, tmax = 0;  // Tran (tmax 0: not given)
    bool uic = false;                                    // Tran
    AcSpacing ac_spacing = AcSpacing::Dec;               // Ac
    int ac_points = 0;
    double fstart = 0, fstop = 0;
    SourceLocation where;  // not part of equality

    bool operator==(const Analysis& other) const;
};

struct Circuit {
    std::string title;
    std::vector<Element> elements;
    std::vector<Model> models;
    std::vector<Analysis> analyses;
    std::map<std::string, double> initial_conditions;  // .ic v(node)=value, by node name
    std::map<std::string, double> nodesets;            // .nodeset v(node)=value
    // .options name[=value] in order; flags have an empty value. Names lower case.
    std::vector<std::pair<std::string, std::string>> options;
    std::optional<double> temperature;                 // .temp, degrees Celsius
    // Lines kept for ngspice only, verbatim: the inside of .control/.endc blocks, and
    // output cards the native engine does not act on (.save, .print, .plot, .meas, .four).
    std::vector<std::string> control_lines;
    std::vector<std::string> output_cards;

    const Model* find_model(std::string_view name) const;
    const Element* find_element(std::string_view name) const;
    // Every node name used by an element, ground ("0") excluded, in first-use order.
    std::vector<std::string> node_names() const;
    // An option's numeric value, or fallback when absent (throws InputError if not a number).
    double option_number(std::string_view name, double fallback) const;
    std::optional<std::string> option_text(std::string_view name) const;

    bool operator==(const Circuit& other) const = default;
};

}  // namespace memspice
