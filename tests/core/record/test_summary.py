"""What the History view says, without Qt: the routine it is about, the days, each session in words."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from stretch_gui.core.record.adherence import PainPoint, adherence, began_on
from stretch_gui.core.record.recorder import SessionRecorder
from stretch_gui.core.record.store import RoutineInfo, SessionRecord, SessionStatus
from stretch_gui.core.record.summary import (
    Focus,
    HistorySummary,
    exercises_text,
    focus_for,
    group_by_day,
    morning_line,
    morning_sentence,
    notes_text,
    pain_chart_description,
    pain_text,
    result_words,
    routine_choices,
    session_sentence,
    sessions_chart_description,
    summarize,
)
from stretch_gui.core.routine.model import Frequency
from stretch_gui.core.routine.problems import Problem, RoutineError
from stretch_gui.core.wording import STOPPED_BY_CHOICE, STOPPED_FOR_PAIN
from tests.support.history import (
    CET,
    FakeWallClock,
    finish_segment,
    new_session,
    open_history,
    write_routine_file,
)

TODAY = date(2026, 3, 14)  # a Saturday


def record(
    started: datetime,
    *,
    id: int = 1,
    status: SessionStatus = SessionStatus.FINISHED,
    stop_reason: str = "",
    title: str = "Knees",
    file: str = "/r/knees.yaml",
    **kw: object,
) -> SessionRecord:
    fields: dict[str, object] = {
        "segment_count": 7, "ended_at": None, "resume_index": 0,
        "active_seconds": 600.0, "exercises_completed": 3, "exercises_skipped": 0,
    }
    fields.update(kw)
    return SessionRecord(
        id=id, routine=RoutineInfo(title, file), started_at=started, status=status, stop_reason=stop_reason,
        **fields,  # type: ignore[arg-type]
    )


def at(day: date, hour: int = 9, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=CET)


@pytest.mark.parametrize(
    ("status", "reason", "words"),
    [
        (SessionStatus.FINISHED, "", "finished"),
        (SessionStatus.STOPPED, STOPPED_FOR_PAIN, "stopped: it hurt"),
        (SessionStatus.STOPPED, STOPPED_BY_CHOICE, "stopped"),
        (SessionStatus.STOPPED, "", "stopped"),
        (SessionStatus.RUNNING, "", "not finished"),
        (SessionStatus.ABANDONED, "", "not finished"),
    ],
)
def test_result_words(status: SessionStatus, reason: str, words: str) -> None:
    assert result_words(record(at(TODAY), status=status, stop_reason=reason)) == words


def test_the_row_texts() -> None:
    r = record(at(TODAY, 7, 5), exercises_completed=4, exercises_skipped=2, active_seconds=1010, pain_before=6, pain_after=3)
    assert exercises_text(r) == "4 done, 2 skipped"
    assert exercises_text(record(at(TODAY), exercises_completed=5)) == "5 done"
    assert pain_text(r) == "6 → 3"
    assert pain_text(record(at(TODAY), pain_before=4)) == "4 → –"
    assert pain_text(record(at(TODAY), pain_after=2)) == "– → 2"
    assert pain_text(record(at(TODAY))) == ""


def test_a_session_in_one_sentence_for_a_screen_reader() -> None:
    r = record(at(TODAY, 19, 30), status=SessionStatus.STOPPED, stop_reason=STOPPED_FOR_PAIN, exercises_completed=1,
               exercises_skipped=1, active_seconds=300, pain_before=5, pain_after=7, hurt_marks=2)
    assert session_sentence(r) == (
        "19:30, Knees, stopped: it hurt, exercises 1 done, 1 skipped, 5 minutes, pain 5 before and 7 after, 2 hurt marks"
    )
    assert session_sentence(record(at(TODAY, 8), active_seconds=50, pain_after=1)) == (
        "08:00, Knees, finished, exercises 3 done, 50 seconds, pain 1 after"
    )


def test_notes_follow_the_sentence_and_make_the_tooltip() -> None:
    r = record(at(TODAY, 9), pain_before=4, note_before="stiff after sleeping", note_after="easier")
    assert notes_text(r) == "Note before: stiff after sleeping\nNote after: easier"
    assert session_sentence(r).endswith("pain 4 before. Note before: stiff after sleeping. Note after: easier")
    assert notes_text(record(at(TODAY), note_after="calm")) == "Note after: calm"
    assert notes_text(record(at(TODAY))) == ""


def test_sessions_grouped_by_day_newest_first() -> None:
    records = [
        record(at(TODAY - timedelta(days=2), 8), id=1),
        record(at(TODAY, 7), id=2),
        record(at(TODAY - timedelta(days=2), 18), id=3),
        record(at(TODAY, 20), id=4),
    ]
    groups = group_by_day(records, today=TODAY)
    assert [g.heading for g in groups] == ["Today, Saturday 14 March", "Thursday 12 March"]
    assert [[r.id for r in g.records] for g in groups] == [[4, 2], [3, 1]]


def test_the_focus_is_the_routine_in_use(tmp_path: Path) -> None:
    routine = write_routine_file(tmp_path)
    focus = focus_for(routine, [record(at(TODAY), title="Other", file="/other.yaml")])
    assert focus == Focus("Short test routine", str(tmp_path / "routine.yaml"), Frequency(per_day=1))


def test_without_a_routine_the_focus_is_the_latest_sessions_read_again_for_its_frequency(tmp_path: Path) -> None:
    routine = write_routine_file(tmp_path)
    records = [record(at(TODAY), title="Short test routine", file=str(routine.source)), record(at(TODAY - timedelta(days=1)))]
    loaded: list[Path] = []

    def load(path: Path):  # type: ignore[no-untyped-def]
        loaded.append(path)
        return routine

    assert focus_for(None, records, load=load) == Focus("Short test routine", str(routine.source), Frequency(per_day=1))
    assert loaded == [routine.source]


def test_a_latest_routine_file_gone_or_broken_shows_what_was_done_without_a_goal() -> None:
    def broken(path: Path):  # type: ignore[no-untyped-def]
        raise RoutineError([Problem(str(path), "file not found")])

    assert focus_for(None, [record(at(TODAY))], load=broken) == Focus("Knees", "/r/knees.yaml", None)
    assert focus_for(None, [], load=broken) is None
    no_file = record(at(TODAY), title="Typed in", file="")
    assert focus_for(None, [no_file], load=broken) == Focus("Typed in", "", None)
    assert Focus("Typed in", "", None).matches(no_file)
    assert not Focus("Typed in", "", None).matches(record(at(TODAY), title="Typed in"))


def test_chart_descriptions_say_the_days_and_the_pain_in_words() -> None:
    days = [record(at(TODAY - timedelta(days=1)), id=1), record(at(TODAY), id=2), record(at(TODAY, 19), id=3)]
    tally = adherence(days, Frequency(per_day=2), today=TODAY, days=3)
    assert sessions_chart_description(tally) == (
        "Sessions each day, oldest first. Thu 12 Mar: 0; Fri 13 Mar: 1; Sat 14 Mar: 2. Planned: twice a day."
    )
    points = [PainPoint(1, at(TODAY, 8), 6, 4), PainPoint(2, at(TODAY, 19), None, 3)]
    assert pain_chart_description(points) == (
        "Pain from 0 (none) to 10 (worst), before and after each session, oldest first. "
        "Sat 14 Mar 08:00: pain 6 before and 4 after; Sat 14 Mar 19:00: pain 3 after."
    )
    assert pain_chart_description([]) == "No pain ratings yet."


def test_summarize_reads_the_history(tmp_path: Path) -> None:
    routine = write_routine_file(tmp_path)
    wall = FakeWallClock(at(TODAY - timedelta(days=20), 9))
    with open_history(tmp_path / "history.sqlite3", wall) as history:
        for days_ago, before, after in ((20, 7, 6), (3, 6, 4), (0, 4, 2)):
            wall.now = at(TODAY - timedelta(days=days_ago), 9)
            _plan, clock, session = new_session(routine)
            recorder = SessionRecorder(history, session)
            recorder.check_in_before(rating=before)
            session.start()
            while not session.state.is_over:
                finish_segment(session, clock)
            recorder.check_in_after(rating=after)
        wall.now = at(TODAY, 21)
        summary = summarize(history, load=lambda _path: routine)
    assert summary.today == TODAY
    assert summary.heading() == "Short test routine: 2 of 14 sessions in the last 14 days (on 2 days)"
    assert summary.plan_line().startswith("Planned: once a day.")
    assert [t.sessions for t in summary.adherence.days if t.sessions] == [1, 1]  # type: ignore[union-attr]
    assert [(p.before, p.after) for p in summary.pain] == [(6, 4), (4, 2)]  # the one 20 days ago is outside the chart
    assert [g.day for g in summary.days] == [TODAY, TODAY - timedelta(days=3), TODAY - timedelta(days=20)]
    assert summary.session_count == 3 and not summary.is_empty


def test_an_empty_history_says_so(tmp_path: Path) -> None:
    with open_history(tmp_path / "history.sqlite3") as history:
        summary = summarize(history)
    assert summary.is_empty
    assert summary.heading() == "No sessions yet"
    assert summary.plan_line() == ""


def test_a_routine_without_a_frequency_says_just_what_was_done() -> None:
    summary_focus = Focus("Free", "", None)
    tally = adherence([record(at(TODAY), title="Free", file="")], None, today=TODAY)
    summary = HistorySummary(TODAY, summary_focus, tally, (), (), 1)
    assert summary.heading() == "Free: 1 session in the last 14 days (on 1 day)"
    assert summary.plan_line() == "This routine does not say how often to do it, so this is just what was done."


# -- one routine at a time, counted from when it began (issue 13 item 7) ---------------------


def test_on_day_one_the_count_starts_from_the_first_session_not_two_weeks_back() -> None:
    first = adherence([record(at(TODAY))], Frequency(per_day=1), today=TODAY, began=TODAY)
    assert first.describe() == "1 of 1 session so far since you began on Sat 14 Mar"
    twice = adherence([record(at(TODAY))], Frequency(per_day=2), today=TODAY, began=TODAY - timedelta(days=2))
    assert twice.describe() == "1 of 6 sessions so far since you began on Thu 12 Mar"
    long_ago = adherence([record(at(TODAY))], Frequency(per_day=1), today=TODAY, began=TODAY - timedelta(days=40))
    assert long_ago.describe() == "1 of 14 sessions in the last 14 days (on 1 day)"  # begun before the window


def test_a_start_date_counts_from_the_programme_and_one_to_come_says_so() -> None:
    started = adherence([], Frequency(per_week=3), today=TODAY, began=TODAY - timedelta(days=6), from_start_date=True)
    assert started.describe() == "0 of 3 sessions so far since your programme started on Sun 8 Mar"
    coming = adherence([], Frequency(per_day=1), today=TODAY, began=TODAY + timedelta(days=2), from_start_date=True)
    assert coming.describe() == "your programme starts on Mon 16 Mar"
    assert coming.sessions_expected is None


def test_began_on_is_the_start_date_else_the_first_session_that_did_something() -> None:
    nothing = record(at(TODAY - timedelta(days=3)), id=1, status=SessionStatus.STOPPED, exercises_completed=0)
    done = record(at(TODAY - timedelta(days=2)), id=2)
    assert began_on([done, nothing], None) == (TODAY - timedelta(days=2), False)
    assert began_on([nothing], None) == (TODAY - timedelta(days=3), False)
    assert began_on([done], TODAY - timedelta(days=9)) == (TODAY - timedelta(days=9), True)
    assert began_on([], None) == (None, False)


def test_a_session_with_nothing_done_is_listed_but_marked_not_counted() -> None:
    nothing = record(at(TODAY, 10), status=SessionStatus.STOPPED, stop_reason=STOPPED_BY_CHOICE, exercises_completed=0)
    assert result_words(nothing) == "stopped · not counted"
    assert session_sentence(nothing).endswith("not counted: no exercise was done")
    assert adherence([nothing], Frequency(per_day=1), today=TODAY).sessions_done == 0


def _two_routines(tmp_path: Path) -> Path:
    from stretch_gui.core.record.store import Moment
    from tests.support.history import OTHER_ROUTINE, ROUTINE

    file = tmp_path / "h.sqlite3"
    short = write_routine_file(tmp_path, ROUTINE, "short.yaml")
    other = write_routine_file(tmp_path, OTHER_ROUTINE, "evening.yaml")
    wall = FakeWallClock(at(TODAY - timedelta(days=1), 18))
    from stretch_gui.core.record.recorder import routine_info

    with open_history(file, wall) as history:
        for routine, hours in ((short, 0), (other, 1)):
            wall.now = at(TODAY - timedelta(days=1), 18 + hours)
            sid = history.start_session(routine_info(routine), segment_count=7)
            history.add_check_in(sid, Moment.AFTER, rating=4 + hours)
            history.save_progress(sid, outcomes=[], current_index=6, active_seconds=60.0, exercises_completed=2,
                                  exercises_skipped=0, status=SessionStatus.FINISHED, ended_at=wall.now)
        wall.now = at(TODAY, 8)
        history.add_morning_check(1, rating=3, compared="better", advice="keep going")
    return file


def test_the_summary_follows_the_chosen_routine(tmp_path: Path) -> None:
    from stretch_gui.core.record.summary import ALL_KEY
    from stretch_gui.core.routine.loader import load_routine_file

    file = _two_routines(tmp_path)
    wall = FakeWallClock(at(TODAY, 9))
    with open_history(file, wall) as history:
        latest = summarize(history, load=load_routine_file)
        assert [c.label for c in latest.choices] == [
            "Evening stretches for a long day at the desk", "Short test routine", "All routines",
        ]
        assert latest.chosen == str(tmp_path / "evening.yaml")  # the latest session's routine by default
        evening = "Evening stretches for a long day at the desk"
        assert latest.heading() == f"{evening}: 1 of 2 sessions so far since you began on Fri 13 Mar"
        assert [r.routine.title for g in latest.days for r in g.records] == ["Evening stretches for a long day at the desk"]
        assert [(p.after) for p in latest.pain] == [5] and latest.mornings == ()

        short = summarize(history, load=load_routine_file, chosen=str(tmp_path / "short.yaml"))
        assert [(p.after) for p in short.pain] == [4]
        ((check),) = short.mornings
        assert short.morning_after(1) == check and short.morning_points() == ((TODAY, 3),)
        assert morning_line(check) == "Next morning: 3/10, better — keep going"
        assert morning_sentence(check) == "Next morning, Sat 14 Mar: pain 3 out of 10, better; advice: keep going"

        everything = summarize(history, load=load_routine_file, chosen=ALL_KEY)
        assert everything.heading() == "All routines: 2 sessions in the last 14 days (on 1 day)"
        assert everything.plan_line().startswith("Every routine together")
        assert sum(len(g.records) for g in everything.days) == 2 and len(everything.mornings) == 1

        gone = summarize(history, load=load_routine_file, chosen="/no/such.yaml")  # a stale choice: the default
        assert gone.chosen == latest.chosen


def test_two_routines_of_one_title_are_told_apart_by_file() -> None:
    records = [record(at(TODAY), id=2, file="/a/knees.yaml"), record(at(TODAY), id=1, file="/b/knees-v2.yaml")]
    assert [c.label for c in routine_choices(records, None)] == ["Knees (knees.yaml)", "Knees (knees-v2.yaml)", "All routines"]
    assert [c.label for c in routine_choices(records[:1], None)] == ["Knees"]  # one routine: nothing to put together


def test_the_pain_description_says_the_next_mornings() -> None:
    text = pain_chart_description([], [(TODAY, 3)])
    assert text.endswith("The next mornings: Sat 14 Mar: 3.") and "No ratings before or after" in text
