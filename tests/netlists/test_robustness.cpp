// Robustness: mutated reference netlists must either read (and then survive the writer
// round trip) or throw InputError; never another exception, a crash or a hang. Also the
// limits that keep pathological expressions from exhausting the stack.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "devices/random.hpp"
#include "netlist_test_support.hpp"
#include "netlists/expression.hpp"
#include "netlists/reader.hpp"
#include "netlists/writer.hpp"

using namespace memspice;

namespace {

std::string file_text(const std::filesystem::path& path) {
    std::ifstream in(path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

class Mutator {
public:
    explicit Mutator(std::uint64_t seed) : stream_(devices::random::stream(seed, 777)) {}
    std::size_t below(std::size_t n) {
        const double u = devices::random::uniform(stream_, counter_++);
        return std::min(n - 1, static_cast<std::size_t>(u * static_cast<double>(n)));
    }
    std::string mutate(std::string text) {
        static const std::string alphabet = " ()={}'\"+-*/,;$.0123456789kmegpuvxirc%[]~\n\t:";
        const std::size_t edits = 1 + below(3);
        for (std::size_t e = 0; e < edits && !text.empty(); ++e) {
            const std::size_t at = below(text.size());
            switch (below(5)) {
                case 0: text.erase(at, 1 + below(8)); break;
                case 1: text.insert(at, 1, alphabet[below(alphabet.size())]); break;
                case 2: text[at] = alphabet[below(alphabet.size())]; break;
                case 3: {  // duplicate a line
                    const std::size_t start = text.rfind('\n', at) == std::string::npos ? 0 : text.rfind('\n', at) + 1;
                    const std::size_t end = text.find('\n', at);
                    text.insert(start, text.substr(start, end == std::string::npos ? std::string::npos : end - start + 1));
                    break;
                }
                default: text.resize(at); break;
            }
        }
        return text;
    }

private:
    std::uint64_t stream_;
    std::uint64_t counter_ = 0;
};

}  // namespace

TEST_CASE("mutated netlists read or fail with InputError, and what reads round-trips") {
    int read = 0, rejected = 0;
    std::uint64_t seed = 0;
    for (const auto& entry : std::filesystem::directory_iterator(test::examples_dir())) {
        if (entry.path().extension() != ".cir") continue;
        const std::string original = file_text(entry.path());
        Mutator mutator(++seed);
        for (int k = 0; k < 300; ++k) {
            const std::string text = mutator.mutate(original);
            Circuit c;
            try {
                c = read_netlist_text(text, entry.path().string());
            } catch (const InputError& e) {
                ++rejected;
                // The location names a file and a line inside it.
                CHECK_FALSE(e.where().file.empty());
                continue;
            } catch (const std::exception& e) {
                FAIL_CHECK("unexpected exception " << e.what() << " for\n" << text);
                continue;
            }
            ++read;
            Circuit back;
            try {
                back = read_netlist_text(write_netlist(c), "written.cir");
            } catch (const std::exception& e) {
                FAIL_CHECK("written text does not read back: " << e.what() << "\nfrom\n" << text << "\nwritten\n" << write_netlist(c));
                continue;
            }
            if (!(back == c)) FAIL_CHECK("round trip differs for\n" << text << "\nwritten\n" << write_netlist(c));
        }
    }
    INFO(read << " mutated netlists read, " << rejected << " rejected");
    CHECK(read > 100);
    CHECK(rejected > 100);
}

TEST_CASE("pathological expressions are rejected, not a stack overflow") {
    const std::string nested = std::string(100000, '(') + "1" + std::string(100000, ')');
    CHECK_THROWS_WITH(Expression::parse(nested), Catch::Matchers::Contains("nested too deeply"));
    std::string chain = "1";
    for (int k = 0; k < 5000; ++k) chain += "+v(a)";
    CHECK_THROWS_WITH(Expression::parse(chain), Catch::Matchers::Contains("too long or too deeply nested"));
    CHECK_THROWS_WITH(Expression::parse(std::string(100000, '-') + "1"), Catch::Matchers::Contains("nested too deeply"));
    // Ordinary sizes are fine: a sum of 500 terms.
    std::string sum = "0";
    for (int k = 0; k < 500; ++k) sum += "+v(n" + std::to_string(k % 7) + ")";
    const Expression e = Expression::parse(sum);
    CHECK(e.leaves().size() == 7);
    CHECK(e.evaluate(std::vector<double>(7, 1.0)) == 500);
}

TEST_CASE("a long chain of parameters defined in reverse order is an error, not a crash") {
    std::string text = "chain\n";
    for (int k = 2000; k > 0; --k) text += ".param p" + std::to_string(k) + "={p" + std::to_string(k - 1) + "+1}\n";
    text += ".param p0=0\nR1 a 0 {p2000+1}\n.end\n";
    CHECK_THROWS_WITH(read_netlist_text(text), Catch::Matchers::Contains("is defined through more than 500 others"));
}
