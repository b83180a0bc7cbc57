"""Reports on a scenario: labels and number formats, charts, Excel, CSV and the memo."""
