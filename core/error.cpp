#include "core/error.hpp"

namespace memspice {

std::string SourceLocation::str() const {
    if (file.empty()) return line > 0 ? "line " + std::to_string(line) : std::string{};
    if (line <= 0) return file;
    return file + ":" + std::to_string(line);
}

static std::string with_location(const SourceLocation& where, const std::string& message) {
    const std::string prefix = where.str();
    return prefix.empty() ? message : prefix + ": " + message;
}

Error::Error(SourceLocation where, const std::string& message)
    : std::runtime_error(with_location(where, message)), where_(std::move(where)), message_(message) {}

}  // namespace memspice
