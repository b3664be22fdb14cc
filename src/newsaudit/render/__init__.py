"""Renderers: the same report as JSON (the contract) or for people to read."""

from newsaudit.render.terminal import print_report

__all__ = ["print_report"]
