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

# A whole prescription (issue 13): every optional field, stages for the routine and for one step.
PRESCRIBED = """\
format: 1
title: Staged
author: Jane Doe
profession: Physiotherapist
registration: PH 12345
start_date: 2026-03-02
review_by: 2026-04-27
weeks: 8
goal: Sit through the school run without pain.
flare_up: Do only the breathing for two days.
equipment: [A mat]
stages:
  - from_week: 1
    hold: 20s
  - from_week: 3
    hold: 30s
    sets: 3
steps:
  - exercise: childs-pose
    position: Kneeling on the mat
    equipment: [A cushion]
  - exercise: knee-to-chest
    stages:
      - from_week: 1
        hold: 15s
      - from_week: 2
        add_hold: 5s
        max_hold: 45s
"""
