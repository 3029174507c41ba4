#!/usr/bin/env bash
# Builds the C guest programs in src/ to wasm32-wasi (bin/*.wasm) as guests.json describes, then records their
# expected output under Node.js's node:wasi (expected/). Both are committed, so the test suite needs only the .NET SDK;
# run this again after changing a program.
#
# Needs (Debian): clang-19 lld-19 wasi-libc libclang-rt-19-dev-wasm32, and node (>= 20) with node:wasi.
#   apt-get install -y clang-19 lld-19 wasi-libc libclang-rt-19-dev-wasm32
# This script installs nothing.
set -euo pipefail
cd "$(dirname "$0")"

CLANG=${CLANG:-clang-19}
SYSROOT=${WASI_SYSROOT:-/usr}
TARGET=${WASI_TARGET:-wasm32-wasi}

missing=()
command -v "$CLANG" >/dev/null || missing+=("$CLANG (package clang-19)")
command -v wasm-ld-19 >/dev/null || command -v wasm-ld >/dev/null || missing+=("wasm-ld (package lld-19)")
[ -f "$SYSROOT/lib/$TARGET/libc.a" ] || missing+=("wasi-libc in $SYSROOT/lib/$TARGET (package wasi-libc)")
"$CLANG" --target="$TARGET" -print-libgcc-file-name 2>/dev/null | xargs -r test -f || missing+=("compiler-rt builtins for wasm32 (package libclang-rt-19-dev-wasm32)")
command -v node >/dev/null || missing+=("node (>= 20, for node:wasi)")
if [ ${#missing[@]} -gt 0 ]; then
  echo "build.sh: missing tools:" >&2
  printf '  - %s\n' "${missing[@]}" >&2
  echo "install with: apt-get install -y clang-19 lld-19 wasi-libc libclang-rt-19-dev-wasm32 nodejs" >&2
  exit 1
fi

mkdir -p bin
# One line per program: name, source, flags, libraries (from guests.json).
node -e '
  const m = require("./guests.json");
  for (const p of m.programs) console.log([p.name, p.source, (p.cflags ?? []).join(" "), (p.libs ?? []).join(" ")].join("\t"));
' | while IFS=$'\t' read -r name source cflags libs; do
  if [ -n "${ONLY:-}" ] && [[ " $ONLY " != *" $name "* ]]; then continue; fi
  echo "build.sh: $name <- src/$source $cflags"
  # shellcheck disable=SC2086
  "$CLANG" --target="$TARGET" --sysroot="$SYSROOT" -std=c11 -D_GNU_SOURCE -Wall -Wextra -Werror $cflags \
    "src/$source" -o "bin/$name.wasm" -Wl,--strip-debug $libs
done

# shellcheck disable=SC2086
node --no-warnings expect.mjs ${ONLY:-}
