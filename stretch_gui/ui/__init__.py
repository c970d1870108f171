"""Qt widgets: they show the core's state and send it commands, nothing more."""
