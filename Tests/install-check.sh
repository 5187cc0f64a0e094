#!/usr/bin/env bash
# Checks what `make install DESTDIR=ROOT PREFIX=PREFIX` put under ROOT: the binary, its man page and
# its bash/zsh/fish completions in their usual places, and that the binary runs on a machine with
# libxml2 but no Swift toolchain (no runpath into the toolchain, none of its libraries loaded, and
# it parses an article with the toolchain's library folder hidden).
#
#   Tests/install-check.sh ROOT [PREFIX]      (make install-check runs it)
set -euo pipefail
root=${1:?usage: Tests/install-check.sh DESTDIR [PREFIX]}
prefix=${2:-/usr/local}
here=$(cd "$(dirname "$0")/.." && pwd)
base=$root$prefix
binary=$base/bin/maqal
failures=0
fail() { echo "install-check: FAIL: $*" >&2; failures=$((failures + 1)); }
pass() { echo "install-check: ok: $*"; }

# 1. Every file in its place.
[ -x "$binary" ] && pass "bin/maqal" || fail "no executable at $binary"
for file in share/man/man1/maqal.1 share/bash-completion/completions/maqal share/zsh/site-functions/_maqal \
    share/fish/vendor_completions.d/maqal.fish; do
    [ -s "$base/$file" ] && pass "$file" || fail "$file is missing or empty"
done
grep -q '^\.Dt MAQAL 1' "$base/share/man/man1/maqal.1" && grep -q 'convert' "$base/share/man/man1/maqal.1" \
    && pass "the man page is an mdoc page for maqal(1) naming its commands" || fail "the man page is not maqal(1)"

# 2. Completions offer the values of --format, --encoding and --normalize: each shell's list of
# words (bash 'a'$'\n''b', zsh ('a' 'b'), fish 'a b'), quoting taken away, holds them in order.
words() { sed -e "s/\\$'\\\\n'/ /g" -e "s/['()]/ /g" "$1" | tr -s ' \n\t' '   '; }
for shell in share/bash-completion/completions/maqal share/zsh/site-functions/_maqal \
    share/fish/vendor_completions.d/maqal.fish; do
    for list in "markdown json ndjson text" "utf-8 utf-16le utf-16be windows-1256 iso-8859-6 windows-1252" \
        "none nfc presentation-forms invisibles bidi-controls tatweel diacritics diacritics-keep-shadda"; do
        grep -qF " $list " <<<" $(words "$base/$shell") " || fail "$shell does not offer: $list"
    done
done
pass "completions offer --format, --encoding and --normalize values"

# 3. No way into the Swift toolchain: no runpath naming it, none of its libraries resolved.
swift=$(command -v swift || true)
toolchain=""
if [ -n "$swift" ]; then
    toolchain=$(cd "$(dirname "$(readlink -f "$swift")")/.." && pwd)
fi
runpath=$(readelf -d "$binary" | grep -E 'RPATH|RUNPATH' || true)
if [ -n "$toolchain" ] && grep -qF "$toolchain" <<<"$runpath"; then
    fail "the binary's runpath leads into the toolchain: $runpath"
elif grep -q swift <<<"$runpath"; then
    fail "the binary's runpath names a swift folder: $runpath"
else
    pass "no runpath into the toolchain (${runpath:-none})"
fi
needed=$(readelf -d "$binary" | sed -n 's/.*Shared library: \[\(.*\)\]/\1/p' | tr '\n' ' ')
grep -qi swift <<<"$needed" && fail "the binary needs Swift's shared libraries: $needed" \
    || pass "needs only: $needed"
if [ -n "$toolchain" ] && ldd "$binary" | grep -F "$toolchain"; then
    fail "ldd resolves libraries inside the toolchain"
fi

# 4. It runs, and parses an article, with the toolchain's library folder hidden.
sample=$here/Fixtures/text/02-crlf-bom-oats-health.txt
expected=$(cd "$here" && "$binary" "$sample" --format json --compact)
grep -q '"title":"الشوفان على مائدة الإفطار' <<<"$expected" && pass "the installed binary parses an article" \
    || fail "the installed binary did not parse $sample"
libraries=""
[ -n "$toolchain" ] && libraries=$toolchain/lib/swift/linux
if [ -n "$libraries" ] && [ -d "$libraries" ] && [ "$(id -u)" = 0 ] && command -v unshare >/dev/null; then
    # A private mount namespace with an empty folder over the toolchain's libraries: the proof that
    # they are hidden is that libswiftCore.so is not there, then the binary runs all the same.
    hidden=$(unshare --mount --propagation private bash -c '
        mount -t tmpfs -o size=1m tmpfs "$1" || exit 3
        [ ! -e "$1/libswiftCore.so" ] || exit 4
        "$2" --version && "$2" "$3" --format json --compact' _ "$libraries" "$binary" "$sample") \
        && status=0 || status=$?
    if [ "$status" = 0 ] && grep -q '^maqal [0-9.]* (libxml2 [0-9.]*)$' <<<"$(head -1 <<<"$hidden")" \
        && [ "$(tail -n +2 <<<"$hidden")" = "$expected" ]; then
        pass "with $libraries hidden it runs and gives the same document"
    else
        fail "with $libraries hidden it failed (status $status): $hidden"
    fi
else
    # Without root there is no mount namespace to hide the folder in: say so, and run with no
    # library path at all, which the checks above make equivalent.
    echo "install-check: note: not root or no unshare; ran with LD_LIBRARY_PATH empty instead of hiding $libraries"
    env -u LD_LIBRARY_PATH "$binary" --version >/dev/null && pass "runs with no library path" \
        || fail "does not run with no library path"
fi

# 5. libxml2 is loaded only for a page maqal's own reader hands to it (Sources/CLibXML2/LibXML2.h):
# not at start, not for a text file; and without it the other pages are read and such a page is an
# error naming the library, exit 1.
grep -q libxml2 <<<"$needed" && fail "the binary loads libxml2 at every start: $needed" \
    || pass "libxml2 is not among the libraries loaded at start"
loads() { LD_DEBUG=files "$binary" "$1" --format json 2>&1 >/dev/null | grep -c 'file=libxml2\.so' || true; }
odd=$here/Fixtures/robustness/billion-laughs.html
[ "$(loads "$sample")" = 0 ] && pass "a text file runs without loading libxml2" \
    || fail "parsing $sample loaded libxml2"
[ "$(loads "$odd")" != 0 ] && "$binary" "$odd" --format json >/dev/null 2>&1 \
    && pass "a page libxml2 reads loads it, and parses" || fail "$odd did not load libxml2 or failed"
library=$(ldconfig -p 2>/dev/null | sed -n 's/^[[:space:]]*libxml2\.so\.[0-9]* .* => //p' | head -1)
if [ -n "$library" ] && [ "$(id -u)" = 0 ] && command -v unshare >/dev/null; then
    # /dev/null mounted over the library in a private mount namespace: dlopen finds no ELF file there.
    without=$(unshare --mount --propagation private bash -c '
        mount --bind /dev/null "$(readlink -f "$1")" || exit 3
        "$2" "$3" --format json --compact || exit 4
        "$2" "$4" --format json 2>&1 && exit 5 || echo "exit $?"' _ "$library" "$binary" "$sample" "$odd") \
        && status=0 || status=$?
    if [ "$status" = 0 ] && [ "$(head -1 <<<"$without")" = "$expected" ] \
        && grep -q "needs libxml2's parser, and libxml2 could not be loaded" <<<"$without" \
        && [ "$(tail -1 <<<"$without")" = "exit 1" ]; then
        pass "with libxml2 hidden a text file parses the same, a page that needs it is an error (exit 1)"
    else
        fail "with libxml2 hidden (status $status): $without"
    fi
else
    echo "install-check: note: not root, no unshare or no libxml2 in ldconfig's cache; libxml2 not hidden"
fi

if [ "$failures" -gt 0 ]; then
    echo "install-check: $failures check(s) failed" >&2
    exit 1
fi
echo "install-check: all checks passed"
