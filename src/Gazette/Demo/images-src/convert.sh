#!/bin/sh
# Redraws the demo JPEGs from these SVG sources (Debian: librsvg2-bin, imagemagick). Run from this folder.
set -e
for svg in *.svg; do
  rsvg-convert "$svg" | convert - -background white -flatten -quality 80 -sampling-factor 4:2:0 -strip "../images/${svg%.svg}.jpg"
done
