"""The scenario model: pure functions from (data, assumptions) to tidy result tables.

One module per topic: households, programme, segments, care, elderly, outflow.
"""
