#!/usr/bin/env bash
# Runs one end-to-end test script against the real binary, through the
# accessibility tree. Needs a display and a session bus (build-aux/dev test
# runs the suite under xvfb-run and dbus-run-session); starts the AT-SPI bus.
set -euo pipefail

script=$1
rung=$2

if [ -z "${DISPLAY:-}" ] || [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ]; then
  echo "run-e2e: needs DISPLAY and DBUS_SESSION_BUS_ADDRESS (use build-aux/dev test)" >&2
  exit 1
fi

home=$(mktemp -d)
# The accessibility bus outlives the test otherwise (its registry follows
# it); with the test's output open, it kept meson waiting until time ran out.
stop_bus() {
  pkill -P "${bus_pid:-0}" 2>/dev/null || true
  kill "${bus_pid:-0}" 2>/dev/null || true
  rm -rf "$home"
}
trap stop_bus EXIT

export XDG_DATA_HOME=$home/data XDG_CONFIG_HOME=$home/config XDG_CACHE_HOME=$home/cache
export XDG_STATE_HOME=$home/state
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME" "$XDG_STATE_HOME"
export GSETTINGS_BACKEND=keyfile
export GTK_A11Y=atspi
export NO_AT_BRIDGE=0
export LANGUAGE=${LANGUAGE:-C}

gsettings set org.gnome.desktop.interface toolkit-accessibility true 2>/dev/null || true
/usr/libexec/at-spi-bus-launcher --launch-immediately </dev/null >/dev/null 2>&1 &
bus_pid=$!
sleep 1

# Debian's python3 has dogtail; another python3 on PATH may not. Not exec:
# the trap above must run when the test ends.
/usr/bin/python3 "$script" "$rung"
