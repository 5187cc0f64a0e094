/// The JSON Schema (draft 2020-12) of a `maqal records` / `maqal warc` output line, printed by
/// `maqal schema records`; the document inside an answer is the `maqal/1` schema (``JSONSchema``).
public enum RecordSchema {
    public static let text = #"""
    {
      "$schema": "https://json-schema.org/draft/2020-12/schema",
      "$id": "https://maqal.invalid/schema/maqal-records-1.json",
      "title": "maqal records / maqal warc output line",
      "description": "One line per input line or frame (records; with --framed a header line with body_bytes N and the N bytes of the page after it are one frame) or per HTML page (warc), in input order.",
      "type": "object",
      "required": ["id", "url", "ok"],
      "additionalProperties": false,
      "properties": {
        "id": {"description": "The record's id as it came (warc: the WARC-Record-ID); null when the line had none that could be read.",
               "type": ["string", "integer", "null"]},
        "url": {"description": "The record's url (warc: WARC-Target-URI), else the document's.", "type": ["string", "null"]},
        "ok": {"type": "boolean"},
        "document": \#(JSONSchema.text),
        "skipped": {"description": "A filter turned the document away: --language or --min-words.",
                    "enum": ["language", "min-words"]},
        "error": {
          "type": "object",
          "required": ["kind", "message"],
          "additionalProperties": false,
          "properties": {
            "kind": {"enum": ["empty", "too-large", "binary", "broken-container", "libxml2-unavailable", "invalid-record", "timeout"]},
            "message": {"type": "string"}
          }
        },
        "text": {"description": "--fields text: the article as plain text.", "type": "string"},
        "markdown": {"description": "--fields markdown: the article as Markdown.", "type": "string"},
        "title": {"description": "--fields title: metadata.title.", "type": ["string", "null"]},
        "language": {"description": "--fields language: metadata.language.", "type": ["string", "null"]},
        "published": {"description": "--fields published: metadata.published.", "type": ["string", "null"]},
        "words": {"description": "--fields words: stats.words.", "type": "integer", "minimum": 0},
        "arabicShare": {"description": "--fields arabicShare: stats.arabicShare.", "type": "number", "minimum": 0, "maximum": 1}
      },
      "oneOf": [
        {"properties": {"ok": {"const": true}},
         "not": {"anyOf": [{"required": ["error"]}, {"required": ["skipped"]}]}},
        {"properties": {"ok": {"const": false}}, "required": ["error"],
         "not": {"anyOf": [{"required": ["document"]}, {"required": ["skipped"]}, {"required": ["text"]}]}},
        {"properties": {"ok": {"const": false}}, "required": ["skipped"],
         "not": {"anyOf": [{"required": ["document"]}, {"required": ["error"]}, {"required": ["text"]}]}}
      ]
    }
    """#
}
