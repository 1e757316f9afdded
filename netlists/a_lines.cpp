// A lines, read both ways until the model type decides: as a memspice device line
// (a1 p n model state=value ...) and as ngspice's XSPICE port syntax, split like ngspice's
// subcircuit expansion does (MIFgettok: `( ) , =` separate words; `% [ ] ~ < >` are tokens
// of their own; a `%type` is not a node, the word after `%vnam` is a source name).
#include <cctype>

#include "core/units.hpp"
#include "netlists/element_parsers.hpp"

namespace memspice::netlist {

namespace {

bool is_separator(char c) {
    return std::isspace(static_cast<unsigned char>(c)) || c == '=' || c == '(' || c == ')' || c == ',';
}
bool is_single(char c) { return c == '%' || c == '[' || c == ']' || c == '~' || c == '<' || c == '>'; }

std::vector<std::string> mif_words(std::string_view s) {
    std::vector<std::string> words;
    std::size_t k = 0;
    while (k < s.size()) {
        if (is_separator(s[k])) {
            ++k;
            continue;
        }
        if (is_single(s[k])) {
            words.emplace_back(1, s[k++]);
            continue;
        }
        if (s[k] == '"') {
            const std::size_t close = s.find('"', k + 1);
            const std::size_t end = close == std::string_view::npos ? s.size() : close + 1;
            words.emplace_back(s.substr(k, end - k));
            k = end;
            continue;
        }
        const std::size_t start = k;
        while (k < s.size() && !is_separator(s[k]) && !is_single(s[k]) && s[k] != '"') ++k;
        words.emplace_back(s.substr(start, k - start));
    }
    return words;
}

std::vector<ALine::Part> mif_parts(std::string_view text) {
    const std::vector<std::string> words = mif_words(text);
    std::vector<ALine::Part> parts;
    bool next_is_instance = false;
    for (std::size_t k = 0; k < words.size(); ++k) {
        const std::string& w = words[k];
        if (k + 1 == words.size()) {
            parts.push_back({w, ALine::Part::Role::Verbatim});  // the model
        } else if (w == "%" && k + 2 < words.size()) {
            parts.push_back({"%" + words[k + 1], ALine::Part::Role::Verbatim});
            next_is_instance = words[k + 1] == "vnam";
            ++k;
        } else if (w.size() == 1 && is_single(w[0])) {
            parts.push_back({w, ALine::Part::Role::Verbatim});
        } else {
            parts.push_back({w, next_is_instance ? ALine::Part::Role::Instance : ALine::Part::Role::Node});
            next_is_instance = false;
        }
    }
    return parts;
}

// Collapses runs of white space outside double quotes.
std::string normalize_spaces(std::string_view s) {
    std::string out;
    bool quoted = false, space = false;
    for (char c : s) {
        if (c == '"') quoted = !quoted;
        if (!quoted && std::isspace(static_cast<unsigned char>(c))) {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

void read_device_form(CardCursor& c, ALine& line) {
    std::vector<const Token*> words;
    while (!c.at_end() && !c.at_assignment()) {
        const Token& t = c.take("a node");
        if (!t.is_word()) {
            line.device_form_error = "expected plain node names, the model and name=value pairs, found " + quote(t);
            line.device_form_where = c.where(t);
            return;
        }
        words.push_back(&t);
    }
    if (words.empty()) {
        line.device_form_error = "expected the nodes and the model";
        line.device_form_where = c.where_next();
        return;
    }
    for (std::size_t k = 0; k + 1 < words.size(); ++k) line.device_nodes.push_back(node_name(words[k]->text));
    line.device_model = words.back()->text;
    while (!c.at_end()) {
        if (!c.at_assignment()) {
            line.device_form_error = "expected name=value after the model, found " + quote(*c.peek());
            line.device_form_where = c.where_next();
            return;
        }
        const Token& key = c.take("a parameter");
        c.take("=");
        if (line.overrides.count(key.text)) c.fail(key, "parameter '" + key.text + "' given twice");
        const SpiceNumber n = c.value_with_unit(c.take("the value of " + key.text), "the value of " + key.text);
        line.overrides[key.text] = n.value;
        line.override_units.emplace_back(key.text, n.unit);
    }
}

}  // namespace

void ALine::rebuild_text() {
    std::string out;
    auto add = [&](const std::string& word) {
        if (!out.empty()) out += ' ';
        out += word;
    };
    if (xspice_syntax || overrides.empty()) {
        for (const Part& p : parts) add(p.text);
    } else {
        for (const std::string& n : device_nodes) add(n);
        add(device_model);
        for (const auto& [key, value] : overrides) add(key + "=" + format_number(value));
    }
    text = out;
}

ALine parse_a_line(const Card& card, const ParameterScope& scope, std::size_t after_name) {
    ALine line;
    line.text = normalize_spaces(std::string_view(card.text).substr(after_name));
    bool quoted = false;
    for (char ch : line.text) {
        if (ch == '"') quoted = !quoted;
        if (!quoted && is_single(ch)) line.xspice_syntax = true;
    }
    line.parts = mif_parts(line.text);
    if (line.parts.empty()) throw InputError(card.where(after_name), "expected the nodes and the model of the A line");
    CardCursor c(card, scope);
    c.take("the name");
    read_device_form(c, line);
    return line;
}

}  // namespace memspice::netlist
