#!/usr/bin/env python3
"""Checks the held-out gold files of tests/corpus/heldout2.

Usage:
  python3 scripts/check-heldout2.py          verify every NNN.gold.json against its NNN.txt
  python3 scripts/check-heldout2.py --fix    first expand each first_chars prefix to exactly 12 characters
                            of the text (the prefix must occur once), then verify

Verifies: each gold parses as JSON; required fields are present; first_chars is 12 characters,
occurs in the text and does not cross a line break; categories and kinds are valid; the counts equal EXPECTED below.
"""
import json
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent.parent / "tests" / "corpus" / "heldout2"
CATEGORIES = {"theory", "political", "capability", "responsibility", "style",
              "integrity", "mass_line", "party_building", "other"}
SECTIONS = {"problems", "causes", "measures"}

# file number -> (problems, causes, measures) as intended by the author of the set
EXPECTED = {
    301: (8, 4, 5), 302: (4, 0, 0), 303: (6, 3, 4), 304: (8, 4, 6), 305: (4, 3, 4),
    306: (6, 3, 4), 307: (8, 3, 4), 308: (4, 3, 0), 309: (6, 4, 5), 310: (0, 4, 0),
    311: (5, 4, 5), 312: (5, 3, 4), 313: (8, 4, 6), 314: (6, 4, 4), 315: (5, 4, 5),
    316: (4, 3, 3), 317: (3, 4, 0), 318: (6, 4, 8), 319: (5, 4, 5), 320: (5, 4, 4),
    321: (0, 0, 4), 322: (4, 3, 4), 328: (7, 4, 5), 329: (7, 3, 6), 330: (9, 4, 6), 331: (6, 4, 5),
    323: (0, 0, 0), 332: (0, 0, 0), 324: (0, 0, 0), 325: (0, 0, 0), 326: (0, 0, 0), 327: (0, 0, 0),
}

KINDS = ("problems", "causes", "measures")


def expand(text: str, prefix: str) -> str:
    """Returns the 12 characters of text starting where prefix occurs (once)."""
    count = text.count(prefix)
    if count != 1:
        raise ValueError(f"prefix {prefix!r} occurs {count} times")
    start = text.index(prefix)
    return text[start:start + 12]


def check_file(gold_path: pathlib.Path, fix: bool) -> list[str]:
    errors: list[str] = []
    number = int(gold_path.name.split(".")[0])
    txt_path = gold_path.with_name(f"{number}.txt")
    text = txt_path.read_text(encoding="utf-8")
    try:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as ex:
        return [f"{gold_path.name}: not JSON: {ex}"]

    if fix:
        for kind in KINDS:
            for item in gold.get(kind, []):
                try:
                    item["first_chars"] = expand(text, item["first_chars"])
                except ValueError as ex:
                    errors.append(f"{gold_path.name} {kind}: {ex}")
        gold_path.write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")

    for key in ("is_statement", "problems", "causes", "measures"):
        if key not in gold:
            errors.append(f"{gold_path.name}: missing {key}")
    if gold.get("is_statement"):
        for key in ("sections_present", "statement_kind", "author", "position"):
            if key not in gold:
                errors.append(f"{gold_path.name}: missing {key}")
        if gold.get("statement_kind") not in ("personal", "team"):
            errors.append(f"{gold_path.name}: bad statement_kind")
        if not set(gold.get("sections_present", [])) <= SECTIONS:
            errors.append(f"{gold_path.name}: bad sections_present")
        for kind in KINDS:
            has_items = bool(gold.get(kind))
            if has_items != (kind in gold.get("sections_present", [])):
                errors.append(f"{gold_path.name}: sections_present disagrees with {kind}")
        if gold.get("author") is not None and gold["author"] not in text:
            errors.append(f"{gold_path.name}: author {gold['author']!r} not in text")
        if gold.get("position") is not None and gold["position"] not in text:
            errors.append(f"{gold_path.name}: position {gold['position']!r} not in text")
    else:
        for key in ("kind", "reason"):
            if key not in gold:
                errors.append(f"{gold_path.name}: missing {key}")

    seen: set[str] = set()
    for kind in KINDS:
        for item in gold.get(kind, []):
            first = item.get("first_chars", "")
            if first not in text:
                errors.append(f"{gold_path.name} {kind}: first_chars {first!r} not in text")
            elif "\n" in first:
                errors.append(f"{gold_path.name} {kind}: first_chars {first!r} crosses a line")
            elif len(first) != 12:
                errors.append(f"{gold_path.name} {kind}: first_chars {first!r} is not 12 chars")
            if first in seen:
                errors.append(f"{gold_path.name} {kind}: first_chars {first!r} repeated")
            seen.add(first)
            if "title" not in item:
                errors.append(f"{gold_path.name} {kind}: item without title")
            if kind == "problems" and item.get("category") not in CATEGORIES:
                errors.append(f"{gold_path.name}: bad category {item.get('category')!r}")
            if kind == "measures" and "deadline" not in item:
                errors.append(f"{gold_path.name}: measure without deadline field")
            if kind == "measures" and item.get("deadline") is not None and item["deadline"] not in text:
                errors.append(f"{gold_path.name}: deadline {item['deadline']!r} not in text")

    counts = tuple(len(gold.get(kind, [])) for kind in KINDS)
    if number in EXPECTED and counts != EXPECTED[number]:
        errors.append(f"{gold_path.name}: counts {counts} != expected {EXPECTED[number]}")
    if number not in EXPECTED:
        errors.append(f"{gold_path.name}: no expected counts")
    return errors


def main() -> int:
    fix = "--fix" in sys.argv
    golds = sorted(HERE.glob("*.gold.json"))
    all_errors: list[str] = []
    statements = nonstatements = 0
    for gold_path in golds:
        all_errors += check_file(gold_path, fix)
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        if gold.get("is_statement"):
            statements += 1
        else:
            nonstatements += 1
    txts = sorted(HERE.glob("*.txt"))
    for txt in txts:
        if not txt.with_name(txt.stem + ".gold.json").exists():
            all_errors.append(f"{txt.name}: no gold")
    for line in all_errors:
        print(line)
    print(f"{len(golds)} gold files: {statements} statements, {nonstatements} non-statements, "
          f"{len(all_errors)} errors")
    return 1 if all_errors else 0


if __name__ == "__main__":
    sys.exit(main())
