"""cv2.resize fixtures on a real photo: grey 2008_002506.jpg (ffmpeg-decoded, cvtColor RGB2GRAY) resized with
INTER_LINEAR_EXACT, INTER_LINEAR and INTER_AREA to a few sizes; written as binary PGM (P5).
Run: /usr/bin/python3 make_resize_fixtures.py  (python3-opencv 4.6, ffmpeg)."""
import subprocess
import numpy as np
import cv2

raw = subprocess.run(['ffmpeg', '-nostdin', '-v', 'error', '-i', '../faces/2008_002506.jpg', '-f', 'rawvideo',
                      '-pix_fmt', 'rgb24', '-'], check=True, capture_output=True).stdout
grey = cv2.cvtColor(np.frombuffer(raw, np.uint8).reshape(375, 500, 3), cv2.COLOR_RGB2GRAY)
face = grey[78:78 + 109, 329:329 + 109]  # the first ground-truth face box of testing.xml
def pgm(name, a):
    with open(name, 'wb') as f:
        f.write(b'P5\n%d %d\n255\n' % (a.shape[1], a.shape[0]) + a.tobytes())
pgm('face.pgm', face)
for size in [(227, 227), (56, 56), (45, 31)]:
    for tag, interp in [('exact', cv2.INTER_LINEAR_EXACT), ('linear', cv2.INTER_LINEAR), ('area', cv2.INTER_AREA)]:
        if tag == 'area' and size[0] > face.shape[1]:
            continue
        pgm('face_%s_%dx%d.pgm' % (tag, size[0], size[1]), cv2.resize(face, size, interpolation=interp))
pgm('photo_exact_300x211.pgm', cv2.resize(grey, (300, 211), interpolation=cv2.INTER_LINEAR_EXACT))
