// memspice.cm in the plain ngspice program (no memspice code in the loop but the netlist
// expansion): the code models agree with a direct integration of the same C++ model, hold
// states in DC, linearize correctly in AC, refuse bad parameters, and take per-instance
// initial states and random streams.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdio>
#include <complex>
#include <map>
#include <numbers>
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

// "t3" from ("t", 3) (spelled out: GCC 12 warns falsely on "literal" + std::to_string()).
std::string numbered(const char* prefix, int k) { return std::string(prefix).append(std::to_string(k)); }

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
        // At t = 0 ngspice reports the operating point, where a port capacitance carries no
        // current; the reference has C dv/dt there.
        if (n > 0 || model->port_capacitance(0) == 0)
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

TEST_CASE("the documented .spiceinit line loads memspice.cm") {
    const auto run = run_ngspice("spiceinit",
                                 {"v1 p 0 dc 1", "a1 %gd(p 0) %g(a1#x) mem", "ca1#x a1#x 0 1", ".ic v(a1#x)=0.5",
                                  ".model mem hp_memristor(ron=100 roff=16k)"},
                                 "op", {"i(v1)"}, test::Loading::Spiceinit);
    INFO(run.log);
    REQUIRE(run.has("i(v1)"));
    CHECK(-run["i(v1)"][0] == Approx(1 / (0.5 * 100 + 0.5 * 16e3)).epsilon(1e-7));  // R = x ron + (1 - x) roff; wrdata keeps 9 digits
}

TEST_CASE("every two-terminal family follows the direct integration in an ngspice transient") {
    // Trapezoidal integration (ngspice's default), the step limited to 1/400 of the run, and
    // reltol=1e-5: with the default reltol=1e-3 Newton's convergence test, not the
    // integration, limits threshold devices (team: 4e-3 of the state scale). Measured with
    // these settings: state error <= 5.4e-4 of its scale (team), current <= 4.9e-4 of its peak.
    for (const Family* family : two_terminal_families()) {
        INFO(family->name);
        const auto a = transient_agreement(*family, "reltol=1e-5", true);
        CHECK(a.points >= 200);
        CHECK(a.state < 2e-3);
        CHECK(a.current < 2e-3);
    }
}

TEST_CASE("DC holds every state at its initial value and the terminal currents follow the model") {
    for (const Family* family : families()) {
        INFO(family->name);
        const std::string name = "a.x1.a3";  // a flattened subcircuit name
        const auto parameters = family->make_parameters({}, {});
        const auto model = family->create(parameters);
        const auto x0 = model->initial_state(parameters);
        const auto drive = test::choose_drive(*family, *model, x0, random::device_key(name));

        Element e = device(name, {}, "m1");
        std::vector<std::string> body, vectors;
        Inputs in;
        in.x = x0;
        in.stream = random::device_key(name);
        for (int k = 0; k < family->ports(); ++k) {
            const std::string node = numbered("t", k);
            in.v[static_cast<std::size_t>(k)] = drive.amplitude * (0.5 + 0.25 * k);
            body.push_back("v" + node + " " + node + " 0 dc " + format_number(in.v[static_cast<std::size_t>(k)]));
            e.nodes.push_back(node);
            vectors.push_back("i(v" + node + ")");
        }
        e.nodes.push_back("0");
        for (const auto& s : family->states) vectors.push_back("v(" + codemodel::state_node(name, s.name) + ")");
        const auto lines = test::expanded_lines(expand_for_ngspice(e, model_card("m1", *family)));
        body.insert(body.end(), lines.begin(), lines.end());
        const auto run = run_ngspice("dc-" + std::string(family->name), body, "op", vectors);
        INFO(run.log);
        Outputs out;
        model->evaluate(in, out);
        for (std::size_t s = 0; s < family->states.size(); ++s) {
            REQUIRE(run.has(vectors[static_cast<std::size_t>(family->ports()) + s]));
            CHECK(run[vectors[static_cast<std::size_t>(family->ports()) + s]][0] ==
                  Approx(x0[s]).margin(1e-9 * family->states[s].scale));
        }
        for (int k = 0; k < family->ports(); ++k) {
            const auto kk = static_cast<std::size_t>(k);
            REQUIRE(run.has(vectors[kk]));
            CHECK(-run[vectors[kk]][0] == Approx(out.i[kk]).epsilon(1e-6).margin(1e-15));
        }
    }
}

TEST_CASE("AC analysis linearizes the device with its state dynamics") {
    // Small-signal admittance of a two-terminal device at a DC bias: i = G v + Gx x and
    // j w x = Fv v + Fx x give Y(w) = G + Gx (j w - Fx)^-1 Fv, solved here directly.
    for (const Family* family : two_terminal_families()) {
        INFO(family->name);
        const auto parameters = family->make_parameters({}, {});
        const auto model = family->create(parameters);
        const auto x0 = model->initial_state(parameters);
        const std::uint64_t key = random::device_key("a1");
        const auto drive = test::choose_drive(*family, *model, x0, key);
        // A bias where the states move (threshold devices), in the direction away from a bound.
        const bool negative = test::state_rate(*family, *model, x0, -drive.amplitude, key) >
                              test::state_rate(*family, *model, x0, drive.amplitude, key);
        const double bias = negative ? -drive.amplitude : drive.amplitude;
        std::vector<std::string> body = {"v1 p 0 dc " + format_number(bias) + " ac 1"};
        const auto lines = test::expanded_lines(expand_for_ngspice(device("a1", {"p", "0"}, "m1"), model_card("m1", *family)));
        body.insert(body.end(), lines.begin(), lines.end());
        const double f0 = 1 / drive.period;
        const auto run = run_ngspice("ac-" + std::string(family->name), body,
                                     "ac dec 4 " + format_number(f0 * 1e-3) + " " + format_number(f0 * 1e3), {"i(v1)"});
        INFO(run.log);
        REQUIRE(run.has("frequency"));

        Inputs in;
        in.v[0] = bias;
        in.x = x0;
        in.stream = key;
        Outputs o;
        model->evaluate(in, o);
        const int ns = static_cast<int>(family->states.size());
        double y_max = 0, worst = 0, state_part = 0;
        for (std::size_t n = 0; n < run["frequency"].size(); ++n) {
            const double w = 2 * std::numbers::pi * run["frequency"][n];
            // Solve (j w I - Fx) z = Fv by Gaussian elimination.
            std::complex<double> a[kMaxStates][kMaxStates + 1];
            for (int r = 0; r < ns; ++r) {
                for (int c = 0; c < ns; ++c)
                    a[r][c] = (r == c ? std::complex<double>(0, w) : 0.0) - o.df_dx[static_cast<std::size_t>(r)][static_cast<std::size_t>(c)];
                a[r][ns] = o.df_dv[static_cast<std::size_t>(r)][0];
            }
            for (int c = 0; c < ns; ++c)
                for (int r = c + 1; r < ns; ++r) {
                    const auto m = a[r][c] / a[c][c];
                    for (int k = c; k <= ns; ++k) a[r][k] -= m * a[c][k];
                }
            // The port capacitance is a capacitor in parallel in the expansion.
            std::complex<double> y = o.di_dv[0][0] + std::complex<double>(0, w * model->port_capacitance(0));
            for (int r = ns - 1; r >= 0; --r) {
                for (int k = r + 1; k < ns; ++k) a[r][ns] -= a[r][k] * a[k][ns];
                a[r][ns] /= a[r][r];
                y += o.di_dx[0][static_cast<std::size_t>(r)] * a[r][ns];
            }
            const std::complex<double> measured(-run["i(v1)"][n], -run["i(v1)#im"][n]);
            y_max = std::max(y_max, std::abs(y));
            worst = std::max(worst, std::abs(measured - y));
            state_part = std::max(state_part, std::abs(y - o.di_dv[0][0] - std::complex<double>(0, w * model->port_capacitance(0))));
        }
        CHECK(worst <= 1e-6 * y_max);
        // The states do contribute: the test means something. (Not for mtj: its magnetization
        // only moves in switching events, so its small-signal admittance is its conductance.)
        if (ns > 0 && family->name != "mtj") CHECK(state_part > 1e-3 * y_max);
    }
}

TEST_CASE("a parameter out of range stops ngspice with a message naming it, its value and its range") {
    for (const Family* family : families()) {
        INFO(family->name);
        // The first parameter with a finite bound, set beyond it.
        const ParameterInfo* bad = nullptr;
        for (const auto& p : family->parameters)
            if (std::isfinite(p.max) || std::isfinite(p.min)) {
                bad = &p;
                break;
            }
        REQUIRE(bad);
        const double value = std::isfinite(bad->max) ? 2 * bad->max + 1 : bad->min - std::abs(bad->min) - 1;
        std::string expected;
        try {
            family->make_parameters({{std::string(bad->name), value}}, {});
        } catch (const InputError& e) {
            expected = e.message();
        }
        REQUIRE_FALSE(expected.empty());

        // A card a plain ngspice user wrote (memspice's own reader would have refused it).
        Element e = device("a1", {}, "m1");
        std::vector<std::string> body;
        for (int k = 0; k < family->ports(); ++k) {
            body.push_back(numbered("v", k) + " " + numbered("t", k) + " 0 dc 0.1");
            e.nodes.push_back(numbered("t", k));
        }
        e.nodes.push_back("0");
        auto lines = test::expanded_lines(expand_for_ngspice(e, model_card("m1", *family)));
        const std::string card = lines.back().substr(0, lines.back().find('('));  // ".model <name> <family>"
        lines.back() = card + "(" + std::string(bad->name) + "=" + format_number(value) + ")";
        body.insert(body.end(), lines.begin(), lines.end());
        const auto run = run_ngspice("bad-" + std::string(family->name), body, "tran 1u 10u", {"v(t0)"});
        INFO(run.log);
        CHECK(run.log.find("Message: " + std::string(codemodel::kErrorPrefix) + " " + expected) != std::string::npos);
        CHECK_FALSE(run.has("time"));
    }
}

TEST_CASE("an instance's initial state overrides its model's, in DC and as the transient's start") {
    const Family& family = *find_family("hp_memristor");
    const Model card = model_card("mem", family, {{"x0", 0.7}});
    std::vector<std::string> body = {"v1 p 0 dc 0.2"};
    for (const auto& e : {device("a1", {"p", "0"}, "mem"), device("a2", {"p", "0"}, "mem", {{"x", 0.2}})}) {
        const auto lines = test::expanded_lines(expand_for_ngspice(e, card));
        body.insert(body.end(), lines.begin(), lines.end());
    }
    const auto op = run_ngspice("override-op", body, "op", {"v(a1#x)", "v(a2#x)"});
    INFO(op.log);
    REQUIRE(op.has("v(a2#x)"));
    CHECK(op["v(a1#x)"][0] == Approx(0.7).margin(1e-12));
    CHECK(op["v(a2#x)"][0] == Approx(0.2).margin(1e-12));

    // Without the operating point (uic) the states start from the .ic cards.
    const auto tran = run_ngspice("override-uic", body, "tran 1m 10m uic", {"v(a1#x)", "v(a2#x)"});
    INFO(tran.log);
    REQUIRE(tran.has("v(a2#x)"));
    CHECK(tran["v(a1#x)"][0] == Approx(0.7).margin(1e-12));
    CHECK(tran["v(a2#x)"][0] == Approx(0.2).margin(1e-12));
    // 0.2 V across x = 0.2 (R = 12.8 kOhm) moves the state only slowly but visibly.
    CHECK(tran["v(a2#x)"].back() > 0.2);
}

TEST_CASE("stochastic families: each instance has its own stream, reproducible from the seed") {
    for (const Family* family : families()) {
        if (!family->stochastic || family->terminals.size() != 2) continue;
        INFO(family->name);
        // Families whose variation is off by default: the parameters that switch it on.
        // mtj: a superparamagnetic junction (Delta = 2) whose hazard clock starts near its
        // threshold, so each instance switches early at its own random time; a large critical
        // current keeps the drive's 0.25 V in the thermal regime. Its switching times are as
        // accurate as the integration of its hazard (reltol x dwell), so it runs at
        // reltol=1e-5, and with a slow reversal (tflip 5 ns) that the bound on m can see.
        const std::map<std::string, Params> variation_on = {
            {"stanford_rram", {{"deltagap0", 1}}},
            {"mtj", {{"delta", 2}, {"alpha", 0.5}, {"eta", 0.05}, {"clock0", 0.9}, {"tflip", 5e-9}}}};
        const Params on = variation_on.count(std::string(family->name)) ? variation_on.at(std::string(family->name)) : Params{};
        const auto parameters = family->make_parameters(on, {});
        const auto model = family->create(parameters);
        const auto x0 = model->initial_state(parameters);
        const std::uint64_t key1 = random::device_key("a1");
        const auto drive = test::choose_drive(*family, *model, x0, key1);
        // Long enough to cross several corners of the random sequence (next_breakpoint), which
        // the code model must hand to ngspice as breakpoints.
        const double corner = model->next_breakpoint(0);
        const double t_end = std::isfinite(corner) ? std::max(2 * drive.period, 4.5 * corner) : 2 * drive.period;
        std::vector<std::string> body = {"v1 p 0 sin(0 " + format_number(drive.amplitude) + " " +
                                         format_number(1 / drive.period) + ")"};
        for (const char* name : {"a1", "a2"}) {
            const auto lines = test::expanded_lines(expand_for_ngspice(device(name, {"p", "0"}, "m1"), model_card("m1", *family, on)));
            body.insert(body.end(), lines.begin(), lines.end());
        }
        if (family->name == "mtj") body.push_back(".options reltol=1e-5");
        const std::string state = "v(a1#" + std::string(family->states[0].name) + ")";
        const std::string other = "v(a2#" + std::string(family->states[0].name) + ")";
        const std::string tran = "tran " + format_number(t_end / 1000) + " " + format_number(t_end) + " 0 " + format_number(t_end / 400);
        const auto first = run_ngspice("stochastic-1", body, tran, {state, other});
        const auto second = run_ngspice("stochastic-2", body, tran, {state, other});
        INFO(first.log);
        REQUIRE(first.has(state));
        REQUIRE(second.has(state));
        CHECK(first[state] == second[state]);  // same seed, same instance names: identical
        double apart = 0, off = 0;
        const auto ref = test::reference_wave(*family, *model, x0, drive, t_end, 200000, key1);
        for (std::size_t n = 0; n < first["time"].size(); ++n) {
            apart = std::max(apart, std::abs(first[state][n] - first[other][n]));
            off = std::max(off, std::abs(first[state][n] - ref.state(0, first["time"][n])));
        }
        CHECK(apart > 1e-3 * family->states[0].scale);  // two instances, two streams
        CHECK(off < 2e-3 * family->states[0].scale);     // a1's stream is the native engine's (measured 4e-4)
    }
}

TEST_CASE("measurement, not a check: integration methods for states on nodes", "[.measure]") {
    // Run with: test_codemodels "[.measure]". Prints the agreement for ngspice's methods.
    for (const Family* family : two_terminal_families()) {
        for (const bool limit_step : {true, false})
            for (const std::string options :
                 {"", "method=gear", "reltol=1e-4", "method=gear reltol=1e-4", "reltol=1e-5", "method=gear reltol=1e-5"}) {
                const auto a = transient_agreement(*family, options, limit_step);
                std::printf("%s %s [%s]: %zu points, state %.3g, current %.3g\n", std::string(family->name).c_str(),
                            limit_step ? "tmax=T/100" : "tstep=T/10 ", options.c_str(), a.points, a.state, a.current);
            }
    }
}
