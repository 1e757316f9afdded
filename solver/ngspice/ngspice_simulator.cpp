#include "solver/ngspice/ngspice_simulator.hpp"

#include <ngspice/sharedspice.h>

#include <algorithm>
#include <cctype>

#include "core/error.hpp"

namespace memspice::ngspice {

namespace {

// ngspice's vector types (its src/include/ngspice/sim.h; not in sharedspice.h).
constexpr int type_voltage = 3;
constexpr int type_current = 4;
constexpr short flag_complex = 2;  // VF_COMPLEX

constexpr std::string_view scale_names[] = {"time", "frequency", "v-sweep", "i-sweep", "temp-sweep",
                                            "res-sweep"};

std::string lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

// Node voltages and branch currents get memspice's names; vectors a .control script made
// with `let` (no type) keep theirs, so that `let gain = ...` does not become v(gain).
std::string vector_name(const char* ngspice_name, int type) {
    if (type == type_voltage || type == type_current) return canonical_vector_name(ngspice_name);
    return lower(ngspice_name);
}

// "tran1" -> "tran", "op12" -> "op".
std::string analysis_of_plot(std::string_view plot_name) {
    std::size_t end = plot_name.size();
    while (end > 0 && std::isdigit(static_cast<unsigned char>(plot_name[end - 1]))) --end;
    return lower(plot_name.substr(0, end));
}

std::vector<std::string> to_strings(char** list) {
    std::vector<std::string> out;
    for (std::size_t k = 0; list && list[k]; ++k) out.emplace_back(list[k]);
    return out;
}

std::string quoted(const std::filesystem::path& path) {
    const std::string text = path.string();
    if (text.find_first_of(" \t") == std::string::npos) return text;
    return "\"" + text + "\"";
}

}  // namespace

Simulator& Simulator::instance() {
    // Never destroyed: libngspice's own exit-time clean-up must not race a destructor.
    static Simulator* simulator = new Simulator();
    return *simulator;
}

Simulator::Simulator() {
    ngSpice_Init(&Simulator::on_output, &Simulator::on_status, &Simulator::on_exit_request, nullptr, nullptr, nullptr,
                 this);
}

int Simulator::on_output(char* text, int, void* self) {
    auto* sim = static_cast<Simulator*>(self);
    try {
        if (text) sim->output_.push_back(parse_output_line(text));
    } catch (...) {
        if (!sim->callback_error_) sim->callback_error_ = std::current_exception();
    }
    return 0;
}

int Simulator::on_status(char* text, int, void* self) {
    auto* sim = static_cast<Simulator*>(self);
    // No exception may cross libngspice's C frames: keep it and rethrow after the call.
    try {
        if (!text || !sim->progress_) return 0;
        std::string status(text);
        if (status == "--ready--" || status == sim->last_status_) return 0;
        sim->last_status_ = status;
        sim->progress_(status);
    } catch (...) {
        if (!sim->callback_error_) sim->callback_error_ = std::current_exception();
    }
    return 0;
}

int Simulator::on_exit_request(int status, bool, bool quit, int, void* self) {
    // libngspice calls this instead of exit() and then returns from the API call. It cannot
    // be used again (ngSpice_Init after it crashes), so the simulator is marked dead.
    auto* sim = static_cast<Simulator*>(self);
    sim->exited_ = true;
    sim->quit_requested_ = quit;
    sim->exit_status_ = status;
    return 0;
}

void Simulator::after_call() {
    if (callback_error_) {
        std::exception_ptr error = callback_error_;
        callback_error_ = nullptr;
        std::rethrow_exception(error);
    }
    if (exited_) {
        std::string message = quit_requested_
            ? "ngspice executed 'quit' and asked to be unloaded"
            : "ngspice stopped after a fatal error (exit status " + std::to_string(exit_status_) + ")";
        message += "; libngspice cannot be restarted in this process";
        throw SimulationError(message);
    }
}

void Simulator::command(const std::string& text) {
    if (exited_) after_call();
    std::string buffer = text;
    ngSpice_Command(buffer.data());
    after_call();
}

void Simulator::load_circuit(std::span<const std::string> lines) {
    if (exited_) after_call();
    // ngSpice_Circ takes mutable C strings and copies them.
    std::vector<std::string> buffers(lines.begin(), lines.end());
    std::vector<char*> pointers;
    pointers.reserve(buffers.size() + 1);
    for (std::string& b : buffers) pointers.push_back(b.data());
    pointers.push_back(nullptr);
    ngSpice_Circ(pointers.data());
    after_call();
}

bool Simulator::load_code_model(const std::filesystem::path& library) {
    if (code_models_.count(library)) return false;
    command("codemodel " + quoted(library));
    code_models_.insert(library);
    return true;
}

std::vector<std::string> Simulator::plots() const {
    std::vector<std::string> names = to_strings(ngSpice_AllPlots());  // newest first
    std::erase(names, std::string("const"));
    std::reverse(names.begin(), names.end());
    return names;
}

std::string Simulator::current_plot() const {
    const char* name = ngSpice_CurPlot();
    return name ? std::string(name) : std::string();
}

Plot Simulator::copy_plot(const std::string& plot_name) const {
    Plot plot;
    plot.analysis = analysis_of_plot(plot_name);
    std::string plot_buffer = plot_name;
    // ngspice lists a plot's vectors newest first; its scale was made first.
    std::vector<std::string> names = to_strings(ngSpice_AllVecs(plot_buffer.data()));
    std::reverse(names.begin(), names.end());
    for (const std::string& name : names) {
        std::string full = plot_name + "." + name;
        const vector_info* info = ngGet_Vec_Info(full.data());
        if (!info || info->v_length < 0) continue;
        Vector v;
        v.name = vector_name(info->v_name ? info->v_name : name.c_str(), info->v_type);
        const auto length = static_cast<std::size_t>(info->v_length);
        if ((info->v_flags & flag_complex) && info->v_compdata) {
            v.complex.reserve(length);
            for (std::size_t k = 0; k < length; ++k)
                v.complex.emplace_back(info->v_compdata[k].cx_real, info->v_compdata[k].cx_imag);
        } else if (info->v_realdata) {
            v.real.assign(info->v_realdata, info->v_realdata + length);
        }
        plot.vectors.push_back(std::move(v));
    }
    // The scale goes first, real-valued (ngspice keeps an .ac frequency complex).
    auto scale = std::find_if(plot.vectors.begin(), plot.vectors.end(), [](const Vector& v) {
        return std::find(std::begin(scale_names), std::end(scale_names), v.name) != std::end(scale_names);
    });
    if (scale != plot.vectors.end() && plot.analysis != "op") {
        if (scale->is_complex()) {
            for (const auto& c : scale->complex) scale->real.push_back(c.real());
            scale->complex.clear();
        }
        plot.scale = scale->name;
        std::rotate(plot.vectors.begin(), scale, scale + 1);
    }
    return plot;
}

void Simulator::clear() {
    if (exited_) return;
    command("destroy all");
    // Circuits stack up in ngspice (a .control script may source more): remove them all.
    for (int k = 0; k < 1000; ++k) {
        output_.clear();
        command("remcirc");
        const bool none_left = std::any_of(output_.begin(), output_.end(), [](const OutputLine& line) {
            return line.text.find("no circuit loaded") != std::string::npos;
        });
        if (none_left) break;
    }
    output_.clear();
    last_status_.clear();
}

std::vector<OutputLine> Simulator::take_output() {
    std::vector<OutputLine> taken;
    taken.swap(output_);
    return taken;
}

}  // namespace memspice::ngspice
