"""A drawing (SVG) is published only if it is a drawing and nothing more.

Opened on its own (a reader follows a link to it; GitHub Pages sends no policy with
it), an SVG file is a document of the site: a script in it would run with the site's
address. So every SVG the site publishes holds only the SVG elements of SVG_ELEMENTS
and the attributes of SVG_ATTRIBUTES (lxml reads it, entities unexpanded, nothing
fetched); every address in it (href, xlink:href, url()) is a part of the drawing itself
(#id), a file of the site, or a picture written into it (data:image/png...); its
stylesheets import nothing. Anything else is named, so the author can export the
drawing again as plain SVG. Editors' own notes (Inkscape, Sodipodi, RDF metadata)
are ignored by browsers, and allowed.
"""

from __future__ import annotations

import re

import tinycss2
from lxml import etree

from hfd.css_fetches import every_node, fetched, from_elsewhere

SVG = "http://www.w3.org/2000/svg"
XLINK = "http://www.w3.org/1999/xlink"
XML = "http://www.w3.org/XML/1998/namespace"
# Namespaces of drawing editors' notes: elements and attributes browsers ignore.
EDITOR_NAMESPACES = (
    "http://www.inkscape.org/namespaces/inkscape",
    "http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "http://creativecommons.org/ns#",
    "http://purl.org/dc/elements/1.1/",
)
# Static drawing: shapes, text, paint, clipping, masks and filters. Not script,
# foreignObject (HTML inside), animation (it can rewrite an address), a or iframe.
SVG_ELEMENTS = frozenset("""
    svg g defs symbol use title desc metadata switch style
    path rect circle ellipse line polyline polygon text tspan textPath image marker
    linearGradient radialGradient stop pattern clipPath mask filter
    feBlend feColorMatrix feComponentTransfer feComposite feConvolveMatrix feDiffuseLighting
    feDisplacementMap feDistantLight feDropShadow feFlood feFuncA feFuncB feFuncG feFuncR
    feGaussianBlur feImage feMerge feMergeNode feMorphology feOffset fePointLight
    feSpecularLighting feSpotLight feTile feTurbulence
""".split())
# Geometry, presentation and text attributes; no event handlers (onload=).
SVG_ATTRIBUTES = frozenset("""
    id class style lang tabindex role aria-label aria-labelledby aria-describedby aria-hidden
    version baseProfile x y x1 y1 x2 y2 cx cy r rx ry fx fy fr width height viewBox
    preserveAspectRatio transform d points pathLength dx dy rotate textLength lengthAdjust
    refX refY markerWidth markerHeight markerUnits orient href method spacing startOffset side
    gradientUnits gradientTransform spreadMethod offset patternUnits patternContentUnits
    patternTransform clipPathUnits maskUnits maskContentUnits filterUnits primitiveUnits
    result in in2 mode type values operator k1 k2 k3 k4 stdDeviation edgeMode order kernelMatrix
    divisor bias targetX targetY preserveAlpha surfaceScale diffuseConstant specularConstant
    specularExponent kernelUnitLength azimuth elevation z pointsAtX pointsAtY pointsAtZ
    limitingConeAngle scale xChannelSelector yChannelSelector baseFrequency numOctaves seed
    stitchTiles radius tableValues slope intercept amplitude exponent systemLanguage
    requiredExtensions requiredFeatures media
    alignment-baseline baseline-shift clip clip-path clip-rule color color-interpolation
    color-interpolation-filters color-profile color-rendering cursor direction display
    dominant-baseline enable-background fill fill-opacity fill-rule filter flood-color
    flood-opacity font font-family font-size font-size-adjust font-stretch font-style
    font-variant font-weight glyph-orientation-horizontal glyph-orientation-vertical
    image-rendering kerning letter-spacing lighting-color marker marker-end marker-mid
    marker-start mask mask-type opacity overflow paint-order pointer-events shape-rendering
    stop-color stop-opacity stroke stroke-dasharray stroke-dashoffset stroke-linecap
    stroke-linejoin stroke-miterlimit stroke-opacity stroke-width text-anchor
    text-decoration text-rendering transform-origin unicode-bidi vector-effect visibility
    white-space word-spacing writing-mode
""".split()) | {f"{{{XLINK}}}href", f"{{{XLINK}}}title", f"{{{XML}}}space", f"{{{XML}}}lang"}
# Pictures a drawing may carry inside it (data: addresses of these types only).
DATA_PICTURES = ("data:image/png", "data:image/jpeg", "data:image/gif", "data:image/webp")
# At-rules a drawing's stylesheet may use; @import (another file, another site) is not one.
CSS_AT_RULES = ("media", "supports", "keyframes", "font-face")

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
# A declaration of the DTD's internal subset: entities, or attributes every element gets.
_DECLARATION = re.compile(r"<!(?:ENTITY|ATTLIST|ELEMENT|NOTATION)")


def drawing_problems(data: bytes) -> list[str]:
    """What in the SVG file `data` is more than a drawing: nothing for a plain drawing."""
    try:
        tree = etree.fromstring(data, _PARSER).getroottree()
    except etree.XMLSyntaxError as error:
        return [f"it is not a well-formed SVG file ({error})"]
    problems = []
    if _DECLARATION.search(data.decode("utf-8", errors="replace")) or not _is_utf8(data):
        problems.append("it declares entities or attributes (<!DOCTYPE svg [ ... ]>), or is not UTF-8 text")
    root = tree.getroot()
    for node in [*root.itersiblings(preceding=True), *root.iter(), *root.itersiblings()]:
        if isinstance(node, etree._Entity):
            problems.append(f"it uses the entity &{node.name};")
        elif isinstance(node, etree._ProcessingInstruction):
            problems.append(f"it holds the instruction <?{node.target} ...?>")
        elif isinstance(node.tag, str):
            problems += _element_problems(node)
    return list(dict.fromkeys(problems))


def _element_problems(node) -> list[str]:
    name = etree.QName(node)
    if name.namespace in EDITOR_NAMESPACES:
        return []
    if name.namespace != SVG or name.localname not in SVG_ELEMENTS:
        return [f"it holds a <{name.localname}> element"]
    problems = []
    for attribute, value in node.attrib.items():
        qualified = etree.QName(attribute)
        if qualified.namespace in EDITOR_NAMESPACES:
            continue
        shown = qualified.localname if qualified.namespace in (None, XLINK) else attribute
        if attribute not in SVG_ATTRIBUTES:
            problems.append(f"<{name.localname}> has the attribute '{shown}='")
        elif qualified.localname == "href" and not _local(value, picture=name.localname in ("image", "feImage")):
            problems.append(f"<{name.localname}> links to '{value[:60]}', outside the drawing")
        elif attribute == "style":
            problems += _css_problems(tinycss2.parse_blocks_contents(value), name.localname)
        else:  # fill="url(#gradient)", and the like
            problems += _css_problems(tinycss2.parse_component_value_list(value), name.localname)
    if name.localname == "style":
        problems += _css_problems(tinycss2.parse_stylesheet("".join(node.itertext())), "style")
    return problems


def _css_problems(nodes, element: str) -> list[str]:
    """A stylesheet (or style attribute) uses only CSS_AT_RULES and fetches nothing from elsewhere."""
    nodes = list(nodes)
    problems = [f"<{element}> has a stylesheet rule '@{node.at_keyword}'" for node in every_node(nodes)
                if node.type == "at-rule" and node.lower_at_keyword not in CSS_AT_RULES]
    return problems + [f"<{element}> has a style that loads '{url[:60]}', outside the drawing"
                       for url in fetched(nodes) if not _local(url, picture=True)]


def _local(address: str, *, picture: bool) -> bool:
    """A part of the drawing (#id), a file of the site, or (in a picture) a picture
    written into the drawing."""
    return not from_elsewhere(address, data=DATA_PICTURES if picture else ())


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True
