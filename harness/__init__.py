"""The real Voilà server and Chromium, for the browser tests, the benchmarks and scripts.

`harness.voila` starts Voilà as a user would (voila.json, the offline template, loopback
only) and a Chromium to drive it; `harness.page` knows the dashboard's page (tabs,
sections, charts). Import them as `harness.voila` from the repository root.
"""
