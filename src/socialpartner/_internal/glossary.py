"""Words for a scenario's inputs: what each path means, and its coded values, in English and Danish.

The assumptions of a report and the workbook's inputs list every input by its path
(``workforce.0.employer``), which a script can match; a committee reads the words beside
it (*arbejdsstyrke, linje 1: arbejdsgiver*), and a coded value in its own language
(``social_enterprise`` is *SØV'en*). Review 61 M3: the Danish assumptions were keys and
English codes only.
"""

from __future__ import annotations

from typing import Literal

__all__ = ["danish_words", "input_label", "input_value"]

Lang = Literal["en", "da"]

# each field of a scenario (the last part of a path, or a block): (English, Danish)
_FIELDS: dict[str, tuple[str, str]] = {
    "address": ("address", "adresse"),
    "after": ("months on the course before a move", "tid på forløbet før et skift"),
    "agreement": ("zone of agreement", "forhandlingsrum"),
    "akkord_rate": ("akkord rate", "akkordsats"),
    "alternative": ("the company's alternative", "virksomhedens alternativ"),
    "alternative_price": ("price of the alternative", "alternativets pris"),
    "amount": ("amount", "beløb"),
    "annual_cost": ("annual cost", "årlig udgift"),
    "basis": ("basis", "grundlag"),
    "changes": ("change", "ændring"),
    "code": ("municipality code", "kommunekode"),
    "company": ("company", "virksomhed"),
    "company_supervision": ("the company's own supervision", "virksomhedens egen arbejdsledelse"),
    "comparison": ("comparison group", "sammenligningsgruppe"),
    "contract_sum": ("contract sum", "kontraktsum"),
    "cost_per_error": ("cost per error", "udgift pr. fejl"),
    "cost_per_fte": ("cost per FTE", "udgift pr. årsværk"),
    "cost_per_hire": ("cost per hire", "udgift pr. ansættelse"),
    "counterfactual": ("otherwise (without the deal)", "ellers (uden aftalen)"),
    "courses": ("courses", "forløb"),
    "cvr": ("CVR number", "CVR-nummer"),
    "cvr_registered": ("year of its own CVR number", "år for eget CVR-nummer"),
    "during_course": ("benefit during the course", "ydelse under forløbet"),
    "effective_hours": ("effective hours", "effektive timer"),
    "employer": ("employer", "arbejdsgiver"),
    "error_rate": ("error rate", "fejlrate"),
    "fleksjob_hours": ("fleksjob hours", "timer i fleksjob"),
    "fleksjob_wage": ("fleksjob wage", "løn i fleksjob"),
    "form": ("form of employment", "ansættelsesform"),
    "fte": ("FTE", "årsværk"),
    "grants": ("grants", "tilskud"),
    "headcount": ("headcount", "antal personer"),
    "helpers": ("helpers", "medhjælpere"),
    "horizon": ("horizon", "tidshorisont"),
    "hours": ("hours", "timer"),
    "inclusive_governance": ("inclusive governance", "inkluderende ledelse"),
    "independence_threshold": ("independence threshold", "grænse for uafhængighed"),
    "leave": ("share leaving", "andel, der forlader"),
    "leave_benefit": ("benefit of those leaving", "ydelse til dem, der forlader"),
    "market_price": ("market price", "markedspris"),
    "market_sum": ("market sum", "markedsbeløb"),
    "min_commercial_share": ("least commercial share", "mindste kommercielle andel"),
    "model": ("partnership model", "partnerskabsmodel"),
    "municipal_limit": ("the municipality's limit", "kommunens grænse"),
    "municipality": ("municipality", "kommune"),
    "name": ("name", "navn"),
    "nominal_discount_rate": ("nominal discount rate", "nominel diskonteringsrente"),
    "number_format": ("number format", "talformat"),
    "ordinary_wage": ("ordinary wage", "ordinær løn"),
    "other_costs": ("other costs", "andre udgifter"),
    "other_revenue": ("sales to other customers", "salg til andre kunder"),
    "overhead": ("overhead", "overhead"),
    "paid_hours": ("paid hours", "betalte timer"),
    "parameter": ("rate (parameter)", "sats (parameter)"),
    "parameters": ("parameter", "parameter"),
    "parent_purchases": ("the parent's purchases", "moderselskabets køb"),
    "participants": ("participants", "deltagere"),
    "period": ("period", "periode"),
    "price": ("price", "pris"),
    "price_growth": ("price growth", "prisstigning"),
    "profit_for_social_purpose": ("profit used socially", "overskud bruges socialt"),
    "progression": ("progression", "progression"),
    "public": ("public purse", "offentlig økonomi"),
    "public_authority_control": ("controlled by a public authority", "kontrolleret af en offentlig myndighed"),
    "role": ("role", "funktion"),
    "rsv": ("RSV registration", "RSV-registrering"),
    "self_supported_weeks": ("weeks self-supported", "uger selvforsørget"),
    "services": ("service", "ydelse"),
    "site": ("site", "arbejdssted"),
    "skilled_hour_value": ("value of a skilled hour", "værdi af en faglært time"),
    "skilled_hours_freed": ("skilled hours freed per helper hour", "frigjorte faglærte timer pr. medhjælpertime"),
    "social_enterprise": ("social-economy enterprise (SØV)", "socialøkonomisk virksomhed (SØV)"),
    "social_purpose": ("social purpose", "socialt formål"),
    "soev_margin": ("the SØV's margin", "SØV'ens margin"),
    "soev_minimum": ("the SØV's minimum", "SØV'ens minimum"),
    "split_year": ("year of the split", "år for udskillelsen"),
    "staff": ("staff", "ansatte"),
    "start_year": ("first year", "første år"),
    "supervision": ("supervision", "arbejdsledelse"),
    "support_staff": ("support staff", "støttepersonale"),
    "tax": ("tax counted", "skat medregnet"),
    "taxable_share_of_wage_cost": ("taxable share of the wage cost", "skattepligtig andel af lønomkostningen"),
    "temp_hours": ("temp hours", "vikartimer"),
    "to_fleksjob": ("share moving into fleksjob", "andel, der går i fleksjob"),
    "to_ordinary": ("share moving into ordinary jobs", "andel, der går i ordinært job"),
    "tolerance": ("tolerance", "tolerance"),
    "turnover": ("staff turnover", "personaleomsætning"),
    "volume": ("volume", "mængde"),
    "wage_cost": ("wage cost", "lønomkostning"),
    "wage_growth": ("wage growth", "lønstigning"),
    "weeks_on_support": ("weeks on support", "uger på offentlig forsørgelse"),
    "workers": ("workers", "medarbejdere"),
    "workforce": ("workforce", "arbejdsstyrke"),
    "workplace": ("workplace", "arbejdssted"),
    "year": ("year", "år"),
    "years": ("year", "år"),
}

# a list's item is named by its number from 1: ``workforce.0`` is line 1, a spin-off's ``years.2`` is
# year 3, a horizon's ``changes.0`` is change 1
_ITEM: dict[str, tuple[str, str]] = {
    "years": ("year {n}", "år {n}"),
    "changes": ("change {n}", "ændring {n}"),
}
_LINE = ("{word}, line {n}", "{word}, linje {n}")
# a field read on its own that names a list elsewhere: a horizon's ``years`` is a count
_COUNT: dict[str, tuple[str, str]] = {"years": ("number of years", "antal år")}

# coded values, by the field that holds them: (English, Danish)
_VALUES: dict[str, dict[str, tuple[str, str]]] = {
    "model": {
        "shared_responsibility": ("shared social responsibility", "fælles socialt ansvar"),
        "supplier": ("supplier", "leverandør"),
        "labour_shortage": ("help with labour shortage", "hjælp til mangel på arbejdskraft"),
        "in_house": ("in-house", "in-house"),
        "spin_off": ("spin-off", "afknopning"),
    },
    "employer": {"social_enterprise": ("the SØV", "SØV'en"), "company": ("the company", "virksomheden")},
    "workplace": {"social_enterprise": ("the SØV", "SØV'en"), "company": ("the company", "virksomheden")},
    "form": {
        "ordinary": ("ordinary job", "ordinært job"),
        "apprentice": ("apprentice", "elev"),
        "course participant": ("course participant", "forløbsdeltager"),
    },
    "basis": {
        "present_value": ("present value", "nutidsværdi"),
        "per_year": ("each year", "hvert år"),
    },
}


def input_label(path: str, lang: Lang) -> str:
    """Words for the input at ``path``: ``workforce.0.wage_cost`` is *workforce, line 1: wage cost*.

    A part the glossary does not know (a counterfactual's group, a parameter's name, a
    name the scenario gives) is kept as written.
    """
    i = 0 if lang == "en" else 1
    parts = path.split(".")
    words: list[str] = []
    k = 0
    while k < len(parts):
        part = parts[k]
        if part == "parameters" and k + 1 < len(parts):  # a parameter's name is dotted: the rest is the name
            words.append(f"{_FIELDS[part][i]} {'.'.join(parts[k + 1 :])}")
            break
        if part == "set":  # a change's inputs: "change 1: temp hours: workers"
            k += 1
            continue
        # a placement form names a group (``public.counterfactual.course participant``): in words too
        word = _FIELDS[part][i] if part in _FIELDS else _VALUES["form"].get(part, (part, part))[i]
        if k + 1 < len(parts) and parts[k + 1].isdigit():
            n = int(parts[k + 1]) + 1
            word = _ITEM[part][i].format(n=n) if part in _ITEM else _LINE[i].format(word=word, n=n)
            k += 1
        elif part in _COUNT:
            word = _COUNT[part][i]
        words.append(word)
        k += 1
    return ": ".join(words)


def input_value(path: str, text: str, lang: Lang) -> str | None:
    """A coded value in words (``social_enterprise`` as *SØV'en*), or None where the value is not a code."""
    field = path.rsplit(".", 1)[-1]
    found = _VALUES.get(field, {}).get(text)
    return None if found is None else found[0 if lang == "en" else 1]


def danish_words(field: str) -> frozenset[str]:
    """The Danish words for a field, as a user might write them as its key (``year``: *år*), case folded."""
    words = _FIELDS.get(field)
    if words is None:
        return frozenset()
    found = {words[1].casefold()}
    if field in _COUNT:
        found.add(_COUNT[field][1].casefold())
    return frozenset(found)
