"""Every word of the next-morning pain check: the question, the answers, the advice.

Advice from the pain-monitoring model, worded for a person at home; never a diagnosis.
"""

from __future__ import annotations

from collections.abc import Mapping

from stretch_gui.core.record.morning import PAIN_LIMIT, Advice, Compared

TITLE = "This morning"
QUESTION = "How is your back this morning, compared with before yesterday's session?"
RATING_QUESTION = "Your pain now, from 0 to 10:"  # the compact scale adds what 0 and 10 mean
ANSWERS: Mapping[Compared, str] = {
    Compared.BETTER: "Better",
    Compared.SAME: "About the same",
    Compared.WORSE: "Worse",
}
LATER = "Not now"
NOT_ADVICE = "This is general advice your physio uses, not a diagnosis."
ADVICE: Mapping[Advice, str] = {
    Advice.KEEP_GOING: "Pain that has settled by the next morning is a good sign. Keep going with your routine as planned.",
    Advice.EASE_BACK: (
        "Your back is worse than before yesterday's session. Ease back today: fewer sets or shorter holds, "
        "or only the breathing. If it is worse again tomorrow morning, contact your physio."
    ),
    Advice.CONTACT_PHYSIO_WORSE: (
        "Your back has been worse two mornings in a row. Contact your physio before your next session, "
        "and ease back until you have spoken to them."
    ),
    Advice.CONTACT_PHYSIO_PAIN: (
        f"Your pain is above {PAIN_LIMIT} out of 10 this morning. Contact your physio before your next session, "
        "and ease back until you have spoken to them."
    ),
}


def advice_text(advice: Advice) -> str:
    """The advice and the reminder that it is not a diagnosis, as the check-in shows it."""
    return f"{ADVICE[advice]} {NOT_ADVICE}"
