// The unknowns of the MNA system: node voltages, branch currents (V, L, E, H and B v=
// sources), internal nodes of device models (diode and MOSFET series resistances) and
// device states (devices::Family states). Index n = size() stands for ground.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace memspice::native {

enum class UnknownKind { Node, Branch, Internal, State };

struct UnknownInfo {
    UnknownKind kind = UnknownKind::Node;
    std::string name;    // node name; element name (Branch); "d1#internal"; "a1#gap" (State)
    std::string owner;   // the element that created it ("" for circuit nodes)
    double scale = 1;    // State: typical magnitude (sets its absolute tolerance)
};

class Unknowns {
public:
    void reserve(std::size_t nodes) { info_.reserve(nodes), nodes_.reserve(nodes); }
    // A circuit node (created on first use); ground ("0", "gnd") is index ground().
    int node(std::string_view name);
    // Lookup without creating: kAbsent when absent, kGround for ground.
    int find_node(std::string_view name) const;
    int add(UnknownKind kind, std::string name, std::string owner, double scale = 1);

    int size() const { return static_cast<int>(info_.size()); }
    int ground() const { return size(); }
    const UnknownInfo& operator[](int index) const { return info_[static_cast<std::size_t>(index)]; }
    const std::vector<UnknownInfo>& all() const { return info_; }
    // Readable description for messages: "node out", "branch current of v1", ...
    std::string describe(int index) const;
    // Ground indices are only final once every unknown exists: elements keep kGround until
    // then and translate with resolve_ground().
    static constexpr int kGround = -1;
    static constexpr int kAbsent = -2;
    int resolve(int index) const { return index == kGround ? ground() : index; }

    static bool is_ground_name(std::string_view name) { return name == "0" || name == "gnd"; }

private:
    std::vector<UnknownInfo> info_;
    struct NameHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    std::unordered_map<std::string, int, NameHash, std::equal_to<>> nodes_;
};

}  // namespace memspice::native
