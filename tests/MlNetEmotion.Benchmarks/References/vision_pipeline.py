"""OpenCV reference for vision.pipeline: ffmpeg -> 8 fps -> detectMultiScale -> largest face -> 227x227 INTER_AREA crop.

argv: threads clip width height fps. Frames come from the same ffmpeg command line (select filter) as the C# reader.
Prints 'pipeline <ms for the whole clip>' and 'frames <count>'.
"""
import subprocess, sys, time
import numpy as np
import cv2

threads, clip, w, h, fps = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5])
cv2.setNumThreads(threads)
cascade = cv2.CascadeClassifier('/usr/share/opencv4/haarcascades/haarcascade_frontalface_default.xml')
q = 8.0 / fps
select = "select='gt(floor((n+0)*%r+1e-06)-floor((n+0-1)*%r+1e-06),0)'" % (q, q)

def run():
    p = subprocess.Popen(['ffmpeg', '-nostdin', '-v', 'error', '-i', clip, '-map', '0:v:0', '-vf', select, '-fps_mode', 'passthrough',
                          '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-'], stdout=subprocess.PIPE)
    n = 0
    while True:
        buf = p.stdout.read(w * h * 3)
        if len(buf) < w * h * 3:
            break
        rgb = np.frombuffer(buf, np.uint8).reshape(h, w, 3)
        faces = cascade.detectMultiScale(cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY), 1.1, 3, minSize=(30, 30))
        if len(faces):
            x, y, fw, fh = max(faces, key=lambda f: f[2] * f[3])
            cv2.resize(rgb[y:y + fh, x:x + fw], (227, 227), interpolation=cv2.INTER_AREA)
        n += 1
    p.wait()
    return n

run()
times = []
for _ in range(3):
    t = time.perf_counter()
    frames = run()
    times.append((time.perf_counter() - t) * 1000)
print('pipeline', sorted(times)[1])
print('frames', frames)
