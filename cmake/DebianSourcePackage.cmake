# Fetches a Debian source package into the build tree with the machine's own apt sources,
# without touching the system's apt configuration:
#  - the enabled Debian entries of /etc/apt/sources.list and /etc/apt/sources.list.d/
#    (deb822 *.sources and one-line *.list files) are copied into a private directory with
#    their type changed to deb-src; entries of other repositories are left out;
#  - `apt-get update` and `apt-get source` run with Dir::Etc::SourceList/SourceParts,
#    Dir::State::Lists and Dir::Cache pointing into that directory.
# Needs apt-get and dpkg-source (package dpkg-dev). Nothing is written outside `work_dir`.
#
# memspice_fetch_debian_source(PACKAGE name VERSION version WORK_DIR dir RESULT_DIR var)
#   Unpacks `name` at exactly `version` under `dir/src` and sets `var` to the unpacked tree.
#   A tree already unpacked there (marked by a stamp file) is reused: no network access.

include_guard(GLOBAL)

# A Debian archive: a path component starting with "debian" (/debian, /debian-security, a
# snapshot's /archive/debian/...), signed by Debian's archive keys (a third-party repository
# with its own key, e.g. .../linux/debian, is left out).
set(_memspice_debian_uri "^[a-z+]+://[^/ ]+/([^ ]*/)?debian[^/ ]*(/|$| )")

# One deb822 stanza (a list of "Key: value" lines) -> deb-src stanza text, or "" when the
# stanza is disabled or not a Debian archive.
function(_memspice_deb822_stanza_to_source stanza out_var)
    set(types "")
    set(uris "")
    set(signed_by "")
    set(keep_lines "")
    set(enabled TRUE)
    foreach(line IN LISTS stanza)
        if(line MATCHES "^[ \t]*#")
            continue()
        endif()
        if(line MATCHES "^([A-Za-z-]+):[ \t]*(.*)$")
            set(key "${CMAKE_MATCH_1}")
            set(value "${CMAKE_MATCH_2}")
            string(TOLOWER "${key}" lkey)
            if(lkey STREQUAL "types")
                set(types "${value}")
            elseif(lkey STREQUAL "enabled")
                string(TOLOWER "${value}" lvalue)
                if(lvalue MATCHES "^(no|false|0)")
                    set(enabled FALSE)
                endif()
            else()
                if(lkey STREQUAL "uris")
                    set(uris "${value}")
                elseif(lkey STREQUAL "signed-by")
                    set(signed_by "${value}")
                endif()
                list(APPEND keep_lines "${key}: ${value}")
            endif()
        elseif(line MATCHES "^[ \t]+[^ \t]")  # continuation line (e.g. an inline key)
            list(APPEND keep_lines "${line}")
        endif()
    endforeach()
    set(text "")
    if(enabled AND types MATCHES "deb" AND uris MATCHES "${_memspice_debian_uri}"
       AND (signed_by STREQUAL "" OR signed_by MATCHES "debian-archive"))
        list(JOIN keep_lines "\n" body)
        set(text "Types: deb-src\n${body}\n")
    endif()
    set(${out_var} "${text}" PARENT_SCOPE)
endfunction()

# Writes the private deb-src configuration into `parts_dir`; sets `found_var` to the number
# of usable entries.
function(_memspice_write_debsrc_sources apt_root parts_dir found_var)
    file(REMOVE_RECURSE "${parts_dir}")
    file(MAKE_DIRECTORY "${parts_dir}")
    set(found 0)
    # deb822 files.
    file(GLOB deb822_files "${apt_root}/sources.list.d/*.sources")
    set(deb822_text "")
    foreach(source_file IN LISTS deb822_files)
        file(STRINGS "${source_file}" lines)
        list(APPEND lines "")  # terminate the last stanza
        set(stanza "")
        foreach(line IN LISTS lines)
            if(line MATCHES "^[ \t]*$")
                if(stanza)
                    _memspice_deb822_stanza_to_source("${stanza}" text)
                    if(text)
                        string(APPEND deb822_text "${text}\n")
                        math(EXPR found "${found} + 1")
                    endif()
                endif()
                set(stanza "")
            else()
                # ';' would split the CMake list: deb822 values never need it.
                string(REPLACE ";" " " line "${line}")
                list(APPEND stanza "${line}")
            endif()
        endforeach()
    endforeach()
    if(deb822_text)
        file(WRITE "${parts_dir}/memspice-debsrc.sources" "${deb822_text}")
    endif()
    # One-line files.
    file(GLOB list_files "${apt_root}/sources.list.d/*.list")
    if(EXISTS "${apt_root}/sources.list")
        list(PREPEND list_files "${apt_root}/sources.list")
    endif()
    set(list_text "")
    foreach(list_file IN LISTS list_files)
        file(STRINGS "${list_file}" lines)
        foreach(line IN LISTS lines)
            if(line MATCHES "^[ \t]*deb(-src)?[ \t]+(\\[[^]]*\\][ \t]+)?([a-z+]+://[^ \t]+)[ \t]+(.+)$")
                set(options "${CMAKE_MATCH_2}")
                set(uri "${CMAKE_MATCH_3}")
                set(rest "${CMAKE_MATCH_4}")
                if(uri MATCHES "${_memspice_debian_uri}"
                   AND (NOT options MATCHES "signed-by" OR options MATCHES "signed-by=[^ ]*debian-archive"))
                    string(APPEND list_text "deb-src ${options}${uri} ${rest}\n")
                    math(EXPR found "${found} + 1")
                endif()
            endif()
        endforeach()
    endforeach()
    if(list_text)
        file(WRITE "${parts_dir}/memspice-debsrc.list" "${list_text}")
    endif()
    set(${found_var} ${found} PARENT_SCOPE)
endfunction()

function(memspice_fetch_debian_source)
    cmake_parse_arguments(ARG "" "PACKAGE;VERSION;WORK_DIR;RESULT_DIR" "" ${ARGN})
    set(stamp "${ARG_WORK_DIR}/src/${ARG_PACKAGE}_${ARG_VERSION}.unpacked")
    if(EXISTS "${stamp}")
        file(READ "${stamp}" tree)
        string(STRIP "${tree}" tree)
        if(IS_DIRECTORY "${tree}")
            set(${ARG_RESULT_DIR} "${tree}" PARENT_SCOPE)
            return()
        endif()
    endif()

    find_program(MEMSPICE_APT_GET apt-get)
    find_program(MEMSPICE_DPKG_SOURCE dpkg-source)
    if(NOT MEMSPICE_APT_GET OR NOT MEMSPICE_DPKG_SOURCE)
        message(FATAL_ERROR "Fetching Debian's source package of ${ARG_PACKAGE} needs apt-get and "
            "dpkg-source (Debian package dpkg-dev). Install dpkg-dev, or configure with "
            "-DMEMSPICE_BUILD_CODEMODELS=OFF to build without memspice.cm.")
    endif()

    set(apt_dir "${ARG_WORK_DIR}/apt")
    if(NOT DEFINED MEMSPICE_APT_ROOT)
        set(MEMSPICE_APT_ROOT "/etc/apt")  # overridable for tests of this script
    endif()
    _memspice_write_debsrc_sources("${MEMSPICE_APT_ROOT}" "${apt_dir}/sources.list.d" found)
    if(found EQUAL 0)
        message(FATAL_ERROR "No Debian archive entry found in /etc/apt/sources.list or "
            "/etc/apt/sources.list.d/ to fetch the source package of ${ARG_PACKAGE} from. "
            "Configure with -DMEMSPICE_NGSPICE_SOURCE_DIR=<unpacked 'apt-get source ngspice' tree>, "
            "or -DMEMSPICE_BUILD_CODEMODELS=OFF to build without memspice.cm.")
    endif()
    file(MAKE_DIRECTORY "${apt_dir}/lists/partial" "${apt_dir}/cache/archives/partial")
    file(TOUCH "${apt_dir}/empty.list")
    set(apt_options
        -o "Dir::Etc::SourceList=${apt_dir}/empty.list"
        -o "Dir::Etc::SourceParts=${apt_dir}/sources.list.d"
        -o "Dir::State::Lists=${apt_dir}/lists"
        -o "Dir::Cache=${apt_dir}/cache"
        -o "Debug::NoLocking=1"
        -o "APT::Sandbox::User=root")

    message(STATUS "Fetching Debian's source package ${ARG_PACKAGE}=${ARG_VERSION} (log: ${ARG_WORK_DIR}/fetch.log)")
    execute_process(COMMAND "${MEMSPICE_APT_GET}" ${apt_options} -q update
        RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
    # A failing entry (e.g. a mirror without sources) makes update fail as a whole even when
    # another entry provides the package: only `apt-get source` decides.
    file(WRITE "${ARG_WORK_DIR}/fetch.log" "apt-get update (status ${status}):\n${out}\n${err}\n")

    file(REMOVE_RECURSE "${ARG_WORK_DIR}/src")
    file(MAKE_DIRECTORY "${ARG_WORK_DIR}/src")
    execute_process(COMMAND "${MEMSPICE_APT_GET}" ${apt_options} -q source "${ARG_PACKAGE}=${ARG_VERSION}"
        WORKING_DIRECTORY "${ARG_WORK_DIR}/src"
        RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
    file(APPEND "${ARG_WORK_DIR}/fetch.log" "apt-get source (status ${status}):\n${out}\n${err}\n")
    # The unpacked tree is <package>-<upstream version>.
    file(GLOB trees LIST_DIRECTORIES true "${ARG_WORK_DIR}/src/${ARG_PACKAGE}-*")
    set(tree "")
    foreach(candidate IN LISTS trees)
        if(IS_DIRECTORY "${candidate}")
            set(tree "${candidate}")
        endif()
    endforeach()
    if(NOT status EQUAL 0 OR NOT tree)
        message(FATAL_ERROR "apt-get source ${ARG_PACKAGE}=${ARG_VERSION} failed (status ${status}); "
            "see ${ARG_WORK_DIR}/fetch.log. Is that version still in the archive the machine uses? "
            "Or configure with -DMEMSPICE_NGSPICE_SOURCE_DIR=<unpacked 'apt-get source ngspice' tree>, "
            "or -DMEMSPICE_BUILD_CODEMODELS=OFF to build without memspice.cm.")
    endif()
    file(WRITE "${stamp}" "${tree}\n")
    set(${ARG_RESULT_DIR} "${tree}" PARENT_SCOPE)
endfunction()
