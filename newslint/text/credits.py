"""Picture credits: telling "AFP" or "Jane Roe/Getty Images" from a caption.

Readers use it to split a credit line from the caption above it; rules use it so a
credit repeated under two photos is never taken for a duplicated caption.
"""

from __future__ import annotations

import regex

from newslint.text.pattern_store import compile_regex

TYPOGRAPHY = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-",
    "\u2026": "...", "\u00a0": " ",
})

# A picture credit names who made or supplied the picture, not what it shows.
# Labels and agencies match in any case; name shapes are case-sensitive.
CREDIT = compile_regex(
    r"""^\(?\s*(?:
        # a label, then a name: "Photo: iFixit", "Credit…Jane Roe", "Image credit: Getty"
        (?i:(?:(?:main|top|lead|header|cover|file|staff)\s+)?
            (?:photo(?:graph)?s?|images?|pictures?|pics?|illustrations?|graphics?|videos?|credits?|sources?
               |photo\s+credit|image\s+credit|picture\s+credit|image\s+source|photo\s+illustration))
        \s*(?::|\u2026|\.\.\.|\||-|\u2013|\u2014|(?i:by)\b)\s*
        (?!.*\b(?i:here)\W*$)  # "(Graphic: Prices this year - here)" points to a link the text lost
        \S.{0,80}
      | Credit(?=\p{Lu})\S.{0,80}
      | (?i:(?:photo(?:graph)?|image|picture|illustration|video|graphic|screenshot|rendering)s?\s+
            (?:by|courtesy(?:\s+of)?|via))\b.{1,80}
      | (?i:courtesy(?:\s+of)?)\b.{1,80}
      | (?:\u00a9|(?i:\(c\)|copyright)\b).{0,80}
      | (?i:handout|file\s+photo|supplied|submitted|contributed|stock\s+photo|pool\s+photo)
        (?:\s*(?:/|-|\u2013|(?i:via|photo|image)).{0,60})?
      # a news or picture agency, alone or with a photographer: "AFP", "AP Photo/Jane Roe"
      | (?:AFP|AP|Reuters|Getty(?:\s+Images)?|EPA(?:-EFE)?|PA(?:\s+Media|\s+Wire)?|Xinhua|Bloomberg|Shutterstock
           |Alamy|ANP|DPA|dpa|ANSA|Kyodo|Yonhap|iStock(?:photo)?|Corbis|NurPhoto|SIPA|Sipa|WireImage|UPI)
        (?:\s*(?:/|via|\||Photo|Images|Wire|-|\u2013)\s*[\w .'\u2019/-]{0,40})?
      # names joined by slashes: "Mark Stout/iStock/Getty Images", "evgenyb/iStock/Getty Images"
      | \p{L}[\w.'\u2019&+-]*(?:\s+\p{Lu}[\w.'\u2019&+-]*){0,3}
        (?:\s*/\s*\p{L}[\w.'\u2019&+-]*(?:\s+\p{Lu}[\w.'\u2019&+-]*){0,3}){1,3}
      # "Andrew B. Myers for The New York Times", "Ted + Chelsea Cavanaugh para The New York Times"
      # (a name of at most four words: "Flower Nail Art That Works for Every Season" is a title)
      | \p{Lu}[\w.'\u2019-]*(?:\s+(?:\p{Lu}[\w.'\u2019-]*|\+|&|and|y|de|van|von|da)){0,3}
        \s+(?:for|para|pour|f\u00fcr|per)\s+(?:[Tt]he\s+)?\p{Lu}[\w.'\u2019-]*(?:\s+\p{Lu}[\w.'\u2019-]*){0,4}
    )\s*\)?\s*[.]?$""",
    regex.VERBOSE,
)
CREDIT_MAX_WORDS = 12
CREDIT_TIMEOUT_SECONDS = 1.0  # the text is at most a dozen words


def is_credit(text: str) -> bool:
    """True when the text is only a picture credit ("AFP", "Photo: iFixit", "Jane Roe/Getty Images")."""
    stripped = " ".join(text.translate(TYPOGRAPHY).split())
    if not stripped or len(stripped.split()) > CREDIT_MAX_WORDS:
        return False
    return CREDIT.match(stripped, timeout=CREDIT_TIMEOUT_SECONDS) is not None
