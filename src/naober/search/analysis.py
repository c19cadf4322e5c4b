"""Dutch text analysis for the index and for queries, in two interchangeable flavours.

Both lowercase and fold accents (`financiële` → `financiele`) and differ in the stemmer:

- `snowball`: tantivy's built-in `Filter.stemmer("dutch")`, the newer Snowball Dutch (it strips `ge-` and
  diminutives, so `gemeenten` → `meen`, `woning` → `woon`);
- `porter`: the classic Dutch Porter stemmer that PostgreSQL also uses (`snowballstemmer`'s `dutch_porter`),
  applied in Python; the index receives pre-tokenized stems.

Which one the index uses was decided by measurement (tests/search/test_relevance.py, docs/search.md):
`CHOSEN`. Stored fields (titles and texts shown in results) always use the surface analyzer — lowercase and
folded, unstemmed — which also serves prefix queries and compound matching.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Any, Protocol

import snowballstemmer
import tantivy

SURFACE_TOKENIZER = "nl_surface"
MAX_TOKEN_CHARS = 40

_WORD = re.compile(r"[^\W_]+")
_APOSTROPHES = "'’"
# Dutch function words, dropped from plain query words (never from phrases or the index): with AND between
# words, "de regionale energiestrategie" must not require the article.
STOPWORDS = frozenset(
    """
    aan al alles als altijd andere ben bij daar dan dat de der deze die dit doch doen door dus een
    eens en er ge geen geweest haar had heb hebben heeft hem het hier hij hoe hun iemand iets ik in
    is ja je kan kon kunnen maar me meer men met mij mijn moet na naar niet niets nog nu of om
    omdat onder ons ook op over reeds te tegen toch toen tot u uit uw van veel voor want waren was
    wat werd wezen wie wil worden wordt zal ze zelf zich zij zijn zo zonder zou
    """.split()  # noqa: SIM905 - a word list reads better as text
)


def fold(word: str) -> str:
    """Lowercase without accents, as tantivy's lowercase + ascii_fold filters do."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def words(text: str) -> list[tuple[str, int, int]]:
    """Folded words with their character offsets; the `s` of `regio's` is not a word of its own."""
    found: list[tuple[str, int, int]] = []
    for match in _WORD.finditer(text):
        start, end = match.span()
        token = match.group()
        if start > 0 and text[start - 1] in _APOSTROPHES and len(token) <= 2:
            continue  # regio's, zo'n, m'n: the clitic adds nothing
        folded = fold(token)
        if len(folded) <= MAX_TOKEN_CHARS:
            found.append((folded, start, end))
    return found


def surface_analyzer() -> Any:
    return (
        tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
        .filter(tantivy.Filter.remove_long(MAX_TOKEN_CHARS))
        .filter(tantivy.Filter.lowercase())
        .filter(tantivy.Filter.ascii_fold())
        .build()
    )


class Analyzer(Protocol):
    name: str
    stem_tokenizer: str

    def register(self, index: Any) -> None:
        """Register the tokenizers this analyzer needs (again after every `Index.open`)."""

    def index_value(self, text: str) -> Any:
        """What to put in a stemmed field: the text itself, or a pre-tokenized string."""

    def stems(self, text: str) -> list[str]:
        """The index terms of a query word or phrase, in order."""


class SnowballAnalyzer:
    """tantivy's own Dutch stemmer, run inside the engine."""

    name = "snowball"
    stem_tokenizer = "nl_snowball"

    def __init__(self) -> None:
        self._analyzer = (
            tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
            .filter(tantivy.Filter.remove_long(MAX_TOKEN_CHARS))
            .filter(tantivy.Filter.lowercase())
            .filter(tantivy.Filter.ascii_fold())
            .filter(tantivy.Filter.stemmer("dutch"))
            .build()
        )

    def register(self, index: Any) -> None:
        index.register_tokenizer(SURFACE_TOKENIZER, surface_analyzer())
        index.register_tokenizer(self.stem_tokenizer, self._analyzer)

    def index_value(self, text: str) -> Any:
        return text

    def stems(self, text: str) -> list[str]:
        return [str(token) for token in self._analyzer.analyze(text)]


@functools.lru_cache(maxsize=200_000)
def _porter(word: str) -> str:
    return str(_PORTER.stemWord(word))


_PORTER = snowballstemmer.stemmer("dutch_porter")


class PorterAnalyzer:
    """The classic Dutch Porter stemmer, applied in Python; the engine indexes the stems as given."""

    name = "porter"
    stem_tokenizer = "nl_porter_query"

    def register(self, index: Any) -> None:
        index.register_tokenizer(SURFACE_TOKENIZER, surface_analyzer())
        # Only used if something parses a query against the field; terms are built here, not by tantivy.
        index.register_tokenizer(self.stem_tokenizer, surface_analyzer())

    def stem(self, word: str) -> str:
        return _porter(word)

    def index_value(self, text: str) -> Any:
        tokens = [
            tantivy.Token(self.stem(word), position, start, end)
            for position, (word, start, end) in enumerate(words(text))
        ]
        return tantivy.PreTokenizedString(text, tokens)

    def stems(self, text: str) -> list[str]:
        return [self.stem(word) for word, _start, _end in words(text)]


# Compounds. Dutch writes them as one word (`woningbouwprogramma`, `jeugdzorg`), so a word is also looked for
# as the first part of a longer word (`woningbouw` → `woningbouwprogramma`, by prefix on the unstemmed words)
# and as the last part (`zorg` → `jeugdzorg`, by prefix on reversed words). The base is the word without its
# inflection (the classic stemmer's stem when the word starts with it: `woningen` → `woning`).
COMPOUND_MIN_CHARS = 4
MODIFIER_MIN_CHARS = 3
REVERSED_MIN_CHARS = COMPOUND_MIN_CHARS + MODIFIER_MIN_CHARS
_ENDINGS = ("", "e", "en", "s", "n", "es", "je", "jes", "tje", "tjes", "pje", "pjes")


def compound_prefix(word: str) -> str | None:
    """What a longer word starting with this one starts with (`woningen` → `woning`), or None if too short."""
    stem = _porter(word)
    base = stem if word.startswith(stem) and len(stem) >= COMPOUND_MIN_CHARS else word
    return base if len(base) >= COMPOUND_MIN_CHARS else None


def compound_suffixes(word: str) -> list[str]:
    """Reversed endings of compounds that end in this word, inflected (`raad` → `daar`, `nedar`, …)."""
    if len(word) < COMPOUND_MIN_CHARS:
        return []
    stem = _porter(word)
    endings = {word[::-1]}
    if len(stem) >= COMPOUND_MIN_CHARS - 1:
        endings.update(f"{ending[::-1]}{stem[::-1]}" for ending in _ENDINGS)
    return sorted(endings)


def reversed_words(text: str) -> Any:
    """The longer words of `text` reversed, for the compound-suffix fields."""
    tokens = [
        tantivy.Token(word[::-1], position, start, end)
        for position, (word, start, end) in enumerate(words(text))
        if len(word) >= REVERSED_MIN_CHARS
    ]
    return tantivy.PreTokenizedString(text, tokens)


ANALYZERS: dict[str, type[SnowballAnalyzer] | type[PorterAnalyzer]] = {
    SnowballAnalyzer.name: SnowballAnalyzer,
    PorterAnalyzer.name: PorterAnalyzer,
}
CHOSEN = SnowballAnalyzer.name


def analyzer_named(name: str = CHOSEN) -> Analyzer:
    return ANALYZERS[name]()
