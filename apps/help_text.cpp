#include "apps/help_text.hpp"

namespace memspice::cli {

const char* const main_help = R"(memspice: SPICE-level simulation of circuits with emerging devices

Usage:
  memspice run NETLIST [options]       run the netlist's analyses
  memspice compare NETLIST [options]   run it in both engines and compare the waveforms
  memspice --help | --version
  memspice COMMAND --help              the options of a command

Exit status: 0 success; 1 the simulation failed or the engines disagree;
2 bad input or usage (a netlist error, an unknown option, a missing file).
Errors are printed as "memspice: file:line: message".
)";

const char* const run_help = R"(memspice run NETLIST [options]

Runs every analysis of NETLIST (.op, .dc, .tran, .ac, or its .control script).

Options:
  --engine ngspice|native   the simulator (default: ngspice, through libngspice)
  -o, --output OUT.csv|OUT.raw
                            write the results: CSV (header of vector names, one row per
                            point; complex .ac vectors as name.re and name.im columns) or
                            an ngspice raw file (binary; ngspice's `load` reads it)
  --plot OUT.png|OUT.svg    draw the results with gnuplot, one figure per analysis
                            (.ac: magnitude in dB and phase against log frequency); the
                            gnuplot script is kept next to it as OUT.gp. An operating
                            point has no figure.
  --vectors v(a),i(v1)      the vectors to write, plot or show (the scale always comes
                            first); default: all (figures: the first 10 node voltages)
  -h, --help                this text

With several analyses, -o and --plot write one file per analysis, named
OUT-<analysis>.EXT (out-op.csv, out-tran.csv); an analysis given more than once is
numbered in netlist order (out-tran1.csv, out-tran2.csv).
Without -o, an operating point is printed as a table of node voltages and branch
currents, and other analyses as a summary (points, range, vectors).

Vector names: v(node), i(source) for the current of a V source, inductor, E or H
(into its + node, through it), time, frequency, v-sweep/i-sweep/temp-sweep.
)";

const char* const compare_help = R"(memspice compare NETLIST [options]

Runs NETLIST in both engines (ngspice as the reference, then the native engine), brings
the native waveforms onto ngspice's points (linear interpolation in time, frequency or
the swept value) and prints, for each vector, its largest deviation (absolute, and
relative to the vector's largest magnitude) and where it occurs.

A vector fails when |ngspice - native| > abstol + reltol * max|ngspice| somewhere.

Options:
  --reltol R          relative tolerance (default 1e-3, ngspice's reltol)
  --abstol A          absolute tolerance for every vector (default: 1e-6 for voltages,
                      1e-12 for currents: ngspice's vntol and abstol)
  --vectors v(a),...  compare only these vectors (default: all that both engines give)
  -h, --help          this text

Exit status: 0 all vectors agree, 1 a vector differs or an engine failed, 2 bad input.
)";

}  // namespace memspice::cli
