"""What each link-preview image says, in each edition (drawn by overrides/hooks/previews.py).

``scripts/subset_fonts.py`` cuts the Chinese fonts down to exactly these
characters, so both read them from here.
"""

from __future__ import annotations

from jointletter.editions import Language, language
from jointletter.project import Project
from jointletter.recommendations import recommendations

SITE_IMAGE = "site"


def card_texts(words: Language, project: Project) -> dict[str, tuple[str, str, str, str]]:
    """What each image says, by name: (kicker, title, numeral, footer)."""
    t = words.t
    recs = recommendations(project, words.edition.locale)
    footer = f"{t('site_name')} · {t('letter_date')}"
    cards = {SITE_IMAGE: (t("site_name"), t("preview_site_title"), "", t("preview_meta"))}
    for rec in recs:
        kicker = t("recommendation_n_of", n=rec.number, total=len(recs))
        cards[rec.slug] = (kicker, rec.title, str(rec.number), footer)
    return cards


def texts_for(project: Project, locale: str) -> dict[str, tuple[str, str, str, str]]:
    """What each image of one edition says."""
    return card_texts(language(locale, project), project)


def drawn(project: Project, locale: str) -> str:
    """Every character the images of one edition draw."""
    return "".join(sorted({c for card in texts_for(project, locale).values() for text in card for c in text}))
