#!/bin/sh
# Regenerates the synthetic PNGs (bit depths and layouts no real file on the build machine has).
# Needs ffmpeg (Debian package ffmpeg) and /usr/bin/python3. Run from this folder.
set -e
src="testsrc2=size=37x29:rate=1"
ffmpeg -v error -y -f lavfi -i "$src" -frames:v 1 -pred mixed -pix_fmt gray16be gen-grey16.png
ffmpeg -v error -y -f lavfi -i "$src" -frames:v 1 -pred mixed -pix_fmt ya16be gen-greyalpha16.png
ffmpeg -v error -y -f lavfi -i "$src" -frames:v 1 -pred mixed -pix_fmt gray -flags +ildct gen-grey8-interlaced.png
ffmpeg -v error -y -f lavfi -i "$src" -frames:v 1 -pred mixed -pix_fmt rgb24 -flags +ildct gen-rgb8-interlaced.png
ffmpeg -v error -y -f lavfi -i "$src" -frames:v 1 -pred mixed -pix_fmt rgb48be -flags +ildct gen-rgb16-interlaced.png
ffmpeg -v error -y -f lavfi -i "$src" -frames:v 1 -pred mixed -pix_fmt rgba64be gen-rgba16.png
/usr/bin/python3 make_lowdepth.py
