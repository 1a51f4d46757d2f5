#!/usr/bin/env python3
"""Check the hand-made gold files of a corpus folder.

Usage: python3 check-gold.py FOLDER [--from N] [--to N] [--core]

--core checks only the fields of eval-format.md (for older corpora without statement_kind,
author, position and meeting_year).

For every NNN.gold.json in FOLDER (optionally only numbers N..M) it checks:
- the gold is valid UTF-8 JSON and an object; its text NNN.txt exists beside it and is UTF-8
  without a byte-order mark;
- the fields of /work/shared/eval-format.md are present with the right types:
  is_statement, sections_present, problems, causes, measures; every problem has aspect, title,
  first_chars and a known category; every cause has title and first_chars; every measure has
  title, first_chars and deadline (text or null);
- statements also carry statement_kind (personal|team), author, position (text or null) and
  meeting_year (number or null), optionally meeting_named_year; a named author and position occur
  in the text; a team material has no author;
- a non-statement has kind and reason and empty lists;
- sections_present is exactly the set of non-empty item lists;
- every first_chars occurs in the text, is 12 characters long (shorter only at the end of the
  text), is unique within the file, and the items of one kind appear in text order;
- the scoring keys (first_chars without the leading enumerator, normalised, cut to 8) are distinct
  within a kind, so that one predicted item cannot match two gold items.
Exits 1 when any error was found; warnings do not fail.
"""
import json
import re
import sys
import unicodedata
from pathlib import Path

CATEGORIES = {"theory", "political", "capability", "responsibility", "style", "integrity",
              "mass_line", "party_building", "other"}
SECTIONS = ("problems", "causes", "measures")
KINDS = {"personal", "team"}

# Leading enumerators, tried on the normalised key (punctuation already removed).
_CN = "一二三四五六七八九十"
ENUMERATOR = re.compile(
    rf"^(第[{_CN}]+部分|第[{_CN}]+|[{_CN}]+是|[{_CN}]+|\d+|[①-⑳]|首先|其次|再次|最后)")


def normalise(s: str) -> str:
    s = unicodedata.normalize("NFKC", s)
    return "".join(ch for ch in s if unicodedata.category(ch)[0] not in "PSZC")


def scoring_key(first_chars: str) -> str:
    n = normalise(first_chars)
    return ENUMERATOR.sub("", n, count=1)[:8]


def check_file(gold_path: Path, errors: list, warnings: list, core: bool = False) -> None:
    name = gold_path.name

    def err(msg):
        errors.append(f"{name}: {msg}")

    def warn(msg):
        warnings.append(f"{name}: {msg}")

    try:
        raw = gold_path.read_bytes()
        gold = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        err(f"not valid UTF-8 JSON: {e}")
        return
    if not isinstance(gold, dict):
        err("gold is not a JSON object")
        return

    stem = name[: -len(".gold.json")]
    txt_path = gold_path.with_name(stem + ".txt")
    if not txt_path.exists():
        others = [p.name for p in gold_path.parent.glob(stem + ".*") if p != gold_path]
        if not others:
            err(f"no input file {stem}.txt (or other) beside the gold")
            return
        warn(f"no {stem}.txt; first_chars not checked against {others}")
        text = None
    else:
        tb = txt_path.read_bytes()
        if tb.startswith(b"\xef\xbb\xbf"):
            err(f"{txt_path.name} starts with a byte-order mark")
        try:
            text = tb.decode("utf-8")
        except UnicodeDecodeError as e:
            err(f"{txt_path.name} is not UTF-8: {e}")
            return
        if "\r" in text:
            warn(f"{txt_path.name} has CR line ends")

    for key in ("is_statement", "sections_present") + SECTIONS:
        if key not in gold:
            err(f"missing field '{key}'")
    if errors and errors[-1].startswith(name + ": missing"):
        return
    if not isinstance(gold["is_statement"], bool):
        err("is_statement is not true/false")
    for key in SECTIONS:
        if not isinstance(gold[key], list):
            err(f"'{key}' is not a list")
            return
    sp = gold["sections_present"]
    if not isinstance(sp, list) or any(s not in SECTIONS for s in sp) or len(set(sp)) != len(sp):
        err(f"sections_present {sp!r} is not a list of distinct problems/causes/measures")
    else:
        nonempty = {k for k in SECTIONS if gold[k]}
        if set(sp) != nonempty:
            err(f"sections_present {sorted(sp)} differs from the non-empty lists {sorted(nonempty)}")

    if gold["is_statement"] is False:
        for key in ("kind", "reason"):
            if not isinstance(gold.get(key), str) or not gold[key].strip():
                err(f"non-statement without '{key}'")
        if any(gold[k] for k in SECTIONS):
            err("non-statement with items")
        return

    kind = gold.get("statement_kind")
    if core:
        pass
    elif kind not in KINDS:
        err(f"statement_kind {kind!r} is not personal/team")
    for key in ("author", "position"):
        if core and key not in gold:
            continue
        if key not in gold:
            err(f"missing field '{key}'")
        elif gold[key] is not None and (not isinstance(gold[key], str) or not gold[key].strip()):
            err(f"'{key}' is neither text nor null")
        elif gold[key] is not None and text is not None and gold[key] not in text:
            err(f"{key} {gold[key]!r} does not occur in the text")
    if kind == "team" and gold.get("author") is not None:
        err("a team material has author null")
    if "meeting_year" not in gold:
        if not core:
            err("missing field 'meeting_year'")
    else:
        y = gold["meeting_year"]
        if y is not None and (not isinstance(y, int) or isinstance(y, bool) or not 2000 <= y <= 2100):
            err(f"meeting_year {y!r} is neither a year number nor null")
    y = gold.get("meeting_named_year")
    if y is not None and (not isinstance(y, int) or isinstance(y, bool) or not 2000 <= y <= 2100):
        err(f"meeting_named_year {y!r} is neither a year number nor null")
    elif y is not None and text is not None and str(y) not in text:
        err(f"meeting_named_year {y} is not written in the text")

    seen = {}
    for section in SECTIONS:
        required = {"problems": ("aspect", "title", "first_chars", "category"),
                    "causes": ("title", "first_chars"),
                    "measures": ("title", "first_chars", "deadline")}[section]
        last_pos = -1
        keys = {}
        for i, item in enumerate(gold[section]):
            where = f"{section}[{i}]"
            if not isinstance(item, dict):
                err(f"{where} is not an object")
                continue
            for key in required:
                if key not in item:
                    err(f"{where} missing '{key}'")
            if not isinstance(item.get("title"), str) or not item.get("title", "").strip():
                err(f"{where} has no title")
            if section == "problems":
                if item.get("category") not in CATEGORIES:
                    err(f"{where} category {item.get('category')!r} unknown")
                if item.get("aspect") is not None and not isinstance(item.get("aspect"), str):
                    err(f"{where} aspect is neither text nor null")
            if "deadline" in item:
                d = item["deadline"]
                if d is not None and (not isinstance(d, str) or not d.strip()):
                    err(f"{where} deadline is neither text nor null")
                elif d is not None and text is not None and d not in text:
                    warn(f"{where} deadline {d!r} is not written so in the text")
            fc = item.get("first_chars")
            if not isinstance(fc, str) or not fc:
                err(f"{where} first_chars is empty")
                continue
            if fc in seen:
                err(f"{where} first_chars {fc!r} also used by {seen[fc]}")
            seen[fc] = where
            k = scoring_key(fc)
            if len(k) < 4:
                warn(f"{where} scoring key {k!r} is very short")
            if k in keys:
                err(f"{where} scoring key {k!r} equals that of {keys[k]}")
            keys[k] = where
            if text is None:
                continue
            pos = text.find(fc)
            if pos < 0:
                err(f"{where} first_chars {fc!r} not in the text")
                continue
            if text.count(fc) > 1:
                warn(f"{where} first_chars {fc!r} occurs {text.count(fc)} times")
            if len(fc) != 12 and pos + len(fc) != len(text):
                err(f"{where} first_chars {fc!r} has {len(fc)} characters, not 12")
            if pos < last_pos:
                err(f"{where} first_chars {fc!r} comes before the previous {section} item")
            last_pos = pos


def main(argv):
    args = [a for a in argv[1:]]
    lo, hi = None, None
    core = "--core" in args
    if core:
        args.remove("--core")
    if "--from" in args:
        i = args.index("--from"); lo = int(args[i + 1]); del args[i:i + 2]
    if "--to" in args:
        i = args.index("--to"); hi = int(args[i + 1]); del args[i:i + 2]
    if len(args) != 1:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    folder = Path(args[0])
    if not folder.is_dir():
        print(f"{folder}: not a folder", file=sys.stderr)
        return 2
    golds = sorted(p for p in folder.glob("*.gold.json")
                   if re.fullmatch(r"\d+\.gold\.json", p.name))
    if lo is not None:
        golds = [p for p in golds if int(p.name.split(".")[0]) >= lo]
    if hi is not None:
        golds = [p for p in golds if int(p.name.split(".")[0]) <= hi]
    errors, warnings = [], []
    counts = {"statements": 0, "non_statements": 0, "team": 0,
              "problems": 0, "causes": 0, "measures": 0}
    for g in golds:
        before = len(errors)
        check_file(g, errors, warnings, core)
        if len(errors) == before:
            gold = json.loads(g.read_text(encoding="utf-8"))
            if gold.get("is_statement"):
                counts["statements"] += 1
                counts["team"] += gold.get("statement_kind") == "team"
            else:
                counts["non_statements"] += 1
            for s in SECTIONS:
                counts[s] += len(gold.get(s, []))
    for w in warnings:
        print("warning:", w)
    for e in errors:
        print("error:", e)
    print(f"{len(golds)} gold files, {len(errors)} errors, {len(warnings)} warnings; "
          + ", ".join(f"{k} {v}" for k, v in counts.items()))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
