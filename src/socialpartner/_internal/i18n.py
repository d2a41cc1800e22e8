"""Output labels and number formats in English and Danish (babel for the formats).

Danish terms follow the domain brief (fleksjob, socialpædagog, vikartimer, kommune…).
Amounts are rounded to øre by the library's rule before babel formats them (babel itself
rounds half to even).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

Lang = Literal["en", "da"]

_DA: dict[str, str] = {
    # table titles and headers
    "Who pays whom": "Hvem betaler hvem",
    "Payer": "Betaler",
    "Payee": "Modtager",
    "Purpose": "Formål",
    "Amount (DKK)": "Beløb (kr.)",
    "Balance per party": "Saldo pr. part",
    "Party": "Part",
    "Receives": "Modtager",
    "Pays": "Betaler",
    "Net": "Netto",
    "sum of nets": "sum af netto",
    "Support-staff cost and what covers it": "Udgift til støttepersonale og hvad der dækker den",
    "DKK": "kr.",
    "Share of cost": "Andel af udgiften",
    "Support-staff cost": "Udgift til støttepersonale",
    "covered by": "dækket af",
    "less": "fratrukket",
    "uncovered": "udækket",
    "Coverage": "Dækningsgrad",
    "Surplus": "Overskud",
    "Shortfall": "Underskud",
    "Break-even (each price alone, the rest as given)": "Nulpunkt (én pris ad gangen, resten som angivet)",
    "Price": "Pris",
    "Break-even": "Nulpunkt",
    "Note": "Bemærkning",
    "covered even at zero": "dækket selv ved nul",
    "no volume: this price cannot cover the cost": "ingen mængde: prisen kan ikke dække udgiften",
    "People placed": "Placerede personer",
    "Form": "Form",
    "Headcount": "Antal",
    "Hours/week": "Timer/uge",
    "FTE": "Årsværk",
    "Employer": "Arbejdsgiver",
    "Workplace": "Arbejdssted",
    "(not a job)": "(ikke et job)",
    "Key figures": "Nøgletal",
    "Figure": "Nøgletal",
    "Value": "Værdi",
    "Checks": "Tjek",
    "Criterion": "Kriterium",
    "Status": "Status",
    "Why": "Begrundelse",
    "met": "opfyldt",
    "not met": "ikke opfyldt",
    "unknown": "ukendt",
    "Parameters used": "Anvendte parametre",
    "Parameter": "Parameter",
    "Year": "År",
    "Tag": "Kilde-type",
    "Source": "Kilde",
    "Year by year": "År for år",
    "Funding": "Finansiering",
    "Jobs": "Job",
    "All years": "Alle år",
    "period": "periode",
    # socialpartner test
    "expected": "forventet",
    "actual": "faktisk",
    "difference": "forskel",
    "tolerance": "tolerance",
    "no value": "ingen værdi",
    "passed": "bestået",
    "failed": "fejlet",
    "error": "fejl",
    "errors": "fejl",
    # parties and flows
    "fleksjob workers": "fleksjobansatte",
    "support staff": "støttepersonale",
    "the state": "staten",
    "course participants": "forløbsdeltagere",
    "employees placed": "ansatte",
    "employees": "ansatte",
    "suppliers": "leverandører",
    "other customers": "andre kunder",
    "helpers": "hjælpere",
    "craftsmen": "håndværkere",
    "public grants": "offentlige tilskud",
    "supervision": "arbejdsledelse",
    "temp hours: wage cost": "vikartimer: lønomkostning",
    "temp hours: overhead": "vikartimer: overhead",
    "wages (fleksjob, effective hours)": "løn (fleksjob, effektive timer)",
    "development courses": "udviklingsforløb",
    "fleksløntilskud": "fleksløntilskud",
    "state refusion on fleksløntilskud": "statslig refusion af fleksløntilskud",
    "benefit during the course": "ydelse under forløbet",
    "state refusion on the course benefit": "statslig refusion af ydelsen",
    "helper hours": "hjælpertimer",
    "skilled work done in the freed hours": "faglært arbejde i de frigjorte timer",
    "extra piece-rate (akkord)": "ekstra akkord",
    "in-house service": "in-house-ydelse",
    "parent's purchases": "moderselskabets køb",
    "sales to other customers": "salg til andre kunder",
    "grants": "tilskud",
    "other costs": "andre udgifter",
    "other costs (materials)": "andre udgifter (materialer)",
    "overhead on temp hours": "overhead på vikartimer",
    "municipal course payments": "kommunens betaling for forløb",
    "overhead per hour": "overhead pr. time",
    "course price per participant": "forløbspris pr. deltager",
    "fleksjob": "fleksjob",
    "course participant": "forløbsdeltager",
    "ordinary": "ordinært job",
    "apprentice": "elev",
    "småjob": "småjob",
    "løntilskud": "løntilskud",
    "DKK/hour": "kr./time",
    "DKK/month": "kr./md.",
    "DKK/year": "kr./år",
}

_PREFIXES_DA = {"salary: ": "løn: ", "wages (": "løn (", "service: ": "ydelse: "}


class Translator:
    """Labels and number formats for one output language."""

    def __init__(self, lang: Lang = "en") -> None:
        self.lang = lang

    def __call__(self, text: str) -> str:
        """The label in this language (unknown labels are kept as they are)."""
        if self.lang == "en":
            return text
        if text in _DA:
            return _DA[text]
        for prefix, danish in _PREFIXES_DA.items():
            if text.startswith(prefix):
                rest = text[len(prefix) :]
                return danish + _DA.get(rest.rstrip(")"), rest.rstrip(")")) + (")" if rest.endswith(")") else "")
        return text

    def number(self, value: Decimal, places: int = 2) -> str:
        """``432,900.00`` in English, ``432.900,00`` in Danish."""
        if self.lang == "en":
            return f"{value:,.{places}f}"
        from babel.numbers import format_decimal

        pattern = "#,##0." + "0" * places if places else "#,##0"
        return str(format_decimal(value, format=pattern, locale="da_DK"))

    def money(self, value: Decimal) -> str:
        """An amount in DKK: ``432,900.00`` in English, ``432.900,00 kr.`` in Danish.

        English tables state the unit in their headers.
        """
        if self.lang == "en":
            return f"{value:,.2f}"
        from babel.numbers import format_currency

        return str(format_currency(value, "DKK", locale="da_DK"))

    def percent(self, ratio: Decimal | None) -> str:
        """``92.25 %`` or ``92,25 %``."""
        if ratio is None:
            return "—"
        return f"{self.number(ratio * 100)} %"
