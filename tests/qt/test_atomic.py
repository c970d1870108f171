"""Saving a user's file: only ever over a regular file, never over a device, a pipe, a socket or a folder."""

from __future__ import annotations

import os
import socket
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from stretch_gui.qt.atomic import NotAFileError, SaveError, check_output_path, save_atomically


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "some.fifo"
    os.mkfifo(path)
    return path


@pytest.fixture
def unix_socket(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "s.sock"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    yield path
    server.close()


def test_a_fifo_is_refused_and_left_a_fifo(fifo: Path) -> None:
    with pytest.raises(NotAFileError) as caught:
        save_atomically(fifo, b"%PDF-")
    assert str(caught.value) == f"Will not write to {fifo}: it is a named pipe, not a regular file. Choose a file name instead."
    assert isinstance(caught.value, SaveError) and caught.value.path == fifo
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert [p.name for p in fifo.parent.iterdir()] == ["some.fifo"]  # no temporary file left


def test_a_socket_a_folder_and_a_link_to_a_fifo_are_refused(unix_socket: Path, fifo: Path, tmp_path: Path) -> None:
    folder = tmp_path / "folder.csv"
    folder.mkdir()
    link = tmp_path / "link.pdf"
    link.symlink_to(fifo)
    for path, kind in ((unix_socket, "a socket"), (folder, "a folder"), (link, "a named pipe")):
        with pytest.raises(NotAFileError, match=f"it is {kind}, not a regular file"):
            save_atomically(path, b"data")
    assert stat.S_ISSOCK(os.stat(unix_socket).st_mode) and folder.is_dir() and link.is_symlink()


def test_a_device_is_refused_without_touching_it() -> None:
    # Only checked, never written: were the check missing, a save would replace the node.
    with pytest.raises(NotAFileError, match="it is a device"):
        check_output_path("/dev/full")


def test_regular_files_links_to_them_and_new_names_are_fine(tmp_path: Path) -> None:
    existing = tmp_path / "old.csv"
    existing.write_text("old")
    link = tmp_path / "link.csv"
    link.symlink_to(existing)
    for path in (existing, link, tmp_path / "new.csv"):
        check_output_path(path)
    save_atomically(tmp_path / "new.csv", b"new")
    assert (tmp_path / "new.csv").read_bytes() == b"new"
