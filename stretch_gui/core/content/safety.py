"""What the app says when something hurts, and when to get help: the only copy.

Plain words for someone in pain reading from a mat. The facts come from the
project's content notes (shared/content/stretches.md); nothing here goes beyond
them. The stop screen, the help page, the completion screen and the printed
handout all take their sentences from here, so they can never disagree; each
place picks the sentences it needs, and none rewords them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from stretch_gui.core.markup import escape

# -- single sentences -------------------------------------------------------------------

STOP_IF_IT_HURTS = "Stop any stretch that hurts. A mild pull is fine; pain is not."
MOVE_SLOWLY = "Move slowly. While a spasm is fresh, avoid twisting, bending and sudden moves."
KEEP_MOVING = "Keep moving gently, such as a short slow walk, rather than staying in bed."
LEAVE_OUT = "Leave out toe-touches, sit-ups and leg lifts until your back is better."
MOST_SPASMS_SETTLE = "Most back spasms settle within days to a few weeks."
COME_OUT_SLOWLY = "Come out of the position slowly and lie or sit in a way that feels easiest."
LEAVE_THAT_STRETCH = "Breathe slowly. Do not try that stretch again today."
COLD_THEN_WARM = (
    "For the first day or two, a cold pack wrapped in a towel for 15–20 minutes can help, "
    "3–4 times a day. After that, warmth helps the muscle relax."
)
GET_UP_SLOWLY = "Get up slowly. Take a moment before you move on."
REST_IF_IT_HURT = "If something hurt, rest, and try again when you feel ready."
HELP_MENU = "Help › When to get help lists every sign to watch for."

# -- when to get help: a lead and the signs that complete it ---------------------------

SEE_SOMEONE_IF = "See a doctor or physio if"
SEE_SOMEONE_SOON = (
    "the pain gets worse, or has not eased after about 3 days",
    "it is no better after 1 to 2 weeks",
    "spasms keep coming back, are severe, or stretching does not help",
    "the pain started after a fall or another injury",
)

GET_URGENT_CARE_IF = "Get urgent medical help now if"
GET_URGENT_CARE = (
    "you feel numbness or tingling in your legs, or between your legs",
    "you cannot control your bladder or bowels",
    "your legs feel weak",
    "back pain comes with a fever or weight loss you cannot explain",
    "pain spreading down one or both legs keeps getting worse",
)


def if_any(lead: str, signs: Sequence[str]) -> str:
    """A lead and its signs as one sentence, for paper and for a line on a screen.

    ``if_any(SEE_SOMEONE_IF, ("a", "b", "c"))`` -> "See a doctor or physio if a; b; or c."
    """
    if len(signs) == 1:
        return f"{lead} {signs[0]}."
    return f"{lead} {'; '.join(signs[:-1])}; or {signs[-1]}."


# -- what each place says ----------------------------------------------------------------


@dataclass(frozen=True)
class Section:
    """A heading over a list: how the screens show advice."""

    heading: str
    items: tuple[str, ...]
    urgent: bool = False  # drawn in the warning colour


def as_html(sections: Sequence[Section], urgent_colour: str) -> str:
    """Rich text for a Qt label; the colour comes from the theme in use."""
    parts = []
    for section in sections:
        style = f" style='color:{urgent_colour}'" if section.urgent else ""
        bullets = "".join(f"<li>{escape(item)}</li>" for item in section.items)
        parts.append(f"<h3{style}>{escape(section.heading)}</h3><ul>{bullets}</ul>")
    return "".join(parts)


WHILE_IT_HURTS_HEADING = "While your back hurts"
WHILE_IT_HURTS = (MOVE_SLOWLY, KEEP_MOVING, LEAVE_OUT, MOST_SPASMS_SETTLE)

# Help › When to get help, reachable at any time; also the lower half of the stop screen.
HELP_PAGE_TITLE = "When to get help"
HELP_PAGE = (
    Section(GET_URGENT_CARE_IF, GET_URGENT_CARE, urgent=True),
    Section(SEE_SOMEONE_IF, SEE_SOMEONE_SOON),
    Section(WHILE_IT_HURTS_HEADING, WHILE_IT_HURTS),
)

# The stop screen, shown at once after "Stop — this hurts": what to do now, then HELP_PAGE.
STOP_SCREEN_HEADING = "You stopped. That was the right call."
AFTER_A_PAINFUL_STOP = (COME_OUT_SLOWLY, LEAVE_THAT_STRETCH, COLD_THEN_WARM, KEEP_MOVING)
STOP_SCREEN = (Section("What to do now", AFTER_A_PAINFUL_STOP),)
STOP_SCREEN_CHECK_IN = "How bad is it now? (optional)"
# Said at once to a screen-reader user when the stop screen appears: the heading and the first thing to do.
STOP_SCREEN_ANNOUNCEMENT = f"{STOP_SCREEN_HEADING} {COME_OUT_SLOWLY}"

# The printed handout's "When to stop and get help" box: each sign in full, as on the help page.
ON_THE_HANDOUT = (
    STOP_IF_IT_HURTS,
    MOVE_SLOWLY,
    KEEP_MOVING,
    LEAVE_OUT,
    if_any(SEE_SOMEONE_IF, SEE_SOMEONE_SOON),
    if_any(GET_URGENT_CARE_IF, GET_URGENT_CARE),
)

# The completion screen. A plain stop may still have been because of discomfort, so it
# names the first sign to see someone about and points to the rest.
AFTER_A_SESSION = (GET_UP_SLOWLY,)
AFTER_A_STOPPED_SESSION = (REST_IF_IT_HURT, if_any(SEE_SOMEONE_IF, SEE_SOMEONE_SOON[:1]), HELP_MENU)
