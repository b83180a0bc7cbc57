"""The dashboard: one panel class per section, composed by `Dashboard` (ipywidgets)."""

from woonlib.ui.dashboard import Dashboard, build_dashboard, page_query

__all__ = ["Dashboard", "build_dashboard", "page_query"]
