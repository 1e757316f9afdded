// The memspice command: a thin layer over the library.
#include <iostream>

int main() {
    std::cerr << "memspice: not built yet\n";
    return 2;
}
