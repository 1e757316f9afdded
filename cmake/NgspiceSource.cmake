# What memspice.cm needs from ngspice's source (Debian ships neither the XSPICE headers nor
# the cmpp preprocessor): Debian's source package of exactly the installed ngspice, fetched
# at configure time into the build tree (cmake/DebianSourcePackage.cmake) and reused by
# later configures. A code-model library is tied to the data structures of one ngspice
# version and to the switches Debian configured it with, so a mismatch is refused here.
#
# Sets:
#   MEMSPICE_NGSPICE_VERSION      installed Debian version, e.g. 39.3+ds-1
#   MEMSPICE_NGSPICE_SOURCE_DIR   the unpacked source tree (cache; may be given by the user)
#   MEMSPICE_NGSPICE_CONFIG_DIR   directory holding the ngspice/config.h we compile with
# Defines the host tool target memspice_cmpp (ngspice's code-model preprocessor).

include_guard(GLOBAL)
include(DebianSourcePackage)

set(MEMSPICE_NGSPICE_SUPPORTED_MAJOR 39)

function(_memspice_debian_version package out_var)
    execute_process(COMMAND dpkg-query -W -f=\${Version} ${package}
        RESULT_VARIABLE status OUTPUT_VARIABLE version ERROR_QUIET OUTPUT_STRIP_TRAILING_WHITESPACE)
    if(NOT status EQUAL 0)
        set(version "")
    endif()
    set(${out_var} "${version}" PARENT_SCOPE)
endfunction()

set(_off_hint "Configure with -DMEMSPICE_BUILD_CODEMODELS=OFF to build memspice without the code-model \
library (the ngspice engine then cannot run memspice devices).")

# 1. The installed ngspice: the program, the shared library and pkg-config must agree.
find_program(MEMSPICE_DPKG_QUERY dpkg-query)
if(NOT MEMSPICE_DPKG_QUERY)
    message(FATAL_ERROR "memspice.cm is built against Debian's ngspice packages, but dpkg-query is "
        "not available. ${_off_hint}")
endif()
_memspice_debian_version(ngspice ngspice_program_version)
_memspice_debian_version(libngspice0 ngspice_library_version)
if(NOT ngspice_program_version OR NOT ngspice_library_version)
    message(FATAL_ERROR "memspice.cm needs the Debian packages ngspice and libngspice0 installed "
        "(found ngspice '${ngspice_program_version}', libngspice0 '${ngspice_library_version}'). "
        "scripts/setup installs them. ${_off_hint}")
endif()
if(NOT ngspice_program_version STREQUAL ngspice_library_version)
    message(FATAL_ERROR "ngspice ${ngspice_program_version} and libngspice0 ${ngspice_library_version} "
        "are different versions: one memspice.cm cannot serve both. Install matching packages. ${_off_hint}")
endif()
if(NOT ngspice_program_version MATCHES "^([0-9]+:)?${MEMSPICE_NGSPICE_SUPPORTED_MAJOR}\\.")
    message(FATAL_ERROR "ngspice ${ngspice_program_version} is installed, but memspice.cm is written "
        "for ngspice ${MEMSPICE_NGSPICE_SUPPORTED_MAJOR}.x (a code model depends on the simulator's "
        "internal data structures, which change between versions). ${_off_hint}")
endif()
if(DEFINED NGSPICE_VERSION AND NOT NGSPICE_VERSION MATCHES "^${MEMSPICE_NGSPICE_SUPPORTED_MAJOR}([^0-9]|$)")
    message(FATAL_ERROR "pkg-config reports ngspice ${NGSPICE_VERSION}, but the Debian package is "
        "${ngspice_program_version}: a libngspice from another installation is found first. ${_off_hint}")
endif()
set(MEMSPICE_NGSPICE_VERSION "${ngspice_program_version}")

# 2. Its source: given by the user, or fetched into the build tree once.
set(MEMSPICE_NGSPICE_SOURCE_DIR "" CACHE PATH
    "Unpacked source of the installed ngspice (apt-get source ngspice); fetched into the build tree when empty")
if(MEMSPICE_NGSPICE_SOURCE_DIR)
    set(ngspice_tree "${MEMSPICE_NGSPICE_SOURCE_DIR}")
else()
    memspice_fetch_debian_source(PACKAGE ngspice VERSION "${MEMSPICE_NGSPICE_VERSION}"
        WORK_DIR "${PROJECT_BINARY_DIR}/_deps/ngspice-source" RESULT_DIR ngspice_tree)
endif()

# The tree's own version (first line of debian/changelog) must be the installed one.
set(changelog "${ngspice_tree}/debian/changelog")
if(NOT EXISTS "${changelog}" OR NOT EXISTS "${ngspice_tree}/src/xspice/cmpp/main.c")
    message(FATAL_ERROR "${ngspice_tree} is not an unpacked Debian ngspice source tree "
        "(no debian/changelog or src/xspice/cmpp). ${_off_hint}")
endif()
file(STRINGS "${changelog}" changelog_head LIMIT_COUNT 1)
if(NOT changelog_head MATCHES "^ngspice \\(([^)]+)\\)")
    message(FATAL_ERROR "Cannot read the version of the ngspice source at ${ngspice_tree}. ${_off_hint}")
endif()
set(source_version "${CMAKE_MATCH_1}")
if(NOT source_version STREQUAL MEMSPICE_NGSPICE_VERSION)
    message(FATAL_ERROR "The ngspice source at ${ngspice_tree} is version ${source_version}, but "
        "ngspice ${MEMSPICE_NGSPICE_VERSION} is installed: memspice.cm must be compiled against the "
        "installed version's source. Clear MEMSPICE_NGSPICE_SOURCE_DIR (or delete "
        "${PROJECT_BINARY_DIR}/_deps/ngspice-source) to fetch the right one. ${_off_hint}")
endif()
set(MEMSPICE_NGSPICE_TREE "${ngspice_tree}")
message(STATUS "memspice.cm: ngspice ${MEMSPICE_NGSPICE_VERSION}, source at ${ngspice_tree}")

# 3. config.h: configure's output is not in the tarball. Only the feature switches that change
# the layout of the structures a code model shares with the simulator matter; these are
# Debian's (--enable-xspice --enable-cider --enable-pss, RFSPICE on by default, no OSDI).
# A library built without CIDER, or with OSDI, crashes Debian's ngspice.
set(MEMSPICE_NGSPICE_CONFIG_DIR "${PROJECT_BINARY_DIR}/_deps/ngspice-config")
file(CONFIGURE OUTPUT "${MEMSPICE_NGSPICE_CONFIG_DIR}/ngspice/config.h" CONTENT
"/* Generated by memspice (cmake/NgspiceSource.cmake): the switches of Debian's ngspice build. */
#define XSPICE 1
#define CIDER 1
#define RFSPICE 1
#define WITH_PSS 1
/* OSDI is deliberately not defined. */
#define HAVE_LIMITS_H 1
#define HAVE_FLOAT_H 1
#define HAVE_STRING_H 1
#define HAVE_STRINGS_H 1
#define HAVE_CTYPE_H 1
#define HAVE_UNISTD_H 1
#define HAVE_SYS_TYPES_H 1
#define STDC_HEADERS 1
")

# 4. cmpp, a small standalone C program (flex + bison).
find_package(BISON REQUIRED)
find_package(FLEX REQUIRED)
set(cmpp_src "${ngspice_tree}/src/xspice/cmpp")
set(cmpp_gen "${PROJECT_BINARY_DIR}/_deps/cmpp")
file(MAKE_DIRECTORY "${cmpp_gen}")
bison_target(memspice_cmpp_ifs_yacc "${cmpp_src}/ifs_yacc.y" "${cmpp_gen}/ifs_yacc.c"
    DEFINES_FILE "${cmpp_gen}/ifs_yacc.h" COMPILE_FLAGS "-Wno-conflicts-sr -Wno-conflicts-rr")
bison_target(memspice_cmpp_mod_yacc "${cmpp_src}/mod_yacc.y" "${cmpp_gen}/mod_yacc.c"
    DEFINES_FILE "${cmpp_gen}/mod_yacc.h" COMPILE_FLAGS "-Wno-conflicts-sr -Wno-conflicts-rr")
flex_target(memspice_cmpp_ifs_lex "${cmpp_src}/ifs_lex.l" "${cmpp_gen}/ifs_lex.c")
flex_target(memspice_cmpp_mod_lex "${cmpp_src}/mod_lex.l" "${cmpp_gen}/mod_lex.c")
add_executable(memspice_cmpp
    "${cmpp_src}/main.c" "${cmpp_src}/file_buffer.c" "${cmpp_src}/pp_ifs.c" "${cmpp_src}/pp_lst.c"
    "${cmpp_src}/pp_mod.c" "${cmpp_src}/read_ifs.c" "${cmpp_src}/writ_ifs.c" "${cmpp_src}/util.c"
    ${BISON_memspice_cmpp_ifs_yacc_OUTPUTS} ${BISON_memspice_cmpp_mod_yacc_OUTPUTS}
    ${FLEX_memspice_cmpp_ifs_lex_OUTPUTS} ${FLEX_memspice_cmpp_mod_lex_OUTPUTS})
target_include_directories(memspice_cmpp PRIVATE "${cmpp_gen}" "${cmpp_src}")
target_compile_options(memspice_cmpp PRIVATE -w)  # not our code
set_target_properties(memspice_cmpp PROPERTIES RUNTIME_OUTPUT_DIRECTORY "${PROJECT_BINARY_DIR}/_deps/cmpp")
