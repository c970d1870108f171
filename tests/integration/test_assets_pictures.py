"""The exercise pictures, the app icon and the Linux desktop files are complete and consistent."""

from __future__ import annotations

import configparser
import importlib.util
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml
from PySide6.QtGui import QImage
from PySide6.QtSvg import QSvgRenderer

SVG = "{http://www.w3.org/2000/svg}"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


@pytest.fixture(scope="module")
def illustrations(repo_root: Path) -> Path:
    return repo_root / "assets" / "illustrations"


def referenced_pictures(repo_root: Path) -> set[str]:
    library = yaml.safe_load((repo_root / "assets" / "exercises.yaml").read_text(encoding="utf-8"))
    names = {"breathing.svg"}  # the player's picture for breathing steps
    for exercise in library["exercises"].values():
        names.add(exercise["image"])
        if "image_exhale" in exercise:
            names.add(exercise["image_exhale"])
    return names


def test_every_referenced_picture_exists_and_renders(qapp: object, repo_root: Path, illustrations: Path) -> None:
    names = referenced_pictures(repo_root)
    assert {"childs-pose.svg", "cat-cow-cow.svg", "cat-cow-cat.svg", "seated-twist.svg"} <= names
    for name in sorted(names):
        path = illustrations / name
        assert path.is_file(), f"{name} is referenced but missing"
        assert QSvgRenderer(str(path)).isValid(), f"{name} is not an SVG Qt can draw"


def test_pictures_share_one_view_box_and_carry_no_text(illustrations: Path) -> None:
    pictures = sorted(illustrations.glob("*.svg"))
    assert len(pictures) >= 8
    for path in pictures:
        root = ET.parse(path).getroot()
        assert root.get("viewBox") == "0 0 400 300", path.name
        assert not list(root.iter(f"{SVG}text")), f"{path.name} shows text"


def has_arrow(path: Path) -> bool:
    return any(element.get("class") == "arrow" for element in ET.parse(path).getroot().iter())


def test_cat_cow_moves_the_whole_body_frame_by_frame(illustrations: Path) -> None:
    frames = [illustrations / f"cat-cow-{i:02d}.svg" for i in range(9)]
    texts = [frame.read_text(encoding="utf-8") for frame in frames]
    assert len(set(texts)) == len(texts), "every frame is a different pose"
    # Posed by joint angles, not two pictures blended: limbs follow the spine, so the arms change too.
    first, last = (ET.parse(frame).getroot() for frame in (frames[0], frames[-1]))
    near_limbs = [
        [g.find(f"{SVG}path").get("d") for g in root.iter(f"{SVG}g") if g.get("fill") == "#5f9cab"] for root in (first, last)
    ]
    assert near_limbs[0][-1] != near_limbs[1][-1], "the near arm is drawn last; its elbow and shoulder move too"
    # The moving frames carry no arrows; the two end poses for the handout do.
    assert not any(has_arrow(frame) for frame in frames)
    assert has_arrow(illustrations / "cat-cow-cow.svg") and has_arrow(illustrations / "cat-cow-cat.svg")


@pytest.mark.parametrize(
    "name",
    ["seated-twist", "lying-twist", "knee-to-chest", "pelvic-tilt", "partial-crunch", "wall-sit", "ball-back-extension"],
)
def test_a_movement_has_an_arrow(illustrations: Path, name: str) -> None:
    assert has_arrow(illustrations / f"{name}.svg")


def test_generator_refuses_joints_bent_the_wrong_way(repo_root: Path) -> None:
    spec = importlib.util.spec_from_file_location("stretch_draw", repo_root / "assets" / "illustrations" / "draw.py")
    assert spec is not None and spec.loader is not None
    draw = importlib.util.module_from_spec(spec)
    sys.modules["stretch_draw"] = draw  # dataclasses look their module up while the file runs
    try:
        spec.loader.exec_module(draw)
        with pytest.raises(ValueError, match="knee"):
            draw.check_knee((0, 0), (-10, 50), (20, 100))  # a right-facing knee bent backwards
        with pytest.raises(ValueError, match="elbow"):
            draw.check_elbow((0, 0), (0, 40), (-30, 60))  # an elbow bent backwards
        with pytest.raises(ValueError, match="hip"):
            body = draw.Side((0.0, 0.0), torso_angle=-90)  # standing
            draw.check_hip(body, (-40.0, 40.0))  # thigh thrown far behind
        with pytest.raises(ValueError, match="back"):
            draw.check_spine(draw.Side((0.0, 0.0), torso_angle=-90, arch=40))
        # Every frame between cow and cat passes the same checks as the end poses.
        for i in range(draw.CAT_COW_FRAMES):
            draw.cat_cow(i / (draw.CAT_COW_FRAMES - 1))
        draw.take_drawn_box()
    finally:
        del sys.modules["stretch_draw"]


@pytest.mark.subprocess
def test_checked_in_pictures_are_what_the_generator_draws(illustrations: Path, tmp_path: Path) -> None:
    # -B: no __pycache__ left in assets/, which ships in the wheel.
    result = subprocess.run(
        [sys.executable, "-B", str(illustrations / "draw.py"), str(tmp_path)],
        capture_output=True, text=True, timeout=60, check=False,
    )
    assert result.returncode == 0, result.stderr
    drawn = sorted(p.name for p in tmp_path.glob("*.svg"))
    assert drawn == sorted(p.name for p in illustrations.glob("*.svg"))
    for name in drawn:
        assert (tmp_path / name).read_text(encoding="utf-8") == (illustrations / name).read_text(encoding="utf-8"), (
            f"{name} is out of date: run python assets/illustrations/draw.py"
        )


def test_icon_pngs_have_the_sizes_their_names_say(qapp: object, repo_root: Path) -> None:
    icons = repo_root / "assets" / "icons"
    assert QSvgRenderer(str(icons / "stretch-gui.svg")).isValid()
    found = {int(m.group(1)) for p in icons.glob("stretch-gui-*.png") if (m := re.fullmatch(r"stretch-gui-(\d+)\.png", p.name))}
    assert found == set(ICON_SIZES)
    for size in ICON_SIZES:
        image = QImage(str(icons / f"stretch-gui-{size}.png"))
        assert (image.width(), image.height()) == (size, size)
        assert image.hasAlphaChannel(), "the rounded tile needs transparent corners"


def test_app_icon_offers_the_drawn_sizes(qapp: object) -> None:
    from stretch_gui.ui.application import app_icon

    sizes = {(s.width(), s.height()) for s in app_icon().availableSizes()}
    assert {(16, 16), (32, 32), (256, 256)} <= sizes


@pytest.fixture(scope="module")
def desktop_entry(repo_root: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(repo_root / "packaging" / "linux" / "stretch-gui.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_entry_starts_the_app_with_a_routine(desktop_entry: configparser.SectionProxy) -> None:
    assert desktop_entry["Type"] == "Application"
    assert desktop_entry["Exec"] == "stretch-gui %f"
    assert desktop_entry["Icon"] == "stretch-gui"
    assert "application/x-stretch-routine" in desktop_entry["MimeType"].split(";")
    assert "Utility" in desktop_entry["Categories"].split(";")


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils is not installed")
@pytest.mark.subprocess
def test_desktop_entry_passes_desktop_file_validate(repo_root: Path) -> None:
    result = subprocess.run(
        ["desktop-file-validate", str(repo_root / "packaging" / "linux" / "stretch-gui.desktop")],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


def test_routine_file_type_claims_only_routine_names(repo_root: Path) -> None:
    ns = "{http://www.freedesktop.org/standards/shared-mime-info}"
    root = ET.parse(repo_root / "packaging" / "linux" / "stretch-gui-routine.xml").getroot()
    (mime,) = root.findall(f"{ns}mime-type")
    assert mime.get("type") == "application/x-stretch-routine"
    assert [e.get("type") for e in mime.findall(f"{ns}sub-class-of")] == ["application/yaml"]
    assert mime.findtext(f"{ns}comment")
    # Plain *.yaml must stay YAML; only the double extensions mean "open in stretch-gui".
    assert sorted(e.get("pattern") for e in mime.findall(f"{ns}glob")) == ["*.routine.yaml", "*.stretch.yaml"]


@pytest.mark.subprocess
def test_install_script_is_safe_to_run_twice_without_helpers(repo_root: Path, tmp_path: Path) -> None:
    script = repo_root / "packaging" / "linux" / "install.sh"
    env = {"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    # A PATH without the freedesktop helpers: the script must still copy the files and succeed.
    bare = tmp_path / "bin"
    bare.mkdir()
    for tool in ("sh", "cp", "mkdir", "rm", "dirname", "cat"):
        found = shutil.which(tool)
        assert found
        (bare / tool).symlink_to(found)
    env["PATH"] = str(bare)
    for _ in range(2):
        result = subprocess.run(["sh", str(script)], env=env, capture_output=True, text=True, timeout=60, check=False)
        assert result.returncode == 0, result.stderr
    data = tmp_path / ".local" / "share"
    assert (data / "applications" / "stretch-gui.desktop").is_file()
    assert (data / "mime" / "packages" / "stretch-gui-routine.xml").is_file()
    assert (data / "icons" / "hicolor" / "48x48" / "apps" / "stretch-gui.png").is_file()
    assert (data / "icons" / "hicolor" / "scalable" / "apps" / "stretch-gui.svg").is_file()
    removed = subprocess.run(["sh", str(script), "--uninstall"], env=env, capture_output=True, text=True, timeout=60, check=False)
    assert removed.returncode == 0, removed.stderr
    assert not (data / "applications" / "stretch-gui.desktop").exists()
