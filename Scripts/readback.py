#!/usr/bin/env python3
"""Read netconv output back with Python's own parsers and print it as JSON, for the tests.

Usage: readback.py FORMAT FILE...   FORMAT is json, jsonl, yaml or csv.
Prints {"FILE": parsed, ...}: json/yaml as loaded (json.load, yaml.safe_load: a YAML 1.1
reader), jsonl as a list of objects, csv as a list of rows (csv module, RFC 4180 dialect).
"""
import csv, io, json, sys

fmt, files = sys.argv[1], sys.argv[2:]
out = {}
for path in files:
    data = open(path, "rb").read().decode("utf-8")
    if fmt == "json":
        out[path] = json.loads(data)
    elif fmt == "jsonl":
        out[path] = [json.loads(line) for line in data.split("\n") if line]
    elif fmt == "yaml":
        import yaml
        out[path] = yaml.safe_load(data)
    elif fmt == "csv":
        out[path] = list(csv.reader(io.StringIO(data, newline=""), strict=True))
    else:
        sys.exit(f"unknown format {fmt}")
json.dump(out, sys.stdout, ensure_ascii=False)
