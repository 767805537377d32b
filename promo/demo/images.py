"""Generative placeholder pictures for the demo catalogue (Pillow only, no downloads).

``make_demo_image(ref, kind, title)`` paints a landscape-like picture seeded from the ref:
a sky gradient, a sun, layered hills (always for attractions), often a lake with a horizon
and reflections, and a motif per kind (rows of rubber trees for products, bunting and
booths for fairs, a pagoda tower for religious places, factory blocks for investment,
paper lines for news), then the title on a translucent band. The same ref always gives the
same PNG bytes.
"""
from __future__ import annotations

import hashlib
import io
import math
import os
import random

from PIL import Image, ImageDraw, ImageFilter, ImageFont

__all__ = ["make_demo_image"]

# (sky top, sky bottom, hills near, water) palettes: dawn, midday, dusk, misty, tropical.
PALETTES = [
    ((255, 183, 130), (255, 236, 200), (46, 110, 78), (98, 150, 170)),
    ((86, 160, 222), (205, 232, 250), (52, 128, 72), (60, 130, 170)),
    ((92, 70, 140), (250, 160, 110), (40, 72, 70), (120, 100, 140)),
    ((170, 190, 200), (235, 240, 238), (88, 128, 110), (140, 170, 175)),
    ((40, 150, 190), (180, 230, 220), (30, 120, 90), (30, 140, 150)),
]
KIND_ACCENT = {
    "product": (230, 160, 40),
    "fair": (220, 70, 90),
    "attraction": (60, 170, 110),
    "investment": (40, 110, 200),
    "news": (120, 120, 140),
}
FONT_CANDIDATES = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
    "/usr/share/fonts/truetype/freefont/FreeSansBold.ttf",
]
CJK_FONT_CANDIDATES = [
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
]


def _rng(ref: str, kind: str) -> random.Random:
    digest = hashlib.sha256(f"{kind}:{ref}".encode()).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


def _mix(a, b, t):
    return tuple(int(round(a[i] + (b[i] - a[i]) * t)) for i in range(3))


def _shade(c, f):
    return tuple(max(0, min(255, int(v * f))) for v in c)


def _vertical_gradient(size, top, bottom):
    w, h = size
    column = Image.new("RGB", (1, h))
    px = column.load()
    for y in range(h):
        px[0, y] = _mix(top, bottom, y / max(1, h - 1))
    return column.resize((w, h))


def _ridge(rng, w, base_y, amp, n_waves):
    """Points of a smooth ridge line made of a few sine components."""
    comps = [(rng.uniform(0.5, 1.0) * amp / (i + 1), rng.uniform(1, 3) * (i + 1),
              rng.uniform(0, math.tau)) for i in range(n_waves)]
    step = max(4, w // 200)
    pts = []
    for x in range(0, w + step, step):
        y = base_y - sum(a * (0.5 + 0.5 * math.sin(f * math.tau * x / w + p)) for a, f, p in comps)
        pts.append((x, y))
    return pts


def _has_cjk(text: str) -> bool:
    return any("\u3040" <= ch <= "\u30ff" or "\u4e00" <= ch <= "\u9fff" or "\uac00" <= ch <= "\ud7a3"
               for ch in text)


def _load_font(size: int, text: str):
    candidates = (CJK_FONT_CANDIDATES if _has_cjk(text) else []) + FONT_CANDIDATES
    for path in candidates:
        if os.path.exists(path):
            try:
                return ImageFont.truetype(path, size)
            except OSError:
                continue
    try:
        return ImageFont.load_default(size=size)  # Pillow >= 10.1
    except TypeError:
        return ImageFont.load_default()


def _wrap(draw, text, font, max_width, max_lines=3):
    words = text.split()
    if len(words) <= 1 or _has_cjk(text) and " " not in text:
        words = list(text)  # CJK titles: wrap by character
        joiner = ""
    else:
        joiner = " "
    lines, cur = [], ""
    for word in words:
        trial = (cur + joiner + word) if cur else word
        if draw.textlength(trial, font=font) <= max_width:
            cur = trial
        else:
            if cur:
                lines.append(cur)
            cur = word
    if cur:
        lines.append(cur)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        last = lines[-1]
        while last and draw.textlength(last + "…", font=font) > max_width:
            last = last[:-1]
        lines[-1] = last.rstrip() + "…"
    return lines


def _draw_motif(draw, rng, kind, w, h, horizon, accent, near):
    if kind == "product":
        # rows of rubber trees / orchard in the foreground
        for row in range(3):
            y0 = h * (0.64 + row * 0.055)
            n = 9 + row * 3
            for i in range(n):
                x = (i + 0.5 + rng.uniform(-0.15, 0.15)) * w / n
                r = h * (0.035 + row * 0.012)
                trunk = _shade(near, 0.55)
                draw.rectangle([x - r * 0.12, y0 - r * 0.2, x + r * 0.12, y0 + r * 1.1], fill=trunk)
                draw.ellipse([x - r, y0 - r * 1.6, x + r, y0 + r * 0.2],
                             fill=_shade(near, 0.8 + 0.1 * row + rng.uniform(-0.05, 0.05)))
        # a crate of produce
        cx = w * rng.uniform(0.62, 0.8)
        draw.rounded_rectangle([cx - w * 0.08, h * 0.64, cx + w * 0.08, h * 0.76], radius=12,
                               fill=(170, 120, 70))
        for i in range(7):
            draw.ellipse([cx - w * 0.075 + i * w * 0.021, h * 0.61, cx - w * 0.05 + i * w * 0.021,
                          h * 0.655], fill=accent)
    elif kind == "fair":
        # bunting and booth roofs
        y = h * 0.12
        draw.line([(0, y), (w, y + h * 0.05)], fill=(90, 60, 50), width=3)
        colours = [accent, (250, 200, 60), (70, 160, 210), (250, 250, 250)]
        for i in range(24):
            x0 = i * w / 24
            yy = y + h * 0.05 * (x0 / w)
            draw.polygon([(x0, yy), (x0 + w / 24, yy + h * 0.05 / 24), (x0 + w / 48, yy + h * 0.06)],
                         fill=colours[i % len(colours)])
        n = rng.randint(4, 6)
        for i in range(n):
            bx = w * (0.06 + i * 0.88 / n)
            bw = w * 0.88 / n * 0.85
            top = h * 0.6
            draw.rectangle([bx, top, bx + bw, h * 0.74], fill=(245, 240, 230))
            for s in range(6):
                draw.polygon([(bx + s * bw / 6, top), (bx + (s + 1) * bw / 6, top),
                              (bx + (s + 0.5) * bw / 6, top - h * 0.05)],
                             fill=colours[(i + s) % len(colours)])
    elif kind == "investment":
        # factory / building blocks with a solar roof
        x = w * rng.uniform(0.05, 0.15)
        while x < w * 0.9:
            bw = w * rng.uniform(0.07, 0.14)
            bh = h * rng.uniform(0.12, 0.3)
            base = horizon + h * 0.02
            draw.rectangle([x, base - bh, x + bw, base], fill=_mix((225, 230, 238), accent, 0.15))
            for wy in range(int(base - bh + 14), int(base - 10), 26):
                for wx in range(int(x + 10), int(x + bw - 16), 22):
                    draw.rectangle([wx, wy, wx + 10, wy + 12], fill=_mix(accent, (255, 255, 255), 0.4))
            draw.polygon([(x, base - bh), (x + bw, base - bh), (x + bw * 0.9, base - bh - h * 0.03),
                          (x + bw * 0.1, base - bh - h * 0.03)], fill=(40, 60, 110))
            x += bw + w * rng.uniform(0.01, 0.05)
    elif kind == "news":
        # a sheet of paper with text lines
        px0, py0 = w * 0.62, h * 0.18
        draw.rounded_rectangle([px0, py0, px0 + w * 0.3, py0 + h * 0.48], radius=10,
                               fill=(252, 252, 250), outline=(200, 200, 205), width=2)
        for i in range(9):
            lw = w * (0.24 if i % 3 else 0.16)
            yy = py0 + h * (0.05 + i * 0.045)
            draw.rounded_rectangle([px0 + w * 0.03, yy, px0 + w * 0.03 + lw, yy + h * 0.015],
                                   radius=4, fill=accent if i == 0 else (190, 190, 200))


def _draw_pagoda(draw, cx, base, h, colour):
    tiers = 9
    height = h * 0.3
    for i in range(tiers):
        tw = h * (0.08 - i * 0.006)
        y1 = base - i * height / tiers
        y0 = y1 - height / tiers * 0.8
        draw.rectangle([cx - tw / 2, y0, cx + tw / 2, y1], fill=colour)
        draw.polygon([(cx - tw * 0.75, y0), (cx + tw * 0.75, y0), (cx, y0 - height / tiers * 0.35)],
                     fill=_shade(colour, 0.7))
    draw.line([(cx, base - height), (cx, base - height - h * 0.05)], fill=colour, width=4)


def make_demo_image(ref: str, kind: str, title: str, size=(1600, 900)) -> bytes:
    """Return PNG bytes of a deterministic generative picture for one catalogue item."""
    w, h = int(size[0]), int(size[1])
    rng = _rng(ref, kind)
    sky_top, sky_bottom, near, water = PALETTES[rng.randrange(len(PALETTES))]
    accent = KIND_ACCENT.get(kind, (120, 120, 140))
    img = _vertical_gradient((w, h), sky_top, sky_bottom)
    draw = ImageDraw.Draw(img, "RGBA")

    horizon = h * rng.uniform(0.55, 0.66)
    # sun with a soft glow
    sx, sy, sr = w * rng.uniform(0.15, 0.85), horizon * rng.uniform(0.25, 0.7), h * rng.uniform(0.05, 0.09)
    glow = Image.new("L", (w, h), 0)
    ImageDraw.Draw(glow).ellipse([sx - sr * 2.5, sy - sr * 2.5, sx + sr * 2.5, sy + sr * 2.5], fill=110)
    glow = glow.filter(ImageFilter.GaussianBlur(sr))
    img.paste(Image.new("RGB", (w, h), (255, 245, 210)), (0, 0), glow)
    draw = ImageDraw.Draw(img, "RGBA")
    draw.ellipse([sx - sr, sy - sr, sx + sr, sy + sr], fill=(255, 250, 225, 235))

    # a few clouds
    for _ in range(rng.randint(2, 5)):
        cx, cy = rng.uniform(0, w), rng.uniform(h * 0.05, horizon * 0.5)
        for _ in range(5):
            rx, ry = rng.uniform(40, 110), rng.uniform(18, 36)
            ox = rng.uniform(-80, 80)
            draw.ellipse([cx + ox - rx, cy - ry, cx + ox + rx, cy + ry], fill=(255, 255, 255, 90))

    # hills: far layers are paler (aerial perspective); attractions always get a tall range
    layers = 4 if kind == "attraction" else rng.randint(2, 3)
    peak_amp = h * (0.32 if kind == "attraction" else 0.16)
    for i in range(layers):
        t = (layers - 1 - i) / max(1, layers - 1)  # 1 = farthest
        colour = _mix(near, sky_bottom, 0.65 * t)
        amp = peak_amp * (0.55 + 0.45 * t)
        pts = _ridge(rng, w, horizon + h * 0.02 * i, amp, 3)
        draw.polygon(pts + [(w, h), (0, h)], fill=colour)

    has_lake = kind == "attraction" or rng.random() < 0.6
    if has_lake:
        lake_top = horizon + h * 0.03
        lake = _vertical_gradient((w, int(h - lake_top)), _mix(water, sky_bottom, 0.35), _shade(water, 0.8))
        img.paste(lake, (0, int(lake_top)))
        draw = ImageDraw.Draw(img, "RGBA")
        # shimmering reflection of the sun and ripples
        for i in range(40):
            y = lake_top + (h - lake_top) * (i / 40) ** 1.4
            half = sr * rng.uniform(0.4, 1.6) * (1 - i / 60)
            draw.line([(sx - half, y), (sx + half, y)], fill=(255, 245, 210, 120), width=2)
        for _ in range(60):
            y = rng.uniform(lake_top + 6, h)
            x = rng.uniform(0, w)
            ln = rng.uniform(20, 90)
            draw.line([(x, y), (x + ln, y)], fill=(255, 255, 255, 45), width=2)
        # a near shore strip
        shore = _ridge(rng, w, h * 0.97, h * 0.06, 2)
        draw.polygon(shore + [(w, h), (0, h)], fill=_shade(near, 0.75))
    elif kind != "attraction":
        draw.rectangle([0, horizon + h * 0.08, w, h], fill=_shade(near, 0.9))

    if kind == "attraction":
        if "chua" in ref or "pagoda" in ref or "thai-son" in ref:
            _draw_pagoda(draw, w * rng.uniform(0.35, 0.65), horizon, h, (200, 90, 60))
        # birds
        for _ in range(rng.randint(3, 7)):
            bx, by, bs = rng.uniform(w * 0.1, w * 0.9), rng.uniform(h * 0.1, horizon * 0.6), rng.uniform(8, 16)
            draw.line([(bx - bs, by), (bx, by + bs * 0.4), (bx + bs, by)], fill=(50, 50, 60, 200), width=3)
    else:
        _draw_motif(draw, rng, kind, w, h, horizon, accent, near)

    # title band
    band_h = int(h * 0.2)
    draw.rectangle([0, h - band_h, w, h], fill=(15, 25, 35, 150))
    draw.rectangle([0, h - band_h, int(w * 0.012), h], fill=accent + (255,))
    title = " ".join((title or ref).split())
    font_size = max(14, int(h * 0.055))
    font = _load_font(font_size, title)
    lines = _wrap(draw, title, font, w * 0.9, max_lines=2)
    line_h = font_size * 1.25
    y = h - band_h + (band_h - line_h * len(lines)) / 2
    for line in lines:
        draw.text((w * 0.04 + 2, y + 2), line, font=font, fill=(0, 0, 0, 160))
        draw.text((w * 0.04, y), line, font=font, fill=(255, 255, 255, 255))
        y += line_h
    small = _load_font(max(10, int(h * 0.022)), kind)
    draw.text((w * 0.04, h - band_h - h * 0.045), kind.upper(), font=small, fill=(255, 255, 255, 220))

    buf = io.BytesIO()
    img.save(buf, format="PNG", optimize=True)
    return buf.getvalue()


if __name__ == "__main__":  # quick manual check: python images.py [catalogue.jsonl] [outdir]
    import json
    import sys

    src = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "catalogue.jsonl")
    out = sys.argv[2] if len(sys.argv) > 2 else None
    seen = set()
    with open(src, encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            if d["locale"] != "vi" or d["ref"] in seen:
                continue
            seen.add(d["ref"])
            data = make_demo_image(d["ref"], d["kind"], d["title"])
            assert data[:8] == b"\x89PNG\r\n\x1a\n"
            if out:
                os.makedirs(out, exist_ok=True)
                with open(os.path.join(out, d["ref"] + ".png"), "wb") as fh_out:
                    fh_out.write(data)
    print(f"{len(seen)} images OK")
