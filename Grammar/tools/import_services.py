#!/usr/bin/env python3
"""Rebuild Grammar/services.tsv from a services(5) file plus the Windows names netstat.exe prints.

Usage: python3 Grammar/tools/import_services.py [/etc/services] > Grammar/services.tsv
Only tcp, udp and sctp entries are kept; a name's aliases become rows of their own.
"""
import sys

WINDOWS_EXTRA = [
    # name, port, protocols, source: %SystemRoot%\System32\drivers\etc\services names seen in pastes
    ("nbname", 137, "udp", "windows services file (alias of netbios-ns)"),
    ("nbdatagram", 138, "udp", "windows services file (alias of netbios-dgm)"),
    ("nbsession", 139, "tcp", "windows services file (alias of netbios-ssn)"),
    ("ms-sql-s", 1433, "tcp udp", "windows services file"),
    ("ms-sql-m", 1434, "tcp udp", "windows services file"),
    ("llmnr", 5355, "tcp udp", "windows services file"),
    ("wsd", 3702, "udp", "windows services file [UNVERIFIED]"),
    ("ssdp", 1900, "udp", "windows services file [UNVERIFIED]"),
]

path = sys.argv[1] if len(sys.argv) > 1 else "/etc/services"
rows = {}
for line in open(path, encoding="utf-8", errors="replace"):
    line = line.split("#", 1)[0].split()
    if len(line) < 2 or "/" not in line[1]:
        continue
    port, proto = line[1].split("/", 1)
    if proto not in ("tcp", "udp", "sctp"):
        continue
    for name in [line[0]] + line[2:]:
        key = (name, int(port))
        rows.setdefault(key, set()).add(proto)
known = {n for n, _ in rows}
print("# name\tport\tprotocols\tsource")
for (name, port), protos in sorted(rows.items(), key=lambda r: (r[0][1], r[0][0])):
    print(f"{name}\t{port}\t{' '.join(sorted(protos))}\tnetbase /etc/services")
for name, port, protos, source in WINDOWS_EXTRA:
    if name not in known:
        print(f"{name}\t{port}\t{protos}\t{source}")
