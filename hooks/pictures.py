"""Pictures just work: a photo straight from a phone is made fit for readers on phones.

- Every JPEG, PNG or WebP under docs/ is published at most `extra.images.max_side`
  pixels on its longest side (2000 by default), turned upright as the camera meant it,
  re-compressed, and without the camera's metadata (which can hold where a photo was
  taken). A WebP copy, smaller still, is offered to browsers that take it. The file in
  docs/ is never changed; results are cached in .cache/images/ by content.
- Every image in a page gets its width and height (no layout shift while it loads),
  is lazy-loaded after the first, and is wrapped in <picture> with its WebP copy; a
  figure's caption line starting "Credit:" is marked as its credit (hfd.pictures).
- An iPhone's photo (HEIC, HEIF), which most browsers cannot show, is published as a
  JPEG at the same address with `.jpg` (read with pillow-heif); links to it and `image:`
  follow, since MkDocs writes each link with its file's published address.
- An image over `extra.max_image_kb` that cannot be resized (SVG, GIF), a GIF or AVIF
  (published as written) carrying more than how to draw it (DRAWING_INFO), two photos
  that would be published at one address, or a file that is not a picture stops the
  build, naming it and what to do.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from hfd.pictures import (Picture, attribute as _attribute, fit_images, mark_credits, number as _number,
                          published as _pictures, record_picture)

RESIZED = (".jpg", ".jpeg", ".png", ".webp")
IMAGE_SUFFIXES = (*RESIZED, ".gif", ".avif", ".svg")
PHONE_ONLY = (".heic", ".heif")  # published as JPEG
# What a picture file may carry besides its pixels and stay as written: how to draw it
# (density, colour profile, gamma, transparency, animation). Anything else (EXIF, XMP, a
# comment, a text chunk) may tell where and by whom it was taken: a photo is re-saved
# without it; a GIF or AVIF (not re-saved) carrying it is refused.
DRAWING_INFO = {"jfif", "jfif_version", "jfif_unit", "jfif_density", "dpi", "progressive", "progression",
                "icc_profile", "adobe", "adobe_transform", "gamma", "srgb", "chromaticity", "transparency",
                "aspect", "version", "background", "duration", "loop", "extension", "disposal", "blend",
                "bbox", "default_image", "interlace", "lossless"}
DEFAULT_MAX_SIDE = 2000
DEFAULT_LIMIT_KB = 1024
LARGEST_SOURCE_MB = 40  # beyond a phone's largest photo: a mistake, not a picture
JPEG_QUALITY, WEBP_QUALITY = 82, 80
PIPELINE = "2"  # change to recompute every cached image

_SVG_SIZE = re.compile(r"<svg\b[^>]*>", re.I | re.S)


# -----------------------------------------------------------------------------
# Hooks, in the order they run
# -----------------------------------------------------------------------------


@event_priority(-60)  # after the blog plugin has placed the posts' pictures (-50)
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    _pictures.clear()
    settings = config.extra.get("images") or {}
    max_side = int(settings.get("max_side", DEFAULT_MAX_SIDE))
    limit_kb = int(config.extra.get("max_image_kb", DEFAULT_LIMIT_KB))
    cache = Path(config.config_file_path).parent / ".cache" / "images"
    problems = []
    for file in list(files.media_files()):
        suffix = Path(file.src_uri).suffix.lower()
        if not file.abs_src_path or not _in_docs(file, config):
            continue  # the theme's own files
        try:
            if suffix in PHONE_ONLY:
                _publish_as_jpeg(file, files)
            if suffix in RESIZED + PHONE_ONLY:
                _publish_resized(file, files, config, cache, max_side)
            elif suffix in IMAGE_SUFFIXES:
                _check_size(file, limit_kb)
                if suffix != ".svg":
                    _check_hidden_details(file)
                if suffix == ".svg":
                    _record_svg(file)
        except _Refused as refusal:
            problems.append(f"  - docs/{file.src_uri} {refusal}")
    if problems:
        raise PluginError("Some pictures cannot be published:\n" + "\n".join(problems))
    return files


@event_priority(100)  # first: the author's checks (90) read the credit lines it marks
def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    return fit_images(mark_credits(html), page.url)


# -----------------------------------------------------------------------------
# Photos: resized, upright, compressed, without metadata; a WebP copy
# -----------------------------------------------------------------------------


class _Refused(Exception):
    pass


def _publish_resized(file: File, files: Files, config: MkDocsConfig, cache: Path, max_side: int) -> None:
    source = Path(file.abs_src_path)
    if source.stat().st_size > LARGEST_SOURCE_MB * 1024 * 1024:
        raise _Refused(f"is {source.stat().st_size / 1024 / 1024:,.0f} MB, too large to be a "
                       f"photo (the limit is {LARGEST_SOURCE_MB} MB). Export a smaller copy.")
    published, webp, width, height = process(source, cache, max_side)
    file.abs_src_path = str(published)  # the file in docs/ stays as it is
    webp_url = None
    if webp is not None:
        copy = _sibling(file, ".webp", webp, config)
        if files.get_file_from_path(copy.src_uri) is None:
            files.append(copy)
            webp_url = copy.url
    record_picture(file.url, Picture(width, height, webp_url))


def _check_hidden_details(file: File) -> None:
    """A GIF or AVIF, published as written, carries only how to draw it (DRAWING_INFO)."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(file.abs_src_path) as opened:
            hidden = sorted(set(opened.info) - DRAWING_INFO) + ["exif"] * bool(opened.getexif())
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as error:
        raise _Refused(f"could not be read as a picture ({error}). Open it in a photo "
                       "editor and save it again as JPEG or PNG.") from None
    if hidden:
        raise _Refused(f"holds details hidden in the file ({', '.join(dict.fromkeys(hidden))}: a note, or "
                       "camera data such as where it was taken), which a GIF or AVIF is published with. "
                       "Save it as JPEG or PNG (the site removes them), or export it again without them.")


def _publish_as_jpeg(file: File, files: Files) -> None:
    """`file` (HEIC) published at its address with .jpg, unless a picture is there already."""
    jpeg = Path(file.src_uri).with_suffix(".jpg").as_posix()
    taken = [other.src_uri for other in files.media_files() if other is not file
             and other.dest_uri in (jpeg, Path(jpeg).with_suffix(".webp").as_posix())]
    if taken:
        raise _Refused(f"would be published as {jpeg}, as docs/{taken[0]} is: rename one of them.")
    file.dest_uri = jpeg
    file.url = Path(file.url).with_suffix(".jpg").as_posix()
    file.abs_dest_path = str(Path(file.abs_dest_path).with_suffix(".jpg"))


def process(source: Path, cache: Path, max_side: int) -> tuple[Path, Path | None, int, int]:
    """The published copy of `source`, its WebP copy (None for a WebP source) and the
    published size; computed once per content and settings."""
    data = source.read_bytes()
    suffix = ".jpg" if source.suffix.lower() in PHONE_ONLY else source.suffix.lower()
    key = hashlib.sha256(data + f"|{PIPELINE}|{max_side}|{suffix}".encode()).hexdigest()[:24]
    published, webp, sizes = cache / f"{key}{suffix}", cache / f"{key}.webp", cache / f"{key}.json"
    if not sizes.exists():
        cache.mkdir(parents=True, exist_ok=True)
        width, height = _convert(data, suffix, max_side, published, webp)
        sizes.write_text(json.dumps([width, height]))
    width, height = json.loads(sizes.read_text())
    return published, (None if suffix == ".webp" else webp), width, height


def _convert(data: bytes, suffix: str, max_side: int, published: Path, webp: Path) -> tuple[int, int]:
    from PIL import Image, ImageOps, UnidentifiedImageError
    from pillow_heif import register_heif_opener

    register_heif_opener()  # Pillow then opens HEIC and HEIF photos

    try:
        with Image.open(io.BytesIO(data)) as opened:
            opened.load()
            image = ImageOps.exif_transpose(opened)  # phones store many photos sideways
            had_metadata = bool(opened.getexif()) or not set(opened.info) <= DRAWING_INFO
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as error:
        raise _Refused(f"could not be read as a picture ({error}). Open it in a photo "
                       "editor and save it again as JPEG or PNG.") from None
    resized = max(image.size) > max_side
    if resized:
        image.thumbnail((max_side, max_side), Image.Resampling.LANCZOS)
    icc = image.info.get("icc_profile")  # colours as the camera meant them
    encoded = io.BytesIO()
    if suffix in (".jpg", ".jpeg"):
        rgb = image if image.mode in ("RGB", "L") else image.convert("RGB")
        rgb.save(encoded, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True, icc_profile=icc,
                 comment=b"")  # Pillow would copy the photo's comment (COM) over
    elif suffix == ".png":
        image.save(encoded, "PNG", optimize=True, icc_profile=icc)
    else:
        image.save(encoded, "WEBP", quality=WEBP_QUALITY, method=6, icc_profile=icc)
    # An image already small, without metadata, is kept as it was if that is smaller.
    keep = not resized and not had_metadata and len(data) <= encoded.tell()
    published.write_bytes(data if keep else encoded.getvalue())
    if suffix != ".webp":
        image.save(webp, "WEBP", quality=WEBP_QUALITY, method=6, icc_profile=icc)
    return image.size


def _sibling(file: File, suffix: str, source: Path, config: MkDocsConfig) -> File:
    """A generated file beside `file` (same folder, on the site too), with `suffix`."""
    copy = File.generated(config, str(Path(file.src_uri).with_suffix(suffix).as_posix()),
                          abs_src_path=str(source))
    copy.dest_uri = str(Path(file.dest_uri).with_suffix(suffix).as_posix())
    copy.url = str(Path(file.url).with_suffix(suffix).as_posix())
    copy.abs_dest_path = str(Path(config.site_dir) / copy.dest_uri)
    return copy


# -----------------------------------------------------------------------------
# Other pictures: a size limit, and the drawing's size for SVG
# -----------------------------------------------------------------------------


def _check_size(file: File, limit_kb: int) -> None:
    size_kb = Path(file.abs_src_path).stat().st_size / 1024
    if size_kb > limit_kb:
        hint = ("Simplify the drawing, or optimise it (for example with SVGOMG)."
                if file.src_uri.lower().endswith(".svg")
                else "Save it as a JPEG or PNG instead: those are resized automatically.")
        raise _Refused(f"is {size_kb:,.0f} KB (the limit is {limit_kb:,} KB). {hint}")


def _record_svg(file: File) -> None:
    head = Path(file.abs_src_path).read_text(encoding="utf-8", errors="replace")[:4000]
    tag = _SVG_SIZE.search(head)
    if not tag:
        return
    width, height = _number(_attribute(tag[0], "width")), _number(_attribute(tag[0], "height"))
    view_box = (_attribute(tag[0], "viewBox") or "").replace(",", " ").split()
    if not (width and height) and len(view_box) == 4:
        width, height = _number(view_box[2]), _number(view_box[3])
    if width and height:
        record_picture(file.url, Picture(round(width), round(height)))


# -----------------------------------------------------------------------------
# Helpers
# -----------------------------------------------------------------------------


def _in_docs(file: File, config: MkDocsConfig) -> bool:
    return Path(file.abs_src_path).resolve().is_relative_to(Path(config.docs_dir).resolve())
