#!/usr/bin/env bash
# Burnrate developer entry point on Debian 12.
#   packaging/dev.sh run [ARGS...]   install what is missing, build, open the app (default store)
#   packaging/dev.sh test            install what is missing, build under AddressSanitizer + UBSan
#                                    (build-asan/), run the whole suite headless in C.UTF-8 and again
#                                    in de_DE.UTF-8 (comma decimals), then the .deb of that build
#                                    through the validators and a smoke test, then the threaded tests
#                                    under ThreadSanitizer (build-tsan/); any sanitizer report fails.
#                                    The team-store tests get a throw-away PostgreSQL cluster.
#   packaging/dev.sh build           install what is missing and build only
#   packaging/dev.sh package         build the Debian package (Release, build-package/) and print
#                                    its path: sudo apt install ./build-package/burnrate_*.deb
# BURNRATE_BUILD_DIR overrides the build directory (default: build/ in the checkout); the sanitized
# builds go beside it (build-asan/, build-tsan/), and so does the package build (build-package/).
# Every build uses clang and lld: under the sanitizers clang compiles this code in about half GCC's
# time, and one compiler for all builds means the suite tests what `run` and `package` compile.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=${BURNRATE_BUILD_DIR:-$ROOT/build}

PACKAGES=(
    build-essential clang lld cmake ninja-build pkg-config
    qt6-base-dev qt6-charts-dev qt6-svg-dev qt6-tools-dev qt6-l10n-tools qt6-translations-l10n libqt6opengl6-dev libqt6sql6-sqlite libgl1-mesa-dev
    nlohmann-json3-dev qtkeychain-qt6-dev libssl-dev libsqlite3-dev sqlite3
    qt6-httpserver-dev qt6-websockets-dev libprotobuf-dev protobuf-compiler zlib1g-dev libsimdjson-dev
    poppler-utils dbus dbus-x11 gnome-keyring fonts-dejavu-core locales libpq-dev
)
# For `package` and `test` only: CPack's DEB generator (dpkg-shlibdeps, file) and the validators.
PACKAGING_TOOLS=(dpkg-dev file desktop-file-utils appstream lintian groff-base)

# install_packages [EXTRA_PACKAGES...]
install_packages() {
    local missing=()
    for p in "${PACKAGES[@]}" "$@"; do
        if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
            missing+=("$p")
        fi
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "Installing Debian packages: ${missing[*]}"
    local sudo=()
    [ "$(id -u)" -ne 0 ] && sudo=(sudo)
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# configure_and_build DIR [CMAKE_ARGS...] [-- TARGETS...]
configure_and_build() {
    local dir=$1; shift
    local args=() targets=()
    while [ $# -gt 0 ] && [ "$1" != "--" ]; do args+=("$1"); shift; done
    [ $# -gt 0 ] && shift && targets=("$@")
    if [ ! -f "$dir/CMakeCache.txt" ]; then
        cmake -S "$ROOT" -B "$dir" -G Ninja -DCMAKE_CXX_COMPILER=clang++ "${args[@]}"
    fi
    if [ ${#targets[@]} -gt 0 ]; then
        cmake --build "$dir" -j"$(nproc)" --target "${targets[@]}"
    else
        cmake --build "$dir" -j"$(nproc)"
    fi
}

# Line tables only (-g1): backtraces keep file and line, and the ~100 test programs, each linking
# the static libraries, stay small. Full -g filled a CI machine's disk at link time.
build() {
    install_packages
    configure_and_build "$BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O2 -g1 -DNDEBUG"
}

# The tests ThreadSanitizer runs: the ones whose code works on several threads — the task runner
# every page and the simulator run their work on (tst_task), the streaming import (parser and
# writer threads, cancel from another thread) and the sync worker with its cancel. They link the
# core and the connectors only, which keeps this build short.
THREADED_TESTS=(tst_task tst_focusimport tst_syncengine)

# run_suite DIR LOCALE [CTEST_ARGS...]: the suite in a private session bus with an unlocked Secret Service.
run_suite() {
    local dir=$1 locale=$2; shift 2
    cmake -S "$ROOT" -B "$dir" -DBURNRATE_TEST_LOCALE="$locale" >/dev/null
    echo "== ctest in $(basename "$dir"), LC_ALL=$locale"
    export QT_QPA_PLATFORM=offscreen
    dbus-run-session -- bash -c '
        set -e
        # A throw-away keyring (its own data dir): a login keyring left in $HOME with another
        # password would make the daemon ask a GUI prompter and every keychain test fail.
        keyrings=$(mktemp -d)
        trap "rm -rf $keyrings" EXIT
        eval "$(printf "burnrate-ci" | XDG_DATA_HOME="$keyrings" gnome-keyring-daemon --unlock --components=secrets 2>/dev/null)" || true
        export GNOME_KEYRING_CONTROL SSH_AUTH_SOCK
        dir=$1; shift
        ctest --test-dir "$dir" --output-on-failure -j2 --timeout 900 "$@"
    ' bash "$dir" "$@"
}

# German number formats (comma decimals): a locale generated into the build tree, no root needed.
german_locale() {
    local dir=$1/locale
    mkdir -p "$dir"
    [ -d "$dir/de_DE.UTF-8" ] || localedef -i de_DE -f UTF-8 "$dir/de_DE.UTF-8"
    echo "$dir"
}

sanitizer_options() {
    local supp="$ROOT/packaging/sanitizers"
    export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:detect_stack_use_after_return=0"
    export LSAN_OPTIONS="suppressions=$supp/lsan.supp:print_suppressions=0"
    export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
    export TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1:suppressions=$supp/tsan.supp"
}

SANITIZED=(-DCMAKE_BUILD_TYPE=Release "-DCMAKE_CXX_FLAGS_RELEASE=-O1 -g1")

# The threaded tests under ThreadSanitizer: any report fails (TSAN_OPTIONS halt_on_error).
run_tsan() {
    local tsan="$BUILD-tsan"
    configure_and_build "$tsan" "${SANITIZED[@]}" -DBURNRATE_SANITIZE=thread -- "${THREADED_TESTS[@]}"
    sanitizer_options
    run_suite "$tsan" C.UTF-8 -R "^($(IFS='|'; echo "${THREADED_TESTS[*]}"))\$"
}

# make_package DIR OUTDIR: the .deb of the build in DIR (already built; CPack strips the binary),
# written to OUTDIR; prints its path.
make_package() {
    local dir=$1 out=$2
    mkdir -p "$out"
    rm -f "$out"/burnrate_*.deb
    cpack --config "$dir/CPackConfig.cmake" -G DEB -B "$out" >&2
    rm -rf "$out/_CPack_Packages"
    ls "$out"/burnrate_*.deb
}

# A Release build of the app alone (no tests) in build-package/, packaged.
package() {
    install_packages "${PACKAGING_TOOLS[@]}"
    local dir="$BUILD-package"
    # Debian's hardening flags (lintian notes their absence).
    configure_and_build "$dir" -DCMAKE_BUILD_TYPE=Release -DBURNRATE_BUILD_TESTS=OFF \
        "-DCMAKE_CXX_FLAGS=-D_FORTIFY_SOURCE=2 -fstack-protector-strong" \
        "-DCMAKE_EXE_LINKER_FLAGS=-Wl,-z,relro,-z,now"
    make_package "$dir" "$dir"
}

# check_package DEB: the validators on the package, then the installed files and the installed
# binary, from a scratch root the .deb is unpacked into. Any finding fails.
check_package() (
    local deb=$1 root id=io.github.burnrate.Burnrate
    root=$(mktemp -d)
    trap 'rm -rf "$root"' EXIT
    echo "== checking $(basename "$deb")"
    dpkg -x "$deb" "$root"
    local f
    for f in usr/bin/burnrate "usr/share/applications/$id.desktop" "usr/share/metainfo/$id.metainfo.xml" \
             "usr/share/icons/hicolor/scalable/apps/$id.svg" usr/share/man/man1/burnrate.1.gz \
             usr/share/bash-completion/completions/burnrate usr/share/doc/burnrate/copyright \
             usr/share/doc/burnrate/changelog.Debian.gz; do
        [ -s "$root/$f" ] || { echo "package: /$f is missing" >&2; return 1; }
    done
    for f in 16 24 32 48 64 128 256; do
        file -b "$root/usr/share/icons/hicolor/${f}x$f/apps/$id.png" | grep -q "^PNG image data, $f x $f," ||
            { echo "package: no ${f}x$f icon" >&2; return 1; }
    done
    desktop-file-validate "$root/usr/share/applications/$id.desktop"
    appstreamcli validate --no-net "$root/usr/share/metainfo/$id.metainfo.xml"
    local warnings
    warnings=$(zcat "$root/usr/share/man/man1/burnrate.1.gz" | LC_ALL=C.UTF-8 groff -man -ww -z -Tutf8 2>&1)
    [ -z "$warnings" ] || { echo "package: burnrate(1): $warnings" >&2; return 1; }
    bash -n "$root/usr/share/bash-completion/completions/burnrate"
    # Errors fail (exit status); warnings are printed.
    lintian --fail-on error --tag-display-limit 0 "$deb"

    local bin=$root/usr/bin/burnrate
    export QT_QPA_PLATFORM=offscreen
    "$bin" --version
    "$bin" --db "$root/scratch.sqlite" demo >/dev/null
    "$bin" --db "$root/scratch.sqlite" screenshot --page overview --out "$root/overview.png"
    file -b "$root/overview.png" | grep -q '^PNG image data' || { echo "package: the screenshot is no PNG" >&2; return 1; }
    echo "== package OK: $deb"
)

# run_package_checks DIR: the test suite's packaging step: the .deb of the build the suite just ran
# (a second, Release build would take longer than CI can spare; its installed binary then runs under
# the sanitizers too), checked like the one `package` makes.
run_package_checks() {
    local dir=$1
    install_packages "${PACKAGING_TOOLS[@]}"
    local deb
    deb=$(make_package "$dir" "$dir/package")
    check_package "$deb"
}

# The real OpenTelemetry JS SDK for tst_otlpreceiver's end-to-end test, at the versions
# tests/e2e/otel-js/package-lock.json pins, installed into the build tree (npm registry).
# install_otel_sdk BUILD_DIR
install_otel_sdk() {
    command -v node >/dev/null && command -v npm >/dev/null || install_packages nodejs npm
    local dir=$1/otel-js
    mkdir -p "$dir"
    cp "$ROOT"/tests/e2e/otel-js/{package.json,package-lock.json,send.js} "$dir/"
    local attempt
    for attempt in 1 2 3; do
        (cd "$dir" && npm ci --silent --no-audit --no-fund) && break
        [ "$attempt" -eq 3 ] && { echo "npm ci failed: the end-to-end test needs the npm registry" >&2; return 1; }
        sleep 5
    done
    export BURNRATE_OTEL_JS=$dir
}

# A throw-away PostgreSQL cluster for the team-store tests (BURNRATE_TEST_PG names its maintenance
# database): data and Unix socket in a temp folder, no TCP port, trust authentication (only this
# user can reach the socket's folder), fsync off; stopped and removed when the test command ends.
# initdb refuses to run as root: as root the cluster runs as the `postgres` user of the
# postgresql package (whose own cluster, if any, is not touched).
start_test_postgres() {
    # The server for `test` only: `run` and `build` need the client library alone (libpq-dev above).
    install_packages postgresql
    local bin
    bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
    PG_TEST_DIR=$(mktemp -d)
    local as=()
    if [ "$(id -u)" -eq 0 ]; then
        chown postgres: "$PG_TEST_DIR"
        as=(runuser -u postgres --)
    fi
    "${as[@]}" "$bin/initdb" -D "$PG_TEST_DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    trap stop_test_postgres EXIT
    "${as[@]}" "$bin/pg_ctl" -D "$PG_TEST_DIR/data" -l "$PG_TEST_DIR/log" -w \
        -o "-c listen_addresses='' -c unix_socket_directories='$PG_TEST_DIR' -c fsync=off" start >/dev/null
    export BURNRATE_TEST_PG="postgresql:///postgres?host=$PG_TEST_DIR&user=postgres"
    PG_TEST_AS=("${as[@]}")
    PG_TEST_BIN=$bin
}

stop_test_postgres() {
    "${PG_TEST_AS[@]}" "$PG_TEST_BIN/pg_ctl" -D "$PG_TEST_DIR/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$PG_TEST_DIR"
}

# The whole suite under AddressSanitizer + UBSan with leak checking, in both locales (any report
# fails its test), the package of that build, then the threaded tests under ThreadSanitizer. One
# sanitized build serves both suite runs and the package check; with unity builds (CMakeLists.txt)
# and clang it fits CI's 45 minutes on 2 cores.
run_tests() {
    local asan="$BUILD-asan"
    install_packages
    configure_and_build "$asan" "${SANITIZED[@]}" -DBURNRATE_SANITIZE=address
    install_otel_sdk "$asan"
    start_test_postgres
    sanitizer_options
    run_suite "$asan" C.UTF-8
    LOCPATH=$(german_locale "$asan") run_suite "$asan" de_DE.UTF-8
    run_package_checks "$asan"
    run_tsan
}

case "${1:-}" in
    run)
        shift
        build
        exec "$BUILD/bin/burnrate" "$@"
        ;;
    test)
        run_tests
        ;;
    build)
        build
        ;;
    package)
        package
        ;;
    *)
        echo "Usage: $0 run [ARGS...] | test | build | package" >&2
        exit 2
        ;;
esac
