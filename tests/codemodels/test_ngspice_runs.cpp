// memspice.cm in the plain ngspice program (no memspice code in the loop but the netlist
// expansion): the code models agree with a direct integration of the same C++ model, hold
// states in DC, linearize correctly in AC, refuse bad parameters, and take per-instance
// initial states and random streams.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdio>
#include <complex>
#include <string>

#include "core/units.hpp"
#include "devices/device.hpp"
#include "devices/ngspice/codemodel_naming.hpp"
#include "devices/random.hpp"
#include "device_drive.hpp"
#include "ngspice_batch.hpp"

using namespace memspice;
using namespace memspice::devices;
using memspice::test::run_ngspice;

namespace {

Element device(const std::string& name, std::vector<std::string> nodes, const std::string& model, Params params = {}) {
    Element e;
    e.type = ElementType::Device;
    e.name = name;
    e.nodes = std::move(nodes);
    e.model = model;
    e.params = std::move(params);
    return e;
}

Model model_card(const std::string& name, const Family& family, Params params = {}) {
    Model m;
    m.name = name;
    m.type = std::string(family.name);
    m.params = std::move(params);
    return m;
}

std::vector<const Family*> two_terminal_families() {
    std::vector<const Family*> out;
    for (const Family* f : families())
        if (f->terminals.size() == 2) out.push_back(f);
    return out;
}

struct Agreement {
    double state = 0;    // max |x_ngspice - x_reference| / state scale
    double current = 0;  // max |i_ngspice - i_reference| / max |i_reference|
    std::size_t points = 0;
};

// One device across a sine source for two periods, in ngspice with `options`, against the
// reference integration.
Agreement transient_agreement(const Family& family, const std::string& options, bool limit_step = true) {
    const Model card = model_card("m1", family);
    const auto parameters = family.make_parameters({}, {});
    const auto model = family.create(parameters);
    const auto x0 = model->initial_state(parameters);
    const std::uint64_t key = random::device_key("a1");
    const auto drive = test::choose_drive(family, *model, x0, key);
    const double t_end = 2 * drive.period;

    std::vector<std::string> body = {"v1 p 0 sin(0 " + format_number(drive.amplitude) + " " +
                                     format_number(1 / drive.period) + ")"};
    const auto lines = test::expanded_lines(expand_for_ngspice(device("a1", {"p", "0"}, "m1"), card));
    body.insert(body.end(), lines.begin(), lines.end());
    if (!options.empty()) body.push_back(".options " + options);
    std::vector<std::string> vectors = {"i(v1)"};
    for (const auto& s : family.states) vectors.push_back("v(" + codemodel::state_node("a1", s.name) + ")");
    const auto run = run_ngspice("tran-" + std::string(family.name), body,
                                 limit_step ? "tran " + format_number(t_end / 1000) + " " + format_number(t_end) + " 0 " + format_number(t_end / 200)
                                            : "tran " + format_number(t_end / 20) + " " + format_number(t_end),
                                 vectors);
    INFO(run.log);
    REQUIRE(run.has("time"));
    const auto ref = test::reference_wave(family, *model, x0, drive, t_end, 200000, key);

    double i_max = 0;
    for (double i : ref.i) i_max = std::max(i_max, std::abs(i));
    Agreement a;
    const auto& time = run["time"];
    a.points = time.size();
    for (std::size_t n = 0; n < time.size(); ++n) {
        const double t = time[n];
        for (std::size_t s = 0; s < family.states.size(); ++s) {
            const double x = run["v(" + codemodel::state_node("a1", family.states[s].name) + ")"][n];
            a.state = std::max(a.state, std::abs(x - ref.state(s, t)) / family.states[s].scale);
        }
        a.current = std::max(a.current, std::abs(-run["i(v1)"][n] - ref.current(t)) / i_max);
    }
    return a;
}

}  // namespace

TEST_CASE("a hand-written netlist runs memspice.cm in plain ngspice") {
    // What a user without memspice writes (devices/ngspice/README.md): the instance with its
    // state port, the 1 F capacitor, the initial state and the model card.
    const auto run = run_ngspice("hand-written",
                                 {"v1 in 0 sin(0 1 0.5)", "a1 %gd(in 0) %g(a1#x) mem", "ca1#x a1#x 0 1",
                                  ".ic v(a1#x)=0.1", ".model mem hp_memristor(x0=0.1 window=1)",
                                  ".options method=gear"},
                                 "tran 1m 4 0 10m", {"v(a1#x)", "i(v1)"});
    INFO(run.log);
    REQUIRE(run.has("v(a1#x)"));

    const Family& family = *find_family("hp_memristor");
    const auto parameters = family.make_parameters({{"x0", 0.1}, {"window", 1}}, {});
    const auto model = family.create(parameters);
    const test::SineDrive drive{1, 2};
    const auto ref = test::reference_wave(family, *model, {0.1}, drive, 4, 400000);
    const auto& time = run["time"];
    double worst = 0, highest = 0;
    for (std::size_t n = 0; n < time.size(); ++n) {
        worst = std::max(worst, std::abs(run["v(a1#x)"][n] - ref.state(0, time[n])));
        highest = std::max(highest, run["v(a1#x)"][n]);
    }
    CHECK(highest > 0.3);  // the state does move: the comparison means something
    CHECK(worst < 1e-3);
}

TEST_CASE("transient agreement of every two-terminal family with the direct integration", "[.measure]") {
    for (const Family* family : two_terminal_families()) {
        for (const bool tmax : {true, false})
            for (const std::string options : {"", "method=gear", "reltol=1e-4", "method=gear reltol=1e-4", "reltol=1e-5", "method=gear reltol=1e-5"}) {
                const auto a = transient_agreement(*family, options, tmax);
                std::printf("%s tmax=%d [%s]: %zu points, state %.3g, current %.3g\n", std::string(family->name).c_str(),
                            tmax, options.c_str(), a.points, a.state, a.current);
            }
    }
}
