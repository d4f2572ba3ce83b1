"""Hardened hosting: a strict Content-Security-Policy and security headers.

The policy allows only this site's own files; the inline scripts of the site's and the
theme's templates (hfd.page_scripts) are allowed by their SHA-256 hashes, never
'unsafe-inline'. It is written to `_headers` (the format Netlify and Cloudflare Pages
read) for every address, and into each page as a <meta http-equiv> tag for hosts that
cannot send headers (GitHub Pages).
"""

from __future__ import annotations

import base64
import hashlib
import re

from mkdocs.config.defaults import MkDocsConfig

HEADERS_FILE = "_headers"
_HEAD = re.compile(r"<head>", re.I)

# Denied: what the site never uses. The video player (after play) may use the rest.
_VIDEO_PLAYER = '(self "https://www.youtube-nocookie.com")'
PERMISSIONS_POLICY = ", ".join([
    *(f"{feature}=()" for feature in (
        "accelerometer", "camera", "display-capture", "geolocation", "gyroscope",
        "magnetometer", "microphone", "midi", "payment", "publickey-credentials-get",
        "screen-wake-lock", "sync-xhr", "usb", "xr-spatial-tracking",
    )),
    *(f"{feature}={_VIDEO_PLAYER}" for feature in (
        "autoplay", "encrypted-media", "fullscreen", "picture-in-picture",
    )),
])
STATIC_HEADERS = {
    "Strict-Transport-Security": "max-age=63072000; includeSubDomains; preload",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Permissions-Policy": PERMISSIONS_POLICY,
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}


def script_hashes(scripts) -> list[str]:
    """The policy's source for each inline script (hfd.page_scripts: only the project's own)."""
    return sorted({"'sha256-" + base64.b64encode(hashlib.sha256(script.encode()).digest()).decode() + "'"
                   for script in scripts})


def content_security_policy(config: MkDocsConfig, script_hashes: list[str]) -> dict[str, list[str]]:
    giscus = (config.extra.get("replies", {}).get("giscus") or {}).get("enabled")
    return {
        "default-src": ["'none'"],
        "script-src": ["'self'", *script_hashes, *(["https://giscus.app"] if giscus else [])],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "worker-src": ["'self'"],
        "manifest-src": ["'self'"],
        "media-src": ["'self'"],
        # The video placeholder's player, after the reader presses play; giscus if enabled.
        "frame-src": ["https://www.youtube-nocookie.com", *(["https://giscus.app"] if giscus else [])],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "upgrade-insecure-requests": [],
    }


def render(policy: dict[str, list[str]]) -> str:
    return "; ".join(" ".join([name, *values]) for name, values in policy.items())


def meta_policy(policy: dict[str, list[str]]) -> str:
    # A <meta> policy ignores frame-ancestors (only a header can forbid framing).
    return render({name: values for name, values in policy.items() if name != "frame-ancestors"})


def with_meta_policy(html: str, policy: dict[str, list[str]]) -> str:
    """`html` with `policy` in a <meta http-equiv> tag, first thing in its <head>."""
    meta = f'<meta http-equiv="Content-Security-Policy" content="{meta_policy(policy)}">'
    return _HEAD.sub(lambda head: f"{head[0]}\n    {meta}", html, count=1)


def headers_file(policy: dict[str, list[str]], own: dict[str, dict[str, list[str]]] = {}) -> str:
    """Every address's headers; `own` gives some addresses (the editor's) their own policy,
    which replaces the site's (`! name` detaches a header set by `/*`, Cloudflare Pages)."""
    lines = ["/*", f"  Content-Security-Policy: {render(policy)}"]
    lines += [f"  {name}: {value}" for name, value in STATIC_HEADERS.items()]
    for address, its_policy in own.items():
        lines += [address, "  ! Content-Security-Policy", f"  Content-Security-Policy: {render(its_policy)}"]
    return "\n".join(lines) + "\n"


def read_headers_file(text: str) -> dict[str, str]:
    """The headers a `_headers` file sets for every address (/*)."""
    headers, in_block = {}, False
    for line in text.splitlines():
        if not line.startswith((" ", "\t")):
            in_block = line.strip() == "/*"
        elif in_block and ":" in line:
            name, value = line.strip().split(":", 1)
            headers[name.strip()] = value.strip()
    return headers
