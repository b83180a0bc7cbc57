"""woonlib: the Woonvisie Enschede 2024 as data, assumptions and a scenario model."""

from woonlib.serving.lean import skip_unused_imports

skip_unused_imports()  # in a Voilà kernel only: see woonlib/serving/lean.py
