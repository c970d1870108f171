"""The goals' words: what the patient reads after saving, the report's trend lines, the handout and start screen."""

from __future__ import annotations

from datetime import date

from stretch_gui.core.content import goals as words
from stretch_gui.core.content.report import build_report
from stretch_gui.core.record.goals import Activity, Goals, Rating
from stretch_gui.core.routine.loader import load_routine_text

MONDAY = date(2026, 3, 2)
WALK = Activity(1, "Walk to the shops", 0, MONDAY)
SIT = Activity(2, "Sit through a film", 1, MONDAY)
LIFT = Activity(3, "Lift a child", 2, MONDAY, retired=date(2026, 3, 9))


def goals(*ratings: tuple[int, date, int]) -> Goals:
    return Goals((WALK, SIT, LIFT), tuple(Rating(a, d, s) for a, d, s in ratings))


def test_saved_gives_todays_average_and_the_change_since_the_first() -> None:
    assert words.saved(Goals((WALK,))) == "Your list is saved. Rate the activities when you are ready."
    assert words.saved(goals((1, MONDAY, 3), (2, MONDAY, 4))) == "Saved. Your average today: 3.5 out of 10."
    later = goals((1, MONDAY, 3), (2, MONDAY, 4), (1, date(2026, 3, 16), 6), (2, date(2026, 3, 16), 6))
    assert words.saved(later) == (
        "Saved. Your average today: 6 out of 10. That is 2.5 up since Mon 2 Mar: "
        "a change of 2 or more is the size this scale counts as meaningful."
    )
    small = goals((1, MONDAY, 3), (1, date(2026, 3, 9), 2))
    assert words.saved(small).endswith("That is 1 down since Mon 2 Mar.")


def test_the_report_gives_first_and_latest_per_activity_and_for_the_average() -> None:
    rated = goals((1, MONDAY, 2), (2, MONDAY, 5), (3, MONDAY, 1), (1, date(2026, 3, 23), 6), (2, date(2026, 3, 23), 6))
    assert words.report_lines(rated, since=None, until=date(2026, 3, 28)) == (
        "Walk to the shops: 2 on Mon 2 Mar, 6 on Mon 23 Mar (up 4: a meaningful change on this scale).",
        "Sit through a film: 5 on Mon 2 Mar, 6 on Mon 23 Mar.",
        "Lift a child (no longer on the list): 1 on Mon 2 Mar.",
        "Average: 2.7 on Mon 2 Mar, 6 on Mon 23 Mar (up 3.3: a meaningful change on this scale).",
    )


def test_the_progress_report_has_a_goals_section_only_when_something_was_rated() -> None:
    routine = load_routine_text("format: 1\ntitle: T\nsteps:\n  - breathe: 30\n", source="t.yaml")
    today = date(2026, 3, 28)
    assert build_report(routine, [], {}, today=today).goals == ()
    assert build_report(routine, [], {}, today=today, goals=Goals((WALK,))).goals == ()
    rated = goals((1, MONDAY, 2))
    expected = ("Walk to the shops: 2 on Mon 2 Mar.", "Average: 2 on Mon 2 Mar.")
    assert build_report(routine, [], {}, today=today, goals=rated).goals == expected
    outside = build_report(routine, [], {}, today=today, since=date(2026, 3, 10), goals=rated)
    assert outside.goals == (words.REPORT_NONE,)


def test_the_handout_leaves_rows_for_the_patients_own_activities() -> None:
    assert words.handout_rows(["Walk", "Sit"]) == ("Walk", "Sit", "", "", "")
    assert words.start_line(["Walk", "Sit"]) == "Your goals, rated once a week: Walk; Sit"
    assert words.start_line([]).startswith("Your goals: rated once a week")
