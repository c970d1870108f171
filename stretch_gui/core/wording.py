"""Small helpers for the sentences the app shows."""


def count(n: int, word: str) -> str:
    """``count(1, "step")`` -> "1 step", ``count(3, "step")`` -> "3 steps"."""
    return f"{n} {word}" if n == 1 else f"{n} {word}s"
