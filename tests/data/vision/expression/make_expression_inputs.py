"""Writes the face-expression parity inputs (uint8 HWC RGB .npy) and the astronaut head PNG.

Run with /usr/bin/python3 (python3-skimage, python3-opencv, opencv-data, ffmpeg); then run
make_expression_fixture.js to compute face-api's outputs on these inputs.
"""
import subprocess

import cv2
import numpy as np
import skimage.data

HERE = __file__.rsplit("/", 1)[0] if "/" in __file__ else "."
CASCADE = "/usr/share/opencv4/haarcascades/haarcascade_frontalface_default.xml"


def largest_face(rgb):
    grey = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)
    boxes = cv2.CascadeClassifier(CASCADE).detectMultiScale(grey, 1.1, 3)
    return max(boxes, key=lambda b: b[2] * b[3])


def save(name, rgb):
    assert rgb.dtype == np.uint8 and rgb.ndim == 3 and rgb.shape[2] == 3
    np.save(f"{HERE}/{name}.npy", np.ascontiguousarray(rgb))


# (a) astronaut: the head-and-shoulders region (for the detector + classifier test) and its detected face at 112x112.
astronaut = skimage.data.astronaut()
head = np.ascontiguousarray(astronaut[0:224, 96:320])
cv2.imwrite(f"{HERE}/astronaut_head.png", cv2.cvtColor(head, cv2.COLOR_RGB2BGR))
x, y, w, h = largest_face(head)
save("astronaut_face", cv2.resize(head[y:y + h, x:x + w], (112, 112), interpolation=cv2.INTER_AREA))

# (b) seeded random images.
rng = np.random.default_rng(20240515)
for i in range(2):
    save(f"random_{i}", rng.integers(0, 256, size=(112, 112, 3), dtype=np.uint8))

# (c) a dlib example face, cropped non-square (taller than wide) so face-api pads to square and resizes bilinearly.
jpg = f"{HERE}/../faces/2008_002506.jpg"
probe = subprocess.run(["ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries", "stream=width,height",
                        "-of", "csv=p=0", jpg], check=True, capture_output=True, text=True).stdout.strip().split(",")
width, height = int(probe[0]), int(probe[1])
raw = subprocess.run(["ffmpeg", "-nostdin", "-v", "error", "-i", jpg, "-f", "rawvideo", "-pix_fmt", "rgb24", "-"],
                     check=True, capture_output=True).stdout
photo = np.frombuffer(raw, np.uint8).reshape(height, width, 3)
x, y, w, h = largest_face(photo)
top, bottom = max(0, y - h // 4), min(height, y + h + h // 8)
save("dlib_face", photo[top:bottom, x:x + w])
print("astronaut box", largest_face(head), "dlib crop", photo[top:bottom, x:x + w].shape)
