#!/usr/bin/env python3
"""Reads netconv output in FORMAT on stdin and prints it as canonical JSON, one record per
line, with keys dropped or renamed: how Scripts/differential.sh compares two builds across a
deliberate change to the record (a new key, a renamed one) and nothing else.

Usage: normalize-records.py FORMAT [--drop KEY]... [--rename OLD=NEW]...
"""
import csv, io, json, sys

import yaml


def main():
    fmt, args = sys.argv[1], sys.argv[2:]
    drop, rename = set(), {}
    while args:
        flag, value, args = args[0], args[1], args[2:]
        if flag == "--drop":
            drop.add(value)
        elif flag == "--rename":
            old, new = value.split("=", 1)
            rename[old] = new
    text = sys.stdin.buffer.read().decode("utf-8", "surrogateescape")
    if fmt == "json":
        records = json.loads(text) if text.strip() else []
    elif fmt == "jsonl":
        records = [json.loads(line) for line in text.splitlines() if line.strip()]
    elif fmt == "yaml":
        records = yaml.safe_load(text) or []
    elif fmt == "csv":
        records = list(csv.DictReader(io.StringIO(text, newline="")))
    else:
        sys.exit(f"unknown format {fmt}")
    if isinstance(records, dict):
        records = records.get("records", [])
    for record in records:
        out = {rename.get(key, key): value for key, value in record.items() if key not in drop}
        print(json.dumps(out, sort_keys=True, ensure_ascii=False))


main()
