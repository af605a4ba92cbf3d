"""Tokenizer settings for German news text.

`customize_tokenizer(nlp)` changes only data of `nlp.tokenizer` (prefix, suffix and infix
patterns and special cases), so the result is serialised with the pipeline and loading a
trained model needs no custom code. spaCy's German defaults already handle most of what news
text needs (quotes „“ »« ‚‘ "" '', dashes, hyphenated compounds such as "US-Präsident",
dates such as "17.12.2009" and many abbreviations); this adds what they miss:

* a quote glued to a hyphenated compound (`„Sonder“-Weg`, `"Quote"-Test`) is split off,
* en and em dashes between words or numbers (`Berlin–Hamburg`, `1990–1994`) are split off,
* a list of news abbreviations is kept as single tokens (`Mio.`, `Mrd.`, `Abs.`, `Prof.` ...),
* `...` and `…` glued to a word are split off.
"""
from __future__ import annotations

from spacy.attrs import NORM, ORTH
from spacy.language import Language
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

QUOTES = "\"'„“”‚‘’«»›‹"
DASHES = "–—"

# Abbreviations seen in German news that must not end a sentence or lose their period.
ABBREVIATIONS = [
    "Abb.", "Abg.", "Abs.", "Abt.", "Adm.", "allg.", "Anm.", "Art.", "Aufl.", "Az.",
    "Bd.", "Bde.", "Bhf.", "Bsp.", "bspw.", "bzgl.", "bzw.", "ca.", "Chr.", "Co.",
    "d.h.", "Dipl.", "Dir.", "Dr.", "dt.", "ebd.", "eig.", "einschl.", "entspr.", "erg.",
    "etc.", "ev.", "evtl.", "e.V.", "exkl.", "f.", "ff.", "Fa.", "Fr.", "gegr.", "gem.",
    "Gen.", "ggf.", "Hbf.", "Hg.", "hrsg.", "Hrsg.", "i.A.", "i.d.R.", "inkl.", "insb.",
    "Inc.", "Ing.", "Jh.", "Jhd.", "jun.", "Kap.", "kath.", "Kfm.", "Kl.", "Komm.", "Kr.",
    "lt.", "Ltd.", "max.", "Mag.", "Mio.", "Mill.", "min.", "Mrd.", "Mrz.", "Mwst.",
    "n.Chr.", "Nr.", "o.ä.", "o.Ä.", "Pkt.", "Pfr.", "Pl.", "Prof.", "Proz.", "rd.",
    "Reg.", "S.", "s.o.", "s.u.", "sen.", "sog.", "St.", "Std.", "Str.", "stv.", "Tel.",
    "Tsd.", "u.a.", "u.ä.", "u.U.", "usw.", "v.a.", "v.Chr.", "Verf.", "vgl.", "Vors.",
    "z.B.", "z.T.", "z.Zt.", "zit.", "zz.", "zzgl.", "Jan.", "Febr.", "Feb.", "Aug.",
    "Sept.", "Okt.", "Nov.", "Dez.", "Mo.", "Di.", "Mi.", "Do.", "Sa.",
]

_EXTRA_INFIXES = [
    # closing quote before a hyphen that continues a compound: „Sonder“-Weg
    rf"[{QUOTES}](?=-[^\W\d_])",
    # en/em dash between letters or digits: Berlin–Hamburg, 1990–1994
    rf"(?<=[^\W_])[{DASHES}](?=[^\W_])",
    # ellipsis glued between words
    r"(?<=[^\W_])(?:\.\.\.|…)(?=[^\W_])",
]
_EXTRA_PREFIXES = [r"…", rf"[{DASHES}]"]
_EXTRA_SUFFIXES = [r"…", rf"[{DASHES}]"]


def customize_tokenizer(nlp: Language) -> Language:
    """Apply the news tokenizer settings to `nlp.tokenizer` in place and return `nlp`."""
    tok = nlp.tokenizer
    defaults = nlp.Defaults
    prefixes = list(defaults.prefixes or []) + [p for p in _EXTRA_PREFIXES if p not in (defaults.prefixes or [])]
    suffixes = list(defaults.suffixes or []) + [s for s in _EXTRA_SUFFIXES if s not in (defaults.suffixes or [])]
    infixes = list(defaults.infixes or []) + _EXTRA_INFIXES
    tok.prefix_search = compile_prefix_regex(prefixes).search
    tok.suffix_search = compile_suffix_regex(suffixes).search
    tok.infix_finditer = compile_infix_regex(infixes).finditer
    for abbr in ABBREVIATIONS:
        tok.add_special_case(abbr, [{ORTH: abbr, NORM: abbr}])
        if abbr[0].islower():
            cap = abbr[0].upper() + abbr[1:]
            tok.add_special_case(cap, [{ORTH: cap, NORM: abbr}])
    return nlp
