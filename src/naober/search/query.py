"""The search box language: words (all must match), "phrases", prefixes (`woning*`) and `-exclusions`.

Parsing never fails: whatever cannot be read as syntax is read as words, so a stray quote or asterisk gives
results instead of an error. Limits keep a pasted text from turning into a thousand-clause query.
"""

from __future__ import annotations

import re

from naober.search.analysis import STOPWORDS, words
from naober.search.backend import Term

MAX_QUERY_CHARS = 500
MAX_TERMS = 16
MIN_PREFIX_CHARS = 2

_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"'})
_PART = re.compile(r'(-?)"([^"]*)"|(\S+)')


def parse(text: str) -> tuple[Term, ...]:
    text = (text or "")[:MAX_QUERY_CHARS].translate(_QUOTES)
    if text.count('"') % 2:
        text = text.replace('"', " ")  # an unbalanced quote: read everything as words
    terms: list[Term] = []
    for match in _PART.finditer(text):
        negated, quoted, chunk = match.group(1), match.group(2), match.group(3)
        if quoted is not None:
            found = [word for word, _start, _end in words(quoted)]
            if len(found) == 1:
                terms.append(Term(found[0], exclude=bool(negated)))
            elif found:
                terms.append(Term(" ".join(found), phrase=True, exclude=bool(negated)))
            continue
        terms.extend(_chunk_terms(chunk))
    plain = [term for term in terms if not (term.phrase or term.prefix or term.exclude)]
    if plain and any(term.text not in STOPWORDS for term in plain):
        terms = [
            term for term in terms if term.phrase or term.prefix or term.exclude or term.text not in STOPWORDS
        ]
    if not any(not term.exclude for term in terms):
        return ()  # only exclusions: nothing to look for
    return tuple(_dedupe(terms)[:MAX_TERMS])


def _chunk_terms(chunk: str) -> list[Term]:
    exclude = chunk.startswith("-") and len(chunk) > 1
    if exclude:
        chunk = chunk[1:]
    prefix = chunk.endswith("*")
    found = [word for word, _start, _end in words(chunk)]
    if not found:
        return []
    if len(found) > 1:
        # covid-19, 2026/2027, e-mail: the parts belong together.
        return [Term(" ".join(found), phrase=True, exclude=exclude)]
    word = found[0]
    if prefix and len(word) >= MIN_PREFIX_CHARS:
        return [Term(word, prefix=True, exclude=exclude)]
    return [Term(word, exclude=exclude)]


def _dedupe(terms: list[Term]) -> list[Term]:
    seen: set[Term] = set()
    unique: list[Term] = []
    for term in terms:
        if term not in seen:
            seen.add(term)
            unique.append(term)
    return unique
