#!/usr/bin/env python3
"""Writes the DOCTYPE prologue variants beside this script (run it again after changing one).

Each file declares external entities, general and parameter, that name `marker.txt` beside it
and uses the general one in the text of a question. Only what comes before the DOCTYPE differs:
byte order marks, encodings, white space, comments and processing instructions. The tests load
each variant with `marker.txt` a regular file holding a marker (which must never appear in the
output) and with `marker.txt` a FIFO (which would block whoever opened it).
"""
import pathlib

HERE = pathlib.Path(__file__).parent
DOCTYPE = '<!DOCTYPE interview [<!ENTITY x SYSTEM "marker.txt"><!ENTITY % p SYSTEM "marker.txt"> %p;]>'
BODY = (
    '<interview xmlns="urn:rehearse:scenario:1" id="prologue" version="1">'
    "<title>T</title><role>R</role><opening>O</opening><closing>C</closing>"
    '<questions><question id="q"><ask>Tell me about &x;</ask><end/></question></questions>'
    "</interview>\n"
)
DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>'
BOM = "\ufeff"

variants = {
    "plain": DOCTYPE + "\n" + BODY,
    "declaration": DECLARATION + "\n" + DOCTYPE + "\n" + BODY,
    "whitespace": "\n\n   \t\r\n" + DOCTYPE + "\n" + BODY,
    "comment": "<!-- a comment first -->\n" + DOCTYPE + "\n" + BODY,
    "processing-instruction": '<?xml-stylesheet href="style.xsl"?>\n' + DOCTYPE + "\n" + BODY,
    "declaration-comment-pi": DECLARATION + "\n<!-- c -->\n<?pi data?>\n  " + DOCTYPE + "\n" + BODY,
    "comment-holding-doctype": "<!-- <!DOCTYPE x> -->" + DOCTYPE + "\n" + BODY,
}

encodings = {
    "utf8": lambda text: text.encode("utf-8"),
    "utf8-bom": lambda text: (BOM + text).encode("utf-8"),
    "utf8-two-boms": lambda text: (BOM + BOM + text).encode("utf-8"),
    "utf16le": lambda text: text.replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16-le"),
    "utf16be": lambda text: text.replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16-be"),
    "utf16le-bom": lambda text: (BOM + text).replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16-le"),
    "utf16be-bom": lambda text: (BOM + text).replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16-be"),
    "utf16le-bom-feff": lambda text: (BOM + BOM + text).replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16-le"),
    "utf16be-bom-feff": lambda text: (BOM + BOM + text).replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16-be"),
}

for old in HERE.glob("*.xml"):
    old.unlink()
for variant, text in variants.items():
    for encoding, encode in encodings.items():
        (HERE / f"{variant}.{encoding}.xml").write_bytes(encode(text))
(HERE / "marker.txt").write_text("REHEARSE-HOSTILE-MARKER-5d1c\n")
