// Written by `RECORD=1 swift test --filter FrontDoorTests/storedHelp` from what argument-parser
// writes (`MAQAL_FRONT_DOOR=off maqal --help`); change the commands' help, not this.

extension TopLevelHelp {
    /// `maqal --help` as ``text`` writes it.
    static let storedText = #"""
OVERVIEW: Turn saved Arabic articles (HTML pages or plain text) into clean
Markdown, JSON or text.

USAGE: maqal [<file> ...] [<options>]        parse, the default command
       maqal convert [<options>] [<input> ...]
       maqal records <options>
       maqal warc [<options>] <file> ...
       maqal schema [<kind>] [--quiet] [--verbose]
       maqal explain <file> [--full] [--width <width>] [--input-format
         <input-format>] [--encoding
         <utf-8|utf-16le|utf-16be|windows-1256|iso-8859-6|windows-1252>]
         [--max-bytes <max-bytes>] [--wpm <wpm>] [--normalize <list> ...]
         [--explain] [--keep-data-images]
       maqal help [<command>]

ARGUMENTS:
  <file>                  Files to parse; - (or none, when standard input is
                          not a terminal) reads standard input.

OPTIONS:
  -f, --format <format>   Output format: markdown, json, ndjson or text.
                          (values: markdown, json, ndjson, text; default:
                          markdown)
  -o, --output <file>     Write to this file instead of standard output (- is
                          standard output); never one of the inputs.
  --jobs <jobs>           Files parsed at once when several are named (default:
                          the number of cores).
  --compact               JSON on one line.
  --front-matter          Start Markdown with YAML front matter holding the
                          metadata.
  --rtl-marks             In Markdown, put U+200F before Arabic blocks that
                          start with a Latin word, for dir=auto renderers.
  --input-format <input-format>
                          How to read inputs: auto, html or text. (values:
                          auto, html, text; default: auto)
  --encoding <utf-8|utf-16le|utf-16be|windows-1256|iso-8859-6|windows-1252>
                          Read inputs in this encoding instead of detecting it.
  --max-bytes <max-bytes> Refuse inputs larger than this many bytes. (default:
                          52428800)
  --wpm <wpm>             Reading speed in words a minute, for readingMinutes.
                          (default: 180)
  --normalize <list>      Rewrite the text for search or training: none, or a
                          comma-separated list of: nfc, presentation-forms,
                          invisibles, bidi-controls, tatweel, diacritics,
                          diacritics-keep-shadda, digits-ascii, digits-arabic,
                          separators, search; repeatable, the lists are merged.
        nfc: Unicode NFC. presentation-forms: ﻻ → لا, ﷲ → الله. invisibles:
        drop ZWSP, soft hyphens, stray BOMs; NBSP to space. bidi-controls: drop
        LRM/RLM/ALM, embeddings, overrides, isolates. tatweel: drop kashida
        between letters. diacritics (or diacritics-keep-shadda): drop harakat.
        digits-ascii / digits-arabic: convert digits (with separators: ٫ ٬
        too). search: all of these plus letter folding (أ إ آ ٱ → ا, ى → ي, ة →
        ه) — it changes spelling. ZWNJ and ZWJ are never removed.
  --explain               In JSON, add "removed": every run of visible input
                          text left out of the body and the metadata, with why
                          and where (see `maqal explain`).
  --keep-data-images      Keep images inlined as data: URIs (SingleFile pages)
                          in figures; by default their src is null.
  -q, --quiet             Only errors on standard error: no progress, summary
                          or warnings.
  -v, --verbose           Also a line per input on standard error: its
                          encoding, words and diagnostics.
  --version               Show the version.
  -h, --help              Show help information.

COMMANDS:
  parse (default)   Parse saved articles and print them (the default command).
  convert           Convert folders of saved articles into a mirrored folder of
                    Markdown, JSON or text.
  records           Read JSON records on standard input, one a line, and answer
                    each with one JSON line, in order.
  warc              Read WARC files (.warc.gz or .warc) and answer each HTML
                    page in them with one JSON line.
  schema            Print the JSON Schema (draft 2020-12) of the JSON output.
  explain           List what was left out of an article and why: one line per
                    removed run of text.

Examples:
  maqal article.html                    Markdown on stdout
  maqal article.html -f json            the typed document tree
  maqal notes.txt -f json --compact     one line of JSON
  cat page.html | maqal -f text         standard input (or -)
  maqal a.html b.txt -f ndjson          one JSON document per line
  maqal convert saved/ -o converted/    a folder, mirrored as Markdown
  maqal convert saved/ --beside         x.md next to each x.html
  maqal convert saved/ -f ndjson -o - | jq .metadata.title
  maqal schema > maqal.schema.json      the JSON Schema of the output
  maqal records < pages.jsonl           NDJSON in, one answer line per line
  maqal records --framed < frames       header line + the page's raw bytes
  maqal warc crawl.warc.gz -j 2         one answer line per page of a WARC
  maqal explain page.html               what was left out, and why
  maqal page.html --normalize search    search keys (changes spelling)

Exit status: 0 done, 1 an input failed, 2 usage. Output is byte-true by default.

See 'maqal help <command>' for a command's options and examples.
"""# + "\n"
}
