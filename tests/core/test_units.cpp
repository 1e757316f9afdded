#include <catch2/catch.hpp>

#include "core/units.hpp"

using memspice::parse_spice_number;

TEST_CASE("SPICE numbers with engineering suffixes and units") {
    struct Case { const char* text; double value; const char* unit; };
    const Case cases[] = {
        {"1k", 1e3, ""},       {"2.2uF", 2.2e-6, "F"}, {"10meg", 1e7, ""},   {"10MEG", 1e7, ""},
        {"5mil", 127e-6, ""},  {"1e-3V", 1e-3, "V"},   {"3.3", 3.3, ""},     {"-4.7n", -4.7e-9, ""},
        {"1m", 1e-3, ""},      {"1M", 1e-3, ""},       {"12nm", 12e-9, "m"}, {"1t", 1e12, ""},
        {"1g", 1e9, ""},       {"7p", 7e-12, ""},      {"2f", 2e-15, ""},    {".5", 0.5, ""},
        {"1e3k", 1e6, ""},     {"100Ohm", 100, "Ohm"}, {"2.1kK/W", 2100, "K/W"}, {"+3", 3, ""}, {"0.6eV", 0.6, "eV"},
    };
    for (const Case& c : cases) {
        INFO(c.text);
        const auto n = parse_spice_number(c.text);
        REQUIRE(n);
        CHECK(n->value == Approx(c.value).epsilon(1e-15));
        CHECK(n->unit == c.unit);
    }
    for (const char* bad : {"", "k", "abc", "1.2.3", "--1", "1k2", "e5", "1/s", "nan"}) {
        INFO(bad);
        CHECK_FALSE(parse_spice_number(bad));
    }
}

TEST_CASE("scaled numbers are the nearest double to their decimal value") {
    CHECK(parse_spice_number("10u")->value == 1e-05);
    CHECK(parse_spice_number("200u")->value == 2e-04);
    CHECK(parse_spice_number("4.7k")->value == 4700.0);
    CHECK(parse_spice_number("1.5e-3k")->value == 1.5);
    CHECK(parse_spice_number("3.3meg")->value == 3.3e6);
}

TEST_CASE("numbers are written so that they read back exactly") {
    for (double v : {0.0, 1.0, -2.5, 1e-9, 1.0 / 3.0, 6.02214076e23, 12e-9, 0.1}) {
        const auto back = parse_spice_number(memspice::format_number(v));
        REQUIRE(back);
        CHECK(back->value == v);
    }
}
