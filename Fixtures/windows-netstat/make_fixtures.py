#!/usr/bin/env python3
"""Writes the hand-made Windows netstat fixtures in this folder (see Fixtures/README.md).

No Windows machine is at hand, so these inputs are built from the shapes recorded in
shared/FORMATS.md section A (real pastes cited there), in the encodings real pastes arrive in.
Run it from this folder; it overwrites the .txt inputs, never the golden files.
"""
import os
def row(proto, local, foreign, state="", pid=None, jp=False):
    p = f"  {proto:<5}  " if not jp else f"  {proto:<12}"
    s = f"{p}{local:<22} {foreign:<22} {state:<15} " if state or pid is not None else f"{p}{local:<22} {foreign}"
    if not state and pid is not None:
        s = f"{p}{local:<22} {foreign:<22} {'':<15} "
    if pid is not None: s += f"{pid}"
    return s.rstrip()
def block(banner, header, rows):
    return ["", banner, "", "  " + header] + rows
def write(name, lines, enc="utf-8", crlf=True, bom=b""):
    text = ("\r\n" if crlf else "\n").join(lines) + ("\r\n" if crlf else "\n")
    data = bom + text.encode(enc)
    open(name, "wb").write(data)

EN_H = "Proto  Local Address          Foreign Address        State           PID"
ano = [
 row("TCP","0.0.0.0:135","0.0.0.0:0","LISTENING",1072),
 row("TCP","0.0.0.0:445","0.0.0.0:0","LISTENING",4),
 row("TCP","0.0.0.0:3389","0.0.0.0:0","LISTENING",1240),
 row("TCP","192.168.0.106:50046","34.120.208.123:443","TIME_WAIT",0),
 row("TCP","192.168.0.106:50112","140.82.114.25:443","ESTABLISHED",8812),
 row("TCP","192.168.0.106:50130","52.96.165.18:443","CLOSE_WAIT",8812),
 row("TCP","192.168.0.106:50141","20.42.65.92:443","SYN_SENT",3312),
 row("TCP","[::]:135","[::]:0","LISTENING",1072),
 row("TCP","[::1]:49669","[::]:0","LISTENING",3004),
 row("TCP","[fe80::3c7a:339:64f0:2161%11]:1521","[fe80::3c7a:339:64f0:2161%11]:51769","ESTABLISHED",4316),
 row("UDP","0.0.0.0:5353","*:*",pid=2448),
 row("UDP","[::]:5353","*:*",pid=2448),
 row("UDP","[fe80::3c7a:339:64f0:2161%11]:1900","*:*",pid=5512),
 row("UDP","10.33.70.185:57400","66.22.197.137:50001","ESTABLISHED",9920),
 row("UDP","0.0.0.0:50127","0.0.0.94:443",pid=9920),
]
write("en-ano.txt", ["C:\\Users\\maria>netstat -ano"] + block("Active Connections", EN_H, ano) + ["", "C:\\Users\\maria>"])

abno = block("Active Connections", EN_H, [
 row("TCP","0.0.0.0:135","0.0.0.0:0","LISTENING",1052), "  RpcSs", " [svchost.exe]",
 row("TCP","0.0.0.0:445","0.0.0.0:0","LISTENING",4), " Can not obtain ownership information",
 row("TCP","0.0.0.0:5040","0.0.0.0:0","LISTENING",6740), "  CDPSvc", " [svchost.exe]",
 row("TCP","0.0.0.0:7680","0.0.0.0:0","LISTENING",11440), " Can not obtain ownership information",
 row("TCP","127.0.0.1:6463","0.0.0.0:0","LISTENING",13540), " [Discord.exe]",
 row("TCP","192.168.0.106:50046","34.120.208.123:443","TIME_WAIT",0),
 row("TCP","192.168.0.106:50112","140.82.114.25:443","ESTABLISHED",8812), " [firefox.exe]",
 row("TCP","192.168.0.106:50177","147.75.40.150:443","ESTABLISHED",5120), " [AnyDesk.exe]",
 row("TCP","[::]:445","[::]:0","LISTENING",4), " Can not obtain ownership information",
 row("UDP","0.0.0.0:5353","*:*",pid=2448), "  Dnscache", " [svchost.exe]",
 row("UDP","0.0.0.0:500","*:*",pid=4012), "  IKEEXT", " [svchost.exe]",
 row("UDP","127.0.0.1:49664","127.0.0.1:49664",pid=3964), "  iphlpsvc", " [svchost.exe]",
 row("TCP","0.0.0.0:49670","0.0.0.0:0","LISTENING",812), " [OneApp.IGCC.WinService.exe]",
])
write("en-abno.txt", ["PS C:\\Windows\\system32> netstat -abno"] + abno)

names = block("Active Connections", "Proto  Local Address          Foreign Address        State", [
 row("TCP","0.0.0.0:epmap","LAPTOP-6LNI85PH:0","LISTENING"),
 row("TCP","0.0.0.0:microsoft-ds","LAPTOP-6LNI85PH:0","LISTENING"),
 row("TCP","127.0.0.1:49862","LAPTOP-6LNI85PH:49863","ESTABLISHED"),
 row("TCP","192.168.1.34:50211","lb-140-82-114-5-iad:https","ESTABLISHED"),
 row("TCP","192.168.1.34:50214","rio09s05-in-f10:https","ESTABLISHED"),
 row("TCP","192.168.1.34:50220","a23-45-15-115:https","TIME_WAIT"),
 row("TCP","192.168.1.34:50233","82:http","ESTABLISHED"),
 row("TCP","192.168.1.34:50240","svr01:pop3","ESTABLISHED"),
 row("TCP","192.168.1.34:50250","8.50.5.254:http","CLOSE_WAIT"),
 row("TCP","[::]:epmap","LAPTOP-6LNI85PH:0","LISTENING"),
 row("UDP","0.0.0.0:ssdp","*:*"),
 row("UDP","127.0.0.1:domain","*:*"),
])
write("en-names.txt", names)

DE_H = "Proto  Lokale Adresse         Remoteadresse          Status           PID"
de = block("Aktive Verbindungen", DE_H, [
 row("TCP","0.0.0.0:135","0.0.0.0:0","ABHÖREN",1024),
 row("TCP","0.0.0.0:8080","0.0.0.0:0","ABHÖREN",42852),
 row("TCP","192.168.178.20:49712","52.113.194.132:443","HERGESTELLT",11252),
 row("TCP","192.168.178.20:49730","23.35.70.91:443","WARTEND",0),
 "  TCP    192.168.178.20:49741   104.18.32.7:443        SCHLIESSEN_WARTEN    12600",
 row("TCP","192.168.178.20:49750","140.82.113.4:443","FIN_WARTEN_2",11252),
 row("TCP","192.168.178.20:49760","20.190.159.2:443","SYN_GESENDET",3344),
 row("TCP","[::]:135","[::]:0","ABHÖREN",1024),
 row("UDP","0.0.0.0:5353","*:*",pid=2184),
])
write("de-ano.txt", ["C:\\Users\\jonas>netstat -ano"] + de)
write("de-ano-cp850.txt", ["C:\\Users\\jonas>netstat -ano"] + de, enc="cp850")
moj = [l.replace("ABHÖREN","ABH?REN") for l in de]
moj[5] = moj[5].replace("ABH?REN","ABH™REN")
write("de-mojibake.txt", moj)

de_t = block("Aktive Verbindungen", "Proto. Lokale Adresse       Remoteadresse       Status       Abladungsstatus", [
 "  TCP    127.0.0.1:5354         0.0.0.0:0              ABHÖREN          InHost",
 "  TCP    192.168.178.20:49712   52.113.194.132:443     HERGESTELLT      InHost",
])
write("de-t-offload.txt", de_t)

fr = block("Connexions actives", "Proto  Adresse locale         Adresse distante       État", [
 row("TCP","0.0.0.0:80","LAPTOP-094TMCHO:0","LISTENING",4), " Impossible d’obtenir les informations de propriétaire",
 row("TCP","0.0.0.0:135","LAPTOP-094TMCHO:0","LISTENING",1160), "  RpcSs", " [svchost.exe]",
 row("TCP","0.0.0.0:5040","LAPTOP-094TMCHO:0","LISTENING",7236), "  CDPSvc", " [svchost.exe]",
 row("TCP","10.33.16.217:53421","lan:domain","SYN_SENT",5828), " [chrome.exe]",
 row("TCP","10.33.16.217:53422","cdn-185-199-108-154:https","ESTABLISHED",5828), " [chrome.exe]",
 row("UDP","0.0.0.0:500","*:*",pid=4160), "  IKEEXT", " [svchost.exe]",
])
write("fr-abo.txt", ["PS C:\\Windows\\system32> netstat -a -b -o"] + fr)

ES_H = "Proto  Dirección local        Dirección remota       Estado           PID"
es = block("Conexiones activas", ES_H, [
 row("TCP","0.0.0.0:135","0.0.0.0:0","LISTENING",996), "  RpcSs", " [svchost.exe]",
 row("TCP","0.0.0.0:445","0.0.0.0:0","LISTENING",4), " No se puede obtener información de propiedad",
 row("TCP","192.168.1.50:51234","13.107.42.14:443","ESTABLISHED",6088), " [msedge.exe]",
])
write("es-nabo-cp850.txt", ["C:\\>netstat -nabo > informe.txt"] + es, enc="cp850")
es_moj = [l.replace("ó","¢") for l in es]
write("es-nabo-mojibake.txt", es_moj)

pt = block("Conexões ativas", "Proto  Endereço local         Endereço externo       Estado", [
 row("TCP","0.0.0.0:135","DESKTOP-DQP1BRI:0","LISTENING"),
 row("TCP","192.168.15.7:51012","a23-45-15-115:https","ESTABLISHED"),
 row("TCP","192.168.15.7:51020","gru14s27-in-f14:https","CLOSE_WAIT"),
])
write("pt-BR-a.txt", pt)

RU_H = "Имя    Локальный адрес        Внешний адрес          Состояние       PID"
ru = block("Активные подключения", RU_H, [
 row("TCP","0.0.0.0:135","0.0.0.0:0","LISTENING",900),
 row("TCP","192.168.1.5:50712","95.213.11.180:443","ESTABLISHED",7712),
 row("TCP","192.168.1.5:50713","87.250.250.242:443","FIN_WAIT_2",7712),
 row("UDP","0.0.0.0:123","*:*",pid=1488),
])
write("ru-ano-cp866.txt", ["C:\\Users\\Иван>netstat -ano"] + ru, enc="cp866")

JA_H = "プロトコル  ローカル アドレス      外部アドレス           状態            PID"
ja = block("アクティブな接続", JA_H, [
 row("TCP","0.0.0.0:21","0.0.0.0:0","LISTENING",12636, jp=True),
 row("TCP","0.0.0.0:8080","0.0.0.0:0","LISTENING",5520, jp=True),
 row("TCP","192.168.10.3:52110","13.107.21.200:443","ESTABLISHED",9008, jp=True),
])
write("ja-nao-cp932.txt", ["C:\\>netstat -nao"] + ja, enc="cp932")

ZH_H = "协议  本地地址          外部地址        状态           PID"
zh = block("活动连接", ZH_H, [
 row("TCP","0.0.0.0:135","0.0.0.0:0","LISTENING",1012), "  RpcSs", " [svchost.exe]",
 row("TCP","0.0.0.0:445","0.0.0.0:0","LISTENING",4), " 无法获取所有权信息",
 row("TCP","192.168.3.8:50321","106.11.43.158:443","ESTABLISHED",10204), " [WeChat.exe]",
])
write("zh-CN-anbo-cp936.txt", ["C:\\WINDOWS\\system32>netstat -anbo"] + zh, enc="gbk")

KO_H = "프로토콜  로컬 주소              외부 주소              상태            PID"
ko = block("활성 연결", KO_H, [
 row("TCP","0.0.0.0:135","0.0.0.0:0","LISTENING",1132),
 row("TCP","192.168.0.12:61234","211.249.220.24:443","ESTABLISHED",8456),
])
write("ko-p-tcp-ano-cp949.txt", ["C:\\Users\\user>netstat -p tcp -ano"] + ko, enc="cp949")

TW_H = "協定   本機位址               外部位址               狀態            PID"
tw = block("使用中連線", TW_H, [
 "  TCP    0.0.0.0:135            0.0.0.0:0              LISTENING       1948   RpcSs [svchost.exe]",
 "  TCP    0.0.0.0:445            0.0.0.0:0              LISTENING       4      無 法取得擁有權資訊",
 "  TCP    192.168.1.100:51000    20.198.162.76:443      ESTABLISHED     7880   [OneDrive.exe]",
])
write("zh-TW-edited-owners.txt", tw)

# PowerShell 5 redirection: UTF-16LE with BOM
write("en-ano-utf16le.txt", ["PS C:\\> netstat -ano > netstat.txt"] + block("Active Connections", EN_H, ano[:6]), enc="utf-16-le", bom=b"\xff\xfe")
write("en-an-utf16le-nobom.txt", block("Active Connections", "Proto  Local Address          Foreign Address        State", [r.rsplit(" ",1)[0].rstrip() if r.split()[-1].isdigit() else r for r in ano[:5]]), enc="utf-16-le")

# Interval mode: netstat -ano 5, three blocks, ^C at the end
blk = lambda rs: block("Active Connections", EN_H, rs)
interval = ["C:\\>netstat -ano 5"] + blk(ano[:3]) + blk(ano[:3] + [row("TCP","192.168.0.106:50333","147.75.40.150:443","ESTABLISHED",5120)]) + blk(ano[:2]) + ["^C", "C:\\>"]
write("en-ano-interval.txt", interval)

write("en-elevation.txt", ["C:\\Users\\oma>netstat -b", "", " " * 45 + "The requested operation requires elevation.", "", "C:\\Users\\oma>"])
write("hu-elevation-mixed.txt", ["C:\\Users\\diak>netstat -anob", "A kért művelethez magasabb felhasználói szint szükséges.", "", "C:\\Users\\diak>netstat -an"] + block("Active Connections", "Proto  Local Address          Foreign Address        State", [r.rsplit(" ",1)[0].rstrip() for r in ano[:3]]))

xp = ["", "Active Connections", "", "  Proto  Local Address          Foreign Address        State           PID",
 "  TCP    0.0.0.0:135            0.0.0.0:0              LISTENING       1004",
 "  c:\\windows\\system32\\WS2_32.dll", "  C:\\WINDOWS\\system32\\RPCRT4.dll", "  c:\\windows\\system32\\rpcss.dll", "  C:\\WINDOWS\\system32\\svchost.exe", "  -- unknown component(s) --", "  [svchost.exe]", "",
 "  TCP    0.0.0.0:445            0.0.0.0:0              LISTENING       4", "  [System]", "",
 "  TCP    127.0.0.1:1029         0.0.0.0:0              LISTENING       1544", "  C:\\Program Files\\Common Files\\Adobe\\ARM\\armsvc.exe", "  [armsvc.exe]", "",
 "  UDP    0.0.0.0:500            *:*                                    744", "  C:\\WINDOWS\\system32\\oakley.DLL", "  -- unknown component(s) --", "  [lsass.exe]", ""]
write("xp-bv-dll-chains.txt", ["C:\\Documents and Settings\\Owner>netstat -abnov"] + xp)

findstr = ["C:\\Users\\maria>netstat -ano | findstr 445",
 "  TCP    0.0.0.0:445            0.0.0.0:0              LISTENING       4",
 "  TCP    [::]:445               [::]:0                 LISTENING       4",
 "C:\\Users\\maria>netstat -ano | findstr :3389",
 "  TCP    0.0.0.0:3389           0.0.0.0:0              ABHÖREN         1240"]
write("findstr-no-header.txt", findstr)

q = block("Active Connections", EN_H, [
 row("TCP","0.0.0.0:135","0.0.0.0:0","LISTENING",1072),
 row("TCP","192.168.0.106:50600","0.0.0.0:0","BOUND",8812),
 row("TCP","192.168.0.106:50601","0.0.0.0:0","BOUND",8812),
 row("TCP","192.168.0.106:50602","20.42.65.92:443","ESTABLISHED",8812),
])
write("en-anoq-bound.txt", ["C:\\>netstat -anoq"] + q)

orphan = ["C:\\>netstat -b", " [svchost.exe]", ""] + block("Active Connections", EN_H, [row("TCP","0.0.0.0:135","0.0.0.0:0","LISTENING",1052), "  RpcSs", " [svchost.exe]", " [svchost.exe]", row("TCP","0.0.0.0:7","0.0.0.0:0","HORCHEN",99)])
write("orphan-owner-and-unknown-state.txt", orphan)

# Banner, header and (where known) states of the other display languages, one small file each.
LANGS = {
    "it": ("Connessioni attive", "Proto  Indirizzo locale       Indirizzo esterno      Stato           PID", "LISTENING"),
    "nl": ("Actieve verbindingen", "Proto  Lokaal adres           Extern adres           Status          PID", "LISTENING"),
    "pl": ("Aktywne połączenia", "Protokół  Adres lokalny        Obcy adres             Stan            PID", "LISTENING"),
    "tr": ("Etkin Bağlantılar", "Proto  Yerel Adres            Yabancı Adres          Durum           PID", "LISTENING"),
    "cs": ("Aktivní připojení", "Proto  Místní adresa          Cizí adresa            Stav            PID", "LISTENING"),
    "sv": ("Aktiva anslutningar", "Proto  Lokal adress           Utländsk adress        Tillstånd       PID", "LISTENING"),
    "hu": ("Aktív kapcsolatok", "Proto  Helyi cím              Távoli cím             Állapot         PID", "LISTENING"),
}
for lang, (banner, header, listening) in LANGS.items():
    write(f"{lang}-ano.txt", block(banner, header, [
        row("TCP", "0.0.0.0:135", "0.0.0.0:0", listening, 1004),
        row("TCP", "192.168.1.20:50512", "13.107.42.14:443", "ESTABLISHED", 7720),
        row("UDP", "0.0.0.0:5353", "*:*", pid=2231),
    ]))
