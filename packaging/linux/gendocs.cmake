# Writes the man page burnrate(1) (with a gzip -9n copy) and the bash completion from the built
# binary's own --help texts, so that neither can drift from the command line:
#   cmake -DBURNRATE=path/to/burnrate -DOUT=dir -DTEMPLATE=burnrate.1.in -DVERSION=x.y.z
#         -DDATE=YYYY-MM-DD -DCOMPLETION=burnrate.bash.in -P gendocs.cmake
# The commands are the ones `burnrate --help` lists; each one's options and actions come from its
# `burnrate COMMAND --help` (lines "  --name" in the option tables, "  name" under "Actions:").
cmake_minimum_required(VERSION 3.22)
foreach(var BURNRATE OUT TEMPLATE VERSION DATE COMPLETION)
    if(NOT DEFINED ${var})
        message(FATAL_ERROR "gendocs.cmake: -D${var}=... is missing")
    endif()
endforeach()

function(burnrate_help out)
    # (In a sanitized build the binary is instrumented: its exit-time leak check is not for this run.)
    execute_process(COMMAND ${CMAKE_COMMAND} -E env QT_QPA_PLATFORM=offscreen ASAN_OPTIONS=detect_leaks=0
                            ${BURNRATE} ${ARGN} --help
                    OUTPUT_VARIABLE text ERROR_QUIET RESULT_VARIABLE rc)
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR "gendocs.cmake: 'burnrate ${ARGN} --help' exited with ${rc}")
    endif()
    set(${out} "${text}" PARENT_SCOPE)
endfunction()

# Text for a no-fill block: a backslash is \e, a line starting with . or ' gets a \& first.
function(roff_escape out text)
    string(REPLACE "\\" "\\e" text "${text}")
    string(REGEX REPLACE "(^|\n)([.'])" "\\1\\\\&\\2" text "${text}")
    set(${out} "${text}" PARENT_SCOPE)
endfunction()

burnrate_help(global)
string(FIND "${global}" "\nCommands:\n" start)
string(FIND "${global}" "\n\n--db" end)
if(start LESS 0 OR end LESS start)
    message(FATAL_ERROR "gendocs.cmake: no command list in 'burnrate --help'")
endif()
math(EXPR length "${end} - ${start}")
string(SUBSTRING "${global}" ${start} ${length} list)
string(REGEX MATCHALL "\n  [a-z][a-z0-9-]*" commands "${list}")
list(TRANSFORM commands REPLACE "^\n  " "")
list(LENGTH commands count)
if(count LESS 1)
    message(FATAL_ERROR "gendocs.cmake: no commands in 'burnrate --help'")
endif()

set(COMMANDS "")
set(COMMAND_SECTIONS "")
set(OPTION_CASES "")
set(ACTION_CASES "")
foreach(command IN LISTS commands)
    string(APPEND COMMANDS " ${command}")
    burnrate_help(text ${command})
    roff_escape(escaped "${text}")
    string(REGEX REPLACE "\n+$" "" escaped "${escaped}")
    string(APPEND COMMAND_SECTIONS ".SS ${command}\n.nf\n${escaped}\n.fi\n")

    string(REGEX MATCHALL "\n +--[a-z][a-z0-9-]*" options "${text}")
    list(TRANSFORM options REPLACE "^\n +" "")
    list(REMOVE_DUPLICATES options)
    list(JOIN options " " options)
    string(APPEND OPTION_CASES "        ${command}) words=\"${options}\" ;;\n")

    string(FIND "${text}" "\nActions:\n" actionsAt)
    if(actionsAt GREATER_EQUAL 0)
        string(SUBSTRING "${text}" ${actionsAt} -1 actionText)
        string(REGEX MATCHALL "\n  [a-z][a-z0-9-]*" actions "${actionText}")
        list(TRANSFORM actions REPLACE "^\n  " "")
        list(JOIN actions " " actions)
        string(APPEND ACTION_CASES "        ${command}) words=\"${actions}\" ;;\n")
    endif()
endforeach()
string(STRIP "${COMMANDS}" COMMANDS)
list(JOIN commands ", " COMMAND_LIST)

configure_file(${TEMPLATE} ${OUT}/burnrate.1 @ONLY)
configure_file(${COMPLETION} ${OUT}/burnrate.bash @ONLY)
# Debian wants man pages compressed, without a timestamp in the gzip header (reproducible).
execute_process(COMMAND gzip -9 -n -c ${OUT}/burnrate.1 OUTPUT_FILE ${OUT}/burnrate.1.gz RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "gendocs.cmake: gzip failed (${rc})")
endif()
