"""Writes small PNGs covering every colour type x legal bit depth, Adam7 on tiny sizes with empty passes, every
filter type, tRNS for every colour type, split and zero-length IDAT chunks and ancillary chunks (gAMA, iCCP, tEXt),
and expected.json: the pixels each file holds, computed here from the generated samples (not by any decoder), base64
of the decoder's output layout (8-bit files: bytes, palettes expanded, 1/2/4-bit grey scaled to 0..255; 16-bit files:
big-endian words; tRNS adds an alpha channel, 0 where the stored samples equal the key, else opaque).
Run with /usr/bin/python3 from this folder."""
import base64, json, random, struct, zlib

PASSES = [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)]
CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}

def chunk(kind, data):
    return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data) & 0xffffffff)

def paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    return a if pa <= pb and pa <= pc else (b if pb <= pc else c)

def filter_row(kind, raw, prior, bpp):
    out = bytearray(len(raw))
    for i, v in enumerate(raw):
        a = raw[i - bpp] if i >= bpp else 0
        b = prior[i]
        c = prior[i - bpp] if i >= bpp else 0
        pred = [0, a, b, (a + b) >> 1, paeth(a, b, c)][kind]
        out[i] = (v - pred) & 0xff
    return bytes(out)

def pack(samples, depth):
    if depth == 16:
        return b''.join(struct.pack('>H', s) for s in samples)
    if depth == 8:
        return bytes(samples)
    per = 8 // depth
    out = bytearray((len(samples) + per - 1) // per)
    for i, s in enumerate(samples):
        out[i // per] |= s << (8 - depth * (i % per + 1))
    return bytes(out)

def expected(colour, depth, pixels, palette, trns):
    """The decoded pixels in the decoder's output layout."""
    out = bytearray()
    for row in pixels:
        for px in row:
            if colour == 3:
                out += bytes(palette[px[0]])
                if trns is not None:
                    out.append(trns[px[0]] if px[0] < len(trns) else 255)
                continue
            values = list(px)
            if trns is not None:
                key = tuple(struct.unpack('>%dH' % len(px), trns))
                values.append(0 if px == key else (1 << depth) - 1)
            if depth == 16:
                out += b''.join(struct.pack('>H', v) for v in values)
            else:
                out += bytes(v * 255 // ((1 << depth) - 1) for v in values)
    return base64.b64encode(bytes(out)).decode()

def write(path, width, height, colour, depth, interlace, pixels, palette=None, trns=None, split=3):
    """pixels[y][x] is a tuple of stored samples; returns the expected decode."""
    ch = CHANNELS[colour]
    bpp = max(1, depth * ch // 8)
    passes = PASSES if interlace else [(0, 0, 1, 1)]
    data = b''
    row_number = 0
    for (x0, y0, dx, dy) in passes:
        xs = list(range(x0, width, dx))
        ys = list(range(y0, height, dy))
        if not xs or not ys:
            continue
        prior = bytes(len(pack([0] * (len(xs) * ch), depth)))
        for y in ys:
            raw = pack([s for x in xs for s in pixels[y][x]], depth)
            kind = row_number % 5
            row_number += 1
            data += bytes([kind]) + filter_row(kind, raw, prior, bpp)
            prior = raw
    z = zlib.compress(data, 9)
    ihdr = struct.pack('>IIBBBBB', width, height, depth, colour, 0, 0, interlace)
    out = b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', ihdr)
    out += chunk(b'gAMA', struct.pack('>I', 45455))
    out += chunk(b'iCCP', b'none\x00\x00' + zlib.compress(b'not a real profile'))
    if palette is not None:
        out += chunk(b'PLTE', bytes(v for rgb in palette for v in rgb))
    if trns is not None:
        out += chunk(b'tRNS', trns)
    out += chunk(b'tEXt', b'Comment\x00made by make_matrix.py')
    cuts = sorted({0, len(z)} | {len(z) * k // split for k in range(1, split)})
    for a, b in zip(cuts, cuts[1:]):
        out += chunk(b'IDAT', z[a:b])
        if a == 0:
            out += chunk(b'IDAT', b'')   # a zero-length IDAT chunk is legal
    out += chunk(b'IEND', b'')
    with open(path, 'wb') as f:
        f.write(out)
    return expected(colour, depth, pixels, palette, trns)

def image(rng, width, height, ch, maximum, key=None):
    px = [[tuple(rng.randint(0, maximum) for _ in range(ch)) for _ in range(width)] for _ in range(height)]
    if key is not None:   # make the transparent colour appear on a diagonal
        for y in range(height):
            px[y][(3 * y) % width] = key
    return px

SIZES = [(1, 1), (3, 5), (9, 7), (17, 3), (5, 1), (1, 6)]

def main():
    truth = {}
    rng = random.Random(5)
    n = 0
    legal = [(0, d) for d in (1, 2, 4, 8, 16)] + [(2, 8), (2, 16)] + [(3, d) for d in (1, 2, 4, 8)] + \
            [(4, 8), (4, 16), (6, 8), (6, 16)]
    for colour, depth in legal:
        for interlace in (0, 1):
            width, height = SIZES[n % len(SIZES)]
            n += 1
            ch = CHANNELS[colour]
            name = f'mx-c{colour}-{depth}{"-i" if interlace else ""}-{width}x{height}.png'
            if colour == 3:
                entries = min(1 << depth, 7 + n % 5)
                palette = [tuple(rng.randint(0, 255) for _ in range(3)) for _ in range(entries)]
                truth[name] = write(name, width, height, colour, depth, interlace, image(rng, width, height, 1, entries - 1), palette)
            else:
                truth[name] = write(name, width, height, colour, depth, interlace, image(rng, width, height, ch, (1 << depth) - 1))
    # tRNS on every colour type that allows it
    for colour, depth, interlace, (width, height) in [(0, 1, 1, (3, 5)), (0, 2, 0, (9, 7)), (0, 4, 1, (17, 3)),
                                                      (0, 8, 0, (9, 7)), (0, 16, 1, (3, 5)), (2, 8, 1, (9, 7)),
                                                      (2, 16, 0, (17, 3)), (3, 4, 1, (3, 5)), (3, 8, 0, (9, 7))]:
        ch = CHANNELS[colour]
        name = f'mx-trns-c{colour}-{depth}{"-i" if interlace else ""}-{width}x{height}.png'
        if colour == 3:
            entries = min(1 << depth, 12)
            palette = [tuple(rng.randint(0, 255) for _ in range(3)) for _ in range(entries)]
            alphas = bytes(rng.randint(0, 255) for _ in range(entries - 3))   # shorter than the palette
            truth[name] = write(name, width, height, colour, depth, interlace, image(rng, width, height, 1, entries - 1), palette, alphas)
        else:
            key = tuple(rng.randint(0, (1 << depth) - 1) for _ in range(ch))
            trns = b''.join(struct.pack('>H', k) for k in key)
            truth[name] = write(name, width, height, colour, depth, interlace, image(rng, width, height, ch, (1 << depth) - 1, key), None, trns)

    with open('expected.json', 'w') as f:
        json.dump(truth, f, indent=0, sort_keys=True)
        f.write('\n')

main()
