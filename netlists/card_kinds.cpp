// Card classification by first word (see card_kinds.hpp).
#include "netlists/card_kinds.hpp"

#include "netlists/analysis_cards.hpp"

namespace memspice::netlist {

namespace {

bool is_unsupported_analysis(std::string_view k) {
    return k == ".noise" || k == ".tf" || k == ".sens" || k == ".pz" || k == ".disto" || k == ".pss" || k == ".sp";
}

}  // namespace

CardKind classify_card(const Card& card, std::string_view subcircuit) {
    const std::string_view k = card.keyword();
    if (k.front() != '.') {
        switch (k.front()) {
            case 'x': return CardKind::Instance;
            case 'r': case 'c': case 'l': case 'k': case 'v': case 'i': case 'e': case 'f': case 'g':
            case 'h': case 'd': case 'm': case 's': case 'w': case 'b': case 'a':
                return CardKind::Element;
            default:
                throw InputError(card.where(), "unknown element '" + std::string(k) +
                                                   "': memspice reads R C L K V I E F G H D M S W B A and X lines");
        }
    }
    if (k == ".param") return CardKind::Parameter;
    if (k == ".model") return CardKind::Model;
    if (k == ".ic" || k == ".nodeset") return CardKind::InitialCondition;
    if (is_control_card(k)) {
        if (!subcircuit.empty())
            throw InputError(card.where(), std::string(k) + " is not allowed inside a subcircuit (.subckt " +
                                               std::string(subcircuit) + "); put it at the top level");
        return CardKind::Control;
    }
    if (is_unsupported_analysis(k))
        throw InputError(card.where(), "analysis " + std::string(k) + " is not supported (supported: .op .dc .tran .ac)");
    if (k == ".func") throw InputError(card.where(), ".func is not supported: write the expression out or use .param");
    if (k == ".if" || k == ".elseif" || k == ".else" || k == ".endif")
        throw InputError(card.where(), "conditional netlists (" + std::string(k) + ") are not supported");
    throw InputError(card.where(), "unknown dot card '" + std::string(k) + "'");
}

}  // namespace memspice::netlist
