"""stretch-gui: a guided stretching routine player for people with back pain."""

__version__ = "0.1.0"
