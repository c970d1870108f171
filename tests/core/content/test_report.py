"""The progress report's words and numbers, on fixed dates with no Qt."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from stretch_gui.core.content.report import (
    NO_HURT_MARKS,
    NO_SESSIONS,
    NO_STOPS,
    build_report,
)
from stretch_gui.core.record.store import HurtMark, RoutineInfo, SessionRecord, SessionStatus
from stretch_gui.core.routine.loader import load_routine_text
from stretch_gui.core.routine.model import Routine
from stretch_gui.core.wording import STOPPED_BY_CHOICE, STOPPED_FOR_PAIN

STAGED = """\
format: 1
title: Back spasm relief
patient: A. Patient
author: J. Physio
revision: "3"
prescribed: 2026-03-02
start_date: 2026-03-02
review_by: 2026-04-27
frequency: {per_day: 1}
stages:
  - from_week: 1
    hold: 20s
    sets: 2
  - from_week: 3
    hold: 30s
    sets: 3
steps:
  - exercise: {title: Knee hug, instructions: Hug your knees.}
    hold: 25s
  - exercise: {title: Cat cow, instructions: Round then sag.}
    reps: 5
"""

PLAIN = """\
format: 1
title: Plain
steps:
  - exercise: {title: Knee hug, instructions: Hug your knees.}
    hold: 25s
"""

CET = timezone(timedelta(hours=1))


def load(text: str = STAGED) -> Routine:
    return load_routine_text(text)


def session(
    id: int,
    day: date,
    *,
    before: int | None = None,
    after: int | None = None,
    status: SessionStatus = SessionStatus.FINISHED,
    reason: str = "",
    completed: int = 2,
    note_after: str = "",
) -> SessionRecord:
    return SessionRecord(
        id=id,
        routine=RoutineInfo("Back spasm relief", "/r.yaml"),
        segment_count=7,
        started_at=datetime(day.year, day.month, day.day, 18, 5, tzinfo=CET),
        ended_at=None,
        status=status,
        stop_reason=reason,
        resume_index=0,
        active_seconds=300.0,
        exercises_completed=completed,
        exercises_skipped=0,
        pain_before=before,
        pain_after=after,
        note_after=note_after,
    )


def mark(title: str, day: date) -> HurtMark:
    return HurtMark(1, title, 3.0, datetime(day.year, day.month, day.day, 18, 6, tzinfo=CET))


def test_the_header_names_the_routine_patient_author_and_revision() -> None:
    report = build_report(load(), [], {}, today=date(2026, 3, 15), since=date(2026, 3, 2))
    assert (report.title, report.patient, report.author, report.revision) == ("Back spasm relief", "A. Patient", "J. Physio", "3")
    assert report.prescribed == "2 March 2026"
    assert report.period == "2 March 2026 to 15 March 2026"
    assert report.plan == "Planned: once a day."
    assert report.heading == "Progress report: Back spasm relief"
    assert report.footer == "Progress report · Back spasm relief · revision 3"


def test_with_no_sessions_it_says_so_rather_than_showing_zeros_as_findings() -> None:
    report = build_report(load(), [], {}, today=date(2026, 3, 15), since=date(2026, 3, 2))
    assert report.headlines == (NO_SESSIONS,)
    assert report.hurts == (NO_HURT_MARKS,)
    assert report.stops == (NO_STOPS,)
    assert [row.cells[:3] for row in report.weeks] == [("2–15 Mar", "Weeks 1–2", "0 of 14")]


def test_weeks_follow_the_programme_and_count_sessions_against_the_prescription() -> None:
    records = [session(i, date(2026, 3, 2) + timedelta(days=d)) for i, d in enumerate((0, 1, 2, 3, 4, 7, 9, 14), start=1)]
    # A stop before any exercise was done is not a session done.
    records.append(session(20, date(2026, 3, 10), status=SessionStatus.STOPPED, completed=0, reason=STOPPED_BY_CHOICE))
    report = build_report(load(), records, {}, today=date(2026, 3, 18), since=date(2026, 3, 2))
    assert [(row.first, row.last) for row in report.weeks] == [
        (date(2026, 3, 2), date(2026, 3, 8)),
        (date(2026, 3, 9), date(2026, 3, 15)),
        (date(2026, 3, 16), date(2026, 3, 18)),  # the week under way counts only its days so far
    ]
    assert [row.cells[0] for row in report.weeks] == [
        "2–8 Mar",
        "9–15 Mar",
        "16–18 Mar",
    ]
    assert [row.cells[1] for row in report.weeks] == ["Week 1", "Week 2", "Week 3"]
    assert [row.cells[2] for row in report.weeks] == ["5 of 7", "2 of 7", "1 of 3"]
    assert [row.cells[6] for row in report.weeks] == ["", "1", ""]
    assert report.headlines[0] == "8 of 17 planned sessions done (47 %) over 17 days."


def test_a_since_date_in_mid_week_keeps_the_programme_weeks() -> None:
    report = build_report(load(), [session(1, date(2026, 3, 10))], {}, today=date(2026, 3, 18), since=date(2026, 3, 5))
    assert [(row.first, row.last) for row in report.weeks][:2] == [
        (date(2026, 3, 5), date(2026, 3, 8)),
        (date(2026, 3, 9), date(2026, 3, 15)),
    ]
    assert report.weeks[0].cells[2] == "0 of 4"


def test_weeks_in_a_row_without_sessions_make_one_row() -> None:
    records = [session(1, date(2026, 3, 3)), session(2, date(2026, 3, 25))]
    report = build_report(load(), records, {}, today=date(2026, 3, 29), since=date(2026, 3, 2))
    assert [row.cells[:3] for row in report.weeks] == [
        ("2–8 Mar", "Week 1", "1 of 7"),
        ("9–22 Mar", "Weeks 2–3", "0 of 14"),
        ("23–29 Mar", "Week 4", "1 of 7"),
    ]
    # The stages are still listed week by week: a change inside a quiet span is not lost.
    assert report.stages[1] == "Weeks 3–4 (16–29 Mar): holds 30 s, 3 sets"


def test_sessions_before_the_since_date_or_after_today_are_left_out() -> None:
    records = [session(1, date(2026, 3, 1)), session(2, date(2026, 3, 3)), session(3, date(2026, 3, 20))]
    report = build_report(load(), records, {}, today=date(2026, 3, 8), since=date(2026, 3, 2))
    assert report.headlines[0] == "1 of 7 planned sessions done (14 %) over 7 days."


def test_without_a_since_date_the_report_starts_on_the_first_session() -> None:
    report = build_report(load(), [session(1, date(2026, 3, 10))], {}, today=date(2026, 3, 11))
    assert report.period == "10 March 2026 to 11 March 2026"


def test_pain_by_week_shows_average_and_range_and_marks_a_rise() -> None:
    records = [
        session(1, date(2026, 3, 2), before=4, after=3),
        session(2, date(2026, 3, 3), before=6, after=3),
        session(3, date(2026, 3, 9), before=6, after=7),
        session(4, date(2026, 3, 16)),  # no rating: that week shows a dash, and the next compares with week 2
    ]
    report = build_report(load(), records, {}, today=date(2026, 3, 18), since=date(2026, 3, 2))
    assert [row.cells[3] for row in report.weeks] == ["5 (4–6)", "6 ↑", "–"]
    assert [row.cells[4] for row in report.weeks] == ["3", "7", "–"]
    assert [row.rose for row in report.weeks] == [False, True, False]
    assert "Pain before sessions: 4 on Mon 2 Mar, 6 on Mon 9 Mar." in report.headlines
    assert "Pain after the session was above 5 once." in report.headlines
    assert "Average pain before sessions rose from the week before in: 9–15 Mar (marked ↑)." in report.headlines


def test_hurt_marks_are_grouped_by_exercise_most_first() -> None:
    records = [session(1, date(2026, 3, 2)), session(2, date(2026, 3, 4))]
    marks = {
        1: [mark("Knee hug", date(2026, 3, 2))],
        2: [mark("Cat cow", date(2026, 3, 4)), mark("Cat cow", date(2026, 3, 4)), mark("Knee hug", date(2026, 3, 4))],
    }
    report = build_report(load(), records, marks, today=date(2026, 3, 8), since=date(2026, 3, 2))
    assert report.hurts == (
        "Cat cow: 2 marks in 1 session, last on Wed 4 Mar",
        "Knee hug: 2 marks in 2 sessions, last on Wed 4 Mar",
    )
    assert report.weeks[0].cells[5] == "4"


def test_stops_say_when_and_why() -> None:
    records = [
        session(1, date(2026, 3, 3), status=SessionStatus.STOPPED, reason=STOPPED_FOR_PAIN, completed=1, note_after="twinge"),
        session(2, date(2026, 3, 5), status=SessionStatus.STOPPED, reason=STOPPED_BY_CHOICE, completed=0),
    ]
    report = build_report(load(), records, {}, today=date(2026, 3, 8), since=date(2026, 3, 2))
    assert report.stops == (
        "Tue 3 Mar 18:05: stopped because it hurt (1 exercise done; note: “twinge”)",
        "Thu 5 Mar 18:05: stopped, no pain given as the reason (0 exercises done)",
    )


def test_stages_reached_list_each_change_and_the_review_date() -> None:
    report = build_report(load(), [], {}, today=date(2026, 3, 18), since=date(2026, 3, 2))
    assert report.stages == (
        "Weeks 1–2 (2–15 Mar): holds 20 s, 2 sets",
        "Week 3 (16–18 Mar): holds 30 s, 3 sets",
        "Review due by 27 April 2026.",
    )


def test_a_review_date_that_has_passed_says_so() -> None:
    report = build_report(load(), [], {}, today=date(2026, 4, 28), since=date(2026, 4, 20))
    assert report.stages[-1] == "Review was due by 27 April 2026: the doses have stayed those of that week since."


def test_a_week_across_two_months_names_both() -> None:
    report = build_report(load(), [], {}, today=date(2026, 4, 1), since=date(2026, 3, 30))
    assert [row.cells[0] for row in report.weeks] == ["30 Mar – 1 Apr"]


def test_next_morning_checks_about_these_sessions_are_summed_up() -> None:
    from stretch_gui.core.record.morning import Advice, Compared, MorningCheck

    def morning(session_id: int, day: date, compared: Compared, advice: Advice) -> MorningCheck:
        return MorningCheck(session_id, 3, compared, advice, datetime(day.year, day.month, day.day, 8, tzinfo=CET))

    records = [session(1, date(2026, 3, 2)), session(2, date(2026, 3, 3)), session(3, date(2026, 3, 4))]
    checks = [
        morning(1, date(2026, 3, 3), Compared.WORSE, Advice.EASE_BACK),
        morning(2, date(2026, 3, 4), Compared.WORSE, Advice.CONTACT_PHYSIO_WORSE),
        morning(3, date(2026, 3, 5), Compared.BETTER, Advice.KEEP_GOING),
        morning(99, date(2026, 3, 6), Compared.WORSE, Advice.EASE_BACK),  # another routine's session
    ]
    report = build_report(load(), records, {}, today=date(2026, 3, 8), since=date(2026, 3, 2), mornings=checks)
    assert report.headlines[-2:] == (
        "Next-morning checks: 3; worse than before the session on 2 mornings (Tue 3 Mar, Wed 4 Mar).",
        "Advised to contact the physio on Wed 4 Mar.",
    )
    calm = build_report(load(), records, {}, today=date(2026, 3, 8), since=date(2026, 3, 2), mornings=checks[2:3])
    assert calm.headlines[-1] == "Next-morning checks: 1; never worse than before the session."


def test_a_routine_without_stages_dates_or_frequency() -> None:
    records = [session(1, date(2026, 3, 4)), session(2, date(2026, 3, 12))]
    report = build_report(load(PLAIN), records, {}, today=date(2026, 3, 12))
    assert [(row.first, row.cells[1], row.cells[2]) for row in report.weeks] == [
        (date(2026, 3, 4), "", "1"),
        (date(2026, 3, 11), "", "1"),
    ]
    assert report.plan == "The routine does not say how often: the counts are what was done."
    assert report.headlines == ("2 sessions done over 9 days.", "Last session: Thu 12 Mar.", "No pain ratings were given.")
    assert report.stages == ("The routine has no stages: the same doses throughout.",)
    assert (report.patient, report.author, report.prescribed) == ("", "", "")
    assert report.footer == "Progress report · Plain"


def test_pain_above_the_physios_own_limit_is_counted_against_it() -> None:
    strict = load(STAGED.replace("steps:", "pain_monitoring: {acceptable_pain: 3}\nsteps:", 1))
    records = [session(1, date(2026, 3, 2), after=4), session(2, date(2026, 3, 3), after=3)]
    report = build_report(strict, records, {}, today=date(2026, 3, 8), since=date(2026, 3, 2))
    assert "Pain after the session was above 3 once." in report.headlines
    assert "accepts pain up to 3 " in report.pain_note
    model = build_report(load(), records, {}, today=date(2026, 3, 8), since=date(2026, 3, 2))
    assert not any("was above" in line for line in model.headlines) and "up to 5 " in model.pain_note
