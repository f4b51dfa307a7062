#!/usr/bin/env python3
"""Draws the app's two Teams icons (a shield with a check mark) as PNGs.

Standard library only, so anyone can regenerate them: `python3 manifest/make_icons.py [outdir]`
(default: this folder; check.sh draws into a temp folder and compares with the checked-in files).
Teams wants a 192x192 full-colour icon and a 32x32 outline icon that is white on a
transparent background (docs/teams-manifest.md).
"""
import math
import os
import struct
import sys
import zlib

ACCENT = (0x1F, 0x5C, 0x99)  # also the manifest's accentColor
WHITE = (0xFF, 0xFF, 0xFF)
SUPERSAMPLE = 4  # 4x4 samples per pixel give smooth edges


def shield_half_width(y):
    """Half-width of the shield at height y (unit square), or None outside it."""
    top, shoulder, tip = 0.12, 0.52, 0.90
    if y < top or y > tip:
        return None
    if y <= shoulder:
        return 0.34
    t = (y - shoulder) / (tip - shoulder)
    return 0.34 * math.sqrt(max(0.0, 1.0 - t * t))


def in_shield(x, y, scale=1.0):
    cx, cy = 0.5, 0.5
    x, y = cx + (x - cx) / scale, cy + (y - cy) / scale
    hw = shield_half_width(y)
    return hw is not None and abs(x - 0.5) <= hw


def near_segment(x, y, a, b, half_width):
    ax, ay = a
    bx, by = b
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)))
    px, py = ax + t * dx, ay + t * dy
    return (x - px) ** 2 + (y - py) ** 2 <= half_width ** 2


def in_check(x, y, half_width):
    p1, p2, p3 = (0.36, 0.50), (0.47, 0.62), (0.66, 0.38)
    return near_segment(x, y, p1, p2, half_width) or near_segment(x, y, p2, p3, half_width)


def coverage(size, px, py, inside):
    hits = 0
    for sy in range(SUPERSAMPLE):
        for sx in range(SUPERSAMPLE):
            x = (px + (sx + 0.5) / SUPERSAMPLE) / size
            y = (py + (sy + 0.5) / SUPERSAMPLE) / size
            hits += inside(x, y)
    return hits / (SUPERSAMPLE * SUPERSAMPLE)


def mix(a, b, t):
    return tuple(round(a[i] * (1 - t) + b[i] * t) for i in range(3))


def scaled(inside, scale):
    """The same shape drawn `scale` times as large about the icon's centre."""
    return lambda x, y: inside(0.5 + (x - 0.5) / scale, 0.5 + (y - 0.5) / scale)


def colour_icon(size=192):
    """Accent background, white shield, accent check mark cut out of the shield.

    Teams wants the symbol inside the central 96x96 with 48 px of padding, so the
    shield (0.78 of the unit square tall) is drawn at 0.6 scale: about 90 px.
    """
    symbol = scaled(lambda x, y: in_shield(x, y) and not in_check(x, y, 0.045), 0.6)
    rows = []
    for py in range(size):
        row = []
        for px in range(size):
            shield = coverage(size, px, py, symbol)
            row.append(mix(ACCENT, WHITE, shield) + (255,))
        rows.append(row)
    return rows


def outline_icon(size=32):
    """White shield outline and check mark on a fully transparent background.

    Teams wants no padding around the outline symbol, so it is drawn at 1.2 scale.
    """
    def shape(x, y):
        ring = in_shield(x, y) and not in_shield(x, y, scale=0.78)
        return ring or in_check(x, y, 0.05)

    inside = scaled(shape, 1.2)
    return [[WHITE + (round(255 * coverage(size, px, py, inside)),) for px in range(size)]
            for py in range(size)]


def write_png(path, rows):
    height, width = len(rows), len(rows[0])
    raw = b"".join(b"\x00" + bytes(c for pixel in row for c in pixel) for row in rows)

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)  # 8-bit RGBA
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")
    with open(path, "wb") as f:
        f.write(png)


if __name__ == "__main__":
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    write_png(os.path.join(out, "color.png"), colour_icon())
    write_png(os.path.join(out, "outline.png"), outline_icon())
    print(f"wrote {out}/color.png (192x192) and {out}/outline.png (32x32)")
