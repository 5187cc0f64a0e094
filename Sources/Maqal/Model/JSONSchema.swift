/// The JSON Schema (draft 2020-12) of the `maqal/1` output, printed by `maqal schema`.
public enum JSONSchema {
    public static let text = #"""
    {
      "$schema": "https://json-schema.org/draft/2020-12/schema",
      "$id": "https://maqal.invalid/schema/maqal-1.json",
      "title": "maqal/1 document",
      "type": "object",
      "required": ["schema", "source", "metadata", "stats", "body", "diagnostics"],
      "additionalProperties": false,
      "properties": {
        "schema": {"const": "maqal/1"},
        "source": {
          "type": "object",
          "required": ["name", "format", "encoding", "encodingFrom", "bytes", "normalization"],
          "additionalProperties": false,
          "properties": {
            "name": {"type": ["string", "null"]},
            "format": {"enum": ["html", "text", "mhtml", "webarchive"]},
            "compression": {"enum": ["gzip"]},
            "encoding": {"enum": ["utf-8", "utf-16le", "utf-16be", "windows-1256", "iso-8859-6", "windows-1252"]},
            "encodingFrom": {"enum": ["bom", "meta", "http", "declared", "sniffed", "user", "repaired"]},
            "bytes": {"type": "integer", "minimum": 0},
            "normalization": {"type": "array", "items": {"enum": ["nfc", "presentation-forms", "invisibles",
              "bidi-controls", "tatweel", "diacritics", "diacritics-keep-shadda", "digits-ascii", "digits-arabic",
              "separators", "search"]}}
          }
        },
        "metadata": {
          "type": "object",
          "required": ["title", "subtitles", "authors", "published", "modified", "site", "description",
                       "language", "direction", "url", "image", "tags", "categories", "dates"],
          "additionalProperties": false,
          "properties": {
            "title": {"$ref": "#/$defs/optionalText"},
            "subtitles": {"$ref": "#/$defs/texts"},
            "authors": {"$ref": "#/$defs/texts"},
            "published": {"$ref": "#/$defs/date"},
            "modified": {"$ref": "#/$defs/date"},
            "site": {"$ref": "#/$defs/optionalText"},
            "description": {"$ref": "#/$defs/optionalText"},
            "language": {"$ref": "#/$defs/optionalText"},
            "direction": {"enum": ["rtl", "ltr", null]},
            "url": {"$ref": "#/$defs/optionalText"},
            "image": {"$ref": "#/$defs/optionalText"},
            "tags": {"$ref": "#/$defs/texts"},
            "categories": {"$ref": "#/$defs/texts"},
            "dates": {
              "type": "array",
              "items": {
                "type": "object",
                "required": ["role", "value", "text", "from", "calendar", "approximate"],
                "additionalProperties": false,
                "properties": {
                  "role": {"enum": ["published", "modified"]},
                  "value": {"$ref": "#/$defs/date"},
                  "text": {"type": "string"},
                  "from": {"enum": ["json-ld", "meta", "time", "text"]},
                  "calendar": {"enum": ["gregorian", "hijri", "persian"]},
                  "approximate": {"type": "boolean"}
                }
              }
            }
          }
        },
        "stats": {
          "type": "object",
          "required": ["words", "characters", "readingMinutes", "arabicShare"],
          "additionalProperties": false,
          "properties": {
            "words": {"type": "integer", "minimum": 0},
            "characters": {"type": "integer", "minimum": 0},
            "readingMinutes": {"type": "integer", "minimum": 0},
            "arabicShare": {"type": "number", "minimum": 0, "maximum": 1}
          }
        },
        "body": {"$ref": "#/$defs/blocks"},
        "diagnostics": {
          "type": "array",
          "items": {
            "type": "object",
            "required": ["severity", "id", "message"],
            "additionalProperties": false,
            "properties": {
              "severity": {"enum": ["info", "warning", "error"]},
              "id": {"type": "string", "pattern": "^[a-z0-9.-]+$"},
              "message": {"type": "string"}
            }
          }
        },
        "removed": {
          "description": "Only with --explain: each run of the input's visible text that is in neither body nor metadata.",
          "type": "array",
          "items": {
            "type": "object",
            "required": ["text", "chars", "reason", "at"],
            "additionalProperties": false,
            "properties": {
              "text": {"type": "string"},
              "chars": {"type": "integer", "minimum": 0},
              "reason": {"type": "string", "pattern": "^[a-z0-9.-]+$"},
              "at": {"type": "string"}
            }
          }
        }
      },
      "$defs": {
        "optionalText": {"type": ["string", "null"]},
        "texts": {"type": "array", "items": {"type": "string"}},
        "date": {
          "type": ["string", "null"],
          "pattern": "^[0-9]{4}(-[0-9]{2}(-[0-9]{2}(T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]+)?)?(Z|[+-][0-9]{2}:[0-9]{2})?)?)?)?$"
        },
        "dir": {"enum": ["rtl", "ltr"]},
        "blocks": {"type": "array", "items": {"$ref": "#/$defs/block"}},
        "block": {
          "oneOf": [
            {"$ref": "#/$defs/section"}, {"$ref": "#/$defs/paragraph"}, {"$ref": "#/$defs/list"},
            {"$ref": "#/$defs/figure"}, {"$ref": "#/$defs/table"}, {"$ref": "#/$defs/quote"}, {"$ref": "#/$defs/code"}
          ]
        },
        "heading": {
          "type": "object",
          "required": ["type", "level", "text"],
          "additionalProperties": false,
          "properties": {
            "type": {"const": "heading"},
            "level": {"type": "integer", "minimum": 2, "maximum": 6},
            "text": {"type": "string"},
            "inlines": {"$ref": "#/$defs/inlines"},
            "dir": {"$ref": "#/$defs/dir"}
          }
        },
        "section": {
          "type": "object",
          "required": ["type", "level", "heading", "children"],
          "additionalProperties": false,
          "properties": {
            "type": {"const": "section"},
            "level": {"type": "integer", "minimum": 2, "maximum": 6},
            "heading": {"$ref": "#/$defs/heading"},
            "children": {"$ref": "#/$defs/blocks"}
          }
        },
        "paragraph": {
          "type": "object",
          "required": ["type", "text"],
          "additionalProperties": false,
          "properties": {
            "type": {"const": "paragraph"},
            "text": {"type": "string", "minLength": 1},
            "inlines": {"$ref": "#/$defs/inlines"},
            "dir": {"$ref": "#/$defs/dir"},
            "lang": {"type": "string"}
          }
        },
        "list": {
          "type": "object",
          "required": ["type", "ordered", "items"],
          "additionalProperties": false,
          "properties": {
            "type": {"const": "list"},
            "ordered": {"type": "boolean"},
            "start": {"type": "integer"},
            "items": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/item"}}
          }
        },
        "item": {
          "type": "object",
          "required": ["type", "text", "term", "children"],
          "additionalProperties": false,
          "properties": {
            "type": {"const": "item"},
            "text": {"type": "string"},
            "term": {"type": ["string", "null"]},
            "marker": {"type": "string"},
            "inlines": {"$ref": "#/$defs/inlines"},
            "dir": {"$ref": "#/$defs/dir"},
            "children": {"$ref": "#/$defs/blocks"}
          }
        },
        "figure": {
          "type": "object",
          "required": ["type", "src", "alt", "caption"],
          "additionalProperties": false,
          "properties": {
            "type": {"const": "figure"},
            "src": {"type": ["string", "null"]},
            "alt": {"type": ["string", "null"]},
            "caption": {"type": ["string", "null"]}
          }
        },
        "table": {
          "type": "object",
          "required": ["type", "caption", "header", "rows"],
          "additionalProperties": false,
          "properties": {
            "type": {"const": "table"},
            "caption": {"type": ["string", "null"]},
            "header": {"type": "array", "items": {"$ref": "#/$defs/texts"}},
            "rows": {"type": "array", "items": {"$ref": "#/$defs/texts"}}
          }
        },
        "quote": {
          "type": "object",
          "required": ["type", "children"],
          "additionalProperties": false,
          "properties": {
            "type": {"const": "quote"},
            "children": {"$ref": "#/$defs/blocks"}
          }
        },
        "code": {
          "type": "object",
          "required": ["type", "text"],
          "additionalProperties": false,
          "properties": {
            "type": {"const": "code"},
            "text": {"type": "string"},
            "language": {"type": "string"},
            "dir": {"$ref": "#/$defs/dir"}
          }
        },
        "inlines": {"type": "array", "items": {"$ref": "#/$defs/inline"}},
        "inline": {
          "oneOf": [
            {"type": "object", "required": ["type", "text"], "additionalProperties": false,
             "properties": {"type": {"enum": ["text", "code"]}, "text": {"type": "string"}}},
            {"type": "object", "required": ["type", "href", "children"], "additionalProperties": false,
             "properties": {"type": {"const": "link"}, "href": {"type": ["string", "null"]},
                            "children": {"$ref": "#/$defs/inlines"}}},
            {"type": "object", "required": ["type", "children"], "additionalProperties": false,
             "properties": {"type": {"enum": ["emphasis", "strong"]}, "children": {"$ref": "#/$defs/inlines"}}},
            {"type": "object", "required": ["type"], "additionalProperties": false,
             "properties": {"type": {"const": "break"}}}
          ]
        }
      }
    }
    """#
}
