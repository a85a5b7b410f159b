"""Detection fixtures: OpenCV 4.6 CascadeClassifier.detectMultiScale on the dlib example faces.

Run with Debian's interpreter from this folder:  /usr/bin/python3 make_detection_fixtures.py
Needs python3-opencv (4.6), opencv-data (cascades) and ffmpeg. Every JPEG is decoded by ffmpeg to RGB24 (the same
decode the C# tests use) and converted to grey with cv2.cvtColor(RGB2GRAY), so both sides see identical pixels.
Writes detections.json.
"""
import json, subprocess, sys
import numpy as np
import cv2

cv2.setNumThreads(1)
IMAGES = ['2007_007763', '2008_001009', '2008_001322', '2008_002079', '2008_002470',
          '2008_002506', '2008_004176', '2008_007676', '2009_004587']
CASCADES = {
    'haar_default': '/usr/share/opencv4/haarcascades/haarcascade_frontalface_default.xml',
    'haar_alt2': '/usr/share/opencv4/haarcascades/haarcascade_frontalface_alt2.xml',
    'haar_eye_tree': '/usr/share/opencv4/haarcascades/haarcascade_eye_tree_eyeglasses.xml',
    'haar_upperbody': '/usr/share/opencv4/haarcascades/haarcascade_upperbody.xml',
    'lbp_improved': '/usr/share/opencv4/lbpcascades/lbpcascade_frontalface_improved.xml',
    'lbp_profile': '/usr/share/opencv4/lbpcascades/lbpcascade_profileface.xml',
    'haar_plate': '/usr/share/opencv4/haarcascades/haarcascade_licence_plate_rus_16stages.xml',  # old opencv-haar-classifier layout
}
CONFIGS = [  # (cascade, scaleFactor, minNeighbors, minSize, maxSize)
    ('haar_default', 1.1, 3, 0, 0),
    ('haar_default', 1.1, 0, 0, 0),
    ('haar_default', 1.2, 5, 30, 0),
    ('haar_default', 1.05, 3, 40, 120),
    ('haar_alt2', 1.1, 3, 0, 0),
    ('haar_eye_tree', 1.1, 3, 0, 0),
    ('haar_upperbody', 1.1, 1, 0, 0),
    ('lbp_improved', 1.1, 3, 0, 0),
    ('lbp_improved', 1.1, 0, 0, 0),
    ('haar_alt2', 1.1, 1, 0, 0),  # 2009_004587: a member box overhangs the right edge; OpenCV clips after grouping
    ('lbp_profile', 1.15, 2, 20, 200),
    ('haar_plate', 1.03, 0, 0, 0),  # raw hits: every window decision of the legacy-format cascade
    ('haar_plate', 1.1, 1, 0, 0),
]

def decode(path):
    probe = subprocess.run(['ffprobe', '-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream=width,height',
                            '-of', 'csv=p=0', path], check=True, capture_output=True, text=True).stdout.strip()
    w, h = map(int, probe.split(','))
    raw = subprocess.run(['ffmpeg', '-nostdin', '-v', 'error', '-i', path, '-frames:v', '1', '-f', 'rawvideo',
                          '-pix_fmt', 'rgb24', '-'], check=True, capture_output=True).stdout
    return np.frombuffer(raw, np.uint8).reshape(h, w, 3)

classifiers = {k: cv2.CascadeClassifier(v) for k, v in CASCADES.items()}
out = {'opencv': cv2.__version__, 'cascades': CASCADES, 'results': []}
for name in IMAGES:
    grey = cv2.cvtColor(decode(name + '.jpg'), cv2.COLOR_RGB2GRAY)
    for cascade, scale, neighbours, min_size, max_size in CONFIGS:
        boxes = classifiers[cascade].detectMultiScale(grey, scaleFactor=scale, minNeighbors=neighbours,
                                                      minSize=(min_size, min_size), maxSize=(max_size, max_size))
        boxes = sorted([list(map(int, b)) for b in boxes])
        out['results'].append({'image': name + '.jpg', 'cascade': cascade, 'scaleFactor': scale,
                               'minNeighbors': neighbours, 'minSize': min_size, 'maxSize': max_size,
                               'boxes': boxes})
json.dump(out, open('detections.json', 'w'), indent=None, separators=(',', ':'))
print('wrote detections.json,', len(out['results']), 'results', file=sys.stderr)
