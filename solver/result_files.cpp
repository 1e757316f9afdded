#include "solver/result_files.hpp"

#include <algorithm>
#include <cctype>
#include <map>

#include "core/error.hpp"
#include "solver/csv_writer.hpp"
#include "solver/raw_file.hpp"

namespace memspice {

ResultFormat result_format(const std::filesystem::path& file) {
    std::string extension = file.extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (extension == ".csv") return ResultFormat::Csv;
    if (extension == ".raw") return ResultFormat::Raw;
    throw InputError(SourceLocation{file.string(), 0}, "result files must end in .csv or .raw");
}

std::vector<std::filesystem::path> per_analysis_paths(const std::filesystem::path& base, std::span<const Plot> plots) {
    if (plots.size() <= 1) return std::vector<std::filesystem::path>(plots.size(), base);
    std::map<std::string, int> count, seen;
    for (const Plot& plot : plots) ++count[plot.analysis];
    std::vector<std::filesystem::path> paths;
    for (const Plot& plot : plots) {
        std::string suffix = "-" + plot.analysis;
        if (count[plot.analysis] > 1) suffix += std::to_string(++seen[plot.analysis]);
        std::filesystem::path path = base;
        path.replace_filename(base.stem().string() + suffix + base.extension().string());
        paths.push_back(path);
    }
    return paths;
}

std::vector<std::filesystem::path> save_results(const std::filesystem::path& base, std::span<const Plot> plots,
                                                std::span<const std::string> vectors) {
    const ResultFormat format = result_format(base);
    const std::vector<std::filesystem::path> paths = per_analysis_paths(base, plots);
    for (std::size_t k = 0; k < plots.size(); ++k) {
        if (format == ResultFormat::Csv) {
            save_csv(paths[k], plots[k], vectors);
        } else {
            RawFileOptions options;
            options.vectors.assign(vectors.begin(), vectors.end());
            save_raw(paths[k], plots.subspan(k, 1), options);
        }
    }
    return paths;
}

}  // namespace memspice
