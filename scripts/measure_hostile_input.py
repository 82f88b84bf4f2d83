#!/usr/bin/env python3
"""Hostile uploads against the real binary (scripts/measure-hostile-input.sh).

    measure_hostile_input.py BINARY [NAME…]

For each input (all of them, or those named) a fresh server on a temporary
SQLite database: an admin, a campaign with a one-student roster, that student
logged in (dev login), bound and consenting. Then one upload with curl, and
the answer's status, code and size, the time, and the server's peak resident
memory (VmHWM) before and after. Standard library only.
"""

import json
import os
import random
import socket
import struct
import subprocess
import sys
import tempfile
import time
import urllib.request
import zipfile
import zlib

MB = 1 << 20
# Just under the default upload limit (DP_UPLOAD_LIMIT_BYTES, 20 MiB with the multipart framing).
SIZE = 20 * MB - 4096
ROSTER_HEADER = "学号,姓名,培养单位代码,学生类别,毕业时间,是否延期,学信网已有学历照片,手机号"


def csv_file(path, lines):
    with open(path, "w", encoding="utf-8") as f:
        f.write(ROSTER_HEADER + "\n")
        for line in lines:
            f.write(line + "\n")


def sized_lines(line, size):
    return (line for _ in range(size // (len(line.encode()) + 1)))


def xlsx(path, members):
    """An XLSX skeleton; `members` maps a path to (head, filler, count, tail)."""
    parts = {
        "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/></Types>',
        "_rels/.rels": '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
        '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml": ('<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
                                     "", 0, "</sheetData></worksheet>"),
    }
    parts.update(members)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for name, content in parts.items():
            if isinstance(content, str):
                z.writestr(name, content)
                continue
            head, filler, count, tail = content
            with z.open(name, "w") as member:
                member.write(head.encode())
                chunk = filler.encode() * max(1, (1 << 16) // max(1, len(filler)))
                left = count * len(filler)
                while left > 0:
                    member.write(chunk[: min(left, len(chunk))])
                    left -= len(chunk)
                member.write(tail.encode())


def png_chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png(path, extra_chunks):
    """A 600×800 grey PNG with `extra_chunks` after its header."""
    width, height = 600, 800
    raw = (b"\0" + b"\x80\x80\x80" * width) * height
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n")
        f.write(png_chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)))
        for chunk in extra_chunks:
            f.write(chunk)
        f.write(png_chunk(b"IDAT", zlib.compress(raw, 9)))
        f.write(png_chunk(b"IEND", b""))


def icc_bomb(size):
    z = zlib.compressobj(9)
    block = bytes(MB)
    data = b"".join(z.compress(block) for _ in range(size // MB)) + z.flush()
    return png_chunk(b"iCCP", b"bomb\0\0" + data)


def inputs(tmp):
    """name → (path, endpoint kind, how to make it)."""
    rnd = random.Random(17)
    garbage = bytes(rnd.randrange(256) for _ in range(MB))
    return {
        "csv-300k-bad-lines": ("roster", lambda p: csv_file(p, ["x"] * 300_000)),
        "csv-99k-bad-rows-20mb": ("roster", lambda p: csv_file(
            p, sized_lines("x" * 86 + "," + "名" * 20 + ",NOPE" * 2 + ",火星" * 3 + "," + "9" * 30, SIZE))),
        "csv-one-row-of-commas-20mb": ("roster", lambda p: csv_file(p, ["," * (SIZE - 200)])),
        "csv-one-cell-20mb": ("roster", lambda p: csv_file(p, ["y" * (SIZE - 200)])),
        "csv-10m-lines-20mb": ("roster", lambda p: csv_file(p, ["x"] * (SIZE // 2 - 100))),
        "binary-20mb": ("roster", lambda p: open(p, "wb").write((garbage * 20)[:SIZE])),
        "xlsx-bomb-1gib": ("roster", lambda p: xlsx(p, {
            "xl/worksheets/sheet1.xml": ("<worksheet><sheetData>", " ", 1 << 30, "</sheetData></worksheet>")})),
        "xlsx-parts-at-their-limits": ("roster", lambda p: xlsx(p, {
            "xl/worksheets/sheet1.xml": ("<worksheet><sheetData><row>", "<c><v>1</v></c>", 64 * MB // 15 - 10,
                                         "</row></sheetData></worksheet>"),
            "xl/sharedStrings.xml": ("<sst>", "<si><t>a</t></si>", 32 * MB // 18 - 10, "</sst>"),
            "xl/styles.xml": ("<styleSheet><cellXfs>", "<xf></xf>", 4 * MB // 9 - 10, "</cellXfs></styleSheet>")})),
        "xlsx-styles-64mb": ("roster", lambda p: xlsx(p, {
            "xl/styles.xml": ("<styleSheet><cellXfs>", "<xf></xf>", 64 * MB // 9 - 10, "</cellXfs></styleSheet>")})),
        "png-icc-1gib": ("photo", lambda p: png(p, [icc_bomb(1 << 30)])),
        "png-text-5mb": ("photo", lambda p: png(p, [png_chunk(b"tEXt", b"Comment\0" + b"a" * (5 * MB))])),
    }


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def call(base, method, path, body=None, token=None):
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(base + "/api/v1" + path, data=data, method=method, headers=headers)
    with urllib.request.urlopen(req, timeout=30) as resp:
        raw = resp.read()
    return json.loads(raw) if raw else None


def memory_mib(pid, field):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(field):
                return int(line.split()[1]) / 1024
    raise SystemExit(f"{field} missing for {pid}")


def measure(binary, name, kind, path):
    with tempfile.TemporaryDirectory() as data:
        port = free_port()
        env = dict(os.environ, DP_DATABASE_URL=f"sqlite://{data}/m.db?mode=rwc",
                   DP_STORAGE=f"{data}/uploads", DP_LISTEN=f"127.0.0.1:{port}", RUST_LOG="warn")
        subprocess.run([binary, "create-staff", "--username", "m.admin", "--role", "admin"],
                       env=dict(env, DP_PASSWORD="measure-pass-1"), check=True, capture_output=True)
        server = subprocess.Popen([binary], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            base = f"http://127.0.0.1:{port}"
            for _ in range(200):
                try:
                    urllib.request.urlopen(base + "/readyz", timeout=1)
                    break
                except OSError:
                    time.sleep(0.05)
            admin = call(base, "POST", "/auth/staff", {"username": "m.admin", "password": "measure-pass-1"})["token"]
            call(base, "POST", "/admin/campuses", {"code": "MC", "name": "测量校区"}, admin)
            call(base, "POST", "/admin/units", {"code": "MU", "name": "测量单位", "campus_code": "MC"}, admin)
            soon = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() + 30 * 86400))
            campaign = call(base, "POST", "/admin/campaigns", {
                # Deadlines must fall within a year of the graduation year.
                "name": "measure", "graduation_year": int(soon[:4]), "status": "open",
                "makeup_deadline": soon, "self_check_deadline": soon}, admin)["id"]
            roster = f"{ROSTER_HEADER}\n40000001,学生,MU,外国,上半年,否,否,\n"
            with open(f"{data}/roster.csv", "w") as f:
                f.write(roster)
            upload(base, f"/admin/campaigns/{campaign}/roster", "file", f"{data}/roster.csv", admin)
            student = call(base, "POST", "/auth/wechat", {"code": "dev:measure"})["token"]
            call(base, "POST", "/me/binding", {"student_no": "40000001", "name": "学生"}, student)
            version = call(base, "GET", "/makeup/spec", token=student)["consent_version"]
            call(base, "POST", "/me/consents", {"purpose": "makeup_photo", "version": version}, student)
            before = memory_mib(server.pid, "VmHWM:")
            if kind == "roster":
                answer = upload(base, f"/admin/campaigns/{campaign}/roster", "file", path, admin)
            else:
                answer = upload(base, "/me/makeup/precheck", "photo", path, student)
            status, size, seconds, body = answer
            code = json.loads(body).get("code", "-") if body.startswith(b"{") else "-"
            print(f"| {name} | {os.path.getsize(path) / MB:.1f} MB | {status} `{code}` | {size:,} B | "
                  f"{seconds:.2f} s | {before:.0f} → {memory_mib(server.pid, 'VmHWM:'):.0f} MiB "
                  f"(RSS after {memory_mib(server.pid, 'VmRSS:'):.0f}) |", flush=True)
        finally:
            server.kill()
            server.wait()


def upload(base, path, field, file, token):
    out = subprocess.run(
        ["curl", "-s", "-o", "/dev/stderr", "-w", "%{http_code} %{size_download} %{time_total}",
         "-H", f"Authorization: Bearer {token}", "-F", f"{field}=@{file}", base + "/api/v1" + path],
        capture_output=True, check=True)
    status, size, seconds = out.stdout.decode().split()
    return int(status), int(size), float(seconds), out.stderr


def main(argv):
    if len(argv) < 2:
        sys.exit(__doc__)
    binary, wanted = argv[1], argv[2:]
    with tempfile.TemporaryDirectory() as tmp:
        print("| input | file | answer | bytes answered | time | server VmHWM before → after |")
        print("|---|---|---|---|---|---|")
        for name, (kind, make) in inputs(tmp).items():
            if wanted and name not in wanted:
                continue
            path = os.path.join(tmp, name)
            make(path)
            measure(binary, name, kind, path)
            os.remove(path)


if __name__ == "__main__":
    main(sys.argv)
