"""Every word of the next-morning pain check: the question, the answers, the advice, the handout's guide.

Advice from the pain-monitoring model, worded for a person at home; never a diagnosis. The
numbers in it are the physio's (``pain_monitoring`` in the routine file), the model's by default.
"""

from __future__ import annotations

from collections.abc import Mapping

from stretch_gui.core.record.morning import Advice, Compared
from stretch_gui.core.routine.model import DEFAULT_PAIN_MONITORING, PainMonitoring

TITLE = "This morning"
QUESTION = "How is your back this morning, compared with before yesterday's session?"
RATING_QUESTION = "Your pain now, from 0 to 10:"  # the compact scale adds what 0 and 10 mean
ANSWERS: Mapping[Compared, str] = {
    Compared.BETTER: "Better",
    Compared.SAME: "About the same",
    Compared.WORSE: "Worse",
}
LATER = "Not now"
HELP = "When to get help"  # the red-flag advice, one key (F1) away here as everywhere
# After advice to ease back: the app can make today's sessions of that routine easier.
EASE_OFFER = "Make today's sessions easier"


def ease_offer_detail(title: str, how: str) -> str:
    """What the ease-back button will change, said before it is pressed."""
    return f"{title} today: {how}."


def eased_done(title: str, how: str) -> str:
    """Said once today's sessions were made easier."""
    return f"Done. {title} is easier today: {how}. Tomorrow it is back to the usual doses."
NOT_ADVICE = "This is general advice your physio uses, not a diagnosis."
UNTIL_YOU_SPEAK = "Contact your physio before your next session, and ease back until you have spoken to them."
_IN_WORDS = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven"}

# The handout's box about pain, under this heading.
GUIDE_HEADING = "Checking your pain"


def _mornings(n: int) -> str:
    return f"{_IN_WORDS.get(n, str(n))} mornings in a row"


def advice_words(advice: Advice, limits: PainMonitoring = DEFAULT_PAIN_MONITORING) -> str:
    """The advice for one answer, with the physio's numbers in it."""
    if advice is Advice.KEEP_GOING:
        return "Pain that has settled by the next morning is a good sign. Keep going with your routine as planned."
    if advice is Advice.EASE_BACK:
        if limits.worse_mornings == 2:
            then = "If it is worse again tomorrow morning, contact your physio."
        else:
            then = f"If it is worse {_mornings(limits.worse_mornings)}, contact your physio."
        return (
            "Your back is worse than before yesterday's session. Ease back today: fewer sets or shorter holds, "
            f"or only the breathing. {then}"
        )
    if advice is Advice.CONTACT_PHYSIO_WORSE:
        if limits.worse_mornings <= 1:
            return f"Your back is worse than before yesterday's session. {UNTIL_YOU_SPEAK}"
        return f"Your back has been worse {_mornings(limits.worse_mornings)}. {UNTIL_YOU_SPEAK}"
    return f"Your pain is above {limits.acceptable_pain} out of 10 this morning. {UNTIL_YOU_SPEAK}"


# With the model's numbers, as most routines give them.
ADVICE: Mapping[Advice, str] = {advice: advice_words(advice) for advice in Advice}


def advice_text(advice: Advice, limits: PainMonitoring = DEFAULT_PAIN_MONITORING) -> str:
    """The advice and the reminder that it is not a diagnosis, as the check-in shows it."""
    return f"{advice_words(advice, limits)} {NOT_ADVICE}"


def pain_guide(limits: PainMonitoring = DEFAULT_PAIN_MONITORING) -> tuple[str, ...]:
    """The rule the morning check follows, for the printed handout, one point per line."""
    worse = (
        "If your back is worse than before the session the next morning, contact your physio."
        if limits.worse_mornings <= 1
        else "If your back is worse than before the session the next morning, ease back; "
        f"if it is worse {_mornings(limits.worse_mornings)}, contact your physio."
    )
    return (
        f"Pain up to {limits.acceptable_pain} out of 10 during the exercises is acceptable.",
        "Any pain from the exercises should settle by the next morning.",
        worse,
        f"If your pain is above {limits.acceptable_pain} out of 10 the next morning, contact your physio.",
    )
