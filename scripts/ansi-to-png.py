#!/usr/bin/env python3
"""Turns ANSI-coloured terminal text (e.g. `optiscope render --color always`,
or `tmux capture-pane -p -e`) into a PNG, so a frame can be looked at as a
picture and shown in the README. Needs Pillow (`pip install pillow`) and the
DejaVu Sans Mono font (Debian's fonts-dejavu-core).

usage: scripts/ansi-to-png.py [INPUT|-] OUTPUT.png [--font-size 14] [--bold-bright]

--bold-bright shows a bold basic colour (SGR 1 with 30-37) as its bright twin, as
xterm does by default: an 8-colour terminal (TERM=xterm) has no other bright colours.
"""
import re
import sys

from PIL import Image, ImageDraw, ImageFont

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"
BOLD_FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf"
BASE16 = [
    (0, 0, 0), (205, 49, 49), (13, 188, 121), (229, 229, 16),
    (36, 114, 200), (188, 63, 188), (17, 168, 205), (229, 229, 229),
    (102, 102, 102), (241, 76, 76), (35, 209, 139), (245, 245, 67),
    (59, 142, 234), (214, 112, 214), (41, 184, 219), (255, 255, 255),
]
DEFAULT_FG = (220, 220, 220)
DEFAULT_BG = (24, 24, 28)


def xterm256(index):
    if index < 16:
        return BASE16[index]
    if index < 232:
        index -= 16
        steps = [0, 95, 135, 175, 215, 255]
        return (steps[index // 36], steps[(index // 6) % 6], steps[index % 6])
    level = 8 + (index - 232) * 10
    return (level, level, level)


def parse(text, bold_bright=False):
    """Yields rows of (char, fg, bg, bold); a dim (SGR 2) foreground is blended halfway to
    its background, as terminals show it; with bold_bright a bold basic foreground is
    its bright twin."""
    rows = []
    fg, bg, bold, reverse, dim = None, None, False, False, False
    basic = None
    for line in text.split("\n"):
        row = []
        position = 0
        for match in re.finditer(r"\x1b\[([0-9;]*)m|\x1b\[[0-9;?]*[A-Za-ln-z]|(.)", line):
            if match.group(2) is not None:
                f, b = fg or DEFAULT_FG, bg or DEFAULT_BG
                if bold_bright and bold and basic is not None:
                    f = BASE16[basic + 8]
                if reverse:
                    f, b = b, f
                if dim:
                    f = tuple((p + q) // 2 for p, q in zip(f, b))
                row.append((match.group(2), f, b, bold))
                continue
            if match.group(1) is None:
                continue
            codes = [int(c) if c else 0 for c in match.group(1).split(";")]
            i = 0
            while i < len(codes):
                c = codes[i]
                if c == 0:
                    fg, bg, bold, reverse, dim = None, None, False, False, False
                    basic = None
                elif c == 1:
                    bold = True
                elif c == 2:
                    dim = True
                elif c == 22:
                    bold, dim = False, False
                elif c == 7:
                    reverse = True
                elif c == 27:
                    reverse = False
                elif 30 <= c <= 37:
                    fg = BASE16[c - 30]
                    basic = c - 30
                elif 90 <= c <= 97:
                    fg, basic = BASE16[c - 90 + 8], None
                elif 40 <= c <= 47:
                    bg = BASE16[c - 40]
                elif 100 <= c <= 107:
                    bg = BASE16[c - 100 + 8]
                elif c == 39:
                    fg = None
                    basic = None
                elif c == 49:
                    bg = None
                elif c in (38, 48) and i + 2 < len(codes) and codes[i + 1] == 5:
                    colour = xterm256(codes[i + 2])
                    if c == 38:
                        fg, basic = colour, None
                    else:
                        bg = colour
                    i += 2
                elif c in (38, 48) and i + 4 < len(codes) and codes[i + 1] == 2:
                    colour = tuple(codes[i + 2:i + 5])
                    if c == 38:
                        fg, basic = colour, None
                    else:
                        bg = colour
                    i += 4
                i += 1
        rows.append(row)
    while rows and not rows[-1]:
        rows.pop()
    return rows


BRAILLE_DOTS = [(0, 0, 0x01), (0, 1, 0x02), (0, 2, 0x04), (0, 3, 0x40),
                (1, 0, 0x08), (1, 1, 0x10), (1, 2, 0x20), (1, 3, 0x80)]


def draw_braille(draw, bits, box, colour):
    """Draws a braille cell's dots: fonts rarely carry the braille block."""
    x0, y0, x1, y1 = box
    w, h = (x1 - x0 + 1) / 2, (y1 - y0 + 1) / 4
    r = max(1.0, min(w, h) * 0.32)
    for column, row, bit in BRAILLE_DOTS:
        if bits & bit:
            cx, cy = x0 + (column + 0.5) * w, y0 + (row + 0.5) * h
            draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=colour)


# Quadrant block elements: which of (upper left, upper right, lower left, lower right) are set.
QUADRANTS = {"▘": 1, "▝": 2, "▀": 3, "▖": 4, "▌": 5, "▞": 6, "▛": 7, "▗": 8, "▚": 9,
             "▐": 10, "▜": 11, "▄": 12, "▙": 13, "▟": 14, "█": 15}


def sextant_mask(code):
    """The 2×3 cells (bit k: row k // 2, column k % 2) of a sextant U+1FB00…U+1FB3B."""
    mask = code - 0x1FB00 + 1
    if mask >= 21:
        mask += 1
    if mask >= 42:
        mask += 1
    return mask


def draw_blocks(draw, mask, columns, rows, box, colour):
    """Fills the parts of a cell a block element covers: fonts rarely carry sextants,
    and a font's quadrants need not meet their neighbours."""
    x0, y0, x1, y1 = box
    w, h = (x1 - x0 + 1) / columns, (y1 - y0 + 1) / rows
    for k in range(columns * rows):
        if mask & (1 << k):
            cx, cy = k % columns, k // columns
            draw.rectangle((round(x0 + cx * w), round(y0 + cy * h),
                            round(x0 + (cx + 1) * w) - 1, round(y0 + (cy + 1) * h) - 1),
                           fill=colour)


def main():
    args = sys.argv[1:]
    size = 14
    bold_bright = "--bold-bright" in args
    args = [a for a in args if a != "--bold-bright"]
    if "--font-size" in args:
        at = args.index("--font-size")
        size = int(args[at + 1])
        del args[at:at + 2]
    if len(args) != 2:
        sys.exit(__doc__)
    source, output = args
    text = sys.stdin.read() if source == "-" else open(source, encoding="utf-8").read()
    rows = parse(text, bold_bright)
    font = ImageFont.truetype(FONT, size)
    bold_font = ImageFont.truetype(BOLD_FONT, size)
    left, top, right, bottom = font.getbbox("M")
    cell_w = round(font.getlength("M"))
    cell_h = round(size * 1.25)
    width = max((len(r) for r in rows), default=1)
    image = Image.new("RGB", (width * cell_w, len(rows) * cell_h), DEFAULT_BG)
    draw = ImageDraw.Draw(image)
    for y, row in enumerate(rows):
        for x, (char, fg, bg, bold) in enumerate(row):
            box = (x * cell_w, y * cell_h, (x + 1) * cell_w - 1, (y + 1) * cell_h - 1)
            draw.rectangle(box, fill=bg)
            if char in QUADRANTS:
                draw_blocks(draw, QUADRANTS[char], 2, 2, box, fg)
            elif 0x1FB00 <= ord(char) <= 0x1FB3B:
                draw_blocks(draw, sextant_mask(ord(char)), 2, 3, box, fg)
            elif 0x2800 <= ord(char) <= 0x28FF:
                draw_braille(draw, ord(char) - 0x2800, box, fg)
            elif char != " ":
                draw.text((x * cell_w, y * cell_h + 1), char, fill=fg,
                          font=bold_font if bold else font)
    image.save(output)


if __name__ == "__main__":
    main()
