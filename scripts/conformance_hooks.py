"""Schemathesis hooks of scripts/conformance.sh (loaded via SCHEMATHESIS_HOOKS).

Multipart bodies: schemathesis adds extra parts under random names, control
characters and quotes included, and writes those names raw into each part's
`Content-Disposition` header. A header cannot carry such bytes, so the server's
multipart parser rightly refuses the whole body (400 "failed to read headers")
though schemathesis counts it as a schema-valid request. Extra parts are kept;
only their names are limited to what a header can hold. Documented parts and
everything else are generated as schemathesis likes.
"""

import schemathesis


def _header_safe(name: str) -> bool:
    return all(" " <= c <= "~" and c not in '"\\' for c in name)


def _is_multipart(context) -> bool:
    operation = getattr(context, "operation", None)
    bodies = getattr(operation, "body", None) or []
    return any(str(getattr(b, "media_type", "")).startswith("multipart/") for b in bodies)


@schemathesis.hook
def map_body(context, body):
    if isinstance(body, dict) and _is_multipart(context):
        return {k: v for k, v in body.items() if isinstance(k, str) and _header_safe(k)}
    return body
