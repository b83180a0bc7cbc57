"""A reference into the Woonvisie text, as data: rendered per language by `labels.fmt_source`.

A `Ref` holds what a source citation is made of (part of the document, line numbers, a quote
as printed, a note) rather than one sentence in one language, so the Dutch page says
"regels 3091–3099" and the English page "lines 3091–3099" from the same facts.
"""

from __future__ import annotations

from dataclasses import dataclass

DOCUMENT = "Woonvisie Enschede 2024"
Span = int | tuple[int, int]  # one line, or the first and last line of a passage


def span_text(span: Span) -> str:
    """A span as the document cites it, in any language: 589 -> '589', (677, 679) -> '677–679'."""
    if isinstance(span, tuple):
        first, last = span
        return str(first) if first == last else f"{first}–{last}"
    return str(span)


@dataclass(frozen=True)
class Ref:
    """Where in the document a figure stands.

    `part` is a label key with a `{}` for `number` (`doc_table` + "2" -> "Tabel 2"/"Table 2");
    `by` names the study a table cites (a proper name); `lines` are 1-based lines of
    data/sources/woonvisie-enschede-2024.txt; `quote` is Dutch as printed (shown in quotes
    in both languages); `note` is a label key explaining the reading.
    """

    lines: tuple[Span, ...] = ()
    part: str = ""
    number: str = ""
    by: str = ""
    quote: str = ""
    note: str = ""
    document: str = DOCUMENT

    def line_numbers(self) -> list[int]:
        """Every line the reference names, spans expanded to their first and last line."""
        out: list[int] = []
        for span in self.lines:
            out += list(span) if isinstance(span, tuple) else [span]
        return out

    def lines_text(self) -> str:
        """The lines, comma-separated and without a word: '1245–1247, 1504–1506' ('' for none).

        What a sentence that says "regels"/"lines" itself fills in (`labels.check_texts`).
        """
        return ", ".join(span_text(span) for span in self.lines)
