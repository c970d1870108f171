"""When what the player shows next changes, so the app wakes for that moment and not in between.

The player draws time and breath in steps: the counts and the ring's arc in whole seconds, the
breath shape in 1/80ths of its growth. Between two steps nothing on screen moves,
so waking at each step, and only then, keeps the picture exact with the fewest wake-ups; on a
laptop each wake-up costs more than the drawing it leads to.
"""

from __future__ import annotations

import math

from stretch_gui.core.session.breathing import BreathPhase, BreathState
from stretch_gui.core.session.session import Session, SessionState

FILL_STEPS = 80  # the breath shape's size moves in 1/80 steps: under 2 px on a maximized laptop screen
PAST_THE_STEP = 1e-3  # seconds: a wake-up lands just after a step, never just before it
SHORTEST_FRAME = 0.04  # seconds between two wake-ups at least: 25 a second draws a growing circle smoothly


def stepped_fill(fill: float) -> float:
    """How full the breath shape is drawn: steps finer than a pixel, coarse enough that still frames are not drawn."""
    return round(fill * FILL_STEPS) / FILL_STEPS


def drawn_fill(breath: BreathState, *, reduced_motion: bool) -> float:
    """How full the breath shape is drawn; with reduced motion it steps once a second, eased never."""
    if not reduced_motion:
        return stepped_fill(breath.fill)
    steps = max(1, round(breath.phase_duration))
    done = min(steps, int(breath.phase_elapsed) + 1)
    return {
        BreathPhase.INHALE: done / steps,
        BreathPhase.PAUSE: 1.0,
        BreathPhase.EXHALE: 1 - done / steps,
        BreathPhase.PAUSE_AFTER_EXHALE: 0.0,
    }[breath.phase]


def arc_fraction(remaining: float, duration: float) -> float:
    """How much of the ring is left: it moves with the digits, once a second, like a clock's second hand.

    One change a second, not two out of step: the ring and the digits are drawn together, and
    each change draws them again (two more overlays a second when the arc also moved at the half seconds).
    """
    if duration <= 0:
        return 0.0
    whole = math.ceil(remaining) if remaining > 0 else 0
    return min(1.0, whole / math.ceil(duration))


def next_change(session: Session, *, smooth: bool, breath_shape: bool) -> float | None:
    """Seconds until the app should wake for what the player shows next; None while the session is not running.

    Always: each second of the counts and the ring on screen (the countdown, the routine's time
    left, the breath's count, a hold's rotating cue) and each change of breath phase, when a
    breath cue sounds. With ``smooth`` (no reduced motion) and ``breath_shape`` (the breathing
    guide is shown), the steps of the breath shape too.
    """
    if session.state is not SessionState.RUNNING:
        return None
    remaining = session.remaining()
    if remaining <= 0:
        return PAST_THE_STEP  # the part is over and the session has yet to notice: at once
    # Parts and breath phases last whole seconds (the format takes no fractions), so every count on
    # screen turns over, and every phase begins, when the part's time left passes a whole second.
    second = _to_whole_below(remaining)
    wait = second
    breath = session.breath()
    if breath is not None and smooth and breath_shape:
        # At most 25 frames a second for the shape; and a step due less than a frame before a second
        # waits the few ms for it, so that the second (the digits, the phase and its sound) is never late.
        step = max(_to_next_fill_step(breath), SHORTEST_FRAME - PAST_THE_STEP)
        if step < second - SHORTEST_FRAME:
            wait = step
    return max(0.0, wait) + PAST_THE_STEP


def _to_whole_below(falling: float) -> float:
    """Seconds until a time that falls one a second (shown rounded up) shows one second less."""
    if falling <= 0:
        return math.inf
    return falling - (math.ceil(falling) - 1)


def _to_next_fill_step(breath: BreathState) -> float:
    """Seconds until the eased breath shape reaches its next drawn step, or inf while it holds still."""
    if breath.phase not in (BreathPhase.INHALE, BreathPhase.EXHALE) or breath.phase_duration <= 0:
        return math.inf  # the pauses hold the shape: the phase's end is already a wake-up
    drawn = round(breath.fill * FILL_STEPS)
    growing = breath.phase is BreathPhase.INHALE
    boundary = ((drawn + 0.5) if growing else (drawn - 0.5)) / FILL_STEPS
    if not 0 < boundary < 1:
        return math.inf
    # The shape follows (1 - cos(pi t)) / 2 of the phase's progress t (breathing._ease), filling or emptying.
    eased = boundary if growing else 1 - boundary
    progress = math.acos(1 - 2 * eased) / math.pi
    return max(0.0, (progress - breath.phase_progress) * breath.phase_duration)
