"""What the app says when something hurts, and when to get help.

Plain words for someone in pain reading from a mat. The facts come from the
project's content notes (shared/content/stretches.md); nothing here goes beyond
them. Kept out of the widgets so the stop screen, the help page and the printed
handout say the same thing.
"""

from __future__ import annotations

# The reason a session records when the patient stops because of pain.
STOPPED_FOR_PAIN = "it hurt"
STOPPED_BY_CHOICE = "stopped by the user"

AFTER_A_PAINFUL_STOP = (
    "Come out of the position slowly and lie or sit in a way that feels easiest.",
    "Breathe slowly. Do not try that stretch again today.",
    "A little stretching discomfort is fine. Pain is not: stopping was right.",
    "For the first day or two, a cold pack wrapped in a towel for 15–20 minutes can help, "
    "3–4 times a day. After that, warmth helps the muscle relax.",
    "Keep moving gently, such as a short slow walk, rather than staying in bed.",
)

SEE_SOMEONE_SOON = (
    "the pain is getting worse, or has not eased after about three days",
    "it has not improved after one to two weeks",
    "spasms keep coming back, are severe, or stretching does not help",
    "the pain started after a fall or another injury",
)

GET_URGENT_CARE = (
    "numbness or tingling in your legs, or between your legs",
    "you cannot control your bladder or bowels",
    "your legs feel weak",
    "back pain comes with a fever or weight loss you cannot explain",
    "pain spreading down one or both legs keeps getting worse",
)

WHILE_IT_HURTS = (
    "Move slowly. While a spasm is fresh, avoid twisting, bending and sudden moves.",
    "Leave out toe-touches, sit-ups and leg lifts until your back is better.",
    "Most back spasms settle within days to a few weeks.",
)
