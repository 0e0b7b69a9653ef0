#!/usr/bin/env python3
"""Rebuild Grammar/ip-protocols.tsv from /etc/protocols (netbase).

Raw sockets show the IP protocol where other sockets show a port (`127.0.0.1:icmp`,
`[::1]:ipv6-icmp`, `::1:58` with -n); this table turns those names into numbers.
Usage: python3 Grammar/tools/import_protocols.py [/etc/protocols] > Grammar/ip-protocols.tsv
"""
import sys

path = sys.argv[1] if len(sys.argv) > 1 else "/etc/protocols"
print("# name\tnumber\tsource")
seen = set()
for line in open(path, encoding="utf-8", errors="replace"):
    fields = line.split("#", 1)[0].split()
    if len(fields) < 2 or not fields[1].isdigit():
        continue
    for name in [fields[0]] + fields[2:]:
        if name not in seen:
            seen.add(name)
            print(f"{name}\t{fields[1]}\tnetbase /etc/protocols")
