#!/usr/bin/env python3
"""Print Sources/NetConv/Input/LegacyCodePage+Tables.swift from Python's codec tables.

Usage: python3 Scripts/codepage-tables.py > Sources/NetConv/Input/LegacyCodePage+Tables.swift
"""
pages = ["cp437", "cp850", "cp852", "cp866", "cp1252"]
print("// The upper halves (0x80...0xFF) of the single-byte code pages netconv falls back to, as")
print("// Unicode scalar values. Produced from Python's codecs tables by Scripts/codepage-tables.py;")
print("// 0xFFFD marks a byte the code page leaves undefined.")
print()
print("extension LegacyCodePage {")
for p in pages:
    vals = []
    for b in range(0x80, 0x100):
        try:
            vals.append(ord(bytes([b]).decode(p)))
        except UnicodeDecodeError:
            vals.append(0xFFFD)
    print(f"  static let {p}UpperHalf: [UInt32] = [")
    for i in range(0, 128, 8):
        print("    " + ", ".join(f"0x{v:04X}" for v in vals[i:i + 8]) + ",")
    print("  ]")
    print()
print("}")
