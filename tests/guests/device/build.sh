#!/usr/bin/env bash
# Builds the device guests in this folder to .wasm with Debian's clang (freestanding wasm32: no libc, no WASI).
#   apt-get install -y clang-19 lld-19
# The .wasm files are committed, so the tests need only .NET; rerun this after changing a .c file.
set -euo pipefail
cd "$(dirname "$0")"
CLANG=${CLANG:-clang-19}
include=../../../include
for source in *.c; do
  out="${source%.c}.wasm"
  "$CLANG" --target=wasm32 -nostdlib -O2 -std=c11 -Wall -Wextra -Werror -I "$include" \
    -fuse-ld=lld -Wl,--no-entry -Wl,--strip-debug -Wl,--stack-first -Wl,-z,stack-size=16384 \
    -o "$out" "$source"
  echo "built $out ($(stat -c %s "$out") bytes)"
done
