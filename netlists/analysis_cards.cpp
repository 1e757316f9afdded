// Analysis, option and output cards (see analysis_cards.hpp).
#include "netlists/analysis_cards.hpp"

#include <cmath>

#include "core/units.hpp"
#include "netlists/card_cursor.hpp"

namespace memspice::netlist {

namespace {

bool is_output_card(std::string_view k) {
    return k == ".save" || k == ".print" || k == ".plot" || k == ".meas" || k == ".measure" || k == ".four" ||
           k == ".fourier";
}

void no_more(const CardCursor& c, const char* card) {
    if (!c.at_end()) c.fail_next("unexpected " + quote(*c.peek()) + " at the end of " + card);
}

Analysis read_dc(CardCursor& c) {
    Analysis a;
    a.kind = Analysis::Kind::Dc;
    while (!c.at_end()) {
        DcSweep s;
        const Token& source = c.take("the swept source");
        if (!source.is_word() || !(source.text == "temp" || source.text[0] == 'v' || source.text[0] == 'i'))
            c.fail(source, "expected a V or I source or temp to sweep in .dc, found " + quote(source));
        s.source = source.text;
        s.start = c.take_value("the start value of the .dc sweep");
        s.stop = c.take_value("the stop value of the .dc sweep");
        const Token& step = c.take("the step of the .dc sweep");
        s.step = c.value(step, "the step of the .dc sweep");
        if (s.step == 0) c.fail(step, "the step of the .dc sweep of " + s.source + " is 0");
        if ((s.stop - s.start) / s.step < 0)
            c.fail(step, "the .dc sweep of " + s.source + " from " + format_number(s.start) + " to " +
                             format_number(s.stop) + " never arrives with step " + format_number(s.step));
        a.sweeps.push_back(s);
        if (a.sweeps.size() > 2) c.fail(source, ".dc takes at most two sweeps");
    }
    if (a.sweeps.empty()) c.fail_next(".dc expects: source start stop step [source2 start2 stop2 step2]");
    return a;
}

Analysis read_tran(CardCursor& c) {
    Analysis a;
    a.kind = Analysis::Kind::Tran;
    std::vector<double> values;
    std::vector<const Token*> tokens;
    while (!c.at_end() && !c.peek_word("uic")) {
        const Token& t = c.take("a time");
        values.push_back(c.value(t, ".tran times (tstep tstop [tstart [tmax]])"));
        tokens.push_back(&t);
    }
    if (c.peek_word("uic")) {
        c.take("uic");
        a.uic = true;
    }
    no_more(c, ".tran");
    if (values.size() < 2 || values.size() > 4)
        c.fail_next(".tran expects tstep tstop [tstart [tmax]] [uic], found " + std::to_string(values.size()) + " numbers");
    a.tstep = values[0];
    a.tstop = values[1];
    if (values.size() > 2) a.tstart = values[2];
    if (values.size() > 3) a.tmax = values[3];
    if (!(a.tstep > 0)) c.fail(*tokens[0], "the .tran step must be positive, found " + format_number(a.tstep));
    if (!(a.tstop > 0)) c.fail(*tokens[1], "the .tran stop time must be positive, found " + format_number(a.tstop));
    if (values.size() > 2 && !(a.tstart >= 0 && a.tstart < a.tstop))
        c.fail(*tokens[2], "the .tran start time must lie in [0, tstop), found " + format_number(a.tstart));
    if (values.size() > 3 && !(a.tmax > 0))
        c.fail(*tokens[3], "the .tran maximum step must be positive, found " + format_number(a.tmax));
    return a;
}

Analysis read_ac(CardCursor& c) {
    Analysis a;
    a.kind = Analysis::Kind::Ac;
    const Token& spacing = c.take("dec, oct or lin");
    if (spacing.is_word("dec")) a.ac_spacing = Analysis::AcSpacing::Dec;
    else if (spacing.is_word("oct")) a.ac_spacing = Analysis::AcSpacing::Oct;
    else if (spacing.is_word("lin")) a.ac_spacing = Analysis::AcSpacing::Lin;
    else c.fail(spacing, ".ac expects dec, oct or lin, found " + quote(spacing));
    const Token& points = c.take("the number of points");
    const double n = c.value(points, "the number of points");
    if (!(n >= 1) || n != std::floor(n) || n > 1e9)
        c.fail(points, "the number of .ac points must be a positive integer, found " + format_number(n));
    a.ac_points = static_cast<int>(n);
    const Token& start = c.take("the start frequency");
    a.fstart = c.value(start, "the start frequency");
    const Token& stop = c.take("the stop frequency");
    a.fstop = c.value(stop, "the stop frequency");
    no_more(c, ".ac");
    if (a.ac_spacing != Analysis::AcSpacing::Lin && !(a.fstart > 0))
        c.fail(start, "the .ac start frequency must be positive for dec and oct, found " + format_number(a.fstart));
    if (!(a.fstart >= 0)) c.fail(start, "the .ac start frequency must not be negative");
    if (!(a.fstop >= a.fstart))
        c.fail(stop, "the .ac stop frequency " + format_number(a.fstop) + " is below the start frequency " +
                         format_number(a.fstart));
    return a;
}

void read_options(CardCursor& c, Circuit& circuit) {
    c.take(".options");
    if (c.at_end()) c.fail_next(".options expects name[=value] ...");
    while (!c.at_end()) {
        c.skip_commas();
        if (c.at_end()) break;
        const Token& name = c.take("an option name");
        if (!name.is_word()) c.fail(name, "expected an option name, found " + quote(name));
        std::string value;
        if (c.accept(Token::Kind::Equals)) {
            const Token& v = c.take("the value of option " + name.text);
            if (v.kind == Token::Kind::Braced) value = format_number(c.value(v, "the value of option " + name.text));
            else if (v.is_word()) value = v.text;
            else c.fail(v, "expected the value of option " + name.text + ", found " + quote(v));
        }
        circuit.options.emplace_back(name.text, value);
    }
}

void read_csparam(CardCursor& c, Circuit& circuit) {
    c.take(".csparam");
    std::string card = ".csparam";
    while (!c.at_end()) {
        if (!c.at_assignment()) c.fail_next(".csparam expects name=value ..., found " + quote(*c.peek()));
        const Token& name = c.take("a name");
        c.take("=");
        card += " " + name.text + "=" + format_number(c.take_value("the value of " + name.text));
    }
    circuit.output_cards.push_back(card);
}

}  // namespace

bool is_control_card(std::string_view k) {
    return k == ".op" || k == ".dc" || k == ".tran" || k == ".ac" || k == ".options" || k == ".option" ||
           k == ".opt" || k == ".temp" || k == ".title" || k == ".csparam" || k == ".width" || is_output_card(k);
}

bool read_control_card(const Card& card, const ParameterScope& scope, Circuit& circuit) {
    const std::string_view k = card.keyword();
    if (!is_control_card(k)) return false;
    if (is_output_card(k)) {
        circuit.output_cards.push_back(card.original);
        return true;
    }
    if (k == ".title") {
        circuit.title = std::string(std::string_view(card.original).substr(k.size()));
        const auto first = circuit.title.find_first_not_of(" \t");
        circuit.title = first == std::string::npos ? std::string() : circuit.title.substr(first);
        return true;
    }
    if (k == ".width") return true;  // output width: meaningless here, accepted as ngspice does
    CardCursor c(card, scope);
    if (k == ".options" || k == ".option" || k == ".opt") {
        read_options(c, circuit);
        return true;
    }
    if (k == ".csparam") {
        read_csparam(c, circuit);
        return true;
    }
    c.take(k);
    if (k == ".temp") {
        const Token& t = c.take("the temperature (degrees Celsius)");
        circuit.temperature = c.value(t, "the temperature");
        no_more(c, ".temp");
        return true;
    }
    Analysis a;
    if (k == ".op") {
        no_more(c, ".op");
    } else if (k == ".dc") {
        a = read_dc(c);
    } else if (k == ".tran") {
        a = read_tran(c);
    } else {
        a = read_ac(c);
    }
    a.where = card.where();
    circuit.analyses.push_back(a);
    return true;
}

std::vector<InitialConditionItem> read_initial_conditions(const Card& card, const ParameterScope& scope) {
    CardCursor c(card, scope);
    const std::string keyword(card.keyword());
    c.take(keyword);
    std::vector<InitialConditionItem> items;
    while (!c.at_end()) {
        c.skip_commas();
        if (c.at_end()) break;
        const Token& v = c.take("v(node)=value");
        if (!v.is_word("v") || !c.accept(Token::Kind::LeftParen))
            c.fail(v, keyword + " expects v(node)=value ..., found " + quote(v));
        const Token& node = c.take("a node name");
        if (!node.is_word()) c.fail(node, "expected a node name in " + keyword + ", found " + quote(node));
        if (c.peek_kind(Token::Kind::Comma)) c.fail_next(keyword + " sets node voltages v(node), not differences v(a,b)");
        c.expect(Token::Kind::RightParen, "')'");
        c.expect(Token::Kind::Equals, "'=' after v(" + node.text + ")");
        InitialConditionItem item;
        item.nodeset = keyword == ".nodeset";
        item.node = node_name(node.text);
        item.value = c.take_value("the voltage of v(" + node.text + ")");
        item.where = c.where(node);
        items.push_back(item);
    }
    if (items.empty()) c.fail_next(keyword + " expects v(node)=value ...");
    return items;
}

}  // namespace memspice::netlist
