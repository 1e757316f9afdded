#include "solver/native/unknowns.hpp"

namespace memspice::native {

int Unknowns::node(std::string_view name) {
    if (is_ground_name(name)) return kGround;
    const auto it = nodes_.find(name);
    if (it != nodes_.end()) return it->second;
    const int index = add(UnknownKind::Node, std::string(name), "");
    nodes_.emplace(std::string(name), index);
    return index;
}

int Unknowns::find_node(std::string_view name) const {
    if (is_ground_name(name)) return kGround;
    const auto it = nodes_.find(name);
    return it == nodes_.end() ? kAbsent : it->second;
}

int Unknowns::add(UnknownKind kind, std::string name, std::string owner, double scale) {
    info_.push_back(UnknownInfo{kind, std::move(name), std::move(owner), scale});
    return static_cast<int>(info_.size() - 1);
}

std::string Unknowns::describe(int index) const {
    if (index < 0 || index >= size()) return "ground";
    const UnknownInfo& u = info_[static_cast<std::size_t>(index)];
    switch (u.kind) {
        case UnknownKind::Node: return "node " + u.name;
        case UnknownKind::Branch: return "branch current of " + u.name;
        case UnknownKind::Internal: return "internal node " + u.name;
        case UnknownKind::State: return "state " + u.name;
    }
    return u.name;
}

}  // namespace memspice::native
