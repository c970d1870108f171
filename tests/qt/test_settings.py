"""AppSettings over a real INI file: one key per write, a signal per real change, no value it cannot read."""

from __future__ import annotations

import shutil
import tempfile
import uuid
from datetime import date, time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from PySide6.QtCore import QByteArray, QPoint, QRect, QSettings, QSize
from pytestqt.qtbot import QtBot

from stretch_gui.core import preferences as prefs
from stretch_gui.qt.settings import AppSettings, Setting
from tests.support.counting_store import CountingStore
from tests.support.preferences import KEYS, holds_its_type


@pytest.fixture
def ini(tmp_path: Path) -> Path:
    return tmp_path / "stretch-gui.ini"


@pytest.fixture
def store(ini: Path) -> CountingStore:
    return CountingStore(ini)


@pytest.fixture
def kept(store: CountingStore) -> AppSettings:
    return AppSettings(store)


def heard(settings: AppSettings) -> list[str]:
    keys: list[str] = []
    settings.changed.connect(keys.append)
    return keys


def fresh(ini: Path) -> AppSettings:
    """The file as the next start of the app reads it: parsed from its text.

    Qt shares what it has read or written of a file among every QSettings on it in a
    process, so a copy under a new name is what makes Qt read the text again.
    """
    copy = ini.with_name(f"reread-{uuid.uuid4().hex}.ini")
    shutil.copyfile(ini, copy)
    return AppSettings(QSettings(str(copy), QSettings.Format.IniFormat))


def put(ini: Path, key: str, raw: object) -> None:
    """Write ``raw`` as it is, past the registry, as a hand edit or another version might."""
    store = QSettings(str(ini), QSettings.Format.IniFormat)
    store.setValue(key, raw)
    store.sync()


def test_every_preference_is_a_typed_attribute_of_the_same_name() -> None:
    attributes = {name: value for name, value in vars(AppSettings).items() if isinstance(value, Setting)}
    assert sorted(attributes) == sorted(KEYS)
    for name, attribute in attributes.items():
        assert attribute.preference is prefs.BY_KEY[name]


def test_a_new_file_reads_the_defaults(kept: AppSettings, store: CountingStore) -> None:
    assert (kept.sound, kept.volume, kept.breath_cues, kept.spoken_guidance) == (True, 70, False, False)
    assert (kept.show_pacer, kept.reduced_motion, kept.text_size, kept.theme) == (True, False, "normal", "system")
    assert (kept.reminders, kept.reminder_time, kept.last_reminded, kept.recent_files) == (False, time(18), None, [])
    assert store.written == []  # reading writes nothing


def test_a_write_writes_its_one_key_syncs_once_and_says_which(kept: AppSettings, store: CountingStore, ini: Path) -> None:
    keys = heard(kept)
    kept.volume = 40
    assert (store.written, store.syncs, keys) == (["volume"], 1, ["volume"])
    assert fresh(ini).volume == 40  # on disk, not only in the store's memory
    kept.theme = "dark"
    assert (store.written, store.syncs, keys) == (["volume", "theme"], 2, ["volume", "theme"])


def test_writing_the_value_already_kept_writes_and_says_nothing(kept: AppSettings, store: CountingStore, qtbot: QtBot) -> None:
    kept.volume = 40
    store.written.clear()
    with qtbot.assertNotEmitted(kept.changed):
        kept.volume = 40
        kept.volume = 40
    assert store.written == []


def test_a_volume_past_the_ends_is_kept_at_the_end(kept: AppSettings, store: CountingStore) -> None:
    keys = heard(kept)
    kept.volume = 140
    kept.volume = 150  # still 100: no change, no write
    assert (kept.volume, keys, store.written) == (100, ["volume"], ["volume"])
    kept.volume = -3
    assert kept.volume == 0


def test_a_damaged_value_is_mended_by_a_write_of_the_default_without_a_change_signal(
    kept: AppSettings, store: CountingStore, ini: Path, qtbot: QtBot
) -> None:
    put(ini, "volume", "loud")
    store.sync()  # the store sees the hand edit
    store.written.clear()
    assert kept.volume == 70
    with qtbot.assertNotEmitted(kept.changed):
        kept.volume = 70  # what the patient sees does not change...
    assert store.written == ["volume"]  # ...but the file now holds a good value
    assert "volume=70\n" in ini.read_text(encoding="utf-8")


def test_recent_files_newest_first_at_most_eight(kept: AppSettings, store: CountingStore, tmp_path: Path, ini: Path) -> None:
    files = [tmp_path / f"r{n}.yaml" for n in range(10)]
    for file in files:
        kept.remember(file)
    assert kept.recent_files == files[::-1][:8]
    kept.remember(files[5])
    assert kept.recent_files[:2] == [files[5], files[9]]
    assert len(kept.recent_files) == 8
    kept.forget(files[9])
    assert files[9] not in kept.recent_files
    assert fresh(ini).recent_files == kept.recent_files
    assert set(store.written) == {"recent_files"}


def test_one_recent_file_survives_the_ini_list_of_one(kept: AppSettings, tmp_path: Path, ini: Path) -> None:
    kept.remember(tmp_path / "only.yaml")
    assert fresh(ini).recent_files == [tmp_path / "only.yaml"]
    kept.forget(tmp_path / "only.yaml")
    assert fresh(ini).recent_files == []


def test_times_and_days_round_trip(kept: AppSettings, ini: Path) -> None:
    kept.reminder_time = time(7, 45)
    kept.last_reminded = date(2026, 11, 20)
    again = fresh(ini)
    assert (again.reminder_time, again.last_reminded) == (time(7, 45), date(2026, 11, 20))


WRONG = [
    QRect(1, 2, 3, 4),
    QSize(3, 4),
    QPoint(1, 2),
    QByteArray(b"\x00\xff junk"),
    ["true", "dark"],  # a list where one value is expected
    12345,
    -1,
    3.75,
    "@garbage",
    "é\u200b\u0000",
    "",
]


@pytest.mark.parametrize("key", KEYS)
@pytest.mark.parametrize("raw", WRONG, ids=lambda raw: type(raw).__name__)
def test_a_value_of_the_wrong_type_in_the_file_reads_as_the_default(key: str, raw: object, ini: Path) -> None:
    preference = prefs.BY_KEY[key]
    put(ini, key, raw)
    value = getattr(fresh(ini), key)
    assert holds_its_type(preference, value), (key, raw, value)
    assert value == preference.read(None)


def test_an_int_where_a_list_is_expected_and_a_list_where_a_bool_is(ini: Path) -> None:
    put(ini, "recent_files", 7)
    # Not ["true"]: an INI file keeps a list of one as its one text, and "true" is a good bool.
    put(ini, "sound", [False, False])
    put(ini, "reduced_motion", ["true", "true"])
    again = fresh(ini)
    assert (again.recent_files, again.sound, again.reduced_motion) == ([], True, False)


def test_hand_written_ini_values_qt_decodes_as_shapes(ini: Path) -> None:
    ini.write_text(
        "[General]\n"
        "recent_files=@Rect(1 2 3 4)\n"
        "volume=@Size(3 4)\n"
        "sound=@Point(1 2)\n"
        "theme=@ByteArray(dark)\n"
        "text_size=large, larger\n"
        "reminder_time=@Rect(7 45 0 0)\n"
        "last_reminded=@Invalid()\n",
        encoding="utf-8",
    )
    again = fresh(ini)
    assert again.recent_files == []
    assert (again.volume, again.sound, again.theme, again.text_size) == (70, True, "system", "normal")
    assert (again.reminder_time, again.last_reminded) == (time(18), None)


odd_values = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**63), 2**63 - 1),  # what a QVariant can hold
    st.from_regex(r"-?[0-9]{1,30}", fullmatch=True),
    st.floats(allow_nan=False),
    st.text(),
    st.sampled_from(["true", "false", "70", "dark", "large", "07:45", "2026-11-20", "/a.yaml"]),
    st.lists(st.one_of(st.text(), st.integers(-(2**31), 2**31), st.booleans()), max_size=12),
    st.builds(QRect, st.integers(-9, 9), st.integers(-9, 9), st.integers(0, 9), st.integers(0, 9)),
    st.builds(QSize, st.integers(-9, 9), st.integers(-9, 9)),
    st.builds(QPoint, st.integers(-9, 9), st.integers(-9, 9)),
    st.builds(QByteArray, st.binary(max_size=16)),
)


@hypothesis_settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(values=st.fixed_dictionaries({key: odd_values for key in KEYS}))
def test_whatever_the_file_holds_every_read_is_of_the_declared_type(values: dict[str, object]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        ini = Path(folder) / "stretch-gui.ini"
        store = QSettings(str(ini), QSettings.Format.IniFormat)
        for key, raw in values.items():
            store.setValue(key, raw)
        store.sync()
        again = fresh(ini)  # read back from the text on disk, as at the next start
        for key in KEYS:
            assert holds_its_type(prefs.BY_KEY[key], getattr(again, key)), (key, values[key])


def test_the_desktops_reduced_motion_is_the_default_until_the_patient_chooses(ini: Path) -> None:
    store = QSettings(str(ini), QSettings.Format.IniFormat)
    settings = AppSettings(store, desktop_defaults={"reduced_motion": True})
    assert settings.reduced_motion is True  # the desktop asks for less motion
    settings.reduced_motion = False  # the patient's own choice wins from now on
    again = AppSettings(QSettings(str(ini), QSettings.Format.IniFormat), desktop_defaults={"reduced_motion": True})
    assert again.reduced_motion is False
    assert AppSettings(QSettings(str(ini) + ".new", QSettings.Format.IniFormat)).reduced_motion is False


def test_the_desktops_preference_learned_later_says_so_only_when_it_changes_a_value(ini: Path) -> None:
    settings = AppSettings(QSettings(str(ini), QSettings.Format.IniFormat))
    heard: list[str] = []
    settings.changed.connect(heard.append)
    settings.follow_desktop({"reduced_motion": True})
    assert settings.reduced_motion is True and heard == ["reduced_motion"]
    settings.follow_desktop({"reduced_motion": True})  # the same answer again: nothing to redo
    assert heard == ["reduced_motion"]
    settings.reduced_motion = False  # the patient's own choice
    heard.clear()
    settings.follow_desktop({"reduced_motion": True})
    assert settings.reduced_motion is False and heard == []

