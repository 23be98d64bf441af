#!/bin/sh
# Records the Windows decoders' golden fixtures: builds iphlpapi_dump.c with mingw-w64 and runs
# it under Wine, which writes real tables and structures into the fixture directory.
# Needs Debian's gcc-mingw-w64-x86-64-win32, wine and wine64. Run from anywhere.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
fixtures="$here/../resources/io/procnet/collect/windows/internal"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export WINEPREFIX="$work/prefix" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
x86_64-w64-mingw32-gcc -O2 -Wall -o "$work/iphlpapi_dump.exe" "$here/iphlpapi_dump.c" -liphlpapi -lws2_32 -lntdll
wine wineboot --init >/dev/null 2>&1
wine net start Spooler >/dev/null 2>&1 || true # one service more than a bare prefix runs
(cd "$fixtures" && wine "$work/iphlpapi_dump.exe")
wineserver -k || true
echo "fixtures written to $fixtures"
