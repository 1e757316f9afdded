// What `memspice --help`, `memspice run --help` and `memspice compare --help` print.
#pragma once

namespace memspice::cli {

extern const char* const main_help;
extern const char* const run_help;
extern const char* const compare_help;

}  // namespace memspice::cli
