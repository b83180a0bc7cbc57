"""The dashboard: one panel class per section, composed by `Dashboard` (ipywidgets)."""

from woonlib.ui.dashboard import Dashboard, build_dashboard

__all__ = ["Dashboard", "build_dashboard"]
