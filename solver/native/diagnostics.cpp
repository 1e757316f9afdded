// Explaining a singular MNA matrix in circuit terms: groups of nodes with no DC path to
// ground, and loops of voltage-defining elements (V, E, H, B v= sources and, in DC,
// inductors), found from the element topology with union-find.
#include <algorithm>
#include <map>
#include <numeric>
#include <queue>

#include "solver/native/mna_system.hpp"

namespace memspice::native {

namespace {

class DisjointSets {
public:
    explicit DisjointSets(int n) : parent_(static_cast<std::size_t>(n)) { std::iota(parent_.begin(), parent_.end(), 0); }
    int find(int x) {
        while (parent_[static_cast<std::size_t>(x)] != x) {
            auto& p = parent_[static_cast<std::size_t>(x)];
            p = parent_[static_cast<std::size_t>(p)];
            x = p;
        }
        return x;
    }
    bool unite(int a, int b) {
        a = find(a), b = find(b);
        if (a == b) return false;
        parent_[static_cast<std::size_t>(a)] = b;
        return true;
    }

private:
    std::vector<int> parent_;
};

struct Edge {
    int a, b;
    std::string element;
};

class Collector final : public TopologySink {
public:
    void conductive(int a, int b, const std::string& element) override { conductive_.push_back({a, b, element}); }
    void voltage_defining(int a, int b, const std::string& element) override { voltage_.push_back({a, b, element}); }
    std::vector<Edge> conductive_, voltage_;
};

std::string join(const std::vector<std::string>& names, std::size_t limit) {
    std::string text;
    for (std::size_t k = 0; k < names.size() && k < limit; ++k) text += (k ? ", " : "") + names[k];
    if (names.size() > limit) text += ", ... (" + std::to_string(names.size()) + " in all)";
    return text;
}

// The elements on the path from a to b through the forest of earlier voltage edges.
std::vector<std::string> path_between(int a, int b, const std::vector<Edge>& forest, int vertices) {
    std::vector<std::vector<std::pair<int, std::size_t>>> adjacent(static_cast<std::size_t>(vertices));
    for (std::size_t k = 0; k < forest.size(); ++k) {
        adjacent[static_cast<std::size_t>(forest[k].a)].push_back({forest[k].b, k});
        adjacent[static_cast<std::size_t>(forest[k].b)].push_back({forest[k].a, k});
    }
    std::vector<long> via(static_cast<std::size_t>(vertices), -1);
    std::vector<int> previous(static_cast<std::size_t>(vertices), -1);
    std::queue<int> queue;
    queue.push(a);
    previous[static_cast<std::size_t>(a)] = a;
    while (!queue.empty()) {
        const int v = queue.front();
        queue.pop();
        if (v == b) break;
        for (auto [w, edge] : adjacent[static_cast<std::size_t>(v)])
            if (previous[static_cast<std::size_t>(w)] < 0) {
                previous[static_cast<std::size_t>(w)] = v;
                via[static_cast<std::size_t>(w)] = static_cast<long>(edge);
                queue.push(w);
            }
    }
    std::vector<std::string> names;
    for (int v = b; v != a && previous[static_cast<std::size_t>(v)] >= 0; v = previous[static_cast<std::size_t>(v)])
        names.push_back(forest[static_cast<std::size_t>(via[static_cast<std::size_t>(v)])].element);
    return names;
}

}  // namespace

std::string MnaSystem::explain_singular(int singular_unknown) const {
    const int n = size();
    const int ground = n;
    Collector edges;
    for (const auto& e : elements_) e->topology(edges);

    // Loops of voltage-defining elements.
    std::string message;
    {
        DisjointSets sets(n + 1);
        std::vector<Edge> forest;
        for (const Edge& e : edges.voltage_) {
            if (sets.unite(e.a, e.b)) {
                forest.push_back(e);
                continue;
            }
            std::vector<std::string> loop = e.a == e.b ? std::vector<std::string>{} : path_between(e.a, e.b, forest, n + 1);
            loop.insert(loop.begin(), e.element);
            message += "loop of voltage sources and/or inductors (their voltages are not independent): " +
                       join(loop, 12);
            break;
        }
    }
    // Node groups with no DC path to ground.
    {
        DisjointSets sets(n + 1);
        for (const Edge& e : edges.conductive_) sets.unite(e.a, e.b);
        for (const Edge& e : edges.voltage_) sets.unite(e.a, e.b);
        std::map<int, std::vector<std::string>> floating;
        const int grounded = sets.find(ground);
        for (int k = 0; k < n; ++k) {
            const UnknownKind kind = unknowns_[k].kind;
            if ((kind == UnknownKind::Node || kind == UnknownKind::Internal) && sets.find(k) != grounded)
                floating[sets.find(k)].push_back(unknowns_[k].name);
        }
        std::size_t shown = 0;
        for (const auto& [root, nodes] : floating) {
            if (shown++ == 4) {
                message += "; ... (" + std::to_string(floating.size()) + " floating groups in all)";
                break;
            }
            if (!message.empty()) message += "; ";
            message += "no DC path to ground from node" + std::string(nodes.size() > 1 ? "s " : " ") + join(nodes, 10);
        }
    }
    if (!message.empty()) return "singular matrix: " + message;
    std::string text = "singular matrix at " + unknowns_.describe(singular_unknown);
    const std::string around = elements_at(singular_unknown);
    if (!around.empty()) text += " (elements: " + around + ")";
    return text;
}

}  // namespace memspice::native
