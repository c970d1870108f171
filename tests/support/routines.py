"""Routine texts more than one test module plays."""

from __future__ import annotations

import base64

PNG_1X1 = base64.b64decode(  # a real 1 x 1 PNG: a picture the app can show
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)

FULL = """
format: 1
title: Everything once
breathing: {inhale: 5, pause: 1, exhale: 3}
steps:
  - exercise:
      title: Ball release
      instructions: Lean into the ball against the wall.
    hold: 30s
    sets: 2
    rest: 15s
    sides: both
    switch: 5s
    prepare: 10s
    between: Move the ball a little higher.
  - exercise:
      title: Cat cow
      instructions: Round your back, then let it sag.
    reps: 8
    prepare: 5s
  - breathe: {breaths: 3}
    breathing: {inhale: 4, exhale: 6}
"""
