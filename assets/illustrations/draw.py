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

    def head_paths(self) -> tuple[list[str], str]:
        base, _ = self.spine(0.92)
        nd = rotate(self.neck_dir(), self.head_nod)
        c = self.head_center()
        neck = capsule(base, 7.5, add(base, mul(self.neck_dir(), NECK + 6)), 6.5)
        up = nd
        fwd = front_of(up)
        head = ellipse_path(c, HEAD_RY, HEAD_RX, angle_of(up))
        # Hair over the crown and the back of the head, so the face's direction reads at a glance.
        hair_points = [
            add(c, add(mul(up, HEAD_RY * 1.04 * math.cos(math.radians(a))), mul(fwd, HEAD_RX * 1.04 * math.sin(math.radians(a)))))
            for a in range(-150, 61, 15)
        ]
        hair_points.append(add(c, add(mul(up, 1), mul(fwd, -1))))
        return [neck, head], smooth_closed(hair_points)

    def leg(self, *, ankle: Vec, foot_angle: float) -> Limb:
        hip = self.hip
        knee = two_bone(hip, ankle, THIGH, SHIN, bend=-1)
        check_knee(hip, knee, ankle)
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
        head, hair = self.head_paths()
        return outlined([self.torso_path(), *head], SKIN) + f'<path d="{hair}" fill="{HAIR}"/>\n'


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

    def face_up_head(self) -> tuple[str, str]:
        """Head seen from the front (or from above, lying face up), hair framing the crown."""
        c = add(self.neck_top(), (0, -HEAD_RY * 0.8))
        head = ellipse_path(c, HEAD_RX * 1.05, HEAD_RY, 0)
        hair = [add(c, (HEAD_RX * 1.12 * math.cos(math.radians(a)), HEAD_RY * 1.06 * math.sin(math.radians(a)))) for a in range(160, 381, 20)]
        hair += [add(c, (HEAD_RX * 0.75, -HEAD_RY * 0.2)), add(c, (0, -HEAD_RY * 0.45)), add(c, (-HEAD_RX * 0.75, -HEAD_RY * 0.2))]
        return head, smooth_closed(hair)

    def profile_head(self, *, facing: int) -> tuple[str, str]:
        """Head turned fully to one side (facing +1: towards the viewer's right), seen in profile."""
        c = add(self.neck_top(), (facing * 2.5, -HEAD_RY * 0.8))
        head = ellipse_path(c, HEAD_RX, HEAD_RY, 0)
        up, fwd = (0.0, -1.0), (float(facing), 0.0)
        hair = [
            add(c, add(mul(up, HEAD_RY * 1.04 * math.cos(math.radians(a))), mul(fwd, HEAD_RX * 1.04 * math.sin(math.radians(a)))))
            for a in range(-150, 61, 15)
        ]
        hair.append(add(c, add(mul(up, 1), mul(fwd, -1))))
        return head, smooth_closed(hair)


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
    knee = (182.0, FLOOR - 8.5)
    ankle = (knee[0] - SHIN + 2, FLOOR - 6)
    # Sitting back on the heels: the hip joint comes to rest just above the ankles.
    hip = (knee[0] - 52, knee[1] - math.sqrt(THIGH**2 - 52**2))
    body = resting_head(Side(hip, torso_angle=12, arch=6), lowest=FLOOR, flex_range=(0.0, 100.0))
    leg = body.leg(ankle=ankle, foot_angle=178)
    far_leg = body.leg(ankle=add(ankle, (3, 0)), foot_angle=178)
    # Arms reach forward along the mat, elbows nearly straight.
    arm = body.arm(wrist=reach_along(body.shoulder, FLOOR - 4.8, 0.96), hand_angle=0)
    far_arm = body.arm(wrist=reach_along(body.shoulder, FLOOR - 4.8, 0.99), hand_angle=0)
    return scene(
        "Child's pose",
        [limb_svg(far_leg, SKIN_FAR), limb_svg(far_arm, SKIN_FAR), body.body_svg(), limb_svg(leg, SKIN), limb_svg(arm, SKIN)],
        ground="mat",
    )


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
        return Side(body.hip, body.torso_angle, body.arch, flex, body.head_nod)

    def gap(flex: float) -> float:
        trial = with_flex(flex)
        up = trial.neck_dir()
        fwd = front_of(up)
        c = trial.head_center()
        return c[1] + math.hypot(HEAD_RY * up[1], HEAD_RX * fwd[1]) - lowest

    return with_flex(solve(gap, *flex_range))


def cat_cow(phase: str) -> Scene:
    knee = (172.0, FLOOR - 8.5)
    hip = (knee[0], knee[1] - THIGH)
    spine = {
        "cow": {"arch": -13.0, "neck_flex": -24.0},
        "cat": {"arch": 17.0, "neck_flex": 65.0},
    }[phase]
    # Tilt the torso until a near-straight arm stands under the shoulder.
    arm_span = (UPPER_ARM + FOREARM) * 0.985
    tilt = solve(lambda a: Side(hip, torso_angle=a).shoulder[1] - (FLOOR - 4.8 - arm_span), -40.0, 10.0)
    body = Side(hip, torso_angle=tilt, **spine)
    limbs_body = Side(hip, torso_angle=tilt)  # arms and legs do not move between the two frames
    wrist = (limbs_body.shoulder[0], FLOOR - 4.8)
    ankle = (knee[0] - SHIN + 2, FLOOR - 6)
    far_leg = limbs_body.leg(ankle=add(ankle, (-3, 0)), foot_angle=180)
    leg = limbs_body.leg(ankle=ankle, foot_angle=180)
    far_arm = limbs_body.arm(wrist=add(wrist, (5, 0)), hand_angle=0)
    arm = limbs_body.arm(wrist=wrist, hand_angle=0)
    return scene(
        "Cat-cow",
        [
            limb_svg(far_leg, SKIN_FAR),
            limb_svg(far_arm, SKIN_FAR),
            f'<g id="spine">\n{body.body_svg()}</g>\n',
            limb_svg(leg, SKIN),
            limb_svg(arm, SKIN),
        ],
        ground="mat",
    )


def hamstring_stretch() -> Scene:
    seat = FLOOR - 62
    hip = (128.0, seat - 12)
    body = Side(hip, torso_angle=-42, arch=1, neck_flex=10)
    # The far leg lies straight along the bed, heel down, toes up.
    far_ankle = add(hip, mul(direction(5.5), THIGH + SHIN - 0.5))
    far_leg = body.leg(ankle=far_ankle, foot_angle=-75)
    # The near leg hangs over the bed's edge, foot flat on the floor.
    ankle = (hip[0] + THIGH + 4, FLOOR - 8)
    leg = body.leg(ankle=ankle, foot_angle=0)
    # Hands slide down the straight leg as far as near-straight arms reach: onto the shin.
    knee = far_leg.joints[1][0]
    span = (UPPER_ARM + FOREARM) * 0.97
    along = solve(lambda t: length(sub(lerp(knee, far_ankle, t), body.shoulder)) - span, 0.0, 1.0)
    wrist = add(lerp(knee, far_ankle, along), (0, -10))
    arm = body.arm(wrist=wrist, hand_angle=15)
    far_arm = body.arm(wrist=add(wrist, (4, 1)), hand_angle=15)
    x0, x1 = hip[0] - 80, far_ankle[0] + 40
    bed = (
        rect(x0, seat, x1 - x0, 22, 8, BED, BED_EDGE)
        + rect(x0 + 6, seat + 22, x1 - x0 - 12, 12, 3, WOOD, WOOD_EDGE)
        + rect(x0 + 14, seat + 34, 12, FLOOR - seat - 34, 3, WOOD, WOOD_EDGE)
        + rect(x1 - 26, seat + 34, 12, FLOOR - seat - 34, 3, WOOD, WOOD_EDGE)
    )
    return scene(
        "Hamstring stretch on a bed",
        [bed, limb_svg(far_arm, SKIN_FAR), limb_svg(far_leg, SKIN_FAR), body.body_svg(), limb_svg(leg, SKIN), limb_svg(arm, SKIN)],
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
        [limb_svg(far_leg, SKIN_FAR), limb_svg(far_arm, SKIN_FAR), body.body_svg(), ball, limb_svg(leg, SKIN), limb_svg(arm, SKIN)],
        ground="mat",
    )


def breathing() -> Scene:
    body, leg, far_leg = lying_on_back(arch=0, lift=0)
    arm = body.arm_resting(elbow_y=FLOOR - 6, towards=on_front(body, 0.4, 2), hand_angle=182)
    far_arm = body.arm_resting(elbow_y=FLOOR - 7, towards=on_front(body, 0.66, 3), hand_angle=188, spread=0.8)
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
    back_hand = front_arm(body.shoulder(1), body.at(post_x - 1, 10), bend=-1, hand_angle=95)
    head, hair = body.profile_head(facing=1)
    return scene(
        "Seated twist on a chair",
        [
            chair_back,
            limb_svg(back_hand, SKIN_FAR),
            chair_front,
            outlined([p for leg in legs for p in leg.paths()], SKIN),
            outlined([*body.body_paths(), head], SKIN) + f'<path d="{hair}" fill="{HAIR}"/>\\n',
            outlined([p for t in thighs for p in t.paths()], SKIN),
            limb_svg(crossing, SKIN),
        ],
        ground="floor",
    )


def lying_twist() -> Scene:
    """Seen from above, head at the top: arms wide, both bent knees dropped to the viewer's right."""
    body = Front((200.0, 170.0))
    head, hair = body.face_up_head()
    mat_top = body.neck_top()[1] - 2 * HEAD_RY - 14
    mat_bottom = body.pelvis[1] + 118
    floor_mat = rect(body.pelvis[0] - 54, mat_top, 108, mat_bottom - mat_top, 10, MAT, MAT_EDGE)
    arms = [
        front_arm(body.shoulder(sign), add(body.shoulder(sign), (sign * 120, 16)), bend=sign, hand_angle=90 - sign * 80, reach=0.99)
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
            outlined([*body.body_paths(), head], SKIN) + f'<path d="{hair}" fill="{HAIR}"/>\\n',
            limb_svg(over, SKIN),
        ],
        ground="none",
    )


# Pictures in a group share one frame, so a cross-fade between them moves only what changed.
# Side and front views share one body scale; the view from above has its own (arms spread wide).
PICTURES: dict[str, tuple[str, str, Callable[[], Scene]]] = {
    "childs-pose.svg": ("childs-pose", "side", childs_pose),
    "cat-cow-cow.svg": ("cat-cow", "side", lambda: cat_cow("cow")),
    "cat-cow-cat.svg": ("cat-cow", "side", lambda: cat_cow("cat")),
    "hamstring-stretch.svg": ("hamstring", "side", hamstring_stretch),
    "tennis-ball-release.svg": ("tennis-ball", "side", tennis_ball_release),
    "seated-twist.svg": ("seated-twist", "side", seated_twist),
    "lying-twist.svg": ("lying-twist", "above", lying_twist),
    "breathing.svg": ("breathing", "side", breathing),
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
