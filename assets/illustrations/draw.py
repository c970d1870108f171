"""Draw stretch-gui's exercise pictures: one body, posed by its joints, written as SVG.

Run ``python assets/illustrations/draw.py``; it rewrites the SVG files next to it
(or ``draw.py FOLDER`` to write them elsewhere).
Standard library only, so anyone can redraw the pictures without the app installed.

Every picture comes from the same body (segment lengths from standard
anthropometric ratios of a 240-unit-tall person). Side views face right; the
app mirrors a picture for the other side. Joint positions are placed where the
pose needs them (hands on the mat, feet on the floor) and the elbows and knees
found by two-bone inverse kinematics, bending only the way real joints bend;
every pose is checked against plausible joint ranges before it is written.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

HERE = Path(__file__).resolve().parent
VIEWBOX = (400, 300)
FLOOR = 262.0  # top of the mat / floor line

# Palette: mid tones that read on a light (#f6f4ef) and a dark (#1e2226) background.
SKIN = "#5f9cab"  # the figure, near side
SKIN_FAR = "#467f8e"  # limbs on the far side, a shade darker for depth
OUTLINE = "#254b56"
HAIR = "#2b4f5a"
MAT = "#9a87b3"
MAT_EDGE = "#6c5a86"
WOOD = "#b57f52"
WOOD_EDGE = "#7b5235"
BED = "#c9b79c"
BED_EDGE = "#8d7a5f"
BALL = "#d8e24c"
BALL_EDGE = "#8d9a1c"
FLOOR_LINE = "#8e98a2"
WALL = "#b9c2c9"
WALL_EDGE = "#6f7b85"
ROLLER = "#7fb069"
ROLLER_EDGE = "#3f6b2c"
SWISS_BALL = "#e6a93c"
SWISS_BALL_EDGE = "#94661a"
EYE = "#17323a"
ARROW = "#e4572e"  # movement arrows: warm, apart from the figure's blue on both backgrounds
ARROW_EDGE = "#7a2410"
LINE_WIDTH = 2.2

# Body: a person 240 units tall (segment ratios after Winter, Biomechanics of Human Movement).
H = 240.0
THIGH = 0.245 * H  # hip to knee
SHIN = 0.246 * H  # knee to ankle
UPPER_ARM = 0.186 * H
FOREARM = 0.146 * H
HAND = 0.085 * H  # wrist to fingertips as drawn (the palm and fingers together)
FOOT = 0.13 * H  # heel to toes
TORSO = 0.31 * H  # hip joint to the base of the neck
SHOULDER_AT = 0.88  # the shoulder joint sits this far up the torso axis
NECK = 0.05 * H
HEAD_RX, HEAD_RY = 0.056 * H, 0.064 * H  # head ~ 1/7.5 of the height
SHOULDER_WIDTH = 0.23 * H  # between the shoulder joints, seen from the front
HIP_WIDTH = 0.16 * H  # between the hip joints

Vec = tuple[float, float]


# ---------------------------------------------------------------- geometry


def add(a: Vec, b: Vec) -> Vec:
    return (a[0] + b[0], a[1] + b[1])


def sub(a: Vec, b: Vec) -> Vec:
    return (a[0] - b[0], a[1] - b[1])


def mul(a: Vec, k: float) -> Vec:
    return (a[0] * k, a[1] * k)


def length(a: Vec) -> float:
    return math.hypot(a[0], a[1])


def unit(a: Vec) -> Vec:
    n = length(a)
    return (a[0] / n, a[1] / n)


def direction(degrees: float) -> Vec:
    """Screen angle: 0 points right, 90 points down."""
    r = math.radians(degrees)
    return (math.cos(r), math.sin(r))


def rotate(a: Vec, degrees: float) -> Vec:
    r = math.radians(degrees)
    c, s = math.cos(r), math.sin(r)
    return (a[0] * c - a[1] * s, a[0] * s + a[1] * c)


def angle_of(a: Vec) -> float:
    return math.degrees(math.atan2(a[1], a[0]))


def front_of(axis: Vec) -> Vec:
    """The side a right-facing body's front is on, for an axis running towards its head."""
    return (-axis[1], axis[0])


def lerp(a: Vec, b: Vec, t: float) -> Vec:
    return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)


def between(a: float, b: float, t: float) -> float:
    return a + (b - a) * t


def signed_angle(a: Vec, b: Vec) -> float:
    """Degrees to turn a onto b (positive = clockwise on screen)."""
    return math.degrees(math.atan2(a[0] * b[1] - a[1] * b[0], a[0] * b[0] + a[1] * b[1]))


def two_bone(root: Vec, end: Vec, first: float, second: float, *, bend: float) -> Vec:
    """The middle joint of a two-segment limb from root to end.

    ``bend`` is +1 or -1: which side of the root-end line the joint goes to
    (+1 = the side you get by turning the root-end direction clockwise on screen).
    """
    reach = length(sub(end, root))
    if reach > first + second + 1e-6:
        raise ValueError(f"limb cannot reach: {reach:.1f} > {first + second:.1f}")
    reach = max(reach, abs(first - second) + 1e-6)
    cos_a = (first * first + reach * reach - second * second) / (2 * first * reach)
    a = math.degrees(math.acos(max(-1.0, min(1.0, cos_a))))
    return add(root, mul(rotate(unit(sub(end, root)), bend * a), first))


# ---------------------------------------------------------------- SVG shapes

# The bounding box of what has been drawn for the current picture: x0, y0, x1, y1.
_drawn = [math.inf, math.inf, -math.inf, -math.inf]


def reach(p: Vec, r: float = 0.0) -> None:
    _drawn[0], _drawn[1] = min(_drawn[0], p[0] - r), min(_drawn[1], p[1] - r)
    _drawn[2], _drawn[3] = max(_drawn[2], p[0] + r), max(_drawn[3], p[1] + r)


def take_drawn_box() -> tuple[float, float, float, float]:
    box = (_drawn[0], _drawn[1], _drawn[2], _drawn[3])
    _drawn[:] = [math.inf, math.inf, -math.inf, -math.inf]
    return box


def f(x: float) -> str:
    text = f"{x:.1f}"
    return "0" if text == "-0.0" else text.removesuffix(".0")


def pt(p: Vec) -> str:
    return f"{f(p[0])} {f(p[1])}"


def capsule(a: Vec, ra: float, b: Vec, rb: float) -> str:
    """A limb segment: two circles joined by their outer tangents (a tapered, round-ended shape)."""
    reach(a, ra)
    reach(b, rb)
    d = length(sub(b, a))
    if d <= abs(ra - rb) + 0.01:
        c, r = (a, ra) if ra >= rb else (b, rb)
        return circle_path(c, r)
    u = unit(sub(b, a))
    k = (ra - rb) / d
    s = math.sqrt(max(0.0, 1 - k * k))
    perp = (-u[1], u[0])
    n_plus = add(mul(u, k), mul(perp, s))
    n_minus = add(mul(u, k), mul(perp, -s))
    a1, b1 = add(a, mul(n_plus, ra)), add(b, mul(n_plus, rb))
    b2, a2 = add(b, mul(n_minus, rb)), add(a, mul(n_minus, ra))
    return (
        f"M{pt(a1)}L{pt(b1)}A{f(rb)} {f(rb)} 0 0 0 {pt(b2)}"
        f"L{pt(a2)}A{f(ra)} {f(ra)} 0 1 0 {pt(a1)}Z"
    )


def circle_path(c: Vec, r: float) -> str:
    reach(c, r)
    left, right = (c[0] - r, c[1]), (c[0] + r, c[1])
    return f"M{pt(left)}A{f(r)} {f(r)} 0 1 0 {pt(right)}A{f(r)} {f(r)} 0 1 0 {pt(left)}Z"


def ellipse_path(c: Vec, rx: float, ry: float, degrees: float) -> str:
    points = [
        add(c, rotate((rx * math.cos(t), ry * math.sin(t)), degrees))
        for t in (i * math.tau / 16 for i in range(16))
    ]
    return smooth_closed(points)


def smooth_closed(points: list[Vec]) -> str:
    """A closed Catmull-Rom curve through the points, as cubic Beziers."""
    n = len(points)
    for p in points:
        reach(p)
    parts = [f"M{pt(points[0])}"]
    for i in range(n):
        p0, p1, p2, p3 = points[i - 1], points[i], points[(i + 1) % n], points[(i + 2) % n]
        c1 = add(p1, mul(sub(p2, p0), 1 / 6))
        c2 = sub(p2, mul(sub(p3, p1), 1 / 6))
        parts.append(f"C{pt(c1)} {pt(c2)} {pt(p2)}")
    return "".join(parts) + "Z"


def smooth_open(points: list[Vec]) -> str:
    """An open Catmull-Rom curve through the points, as cubic Beziers."""
    for p in points:
        reach(p, 6)
    ends = [points[0], *points, points[-1]]
    parts = [f"M{pt(points[0])}"]
    for i in range(1, len(ends) - 2):
        p0, p1, p2, p3 = ends[i - 1], ends[i], ends[i + 1], ends[i + 2]
        c1 = add(p1, mul(sub(p2, p0), 1 / 6))
        c2 = sub(p2, mul(sub(p3, p1), 1 / 6))
        parts.append(f"C{pt(c1)} {pt(c2)} {pt(p2)}")
    return "".join(parts)


def arc(centre: Vec, r: float, start: float, end: float, steps: int = 8) -> list[Vec]:
    """Points on a circle from screen angle ``start`` to ``end`` (degrees)."""
    return [add(centre, mul(direction(between(start, end, i / steps)), r)) for i in range(steps + 1)]


def arrow(points: list[Vec], *, both: bool = False, width: float = 4.6) -> str:
    """A movement arrow along the points: a thick warm stroke with a solid head (two with ``both``)."""
    heads = [arrow_head(points[-1], unit(sub(points[-1], points[-2])), width)]
    if both:
        heads.append(arrow_head(points[0], unit(sub(points[0], points[1])), width))
    line = smooth_open(points)
    return (
        f'<g class="arrow" stroke-linecap="round" stroke-linejoin="round">'
        f'<path d="{line}" fill="none" stroke="{ARROW_EDGE}" stroke-width="{f(width + 3.2)}"/>'
        + "".join(f'<path d="{h}" fill="{ARROW_EDGE}" stroke="{ARROW_EDGE}" stroke-width="3.2"/>' for h in heads)
        + f'<path d="{line}" fill="none" stroke="{ARROW}" stroke-width="{f(width)}"/>'
        + "".join(f'<path d="{h}" fill="{ARROW}"/>' for h in heads)
        + "</g>\n"
    )


def arrow_head(base: Vec, d: Vec, width: float) -> str:
    side = (-d[1], d[0])
    tip = add(base, mul(d, width * 2.6))
    left, right = add(base, mul(side, width * 1.9)), add(base, mul(side, -width * 1.9))
    back = add(base, mul(d, -width * 0.3))
    for p in (tip, left, right):
        reach(p, 3)
    return f"M{pt(tip)}L{pt(left)}L{pt(back)}L{pt(right)}Z"


def outlined(paths: list[str], fill: str, *, outline: str = OUTLINE, width: float = LINE_WIDTH) -> str:
    """Shapes merged into one silhouette: the outline drawn under all of them, then their fills."""
    # One element per shape: overlapping shapes in one path could cancel each other out and leave holes.
    under = "".join(f'<path d="{d}"/>' for d in paths)
    over = "".join(f'<path d="{d}"/>' for d in paths)
    return (
        f'<g fill="{outline}" stroke="{outline}" stroke-width="{f(width * 2)}" stroke-linejoin="round">{under}</g>\n'
        f'<g fill="{fill}">{over}</g>\n'
    )


def rect(x: float, y: float, w: float, h: float, r: float, fill: str, edge: str) -> str:
    reach((x, y))
    reach((x + w, y + h))
    return (
        f'<rect x="{f(x)}" y="{f(y)}" width="{f(w)}" height="{f(h)}" rx="{f(r)}" '
        f'fill="{fill}" stroke="{edge}" stroke-width="2.5"/>\n'
    )


def mat(x0: float = 40, x1: float = 360) -> str:
    return rect(x0, FLOOR, x1 - x0, 9, 4.5, MAT, MAT_EDGE)


def floor_line(x0: float = 24, x1: float = 376) -> str:
    return (
        f'<path d="M{f(x0)} {f(FLOOR + 1.5)}H{f(x1)}" stroke="{FLOOR_LINE}" stroke-width="3" '
        f'stroke-linecap="round" fill="none" opacity="0.7"/>\n'
    )


# ---------------------------------------------------------------- the side-view body

# Torso thickness along its axis (hip joint = 0, base of neck = 1): (t, towards the back, towards the front).
TORSO_PROFILE = [
    (-0.16, 5.0, 3.0),
    (-0.06, 13.0, 9.0),
    (0.08, 15.0, 12.0),
    (0.25, 13.5, 13.0),
    (0.42, 12.0, 13.0),
    (0.62, 12.5, 15.0),
    (0.82, 12.0, 13.5),
    (0.95, 9.0, 9.0),
    (1.03, 5.0, 5.0),
]


def profile_at(t: float) -> tuple[float, float]:
    for (t0, b0, f0), (t1, b1, f1) in pairwise(TORSO_PROFILE):
        if t0 <= t <= t1:
            k = (t - t0) / (t1 - t0)
            k = (1 - math.cos(k * math.pi)) / 2
            return between(b0, b1, k), between(f0, f1, k)
    raise ValueError(t)


@dataclass(frozen=True)
class Limb:
    """A chain of joints, drawn as tapered segments: (joint, radius) pairs."""

    joints: tuple[tuple[Vec, float], ...]
    extra: tuple[str, ...] = ()

    def paths(self) -> list[str]:
        out = [capsule(a, ra, b, rb) for (a, ra), (b, rb) in pairwise(self.joints)]
        return out + list(self.extra)


@dataclass(frozen=True)
class Side:
    """A right-facing body seen from its left side."""

    hip: Vec
    torso_angle: float  # screen direction from the hip joint to the base of the neck
    arch: float = 0.0  # + rounds the back (cat), - lets the middle sink towards the front (cow)
    neck_flex: float = 0.0  # + chin towards the chest
    head_nod: float = 0.0
    pelvis: float = 0.0  # + tips the tailbone back and up (cow), - tucks it under (cat)

    @property
    def axis(self) -> Vec:
        return direction(self.torso_angle)

    @property
    def front(self) -> Vec:
        return front_of(self.axis)

    @property
    def neck_base(self) -> Vec:
        return add(self.hip, mul(self.axis, TORSO))

    @property
    def shoulder(self) -> Vec:
        return add(add(self.hip, mul(self.axis, TORSO * SHOULDER_AT)), mul(self.front, 1.0))

    def spine(self, t: float) -> tuple[Vec, Vec]:
        """Point and unit tangent on the (curved) torso axis; beyond [0, 1] it runs on straight."""
        p0, p2 = self.hip, self.neck_base
        p1 = add(lerp(p0, p2, 0.5), mul(self.front, -2 * self.arch))
        tc = min(max(t, 0.0), 1.0)
        point = add(add(mul(p0, (1 - tc) ** 2), mul(p1, 2 * (1 - tc) * tc)), mul(p2, tc * tc))
        tangent = unit(add(mul(sub(p1, p0), 2 * (1 - tc)), mul(sub(p2, p1), 2 * tc)))
        if t < 0:
            tangent = rotate(tangent, self.pelvis)  # the pelvis tips about the hip joints
        return add(point, mul(tangent, (t - tc) * TORSO)), tangent

    def torso_path(self) -> str:
        back, front = [], []
        for t, nb, nf in TORSO_PROFILE:
            p, tangent = self.spine(t)
            normal = front_of(tangent)
            front.append(add(p, mul(normal, nf)))
            back.append(add(p, mul(normal, -nb)))
        return smooth_closed(front + back[::-1])

    def neck_dir(self) -> Vec:
        _, tangent = self.spine(1.0)
        return rotate(tangent, self.neck_flex)

    def head_center(self) -> Vec:
        base, _ = self.spine(0.95)
        nd = self.neck_dir()
        top = add(base, mul(nd, NECK))
        return add(add(top, mul(nd, HEAD_RY * 0.55)), mul(front_of(nd), 3.0))

    def head_paths(self) -> tuple[list[str], str, str]:
        base, _ = self.spine(0.92)
        nd = rotate(self.neck_dir(), self.head_nod)
        c = self.head_center()
        neck = capsule(base, 7.5, add(base, mul(self.neck_dir(), NECK + 6)), 6.5)
        head, hair, eye = profile_head(c, nd)
        return [neck, *head], hair, eye

    def leg(self, *, ankle: Vec, foot_angle: float) -> Limb:
        hip = self.hip
        knee = two_bone(hip, ankle, THIGH, SHIN, bend=-1)
        check_knee(hip, knee, ankle)
        check_hip(self, knee)
        foot = direction(foot_angle)
        shin_dir = unit(sub(ankle, knee))
        heel = add(add(ankle, mul(foot, -5)), mul(shin_dir, 4))
        toe = add(heel, mul(foot, FOOT))
        return Limb(((hip, 13.5), (knee, 8.5), (ankle, 5.5)), extra=(capsule(heel, 5.5, toe, 3.6),))

    def arm(self, *, wrist: Vec, hand_angle: float) -> Limb:
        shoulder = self.shoulder
        elbow = two_bone(shoulder, wrist, UPPER_ARM, FOREARM, bend=1)
        check_elbow(shoulder, elbow, wrist)
        fingertips = add(wrist, mul(direction(hand_angle), HAND))
        return Limb(((shoulder, 8.5), (elbow, 6.0), (wrist, 4.6)), extra=(capsule(wrist, 4.8, fingertips, 3.4),))

    def arm_resting(self, *, elbow_y: float, towards: Vec, hand_angle: float, spread: float = 1.0) -> Limb:
        """An arm whose elbow rests on the floor at ``elbow_y``, the forearm pointing at ``towards``.

        ``spread`` < 1 foreshortens the upper arm, for an elbow that rests a little out to the side.
        """
        shoulder = self.shoulder
        drop = elbow_y - shoulder[1]
        run = math.sqrt(max((UPPER_ARM * spread) ** 2 - drop**2, 0.0))
        side = 1.0 if towards[0] > shoulder[0] else -1.0
        elbow = (shoulder[0] + side * run, elbow_y)
        wrist = add(elbow, mul(unit(sub(towards, elbow)), FOREARM))
        check_elbow(shoulder, elbow, wrist)
        fingertips = add(wrist, mul(direction(hand_angle), HAND))
        return Limb(((shoulder, 8.5), (elbow, 6.0), (wrist, 4.6)), extra=(capsule(wrist, 4.8, fingertips, 3.4),))

    def body_svg(self) -> str:
        check_spine(self)
        head, hair, eye = self.head_paths()
        return outlined([self.torso_path(), *head], SKIN) + f'<path d="{hair}" fill="{HAIR}"/>\n' + eye


def profile_head(c: Vec, up: Vec) -> tuple[list[str], str, str]:
    """A head seen from the side, its crown towards ``up``: skull, nose and chin, hair at the back, an eye.

    The face is on the front side (``front_of(up)``), so nose and eye show where the person looks.
    """
    fwd = front_of(up)
    skull = ellipse_path(c, HEAD_RY, HEAD_RX, angle_of(up))
    nose = capsule(add(c, add(mul(fwd, HEAD_RX - 3), mul(up, -1))), 3.2, add(c, add(mul(fwd, HEAD_RX + 2.6), mul(up, -3.5))), 2.4)
    chin = capsule(
        add(c, add(mul(fwd, HEAD_RX - 6), mul(up, -HEAD_RY * 0.62))), 5.0,
        add(c, add(mul(fwd, HEAD_RX - 2.5), mul(up, -HEAD_RY * 0.72))), 3.6,
    )
    hair_points = [
        add(c, add(mul(up, HEAD_RY * 1.06 * math.cos(math.radians(a))), mul(fwd, HEAD_RX * 1.06 * math.sin(math.radians(a)))))
        for a in range(-140, 46, 15)
    ]
    hair_points += [
        add(c, add(mul(up, HEAD_RY * 0.55), mul(fwd, HEAD_RX * 0.2))),
        add(c, add(mul(up, -HEAD_RY * 0.15), mul(fwd, -HEAD_RX * 0.45))),
    ]
    eye_at = add(c, add(mul(fwd, HEAD_RX * 0.55), mul(up, HEAD_RY * 0.08)))
    eye = f'<path d="{circle_path(eye_at, 2.1)}" fill="{EYE}"/>\n'
    return [skull, nose, chin], smooth_closed(hair_points), eye


def check_spine(body: Side) -> None:
    """The back rounds or hollows, and the neck bends, only as far as a spine does."""
    if not -16 <= body.arch <= 20:
        raise ValueError(f"back rounded or hollowed too far: arch {body.arch:.0f}")
    if not -50 <= body.neck_flex <= 75 or not -30 <= body.head_nod <= 30:
        raise ValueError(f"neck bent too far: {body.neck_flex:.0f} (nod {body.head_nod:.0f})")
    if not -20 <= body.pelvis <= 20:
        raise ValueError(f"pelvis tipped too far: {body.pelvis:.0f}")


def hip_flexion(body: Side, knee: Vec) -> float:
    """Degrees the thigh is brought forwards from the line of the lower back (negative: behind it)."""
    _, towards_head = body.spine(0.0)
    return -signed_angle(mul(towards_head, -1), sub(knee, body.hip))


def check_hip(body: Side, knee: Vec) -> None:
    flexion = hip_flexion(body, knee)
    if not -25 <= flexion <= 150:
        raise ValueError(f"hip bent too far: {flexion:.0f}")


def check_knee(hip: Vec, knee: Vec, ankle: Vec) -> None:
    flexion = signed_angle(sub(knee, hip), sub(ankle, knee))
    # A right-facing leg's knee folds the shin backwards: a clockwise turn on screen, 0..160 degrees.
    if not -1 <= flexion <= 160:
        raise ValueError(f"knee bent the wrong way or too far: {flexion:.0f}")


def check_elbow(shoulder: Vec, elbow: Vec, wrist: Vec) -> None:
    flexion = signed_angle(sub(elbow, shoulder), sub(wrist, elbow))
    # The elbow folds the forearm forwards: an anticlockwise turn on screen, 0..150 degrees.
    if not -1 <= -flexion <= 150:
        raise ValueError(f"elbow bent the wrong way or too far: {flexion:.0f}")


def limb_svg(limb: Limb, fill: str) -> str:
    return outlined(limb.paths(), fill)


# ---------------------------------------------------------------- the front view (also a top view of someone lying)

# Half the torso's outline seen from the front, (sideways, height above the hip joints), crotch to neck.
FRONT_TORSO = [
    (0.0, -11.0),
    (11.0, -12.0),
    (22.5, -3.0),
    (22.0, 12.0),
    (18.5, 32.0),
    (19.5, 48.0),
    (21.5, 58.0),
    (20.0, 67.0),
    (8.0, 73.0),
]
SHOULDER_HEIGHT = 0.88 * TORSO
NECK_HEIGHT = TORSO


@dataclass(frozen=True)
class Front:
    """An upright body seen from the front, or a body on its back seen from above (head at the top)."""

    pelvis: Vec  # midway between the hip joints
    chest_turn: float = 0.0  # degrees the shoulders are turned away from the viewer's plane
    chest_shift: float = 0.0  # sideways shift of the chest that comes with the turn

    def at(self, side: float, height: float) -> Vec:
        return (self.pelvis[0] + side, self.pelvis[1] - height)

    def chest_width(self, height: float) -> float:
        """How much of the full width shows at this height: the turn narrows the chest, not the pelvis."""
        k = min(max((height - 10) / 45, 0.0), 1.0)
        return between(1.0, math.cos(math.radians(self.chest_turn)), k)

    def chest_offset(self, height: float) -> float:
        k = min(max((height - 10) / 45, 0.0), 1.0)
        return self.chest_shift * k

    def torso_path(self) -> str:
        right = [self.at(self.chest_offset(h) + x * self.chest_width(h), h) for x, h in FRONT_TORSO]
        left = [self.at(self.chest_offset(h) - x * self.chest_width(h), h) for x, h in FRONT_TORSO[::-1]]
        return smooth_closed(right[1:] + left[:-1])

    def shoulder(self, sign: int) -> Vec:
        """Shoulder joint; sign +1 is the one on the viewer's right."""
        h = SHOULDER_HEIGHT
        return self.at(self.chest_offset(h) + sign * SHOULDER_WIDTH / 2 * self.chest_width(h), h)

    def hip(self, sign: int, *, width: float = 1.0) -> Vec:
        return self.at(sign * HIP_WIDTH / 2 * width, 0.0)

    def neck_top(self) -> Vec:
        return self.at(self.chest_offset(NECK_HEIGHT), NECK_HEIGHT + NECK)

    def body_paths(self) -> list[str]:
        base = self.at(self.chest_offset(NECK_HEIGHT), NECK_HEIGHT - 6)
        return [self.torso_path(), capsule(base, 7.5, self.neck_top(), 6.5)]

    def face_up_head(self) -> tuple[list[str], str, str]:
        """Head seen from the front (or from above, lying face up): hair framing the crown, eyes and nose."""
        c = add(self.neck_top(), (0, -HEAD_RY * 0.8))
        head = ellipse_path(c, HEAD_RX * 1.05, HEAD_RY, 0)
        hair = [
            add(c, (HEAD_RX * 1.12 * math.cos(math.radians(a)), HEAD_RY * 1.06 * math.sin(math.radians(a))))
            for a in range(160, 381, 20)
        ]
        hair += [
            add(c, (HEAD_RX * 0.75, -HEAD_RY * 0.2)),
            add(c, (0, -HEAD_RY * 0.45)),
            add(c, (-HEAD_RX * 0.75, -HEAD_RY * 0.2)),
        ]
        face = "".join(f'<path d="{circle_path(add(c, (side * 4.6, 0.5)), 2.0)}" fill="{EYE}"/>' for side in (-1, 1))
        face += f'<path d="{capsule(add(c, (0, 3)), 1.6, add(c, (0, 7)), 1.6)}" fill="{OUTLINE}" opacity="0.55"/>\n'
        return [head], smooth_closed(hair), face

    def profile_head(self) -> tuple[list[str], str, str]:
        """Head turned fully to the viewer's right, seen in profile."""
        return profile_head(add(self.neck_top(), (2.5, -HEAD_RY * 0.8)), (0.0, -1.0))


def front_arm(shoulder: Vec, target: Vec, *, bend: int, hand_angle: float, reach: float = 0.97) -> Limb:
    """An arm reaching for target, or as far towards it as a near-straight arm goes."""
    span = (UPPER_ARM + FOREARM) * reach
    to = sub(target, shoulder)
    wrist = target if length(to) <= span else add(shoulder, mul(unit(to), span))
    elbow = two_bone(shoulder, wrist, UPPER_ARM, FOREARM, bend=bend)
    fingertips = add(wrist, mul(direction(hand_angle), HAND))
    return Limb(((shoulder, 8.5), (elbow, 6.0), (wrist, 4.6)), extra=(capsule(wrist, 5.0, fingertips, 3.8),))


def foot_from(ankle: Vec, angle: float, *, heel_back: float = 5.0) -> str:
    d = direction(angle)
    return capsule(add(ankle, mul(d, -heel_back)), 5.5, add(ankle, mul(d, FOOT - heel_back)), 3.8)


# ---------------------------------------------------------------- pictures


@dataclass(frozen=True)
class Scene:
    """One picture before it is placed: its drawing and the box it covers."""

    title: str
    drawing: str
    box: tuple[float, float, float, float]


def scene(title: str, layers: list[str], *, ground: str) -> Scene:
    """Close a picture: the mat (or floor) is sized to what was drawn on it."""
    x0, y0, x1, y1 = take_drawn_box()
    if ground == "mat":
        under = mat(x0 - 16, x1 + 16)
    elif ground == "floor":
        under = floor_line(x0 - 24, x1 + 24)
    else:
        under = ""
    box = take_drawn_box() if ground == "mat" else (x0 - 24, y0, x1 + 24, FLOOR + 3) if ground == "floor" else (x0, y0, x1, y1)
    box = (min(box[0], x0), min(box[1], y0), max(box[2], x1), max(box[3], y1))
    return Scene(title, under + "".join(layers), box)


def union(a: tuple[float, ...], b: tuple[float, ...]) -> tuple[float, float, float, float]:
    return (min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))


def place(s: Scene, box: tuple[float, float, float, float], scale: float) -> str:
    """The SVG file: the scene scaled by the shared body scale and centred in the view box."""
    w, h = VIEWBOX
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    tx, ty = w / 2 - cx * scale, h / 2 - cy * scale
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" width="{w}" height="{h}">\n'
        f"<title>{s.title}</title>\n"
        f'<g transform="matrix({scale:.4f} 0 0 {scale:.4f} {f(tx)} {f(ty)})">\n{s.drawing}</g>\n</svg>\n'
    )


def childs_pose() -> Scene:
    knee = (196.0, FLOOR - 8.5)
    ankle = (knee[0] - SHIN + 1, FLOOR - 6)
    # Sitting back towards the heels: the hip joint comes to rest above the ankles, the seat on the heels.
    hip = (ankle[0] + 12, FLOOR - 43)
    # The back rounds in one long curve over the thighs; the neck bends until the forehead rests on the mat.
    body = resting_head(Side(hip, torso_angle=CHILD_TORSO, arch=11), lowest=FLOOR, flex_range=(0.0, 75.0))
    leg = body.leg(ankle=ankle, foot_angle=180)
    far_leg = body.leg(ankle=add(ankle, (3, 0)), foot_angle=180)
    # Arms reach forward past the head, palms flat on the mat, elbows nearly straight.
    arm = body.arm(wrist=reach_along(body.shoulder, FLOOR - 4.8, 0.985), hand_angle=0)
    far_arm = body.arm(wrist=reach_along(body.shoulder, FLOOR - 4.8, 0.995), hand_angle=0)
    return scene(
        "Child's pose",
        [limb_svg(far_leg, SKIN_FAR), limb_svg(far_arm, SKIN_FAR), limb_svg(leg, SKIN), body.body_svg(), limb_svg(arm, SKIN)],
        ground="mat",
    )


CHILD_TORSO = 10.0


def solve(fn: Callable[[float], float], lo: float, hi: float) -> float:
    """The x in [lo, hi] where fn changes sign (bisection)."""
    f_lo = fn(lo)
    for _ in range(60):
        mid = (lo + hi) / 2
        if (fn(mid) > 0) == (f_lo > 0):
            lo, f_lo = mid, fn(mid)
        else:
            hi = mid
    return (lo + hi) / 2


def reach_along(shoulder: Vec, y: float, fraction: float) -> Vec:
    """Where a forward-reaching arm, straightened to ``fraction`` of its length, meets the line at height y."""
    span = (UPPER_ARM + FOREARM) * fraction
    return (shoulder[0] + math.sqrt(span**2 - (y - shoulder[1]) ** 2), y)


def resting_head(body: Side, *, lowest: float, flex_range: tuple[float, float]) -> Side:
    """The same body with the neck bent within ``flex_range`` so that the head just rests at ``lowest``."""

    def with_flex(flex: float) -> Side:
        return Side(body.hip, body.torso_angle, body.arch, flex, body.head_nod, body.pelvis)

    def gap(flex: float) -> float:
        trial = with_flex(flex)
        up = trial.neck_dir()
        fwd = front_of(up)
        c = trial.head_center()
        return c[1] + math.hypot(HEAD_RY * up[1], HEAD_RX * fwd[1]) - lowest

    return with_flex(solve(gap, *flex_range))


# Cat-cow's two end poses as joint angles and small shifts. The frames in between interpolate
# these numbers, never the pictures; hands and knees stay planted, so the arms and legs are
# solved again for every frame, and every frame passes the same joint checks as any pose.
CAT_COW = {
    # Cow: belly sinks, back hollows, tailbone and head lift; the chest sinks a little between the arms.
    "cow": {"arch": -12.0, "neck_flex": -38.0, "head_nod": -12.0, "pelvis": 14.0, "hip_dx": -2.0, "arm_span": 0.965},
    # Cat: back rounds up, tailbone tucks, head drops; the hands push the floor away.
    "cat": {"arch": 18.0, "neck_flex": 62.0, "head_nod": 12.0, "pelvis": -16.0, "hip_dx": 2.5, "arm_span": 0.995},
}
CAT_COW_FRAMES = 9  # cat-cow-00.svg (cow, breathed in) ... cat-cow-08.svg (cat, breathed out)


def cat_cow_pose(k: float) -> dict[str, float]:
    """The pose ``k`` of the way from cow (0) to cat (1)."""
    return {key: between(CAT_COW["cow"][key], CAT_COW["cat"][key], k) for key in CAT_COW["cow"]}


def cat_cow(k: float, *, arrows: bool = False) -> Scene:
    pose = cat_cow_pose(k)
    knee = (172.0, FLOOR - 8.5)
    ankle = (knee[0] - SHIN + 2, FLOOR - 6)
    hip = (knee[0] + pose["hip_dx"], knee[1] - math.sqrt(THIGH**2 - pose["hip_dx"] ** 2))
    # Hands under the shoulders: where a neutral body's shoulder is, on the mat.
    neutral_span = (UPPER_ARM + FOREARM) * 0.985
    neutral_angle = solve(lambda a: Side(hip, torso_angle=a).shoulder[1] - (FLOOR - 4.8 - neutral_span), -40.0, 10.0)
    neutral = Side(hip, torso_angle=neutral_angle)
    wrist = (neutral.shoulder[0], FLOOR - 4.8)
    # Tilt the torso until the arm, straightened as far as this frame asks, reaches its planted hand.
    span = (UPPER_ARM + FOREARM) * pose["arm_span"]
    tilt = solve(lambda a: length(sub(Side(hip, torso_angle=a).shoulder, wrist)) - span, -40.0, 10.0)
    body = Side(
        hip, torso_angle=tilt, arch=pose["arch"], neck_flex=pose["neck_flex"], head_nod=pose["head_nod"], pelvis=pose["pelvis"]
    )
    far_leg = body.leg(ankle=add(ankle, (-3, 0)), foot_angle=180)
    leg = body.leg(ankle=ankle, foot_angle=180)
    far_arm = body.arm(wrist=add(wrist, (5, 0)), hand_angle=0)
    arm = body.arm(wrist=wrist, hand_angle=0)
    layers = [limb_svg(far_leg, SKIN_FAR), limb_svg(far_arm, SKIN_FAR), body.body_svg(), limb_svg(leg, SKIN), limb_svg(arm, SKIN)]
    if arrows:
        mid, _ = body.spine(0.5)
        if k < 0.5:  # cow: the belly sinks, the head lifts
            layers.append(arrow([add(mid, (-10, 24)), add(mid, (-8, 34)), add(mid, (-6, 44))]))
            head = body.head_center()
            layers.append(arrow(arc(head, 31, 40, -30, 6)))
        else:  # cat: the back rises, the head drops
            layers.append(arrow([add(mid, (-4, -30)), add(mid, (-5, -42)), add(mid, (-6, -54))]))
            head = body.head_center()
            layers.append(arrow(arc(head, 30, -30, 40, 6)))
    return scene("Cat-cow", layers, ground="mat")


def hamstring_stretch() -> Scene:
    seat = FLOOR - 62
    hip = (128.0, seat - 12)
    # A hip hinge: the whole back stays long and tips forward from the hips, the neck in line, eyes on the foot.
    body = Side(hip, torso_angle=-50, arch=-3, neck_flex=-4, head_nod=-6)
    # The far leg lies straight along the bed, heel down, toes up.
    far_ankle = add(hip, mul(direction(5.5), THIGH + SHIN - 0.5))
    far_leg = body.leg(ankle=far_ankle, foot_angle=-75)
    # The near leg hangs over the bed's edge, foot flat on the floor.
    ankle = (hip[0] + THIGH + 4, FLOOR - 8)
    leg = body.leg(ankle=ankle, foot_angle=0)
    # Hands rest lightly on the straight leg, just above the knee: no reaching for the toes.
    knee = far_leg.joints[1][0]
    wrist = add(lerp(hip, knee, 0.82), (0, -13))
    arm = body.arm(wrist=wrist, hand_angle=8)
    far_arm = body.arm(wrist=add(wrist, (6, 1)), hand_angle=8)
    x0, x1 = hip[0] - 80, far_ankle[0] + 40
    bed = (
        rect(x0, seat, x1 - x0, 22, 8, BED, BED_EDGE)
        + rect(x0 + 6, seat + 22, x1 - x0 - 12, 12, 3, WOOD, WOOD_EDGE)
        + rect(x0 + 14, seat + 34, 12, FLOOR - seat - 34, 3, WOOD, WOOD_EDGE)
        + rect(x1 - 26, seat + 34, 12, FLOOR - seat - 34, 3, WOOD, WOOD_EDGE)
    )
    # Lean forward from the hips: an arc about the hip joint, ahead of the chest.
    lean = arrow(arc(hip, TORSO + 44, -52, -24, 6))
    return scene(
        "Hamstring stretch on a bed",
        [
            bed,
            limb_svg(far_arm, SKIN_FAR),
            limb_svg(far_leg, SKIN_FAR),
            body.body_svg(),
            limb_svg(leg, SKIN),
            limb_svg(arm, SKIN),
            lean,
        ],
        ground="floor",
    )


def lying_on_back(*, arch: float, lift: float) -> tuple[Side, Limb, Limb]:
    hip = (238.0, FLOOR - 15.5 - lift)
    body = resting_head(Side(hip, torso_angle=180 - lift * 0.25, arch=arch), lowest=FLOOR, flex_range=(-60.0, 40.0))
    ankle = (hip[0] + 74, FLOOR - 8)
    leg = body.leg(ankle=ankle, foot_angle=0)
    far_leg = body.leg(ankle=add(ankle, (6, 0)), foot_angle=0)
    return body, leg, far_leg


def on_front(body: Side, t: float, above: float) -> Vec:
    """A point ``above`` units out from the torso's front surface at ``t`` along its axis."""
    p, tangent = body.spine(t)
    return add(p, mul(front_of(tangent), profile_at(t)[1] + above))


def tennis_ball_release() -> Scene:
    body, leg, far_leg = lying_on_back(arch=-5, lift=3)
    ball_c = (body.spine(0.22)[0][0], FLOOR - 7.5)
    # Hands rest on the belly, so the mat under the lower back stays clear and the ball shows.
    arm = body.arm_resting(elbow_y=FLOOR - 6, towards=on_front(body, 0.5, 3), hand_angle=185, spread=0.7)
    far_arm = body.arm_resting(elbow_y=FLOOR - 6, towards=on_front(body, 0.42, 3), hand_angle=185, spread=0.7)
    ball = f'<circle cx="{f(ball_c[0])}" cy="{f(ball_c[1])}" r="7.5" fill="{BALL}" stroke="{BALL_EDGE}" stroke-width="2"/>\n'
    reach(ball_c, 7.5)
    return scene(
        "Tennis-ball release",
        [
            limb_svg(far_leg, SKIN_FAR),
            limb_svg(far_arm, SKIN_FAR),
            body.body_svg(),
            ball,
            limb_svg(leg, SKIN),
            limb_svg(arm, SKIN),
        ],
        ground="mat",
    )


def breathing() -> Scene:
    body, leg, far_leg = lying_on_back(arch=0, lift=0)
    # One hand flat on the chest, one on the belly, each lying on top of the body so it shows.
    arm = body.arm_resting(elbow_y=FLOOR - 6, towards=on_front(body, 0.7, 4), hand_angle=190, spread=0.9)
    far_arm = body.arm_resting(elbow_y=FLOOR - 7, towards=on_front(body, 0.2, 4), hand_angle=178, spread=1.0)
    return scene(
        "Breathing, lying on the back",
        [limb_svg(far_leg, SKIN_FAR), limb_svg(far_arm, SKIN_FAR), body.body_svg(), limb_svg(leg, SKIN), limb_svg(arm, SKIN)],
        ground="mat",
    )


def seated_twist() -> Scene:
    seat = FLOOR - 62
    body = Front((200.0, seat - 12), chest_turn=42, chest_shift=5)
    # The chair, seen from the front: back posts and top rail behind the sitter, then the seat.
    post_x, rail_top = 37.0, seat - 64
    chair_back = (
        rect(body.pelvis[0] - post_x - 5, rail_top, 10, seat - rail_top, 3, WOOD, WOOD_EDGE)
        + rect(body.pelvis[0] + post_x - 5, rail_top, 10, seat - rail_top, 3, WOOD, WOOD_EDGE)
        + rect(body.pelvis[0] - post_x - 3, rail_top, 2 * post_x + 6, 12, 4, WOOD, WOOD_EDGE)
    )
    chair_front = (
        rect(body.pelvis[0] - 39, seat + 8, 8, FLOOR - seat - 8, 2.5, WOOD, WOOD_EDGE)
        + rect(body.pelvis[0] + 31, seat + 8, 8, FLOOR - seat - 8, 2.5, WOOD, WOOD_EDGE)
        + rect(body.pelvis[0] - 44, seat, 88, 10, 4, WOOD, WOOD_EDGE)
    )
    legs, thighs = [], []
    for sign in (-1, 1):
        hip = body.hip(sign)
        # Thighs point at the viewer, so they show short; shins hang straight to feet flat on the floor.
        knee = add(hip, (sign * 5, 17))
        ankle = (knee[0] + sign * 1, FLOOR - 9)
        foot = capsule((ankle[0] - 2.5, ankle[1] + 3), 6.0, (ankle[0] + 2.5, ankle[1] + 3), 6.0)
        legs.append(Limb(((knee, 9.0), (ankle, 5.5)), extra=(foot,)))
        thighs.append(Limb(((hip, 13.5), (knee, 10.5))))
    # Turned to the left: the right hand crosses to the left knee, the left hand holds the chair back.
    left_knee = thighs[1].joints[1][0]
    crossing = front_arm(body.shoulder(-1), add(left_knee, (-8, -7)), bend=1, hand_angle=15)
    # The other hand grips the top of the chair back, out beside the body where it shows.
    back_hand = front_arm(body.shoulder(1), body.at(post_x + 2, seat - 12 - rail_top - 3), bend=-1, hand_angle=75)
    head, hair, eye = body.profile_head()
    return scene(
        "Seated twist on a chair",
        [
            chair_back,
            limb_svg(back_hand, SKIN_FAR),
            chair_front,
            outlined([p for leg in legs for p in leg.paths()], SKIN),
            outlined([*body.body_paths(), *head], SKIN) + f'<path d="{hair}" fill="{HAIR}"/>\n' + eye,
            outlined([p for t in thighs for p in t.paths()], SKIN),
            limb_svg(crossing, SKIN),
            # Turn the upper body: an arc around the chest, in front of it, towards the way the face looks.
            arrow([body.at(-40, 60), body.at(-20, 51), body.at(8, 49), body.at(32, 54), body.at(46, 63)]),
        ],
        ground="floor",
    )


def lying_twist() -> Scene:
    """Seen from above, head at the top: arms wide, both bent knees dropped to the viewer's right."""
    body = Front((200.0, 170.0))
    head, hair, face = body.face_up_head()
    mat_top = body.neck_top()[1] - 2 * HEAD_RY - 14
    mat_bottom = body.pelvis[1] + 118
    floor_mat = rect(body.pelvis[0] - 54, mat_top, 108, mat_bottom - mat_top, 10, MAT, MAT_EDGE)
    arms = [
        front_arm(
            body.shoulder(sign), add(body.shoulder(sign), (sign * 120, 16)), bend=sign, hand_angle=90 - sign * 80, reach=0.99
        )
        for sign in (-1, 1)
    ]
    # The pelvis rolls with the knees: the upper leg's hip lifts and comes in towards the middle.
    under_hip, over_hip = body.at(14, 0), body.at(-8, 2)
    under_knee, over_knee = body.at(56, -38), body.at(42, -29)
    under_ankle, over_ankle = body.at(31, -86), body.at(22, -80)
    under = Limb(((under_hip, 13.5), (under_knee, 8.5), (under_ankle, 5.5)), extra=(foot_from(under_ankle, 75),))
    over = Limb(((over_hip, 13.5), (over_knee, 8.5), (over_ankle, 5.5)), extra=(foot_from(over_ankle, 70),))
    for limb in (under, over):
        (hip, _), (knee, _), (ankle, _) = limb.joints
        if length(sub(knee, hip)) > THIGH + 0.5 or length(sub(ankle, knee)) > SHIN + 0.5:
            raise ValueError("a leg seen from above cannot be longer than the body's leg")
    return scene(
        "Lying twist, seen from above",
        [
            floor_mat,
            "".join(limb_svg(arm, SKIN) for arm in arms),
            limb_svg(under, SKIN_FAR),
            outlined([*body.body_paths(), *head], SKIN) + f'<path d="{hair}" fill="{HAIR}"/>\n' + face,
            limb_svg(over, SKIN),
            # The knees sink slowly to one side.
            arrow([body.at(-16, -44), body.at(-10, -62), body.at(8, -74), body.at(30, -72)]),
        ],
        ground="none",
    )


def thigh_and_shin(hip: Vec, *, flexion: float, knee_bend: float, down_the_body: float = 0.0) -> Vec:
    """The ankle of a leg posed by its joint angles: hip flexion and knee bend in degrees.

    ``down_the_body`` is the screen angle of the thigh at zero flexion (along the lower
    back, away from the head); flexion turns it towards the body's front.
    """
    knee = add(hip, mul(direction(down_the_body - flexion), THIGH))
    return add(knee, mul(direction(down_the_body - flexion + knee_bend), SHIN))


def ball_svg(c: Vec, r: float, fill: str, edge: str) -> str:
    reach(c, r)
    shine = arc(c, r * 0.72, 200, 250, 5)
    return (
        f'<circle cx="{f(c[0])}" cy="{f(c[1])}" r="{f(r)}" fill="{fill}" stroke="{edge}" stroke-width="2.5"/>\n'
        f'<path d="{smooth_open(shine)}" fill="none" stroke="#ffffff" stroke-opacity="0.45"'
        ' stroke-width="3" stroke-linecap="round"/>\n'
    )


def crossed_arms(body: Side) -> tuple[Limb, Limb]:
    """Arms folded across the chest: seen from the side, the hands rest near the far shoulder."""
    arm = body.arm(wrist=on_front(body, 0.5, 6), hand_angle=body.torso_angle + 15)
    far_arm = body.arm(wrist=on_front(body, 0.58, 4), hand_angle=body.torso_angle + 10)
    return arm, far_arm


def on_back(*, hip_lift: float = 0.0, torso_angle: float = 180.0, arch: float = 0.0, neck_flex: float | None = None) -> Side:
    hip = (238.0, FLOOR - 15.5 - hip_lift)
    body = Side(hip, torso_angle=torso_angle, arch=arch, neck_flex=neck_flex or 0.0)
    if neck_flex is None:
        body = resting_head(body, lowest=FLOOR, flex_range=(-60.0, 40.0))
    return body


def bent_legs(body: Side, *, forward: float = 74) -> tuple[Limb, Limb]:
    ankle = (body.hip[0] + forward, FLOOR - 8)
    return body.leg(ankle=ankle, foot_angle=0), body.leg(ankle=add(ankle, (6, 0)), foot_angle=0)


def knee_to_chest() -> Scene:
    body = on_back()
    _, far_leg = bent_legs(body)
    # The near knee is drawn towards the chest: hip bent well up, knee bent, foot relaxed.
    ankle = thigh_and_shin(body.hip, flexion=122, knee_bend=122)
    leg = body.leg(ankle=ankle, foot_angle=-70)
    knee = leg.joints[1][0]
    # Both hands hold the leg just below the knee, on the front of the shin.
    shin_dir = unit(sub(ankle, knee))
    shin_front = (shin_dir[1], -shin_dir[0]) if shin_dir[0] > 0 else (-shin_dir[1], shin_dir[0])
    grip = add(lerp(knee, ankle, 0.12), mul(shin_front, 8))
    arm = body.arm(wrist=grip, hand_angle=angle_of(shin_dir) - 70)
    far_arm = body.arm(wrist=add(grip, mul(shin_dir, 5)), hand_angle=angle_of(shin_dir) - 70)
    pull = arrow(arc(body.hip, THIGH + 24, -62, -104, 6))
    return scene(
        "Knee to chest",
        [
            limb_svg(far_leg, SKIN_FAR),
            limb_svg(far_arm, SKIN_FAR),
            body.body_svg(),
            limb_svg(leg, SKIN),
            limb_svg(arm, SKIN),
            pull,
        ],
        ground="mat",
    )


def arms_along_the_floor(body: Side) -> tuple[Limb, Limb]:
    wrist = (body.shoulder[0] + 70, FLOOR - 5)
    return body.arm(wrist=wrist, hand_angle=0), body.arm(wrist=add(wrist, (4, 0)), hand_angle=0)


def pelvic_tilt() -> Scene:
    body = on_back(arch=-1)
    leg, far_leg = bent_legs(body)
    arm, far_arm = arms_along_the_floor(body)
    # The pelvis rocks about the hips: the lower back flattens into the mat.
    tilt = arrow(arc(body.hip, 30, -20, -150, 8))
    return scene(
        "Pelvic tilt",
        [
            limb_svg(far_leg, SKIN_FAR),
            limb_svg(far_arm, SKIN_FAR),
            body.body_svg(),
            limb_svg(leg, SKIN),
            limb_svg(arm, SKIN),
            tilt,
        ],
        ground="mat",
    )


def partial_crunch() -> Scene:
    # Only the head and shoulders come up: the upper back curls, the lower back stays on the mat.
    body = on_back(torso_angle=197, arch=7, neck_flex=18)
    leg, far_leg = bent_legs(body)
    arm, far_arm = crossed_arms(body)
    lift = arrow(arc(body.hip, TORSO * 0.62, -152, -126, 5))
    return scene(
        "Partial crunch",
        [
            limb_svg(far_leg, SKIN_FAR),
            limb_svg(far_arm, SKIN_FAR),
            body.body_svg(),
            limb_svg(leg, SKIN),
            limb_svg(arm, SKIN),
            lift,
        ],
        ground="mat",
    )


def wall_sit() -> Scene:
    ankle = (232.0, FLOOR - 8)
    knee = (ankle[0] + 2, ankle[1] - SHIN)
    # Knees a little bent (60 degrees, well short of a right angle), knees over the ankles.
    hip = sub(knee, mul(direction(90 - 60), THIGH))
    body = Side(hip, torso_angle=-90, neck_flex=2)
    wall_x = hip[0] - profile_at(0.08)[0] - 1.5
    wall_top = body.head_center()[1] - HEAD_RY - 14
    wall = rect(wall_x - 16, wall_top, 16, FLOOR - wall_top, 2, WALL, WALL_EDGE)
    leg = body.leg(ankle=ankle, foot_angle=0)
    far_leg = body.leg(ankle=add(ankle, (3, 0)), foot_angle=0)
    rest = add(lerp(hip, knee, 0.42), (0, -13))
    arm = body.arm(wrist=rest, hand_angle=32)
    far_arm = body.arm(wrist=add(rest, (4, 1)), hand_angle=32)
    x = knee[0] + 22
    slide = arrow([(x, hip[1] - 86), (x, hip[1] - 62), (x, hip[1] - 38)], both=True)
    return scene(
        "Wall sit",
        [
            wall,
            limb_svg(far_leg, SKIN_FAR),
            limb_svg(far_arm, SKIN_FAR),
            body.body_svg(),
            limb_svg(leg, SKIN),
            limb_svg(arm, SKIN),
            slide,
        ],
        ground="floor",
    )


ROLLER_R = 11.0


def under_back(body: Side, t: float, r: float) -> Vec:
    """The centre of a roller of radius r touching the back at ``t`` along the torso."""
    p, tangent = body.spine(t)
    normal = front_of(tangent)
    return add(p, mul(normal, -(profile_at(t)[0] + r)))


def foam_roller_release() -> Scene:
    hip = (238.0, FLOOR - 24)
    # The upper back rests on the roller across the shoulder blades; the hips lift a little.
    angle = solve(lambda a: under_back(Side(hip, torso_angle=a), 0.68, ROLLER_R)[1] + ROLLER_R - FLOOR, 180.0, 215.0)
    body = Side(hip, torso_angle=angle, arch=2, neck_flex=16)
    roller = under_back(body, 0.68, ROLLER_R)
    leg, far_leg = bent_legs(body, forward=70)
    arm, far_arm = crossed_arms(body)
    top = on_front(body, 0.45, 18)
    roll = arrow([add(top, (-30, -9)), top, add(top, (30, 7))], both=True)
    return scene(
        "Foam-roller release",
        [
            limb_svg(far_leg, SKIN_FAR),
            limb_svg(far_arm, SKIN_FAR),
            ball_svg(roller, ROLLER_R, ROLLER, ROLLER_EDGE),
            body.body_svg(),
            limb_svg(leg, SKIN),
            limb_svg(arm, SKIN),
            roll,
        ],
        ground="mat",
    )


SWISS_BALL_R = 38.0  # a 55 cm exercise ball
SMALL_BALL_R = 31.0  # a 45 cm ball, low enough to kneel behind


def ball_back_stretch() -> Scene:
    # Face down over the ball: the belly on top of it, the back rounding over it, head and arms hanging.
    ball = (206.0, FLOOR - SWISS_BALL_R)
    shape = Side((0.0, 0.0), torso_angle=22, arch=16, neck_flex=40)
    hip = sub(ball, on_front(shape, 0.22, SWISS_BALL_R))
    body = Side(hip, torso_angle=shape.torso_angle, arch=shape.arch, neck_flex=shape.neck_flex)
    # Kneeling behind the ball, shins and feet resting on the floor.
    ankle = (hip[0] - 58, FLOOR - 7)
    leg = body.leg(ankle=ankle, foot_angle=180)
    far_leg = body.leg(ankle=add(ankle, (-4, 0)), foot_angle=180)
    # Hands rest on the floor in front of the ball.
    span = (UPPER_ARM + FOREARM) * 0.95
    wrist = (body.shoulder[0] + math.sqrt(max(span**2 - (FLOOR - 4.8 - body.shoulder[1]) ** 2, 0.0)), FLOOR - 4.8)
    arm = body.arm(wrist=wrist, hand_angle=0)
    far_arm = body.arm(wrist=add(wrist, (-5, 0)), hand_angle=0)
    return scene(
        "Lying face down over an exercise ball",
        [
            limb_svg(far_leg, SKIN_FAR),
            limb_svg(far_arm, SKIN_FAR),
            ball_svg(ball, SWISS_BALL_R, SWISS_BALL, SWISS_BALL_EDGE),
            body.body_svg(),
            limb_svg(leg, SKIN),
            limb_svg(arm, SKIN),
        ],
        ground="floor",
    )


def ball_back_extension() -> Scene:
    knee = (124.0, FLOOR - 8.5)
    # Kneeling, the ball under the stomach; the chest lifts until knees, hips and shoulders are in one
    # straight line, and no further.
    def body_at(angle: float) -> Side:
        return Side(add(knee, mul(direction(angle), THIGH)), torso_angle=angle, neck_flex=8)

    angle = solve(lambda a: on_front(body_at(a), 0.18, SMALL_BALL_R)[1] + SMALL_BALL_R - FLOOR, -60.0, 0.0)
    body = body_at(angle)
    ball = on_front(body, 0.18, SMALL_BALL_R)
    ankle = (knee[0] - SHIN + 2, FLOOR - 6)
    leg = body.leg(ankle=ankle, foot_angle=180)
    far_leg = body.leg(ankle=add(ankle, (-3, 0)), foot_angle=180)
    # Arms rest along the sides, hands by the hips.
    back = direction(angle + 180)
    wrist = add(add(body.shoulder, mul(back, (UPPER_ARM + FOREARM) * 0.96)), mul(body.front, 8))
    arm = body.arm(wrist=wrist, hand_angle=angle + 180)
    far_arm = body.arm(wrist=add(wrist, mul(back, -4)), hand_angle=angle + 180)
    lift = arrow(arc(knee, THIGH + TORSO + 10, angle + 24, angle - 4, 6))
    return scene(
        "Swiss-ball back extension",
        [
            limb_svg(far_leg, SKIN_FAR),
            limb_svg(far_arm, SKIN_FAR),
            ball_svg(ball, SMALL_BALL_R, SWISS_BALL, SWISS_BALL_EDGE),
            body.body_svg(),
            limb_svg(leg, SKIN),
            limb_svg(arm, SKIN),
            lift,
        ],
        ground="mat",
    )


# Pictures in a group share one frame, so a cross-fade between them moves only what changed.
# Side and front views share one body scale; the view from above has its own (arms spread wide).
PICTURES: dict[str, tuple[str, str, Callable[[], Scene]]] = {
    "childs-pose.svg": ("childs-pose", "side", childs_pose),
    "cat-cow-cow.svg": ("cat-cow", "side", lambda: cat_cow(0.0, arrows=True)),
    "cat-cow-cat.svg": ("cat-cow", "side", lambda: cat_cow(1.0, arrows=True)),
    **{
        f"cat-cow-{i:02d}.svg": ("cat-cow", "side", (lambda k: lambda: cat_cow(k))(i / (CAT_COW_FRAMES - 1)))
        for i in range(CAT_COW_FRAMES)
    },
    "hamstring-stretch.svg": ("hamstring", "side", hamstring_stretch),
    "tennis-ball-release.svg": ("tennis-ball", "side", tennis_ball_release),
    "seated-twist.svg": ("seated-twist", "side", seated_twist),
    "lying-twist.svg": ("lying-twist", "above", lying_twist),
    "breathing.svg": ("breathing", "side", breathing),
    "knee-to-chest.svg": ("knee-to-chest", "side", knee_to_chest),
    "pelvic-tilt.svg": ("pelvic-tilt", "side", pelvic_tilt),
    "partial-crunch.svg": ("partial-crunch", "side", partial_crunch),
    "wall-sit.svg": ("wall-sit", "side", wall_sit),
    "foam-roller-release.svg": ("foam-roller", "side", foam_roller_release),
    "ball-back-stretch.svg": ("ball-stretch", "side", ball_back_stretch),
    "ball-back-extension.svg": ("ball-extension", "side", ball_back_extension),
}
MARGIN = 14.0


def main(out: Path = HERE) -> None:
    scenes = {name: draw() for name, (_, _, draw) in PICTURES.items()}
    boxes: dict[str, tuple[float, float, float, float]] = {}
    for name, (group, _, _) in PICTURES.items():
        boxes[group] = union(boxes.get(group, scenes[name].box), scenes[name].box)
    w, h = VIEWBOX
    scales: dict[str, float] = {}
    for group, view, _ in PICTURES.values():
        b = boxes[group]
        fit = min((w - 2 * MARGIN) / (b[2] - b[0]), (h - 2 * MARGIN) / (b[3] - b[1]))
        scales[view] = min(scales.get(view, fit), fit)
    for name, (group, view, _) in PICTURES.items():
        (out / name).write_text(place(scenes[name], boxes[group], scales[view]), encoding="utf-8")
        print(f"wrote {name}")
    print("body scale: " + ", ".join(f"{view} {scale:.3f}" for view, scale in scales.items()))


if __name__ == "__main__":
    # An optional folder to write to instead (the tests redraw into a temporary one and compare).
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
