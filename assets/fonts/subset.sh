#!/usr/bin/env bash
# subset.sh: rebuild the bundled fonts from Noto Sans SC (OFL-1.1).
#
# Source: npm package @expo-google-fonts/noto-sans-sc@0.4.3, files
# 400Regular/NotoSansSC_400Regular.ttf and 700Bold/NotoSansSC_700Bold.ttf
# (static TrueType, glyf outlines: gofpdf rejects CFF and TTC).
#
# Why a subset: the full faces have 30,898 glyphs and 10.5 MB each. Fyne
# parses every face it is given and gofpdf parses the whole file before it
# subsets, so the full faces cost start-up time and tens of MB of memory.
# We keep GB2312 (all 6,763 hanzi and its symbols), every character of the
# source corpus, Latin, general punctuation, CJK punctuation and full-width
# forms: 9,089 glyphs, 2.6 MB each. A rune outside the subset shows as a
# visible placeholder in PDFs (see ui/pdf) instead of crashing anything.
#
# Needs Debian's fonttools (apt-get install fonttools) and npm.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent @expo-google-fonts/noto-sans-sc@0.4.3 >/dev/null && tar xzf ./*.tgz)
/usr/bin/python3 - "$here/../../seeds/000_059b8ff9dea9352a.txt" >"$work/chars.txt" <<'PY'
import sys
chars = set()
for hi in range(0xA1, 0xF8):
    for lo in range(0xA1, 0xFF):
        try:
            chars.add(bytes([hi, lo]).decode('gb2312'))
        except UnicodeDecodeError:
            pass
chars.update(open(sys.argv[1], encoding='utf-8').read())
for a, b in [(0x20, 0x7E), (0xA0, 0x17F), (0x2000, 0x206F), (0x20A0, 0x20BF),
             (0x2100, 0x218F), (0x2190, 0x21FF), (0x2460, 0x24FF), (0x2500, 0x257F),
             (0x25A0, 0x25FF), (0x2600, 0x26FF), (0x3000, 0x303F), (0xFF00, 0xFFEF),
             (0xFE30, 0xFE4F), (0x3200, 0x32FF), (0x2E80, 0x2EFF)]:
    chars.update(chr(x) for x in range(a, b + 1))
chars -= {'\n', '\t'}
sys.stdout.write(''.join(sorted(chars)))
PY
for w in 400Regular:Regular 700Bold:Bold; do
  src=${w%%:*} dst=${w##*:}
  pyftsubset "$work/package/$src/NotoSansSC_$src.ttf" --text-file="$work/chars.txt" \
    --output-file="$here/NotoSansSC-$dst.ttf" --layout-features='*' --no-hinting --desubroutinize
done
cp "$work/package/LICENSE_FONT" "$here/OFL.txt"
