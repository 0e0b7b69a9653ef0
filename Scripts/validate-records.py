#!/usr/bin/env python3
"""Validate netconv JSON output (arrays of records) against Schema/socket.schema.json.

Usage: validate-records.py SCHEMA FILE.json...   Exit 0 when every record is valid, 1 otherwise.
Needs the `jsonschema` package (pip install jsonschema); .ci/run installs it when missing.
"""
import json, sys
import jsonschema

schema = json.load(open(sys.argv[1], encoding="utf-8"))
validator = jsonschema.Draft202012Validator(schema)
bad = 0
count = 0
for path in sys.argv[2:]:
    for index, record in enumerate(json.load(open(path, encoding="utf-8"))):
        count += 1
        for error in validator.iter_errors(record):
            bad += 1
            print(f"{path}: record {index + 1}: {error.message}")
print(f"validated {count} records, {bad} errors")
sys.exit(1 if bad or count == 0 else 0)
