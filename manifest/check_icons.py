#!/usr/bin/env python3
"""Checks the two Teams icons against the platform's rules (docs/teams-manifest.md).

Usage: python3 manifest/check_icons.py <color.png> <outline.png>
Colour: 192x192 PNG, the symbol inside the central 96x96 on a solid or fully transparent
square background. Outline: 32x32 RGBA PNG, white (255,255,255) symbol, every other pixel
fully transparent (alpha 0). Prints one line per icon; exits 1 on any failure.
"""
import struct
import sys
import zlib


def decode_png(path):
    """Returns (width, height, rows of RGBA tuples) for 8-bit RGB or RGBA, non-interlaced PNGs."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG file")
    pos, idat, header = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, depth, colour_type, _, _, interlace = header
    if depth != 8 or colour_type not in (2, 6) or interlace:
        raise ValueError(f"unsupported PNG (bit depth {depth}, colour type {colour_type}, interlace {interlace})")
    channels = 4 if colour_type == 6 else 3
    raw, stride, rows, prev = zlib.decompress(idat), width * channels, [], bytearray(width * channels)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b = prev[i]
            c = prev[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + a) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + b) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 0xFF
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
        prev = line
        rows.append([tuple(line[x * channels:x * channels + channels]) + ((255,) if channels == 3 else ())
                     for x in range(width)])
    return width, height, rows


def colour_errors(path):
    width, height, rows = decode_png(path)
    if (width, height) != (192, 192):
        return [f"{path}: colour icon must be 192x192, is {width}x{height}"]
    # Everything outside the central 96x96 (48 px padding) is background: one colour, or fully transparent.
    outside = {rows[y][x] if rows[y][x][3] else (0, 0, 0, 0)
               for y in range(192) for x in range(192) if not (48 <= x < 144 and 48 <= y < 144)}
    if len(outside) != 1:
        return [f"{path}: the 48 px padding around the 96x96 symbol must be one solid or transparent colour"]
    return []


def outline_errors(path):
    width, height, rows = decode_png(path)
    if (width, height) != (32, 32):
        return [f"{path}: outline icon must be 32x32, is {width}x{height}"]
    pixels = [p for row in rows for p in row]
    errors = []
    if any(p[3] and p[:3] != (255, 255, 255) for p in pixels):
        errors.append(f"{path}: outline icon has pixels that are neither white nor fully transparent")
    if not any(p[3] == 0 for p in pixels) or any(rows[y][x][3] for y in (0, 31) for x in (0, 31)):
        errors.append(f"{path}: outline icon background must be fully transparent")
    if not any(p[3] == 255 for p in pixels):
        errors.append(f"{path}: outline icon has no opaque white symbol")
    return errors


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: check_icons.py <color.png> <outline.png>")
    errors = []
    for check, path in ((colour_errors, sys.argv[1]), (outline_errors, sys.argv[2])):
        try:
            errors += check(path)
        except (OSError, ValueError, zlib.error, struct.error, TypeError) as e:
            errors.append(f"{path}: cannot read PNG: {e}")
    for e in errors:
        print(e)
    if errors:
        sys.exit(1)
    print(f"icons: valid ({sys.argv[1]} 192x192 colour, {sys.argv[2]} 32x32 white on transparent)")


if __name__ == "__main__":
    main()
