"""A YouTube video that loads nothing from YouTube until the reader presses play.

In Markdown, a link on its own line, marked with `{ .youtube }`:

    [Title of the video](https://www.youtube.com/watch?v=VIDEO_ID){ .youtube }

(or the video's youtu.be, /shorts/ or /live/ address),
becomes a placeholder with the title and a play button (no thumbnail, no request to
YouTube). Pressing play swaps in a youtube-nocookie.com player (assets/javascripts/
video.js, added only to pages that have a video). Without JavaScript it stays a link.
"""

from __future__ import annotations

import html
import re

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

SCRIPT = "assets/javascripts/video.js"
_VIDEO_LINK = re.compile(r'<p><a class="youtube" href="([^"]*)"[^>]*>(.*?)</a></p>', re.S)
# A YouTube video's address, as the build accepts it, its video's id the group: the
# editor's video block (hfd.writing_aids) checks it with the same pattern, so it is
# written in the syntax Python and JavaScript share.
VIDEO_ADDRESS = (r"^https://(?:(?:www\.|m\.)?youtube\.com/(?:watch\?(?:[^#]*&)?v=|shorts/|live/)|youtu\.be/)"
                 r"([A-Za-z0-9_-]{11})(?:[&?#]\S*)?$")
VIDEO_EXAMPLE = "https://www.youtube.com/watch?v=VIDEO_ID"


def embed_videos(html_content: str, page) -> str:
    """`page`'s HTML with each `{ .youtube }` link as a placeholder, and the script."""
    if 'class="youtube"' not in html_content:
        return html_content
    embedded, count = _VIDEO_LINK.subn(lambda m: _placeholder(m, page), html_content)
    if count == 0:
        raise PluginError(
            f"docs/{page.file.src_uri}: a link marked {{ .youtube }} must stand alone on its "
            "own line: [Title](https://www.youtube.com/watch?v=VIDEO_ID){ .youtube }"
        )
    script = get_relative_url(SCRIPT, page.url)
    return embedded + f'\n<script src="{script}" defer></script>\n'


def _placeholder(link: re.Match, page) -> str:
    url, title_html = html.unescape(link[1]), link[2]
    found = video_id(url)
    if found is None:
        raise PluginError(
            f"docs/{page.file.src_uri}: '{url}' is not a YouTube video address. Use "
            f"{VIDEO_EXAMPLE} or https://youtu.be/VIDEO_ID."
        )
    return placeholder(found, title_html)


def placeholder(video_id: str, title_html: str) -> str:
    """The player's placeholder for the video `video_id`, titled `title_html`."""
    title = html.unescape(re.sub(r"<[^>]+>", "", title_html)).strip()  # text, escaped once below
    watch = f"https://www.youtube.com/watch?v={video_id}"
    return (
        f'<figure class="hfd-video" data-hfd-video="{video_id}" data-hfd-video-title="{html.escape(title)}">\n'
        f'  <button type="button" class="hfd-video__play">\n'
        f'    <span class="hfd-video__icon" aria-hidden="true"></span>\n'
        f'    <span class="hfd-video__title">Play video: {title_html}</span>\n'
        f'    <span class="hfd-video__note">Pressing play loads the video from YouTube '
        f"(youtube-nocookie.com). Nothing is loaded before.</span>\n"
        f"  </button>\n"
        f'  <figcaption><a href="{watch}" rel="noopener noreferrer">Watch “{title_html}” on YouTube</a></figcaption>\n'
        f"</figure>"
    )


def video_id(url: str) -> str | None:
    """The id of the video `url` names (VIDEO_ADDRESS), or None."""
    match = re.fullmatch(VIDEO_ADDRESS, url)
    return match[1] if match else None
