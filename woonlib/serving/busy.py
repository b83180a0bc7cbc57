"""The page a visitor sees when every kernel is taken: short, in Dutch and English, with
nothing from other hosts (it passes voila.json's Content-Security-Policy)."""

from __future__ import annotations

RETRY_AFTER = 30  # [s] sent as Retry-After; the page also reloads itself after this long

BUSY_PAGE = """<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="{retry}">
<title>Even vol — Woonvisie Enschede</title>
<style>
  body {{ font-family: system-ui, sans-serif; max-width: 38em; margin: 4em auto;
         padding: 0 1em; color: #1b1b1b; line-height: 1.5; }}
  h1 {{ font-size: 1.5em; }}
  .en {{ color: #444; border-top: 1px solid #ccc; margin-top: 2em; padding-top: 1em; }}
</style>
</head>
<body>
<main>
  <h1>Het dashboard is even vol</h1>
  <p>Er kijken nu zoveel mensen naar het dashboard van de Woonvisie Enschede dat er
     geen plek vrij is. Probeer het over een halve minuut opnieuw; deze pagina laadt
     zichzelf na {retry} seconden opnieuw.</p>
  <div class="en" lang="en">
    <h2>The dashboard is full right now</h2>
    <p>So many people are viewing the Enschede housing vision dashboard that no place is
       free. Please try again in half a minute; this page reloads itself after {retry}
       seconds.</p>
  </div>
</main>
</body>
</html>
"""


def busy_page(retry_after: int = RETRY_AFTER) -> str:
    """The HTML of the "busy" page, reloading itself after `retry_after` [s]."""
    return BUSY_PAGE.format(retry=int(retry_after))
