#!/usr/bin/env python3
"""Seeding and logins for scripts/conformance.sh (standard library only).

    conformance_seed.py seed  BASE_URL            data beyond `seed-demo`
    conformance_seed.py token BASE_URL IDENTITY   print a fresh token

BASE_URL is the server's root (http://127.0.0.1:PORT). IDENTITY is `student`
(bound to the demo roster) or a staff role: admin, unit_secretary, onsite,
intl_office (the `seed-demo` accounts). Any unexpected answer is fatal.
"""

import json
import sys
import urllib.error
import urllib.request

# The `seed-demo` staff accounts; the password is the username + "-pass".
STAFF = {
    "admin": "demo-admin",
    "unit_secretary": "demo-secretary",
    "onsite": "demo-onsite",
    "intl_office": "demo-intl",
}
# Dev login (no DP_WECHAT_APPID): the code "dev:<openid>" logs in as that openid.
STUDENT_CODE = "dev:conformance-student"
# A domestic CS student of the demo roster: a booking, no CHSI photo yet.
STUDENT_NO, STUDENT_NAME = "20240019", "陈浩然"


def call(base, method, path, body=None, token=None, expect=(200,)):
    headers = {"Accept": "application/json"}
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        headers["Content-Type"] = "application/json"
    if token:
        headers["Authorization"] = f"Bearer {token}"
    req = urllib.request.Request(base + "/api/v1" + path, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            status, raw = resp.status, resp.read()
    except urllib.error.HTTPError as err:
        status, raw = err.code, err.read()
    if status not in expect:
        sys.exit(f"seeding: {method} {path} answered {status}: {raw[:500].decode(errors='replace')}")
    return json.loads(raw) if raw else None


def token(base, identity):
    if identity == "student":
        return call(base, "POST", "/auth/wechat", {"code": STUDENT_CODE})["token"]
    if identity not in STAFF:
        sys.exit(f"unknown identity {identity!r}: student or one of {', '.join(STAFF)}")
    username = STAFF[identity]
    body = {"username": username, "password": username + "-pass"}
    return call(base, "POST", "/auth/staff", body)["token"]


def seed(base):
    """The student of the student run: bound, collection code saved, one booking."""
    student = token(base, "student")
    call(base, "POST", "/me/binding", {"student_no": STUDENT_NO, "name": STUDENT_NAME}, student)
    call(base, "PUT", "/me/collection-code", {"code": "CONFORMANCE-0001"}, student)
    sessions = call(base, "GET", "/sessions", token=student)["items"]
    slots = [slot for s in sessions for slot in s["slots"] if slot["remaining"] > 0]
    if not slots:
        sys.exit("seeding: the demo campaign offers the student no slot to book")
    call(base, "POST", "/bookings", {"slot_id": slots[0]["id"]}, student, expect=(200, 201))


def main(argv):
    if len(argv) == 3 and argv[1] == "seed":
        seed(argv[2])
    elif len(argv) == 4 and argv[1] == "token":
        print(token(argv[2], argv[3]))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
