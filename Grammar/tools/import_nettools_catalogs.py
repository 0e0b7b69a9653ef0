#!/usr/bin/env python3
"""Print the net-tools strings netconv needs, from the gettext catalogs installed on this machine.

Provenance helper for Grammar/linux-netstat/vocabulary.json: run it on a Debian machine with
net-tools installed and compare its output with the "languages" entries there. It reads
/usr/share/locale/<lang>/LC_MESSAGES/net-tools.mo with Python's gettext module (no extra packages).
"""
import glob, re, json, os, struct, sys


def read_mo(path):
    """Return {msgid: msgstr} of a GNU .mo file, decoded with the charset its header names."""
    data = open(path, "rb").read()
    magic = struct.unpack("<I", data[:4])[0]
    end = "<" if magic == 0x950412DE else ">"
    _, count, orig, trans = struct.unpack(end + "4I", data[4:20])
    pairs = []
    for i in range(count):
        olen, ooff = struct.unpack(end + "2I", data[orig + 8 * i: orig + 8 * i + 8])
        tlen, toff = struct.unpack(end + "2I", data[trans + 8 * i: trans + 8 * i + 8])
        pairs.append((data[ooff:ooff + olen], data[toff:toff + tlen]))
    header = dict(pairs).get(b"", b"").decode("ascii", "replace")
    m = re.search(r"charset=([-\w]+)", header)
    charset = m.group(1) if m else "utf-8"
    return {k.decode("latin-1"): v.decode(charset, "replace") for k, v in pairs if k}

WANTED = {
    "banner_internet": "Active Internet connections ",
    "banner_unix": "Active UNIX domain sockets ",
    "banner_routing": "Kernel IP routing table\n",
    "banner_routing6": "Kernel IPv6 routing table\n",
    "banner_routing_cache": "Kernel IP routing cache\n",
    "banner_neighbour6": "Kernel IPv6 Neighbour Cache\n",
    "banner_interfaces": "Kernel Interface table\n",
    "banner_masquerade": "IP masquerading entries\n",
    "banner_ipx": "Active IPX sockets\nProto Recv-Q Send-Q Local Address              Foreign Address            State",
    "banner_ax25": "Active AX.25 sockets\n",
    "banner_netrom": "Active NET/ROM sockets\n",
    "banner_x25": "Active X.25 sockets\n",
    "header_inet": "\nProto Recv-Q Send-Q Local Address           Foreign Address         State      ",
    "header_unix": "\nProto RefCnt Flags       Type       State         I-Node",
    "header_user_inode": " User       Inode     ",
    "header_timer": " Timer",
    "notice_no_info": "(No info could be read for \"-p\": geteuid()=%d but you should be root.)\n",
    "notice_not_all": "(Not all processes could be identified, non-owned process info\n will not be shown, you would have to be root to see it all.)\n",
}
STATES = ["ESTABLISHED", "SYN_SENT", "SYN_RECV", "FIN_WAIT1", "FIN_WAIT2", "TIME_WAIT", "CLOSE",
          "CLOSE_WAIT", "LAST_ACK", "LISTEN", "CLOSING", "UNKNOWN",
          "FREE", "LISTENING", "CONNECTING", "CONNECTED", "DISCONNECTING"]

out = {}
for mo in sorted(glob.glob("/usr/share/locale/*/LC_MESSAGES/net-tools.mo")):
    lang = mo.split(os.sep)[-3]
    cat = read_mo(mo)
    entry = {k: cat.get(v) for k, v in WANTED.items()}
    entry["states"] = {s: cat.get(s) for s in STATES if cat.get(s)}
    out[lang] = entry
json.dump(out, sys.stdout, ensure_ascii=False, indent=1)
