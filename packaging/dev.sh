#!/usr/bin/env bash
# Burnrate developer entry point on Debian 12.
#   packaging/dev.sh run [ARGS...]   install what is missing, build, open the app (default store)
#   packaging/dev.sh test            install what is missing, build, run the whole suite headless
#   packaging/dev.sh build           install what is missing and build only
# BURNRATE_BUILD_DIR overrides the build directory (default: build/ in the checkout).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=${BURNRATE_BUILD_DIR:-$ROOT/build}

PACKAGES=(
    build-essential cmake ninja-build pkg-config
    qt6-base-dev qt6-charts-dev qt6-svg-dev libqt6opengl6-dev libqt6sql6-sqlite libgl1-mesa-dev
    nlohmann-json3-dev qtkeychain-qt6-dev libssl-dev libsqlite3-dev sqlite3
    poppler-utils dbus dbus-x11 gnome-keyring fonts-dejavu-core
)

install_packages() {
    local missing=()
    for p in "${PACKAGES[@]}"; do
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

build() {
    install_packages
    if [ ! -f "$BUILD/CMakeCache.txt" ]; then
        cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
    fi
    cmake --build "$BUILD" -j"$(nproc)"
}

run_tests() {
    export QT_QPA_PLATFORM=offscreen
    # A private session bus with an unlocked Secret Service, for the keychain tests.
    dbus-run-session -- bash -c '
        set -e
        # A throw-away keyring (its own data dir): a login keyring left in $HOME with another
        # password would make the daemon ask a GUI prompter and every keychain test fail.
        keyrings=$(mktemp -d)
        trap "rm -rf $keyrings" EXIT
        eval "$(printf "burnrate-ci" | XDG_DATA_HOME="$keyrings" gnome-keyring-daemon --unlock --components=secrets 2>/dev/null)" || true
        export GNOME_KEYRING_CONTROL SSH_AUTH_SOCK
        ctest --test-dir "$0" --output-on-failure -j2 --timeout 600
    ' "$BUILD"
}

case "${1:-}" in
    run)
        shift
        build
        exec "$BUILD/bin/burnrate" "$@"
        ;;
    test)
        build
        run_tests
        ;;
    build)
        build
        ;;
    *)
        echo "Usage: $0 run [ARGS...] | test | build" >&2
        exit 2
        ;;
esac
