"""Scenarios as files, links and history: reading, writing and undoing sets of assumptions."""
