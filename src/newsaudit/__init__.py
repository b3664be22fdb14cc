"""newsaudit: who claims what, on whose word, and whether it holds up."""

__version__ = "0.1.0"
