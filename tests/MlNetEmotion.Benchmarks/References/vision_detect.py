"""OpenCV 4.6 reference timing for vision.detect: detectMultiScale on the astronaut photo.

argv: threads image scaleFactor minNeighbors minSize. Prints 'detect <median ms>' and 'faces <count>'.
"""
import sys, time
import cv2

threads, path = int(sys.argv[1]), sys.argv[2]
scale, neighbours, min_size = float(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
cv2.setNumThreads(threads)
grey = cv2.cvtColor(cv2.imread(path, cv2.IMREAD_COLOR), cv2.COLOR_BGR2GRAY)
cascade = cv2.CascadeClassifier('/usr/share/opencv4/haarcascades/haarcascade_frontalface_default.xml')
run = lambda: cascade.detectMultiScale(grey, scaleFactor=scale, minNeighbors=neighbours, minSize=(min_size, min_size))
for _ in range(2):
    faces = run()
times = []
for _ in range(7):
    t = time.perf_counter()
    run()
    times.append((time.perf_counter() - t) * 1000)
print('detect', sorted(times)[3])
print('faces', len(faces))
