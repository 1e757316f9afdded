// The process's one libngspice simulator. libngspice keeps its circuits, plots and
// settings in global state, so a process has exactly one simulator: this singleton owns it,
// initializes it once (ngSpice_Init with callbacks that capture its output stream, status
// and exit requests), and serializes its use with a mutex. Internal to the ngspice engine;
// use NgspiceEngine or run_ngspice_deck (ngspice_deck.hpp).
#pragma once

#include <exception>
#include <filesystem>
#include <functional>
#include <mutex>
#include <set>
#include <span>
#include <string>
#include <vector>

#include "solver/ngspice/ngspice_output.hpp"
#include "solver/waveform.hpp"

namespace memspice::ngspice {

class Simulator {
public:
    // The simulator, initialized on first use. Throws SimulationError if libngspice stopped
    // earlier in this process (see `usable`).
    static Simulator& instance();

    Simulator(const Simulator&) = delete;
    Simulator& operator=(const Simulator&) = delete;

    // Exclusive use: hold the lock for the whole run, around every call below.
    [[nodiscard]] std::unique_lock<std::mutex> acquire() { return std::unique_lock(mutex_); }

    // Sends one command (ngSpice_Command) and waits for it; the output goes to `output()`.
    // Throws SimulationError if ngspice asked to be unloaded (quit or a fatal error).
    void command(const std::string& command);
    // Sends a netlist (ngSpice_Circ): title first, `.end` last. A .control block in it runs now.
    void load_circuit(std::span<const std::string> lines);
    // Loads an XSPICE code-model library once per process (they cannot be unloaded).
    // Returns false if it was loaded before.
    bool load_code_model(const std::filesystem::path& library);

    // Names of the plots ngspice holds, oldest first, without its "const" plot.
    std::vector<std::string> plots() const;
    std::string current_plot() const;
    // Copies every vector of a plot (ngspice returns them through one static structure,
    // valid until the next call). Vectors get canonical names (canonical_vector_name);
    // the scale, when there is one, comes first and is real (an .ac frequency too).
    Plot copy_plot(const std::string& plot_name) const;

    // Removes every plot and circuit, so the next run starts clean.
    void clear();

    // Output since the last take_output(), and the status callback's receiver.
    std::vector<OutputLine> take_output();
    void set_progress(std::function<void(const std::string&)> progress) { progress_ = std::move(progress); }

    // libngspice cannot be restarted after it asked to be unloaded: false from then on.
    bool usable() const { return !exited_; }

private:
    Simulator();
    void after_call();  // rethrows what a callback caught, reports an exit request

    static int on_output(char* text, int id, void* self);
    static int on_status(char* text, int id, void* self);
    static int on_exit_request(int status, bool unload_now, bool quit, int id, void* self);

    std::mutex mutex_;
    std::vector<OutputLine> output_;
    std::function<void(const std::string&)> progress_;
    std::string last_status_;
    std::exception_ptr callback_error_;
    std::set<std::filesystem::path> code_models_;
    bool exited_ = false;
    bool quit_requested_ = false;
    int exit_status_ = 0;
};

}  // namespace memspice::ngspice
