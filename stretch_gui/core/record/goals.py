"""The patient's own goals (the Patient-Specific Functional Scale, PSFS): the rules.

The patient names up to five activities that are hard because of their back and rates each
from 0 (cannot do it) to 10 (as well as before the problem). The score of one rating is the
average of the activities rated. A change of about 2 points in the average, or 3 for one
activity, is the change the scale counts as meaningful; smaller ones may be day-to-day noise.

Goals belong to the patient, not to a routine: a physio's week-2 file replaces the week-1
file, built-in routines come and go, yet "walking to the shops" stays the same activity and
its scores must stay on one line. A routine file only switches the weekly rating on and may
pre-fill activities (``Routine.patient_goals``).

An activity the patient renames is a new activity (the old one is retired with its scores):
a score means something only against earlier scores of the same activity.

Nothing here reads the clock: ``today`` always comes from the caller.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

MAX_ACTIVITIES = 5
MAX_NAME_LENGTH = 100  # as the routine schema's ``activity``
SCORE_MIN, SCORE_MAX = 0, 10
RATE_EVERY = timedelta(days=7)
MEANINGFUL_AVERAGE = 2.0  # points of the average
MEANINGFUL_ACTIVITY = 3  # points of one activity


@dataclass(frozen=True)
class Activity:
    id: int
    name: str
    position: int  # 0-4: the order the patient listed them in
    added: date
    retired: date | None = None  # the day it was taken off the list (its scores are kept)

    @property
    def active(self) -> bool:
        return self.retired is None


@dataclass(frozen=True)
class Rating:
    activity_id: int
    day: date  # the patient's calendar day; one rating per activity and day
    score: int


@dataclass(frozen=True)
class Occasion:
    """The ratings made on one day: what a weekly rating is."""

    day: date
    scores: dict[int, int]  # activity id -> score

    @property
    def average(self) -> float:
        return sum(self.scores.values()) / len(self.scores)


@dataclass(frozen=True)
class Goals:
    """Everything kept about the patient's goals: activities (retired ones too) and ratings."""

    activities: tuple[Activity, ...] = ()
    ratings: tuple[Rating, ...] = ()
    postponed: date | None = None  # the last day the patient said "Not now"

    @property
    def active(self) -> tuple[Activity, ...]:
        return tuple(sorted((a for a in self.activities if a.active), key=lambda a: a.position))

    def occasions(self) -> list[Occasion]:
        """Each day something was rated, oldest first."""
        by_day: dict[date, dict[int, int]] = {}
        for rating in self.ratings:
            by_day.setdefault(rating.day, {})[rating.activity_id] = rating.score
        return [Occasion(day, scores) for day, scores in sorted(by_day.items())]

    def latest_on_or_before(self, day: date) -> Occasion | None:
        earlier = [o for o in self.occasions() if o.day <= day]
        return earlier[-1] if earlier else None

    def score_on_or_before(self, activity_id: int, day: date) -> int | None:
        """The activity's latest score on ``day`` or before it; None when it had none yet."""
        mine = [r for r in self.ratings if r.activity_id == activity_id and r.day <= day]
        return max(mine, key=lambda r: r.day).score if mine else None

    def rated(self) -> tuple[Activity, ...]:
        """Every activity that has at least one score, in the order first added."""
        ids = {r.activity_id for r in self.ratings}
        return tuple(sorted((a for a in self.activities if a.id in ids), key=lambda a: (a.added, a.position, a.id)))


def check_score(score: int) -> int:
    if isinstance(score, bool) or not isinstance(score, int) or not SCORE_MIN <= score <= SCORE_MAX:
        raise ValueError(f"a goal score is a whole number from {SCORE_MIN} to {SCORE_MAX}, not {score!r}")
    return score


def clean_names(names: Iterable[str]) -> list[str]:
    """The patient's list as it will be kept: spaces tidied, blanks and repeats left out, at most five."""
    kept: list[str] = []
    seen: set[str] = set()
    for name in names:
        tidy = " ".join(name.split())[:MAX_NAME_LENGTH]
        if tidy and tidy.casefold() not in seen:
            seen.add(tidy.casefold())
            kept.append(tidy)
    return kept[:MAX_ACTIVITIES]


def names_to_offer(goals: Goals, prefilled: Sequence[str]) -> list[str]:
    """The list the goals dialog opens with: the patient's own, then the physio's not yet on it.

    A pre-filled activity the patient already took off the list is not offered again: the
    patient's choice stands until the physio talks it over with them.
    """
    known = {a.name.casefold() for a in goals.activities}
    own = [a.name for a in goals.active]
    return clean_names([*own, *(name for name in prefilled if name.casefold() not in known)])


def switched_on(goals: Goals, prefilled: Sequence[str] | None) -> bool:
    """Whether the weekly rating is on: the routine file asks for it (``prefilled`` not None), or the
    patient keeps a list of their own."""
    return prefilled is not None or bool(goals.active)


def rating_due(goals: Goals, prefilled: Sequence[str] | None, *, today: date) -> bool:
    """Whether to offer the weekly rating today.

    Due when the rating is switched on, there is something to rate (or the patient is to name
    it), no rating was made yet or the last was ``RATE_EVERY`` or more ago, and the patient did
    not say "Not now" today.
    """
    if not switched_on(goals, prefilled) or goals.postponed == today:
        return False
    occasions = goals.occasions()
    return not occasions or today - occasions[-1].day >= RATE_EVERY


def meaningful_average(first: float, last: float) -> bool:
    """Whether the average moved by the change the scale counts as meaningful (either way)."""
    return abs(last - first) >= MEANINGFUL_AVERAGE - 1e-9


def meaningful_activity(first: int, last: int) -> bool:
    return abs(last - first) >= MEANINGFUL_ACTIVITY


@dataclass(frozen=True)
class Trend:
    """First and latest score of one activity (or of the average) over a period."""

    first_day: date
    first: float
    last_day: date
    last: float
    meaningful: bool

    @property
    def change(self) -> float:
        return self.last - self.first


def activity_trend(goals: Goals, activity: Activity, *, since: date | None, until: date) -> Trend | None:
    rated = sorted(
        (r for r in goals.ratings if r.activity_id == activity.id and (since is None or r.day >= since) and r.day <= until),
        key=lambda r: r.day,
    )
    if not rated:
        return None
    first, last = rated[0], rated[-1]
    return Trend(first.day, first.score, last.day, last.score, meaningful_activity(first.score, last.score))


def average_trend(goals: Goals, *, since: date | None, until: date) -> Trend | None:
    inside = [o for o in goals.occasions() if (since is None or o.day >= since) and o.day <= until]
    if not inside:
        return None
    first, last = inside[0], inside[-1]
    return Trend(first.day, first.average, last.day, last.average, meaningful_average(first.average, last.average))
