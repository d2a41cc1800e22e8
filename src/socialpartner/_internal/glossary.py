"""Words for a scenario's inputs: what each path means, and its coded values, in English and Danish.

The assumptions of a report and the workbook's inputs list every input by its path
(``workforce.0.employer``), which a script can match; a committee reads the words beside
it (*arbejdsstyrke, linje 1: arbejdsgiver*), and a coded value in its own language
(``social_enterprise`` is *SØV'en*). Review 61 M3: the Danish assumptions were keys and
English codes only.
"""

from __future__ import annotations

from typing import Literal

__all__ = ["BENEFIT_WORDS", "MODEL_WORDS", "danish_words", "input_label", "input_value"]

Lang = Literal["en", "da"]

# each field of a scenario (the last part of a path, or a block): (English, Danish)
_FIELDS: dict[str, tuple[str, str]] = {
    "address": ("address", "adresse"),
    "after": ("course length before a move", "forløbets varighed før overgang"),
    "agreement": ("zone of agreement", "forhandlingsrum"),
    "akkord_rate": (
        "craftsmen's extra piece-rate earnings per freed skilled hour",
        "håndværkernes ekstra akkordfortjeneste pr. frigjort faglært time",
    ),
    "alternative": ("the company's alternative", "virksomhedens alternativ"),
    "alternative_price": (
        "price per hour of the alternative (a temp agency)",
        "pris pr. time hos alternativet (vikarbureau)",
    ),
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
    "cost_per_hire": ("recruitment cost per new hire", "rekrutteringsudgift pr. nyansat"),
    "counterfactual": ("otherwise (without the deal)", "ellers (uden aftalen)"),
    "courses": ("courses", "forløb"),
    "cvr": ("CVR number", "CVR-nummer"),
    "cvr_registered": ("year of its own CVR number", "år for eget CVR-nummer"),
    "during_course": ("benefit during the course", "ydelse under forløbet"),
    "effective_hours": ("effective hours per person", "effektive timer pr. person"),
    "employer": ("employer", "arbejdsgiver"),
    "error_rate": ("error rate", "fejlprocent"),
    "fleksjob_hours": ("fleksjob hours per person", "timer pr. person i fleksjob"),
    "fleksjob_wage": (
        "hourly fleksjob wage incl. pension (the basis of the fleksløntilskud)",
        "timeløn i fleksjob inkl. pension (grundlag for fleksløntilskud)",
    ),
    "form": ("form of employment", "ansættelsesform"),
    "fte": ("FTE", "årsværk"),
    "grants": ("grants", "tilskud"),
    "headcount": ("headcount", "antal personer"),
    "helpers": ("helpers", "medhjælpere"),
    "horizon": ("horizon", "tidshorisont"),
    "hours": ("hours", "timer"),
    "inclusive_governance": ("inclusive governance", "inkluderende ledelse"),
    "independence_threshold": (
        "highest share of its sales to the parent before the SØV counts as dependent",
        "højeste andel af salget til moderselskabet, før SØV'en regnes som afhængig",
    ),
    "leave": ("share leaving the course for another benefit", "andel, der afgår fra forløbet til anden ydelse"),
    "leave_benefit": ("benefit of those leaving", "ydelse til dem, der afgår"),
    "market_price": ("market price", "markedspris"),
    "market_sum": ("market sum", "markedsbeløb"),
    "min_commercial_share": ("least commercial share", "mindste erhvervsmæssige andel"),
    "model": ("partnership model", "partnerskabsmodel"),
    "municipal_limit": (
        "the municipality's ceiling (the most it pays)",
        "kommunens beløbsloft (det højeste, den betaler)",
    ),
    "municipality": ("municipality", "kommune"),
    "name": ("name", "navn"),
    "nominal_discount_rate": ("nominal discount rate", "nominel diskonteringsrente"),
    "number_format": ("number format", "talformat"),
    "ordinary_wage": ("ordinary wage", "ordinær løn"),
    "other_costs": ("other costs", "andre udgifter"),
    "other_revenue": ("sales to other customers", "salg til andre kunder"),
    "overhead": ("overhead", "overhead"),
    "paid_hours": ("paid hours per person", "betalte timer pr. person"),
    "parameter": ("rate (parameter)", "sats (parameter)"),
    "parameters": ("parameter", "parameter"),
    "parent_purchases": (
        "the company's purchases (the parent's from the split)",
        "virksomhedens køb (moderselskabets fra udskillelsen)",
    ),
    "participants": ("participants", "deltagere"),
    "period": ("period evaluated (each year's, over several years)", "beregningsperiode (hvert års ved flere år)"),
    "price": ("price", "pris"),
    "price_growth": ("annual price growth", "årlig prisstigning"),
    "profit_for_social_purpose": ("profit used socially", "overskud bruges socialt"),
    "progression": ("progression", "progression"),
    "public": ("public purse", "offentlige kasser"),
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
    "turnover": ("staff turnover a year (the share replaced)", "personaleomsætning pr. år (andel, der udskiftes)"),
    "volume": ("volume", "mængde"),
    "wage_cost": ("wage cost", "lønomkostning"),
    "wage_growth": ("annual wage growth", "årlig lønstigning"),
    "weeks_on_support": (
        "the citizens' weeks on public support before the start (sets the refusion rate)",
        "borgernes uger på offentlig forsørgelse før start (bestemmer refusionssatsen)",
    ),
    "workers": ("workers", "medarbejdere"),
    "workforce": ("workforce", "arbejdsstyrke"),
    "workplace": ("workplace", "arbejdssted"),
    "year": ("year", "år"),
    "years": ("year", "år"),
}

# words for an input where its field's own would mislead, by its path without line numbers
_PATHS: dict[str, tuple[str, str]] = {
    "courses.price": ("price per participant", "pris pr. deltager"),
    "courses.participants": ("course participants", "forløbsdeltagere"),
    "temp_hours.effective_hours": ("effective hours per worker", "effektive timer pr. medarbejder"),
    "temp_hours.workers": ("number of fleksjob workers", "antal fleksjobansatte"),
    "temp_hours.wage_cost": ("wage cost per hour", "lønomkostning pr. time"),
    "temp_hours.overhead": ("overhead per hour", "overhead pr. time"),
    "price": ("the SØV's price per hour", "SØV'ens pris pr. time"),
    "years.year": ("calendar year", "kalenderår"),
}
# a list whose lines are posts rather than lines of people
_POSTS = frozenset({"support_staff", "supervision"})
_POST = ("{word}, post {n}", "{word}, stilling {n}")

# a list's item is named by its number from 1: ``workforce.0`` is line 1, a spin-off's ``years.2`` is
# year 3, a horizon's ``changes.0`` is change 1
_ITEM: dict[str, tuple[str, str]] = {
    "years": ("year {n}", "år {n}"),
    "changes": ("change {n}", "ændring {n}"),
}
_LINE = ("{word}, line {n}", "{word}, linje {n}")
# a field read on its own that names a list elsewhere: a horizon's ``years`` is a count
_COUNT: dict[str, tuple[str, str]] = {"years": ("number of years", "antal år")}

# the five partnership models' names, as a report's heading gives them: (English, Danish)
MODEL_WORDS: dict[str, tuple[str, str]] = {
    "shared_responsibility": ("Shared social responsibility", "Fælles socialt ansvar"),
    "supplier": ("Supplier", "Leverandør"),
    "labour_shortage": ("Help with labour shortage", "Hjælp til mangel på arbejdskraft"),
    "in_house": ("In-house", "In-house (SØV'en hos virksomheden)"),
    "spin_off": ("Spin-off", "Afknopning"),
}


def _lower(name: str) -> str:
    """A heading's name inside a sentence or a table: its first letter small."""
    return name[:1].lower() + name[1:]


# the benefits a counterfactual names by parameter, in words: (English, Danish)
BENEFIT_WORDS: dict[str, tuple[str, str]] = {
    "benefit.ledighedsydelse": ("ledighedsydelse", "ledighedsydelse"),
    "benefit.kontanthjaelp.forhoejet_sats": ("kontanthjælp, forhøjet sats", "kontanthjælp (forhøjet sats)"),
    "benefit.kontanthjaelp_forsoerger": (
        "kontanthjælp before 1 July 2025, forsørger",
        "kontanthjælp før 1. juli 2025, forsørger",
    ),
    "benefit.kontanthjaelp_ikke_forsoerger": (
        "kontanthjælp before 1 July 2025, ikke-forsørger",
        "kontanthjælp før 1. juli 2025, ikke-forsørger",
    ),
    "benefit.dagpenge_max": ("dagpenge at the highest rate", "dagpenge (højeste sats)"),
    "benefit.sygedagpenge_max": ("sygedagpenge, the highest amount", "sygedagpenge (højeste beløb)"),
    "benefit.foertidspension_enlig": ("førtidspension, single", "førtidspension (enlig)"),
    "benefit.foertidspension_gift": (
        "førtidspension, married or cohabiting",
        "førtidspension (gift eller samlevende)",
    ),
    "benefit.ressourceforloebsydelse_forsoerger": (
        "ressourceforløbsydelse, forsørger",
        "ressourceforløbsydelse, forsørger",
    ),
    "benefit.ressourceforloebsydelse_ikke_forsoerger": (
        "ressourceforløbsydelse, ikke-forsørger",
        "ressourceforløbsydelse, ikke-forsørger",
    ),
}

# coded values, by the field that holds them: (English, Danish)
_VALUES: dict[str, dict[str, tuple[str, str]]] = {
    "model": {code: (_lower(en), _lower(da)) for code, (en, da) in MODEL_WORDS.items()},
    "employer": {"social_enterprise": ("the SØV", "SØV'en"), "company": ("the company", "virksomheden")},
    "workplace": {"social_enterprise": ("the SØV", "SØV'en"), "company": ("the company", "virksomheden")},
    "form": {
        "ordinary": ("ordinary job", "ordinært job"),
        "apprentice": ("apprentice", "elev"),
        "course participant": ("course participant", "forløbsdeltager"),
    },
    # a benefit named by its parameter: in words, with the name a scenario writes
    "parameter": BENEFIT_WORDS,
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
        if k == len(parts) - 1:  # the input itself: its path's own words where its field's would mislead
            word = _PATHS.get(_generic(parts), (word, word))[i]
        if k + 1 < len(parts) and parts[k + 1].isdigit():
            n = int(parts[k + 1]) + 1
            line = _POST if part in _POSTS else _LINE
            word = _ITEM[part][i].format(n=n) if part in _ITEM else line[i].format(word=word, n=n)
            k += 1
        elif part in _COUNT:
            word = _COUNT[part][i]
        words.append(word)
        k += 1
    return ": ".join(words)


def _generic(parts: list[str]) -> str:
    """A path without its line numbers, and a horizon change's input as the input itself."""
    generic = ".".join(p for p in parts if not p.isdigit())
    return generic.split(".set.", 1)[1] if generic.startswith("horizon.changes.set.") else generic


def input_value(path: str, text: str, lang: Lang) -> str | None:
    """A coded value in words (``social_enterprise`` as *SØV'en*), or None where the value is not a code."""
    field = path.rsplit(".", 1)[-1]
    found = _VALUES.get(field, {}).get(text)
    if found is None:
        return None
    words = found[0 if lang == "en" else 1]
    return f"{words} ({text})" if field == "parameter" else words  # the name a scenario writes, kept


def danish_words(field: str) -> frozenset[str]:
    """The Danish words for a field, as a user might write them as its key (``year``: *år*), case folded."""
    words = _FIELDS.get(field)
    if words is None:
        return frozenset()
    found = {words[1].casefold()}
    if field in _COUNT:
        found.add(_COUNT[field][1].casefold())
    return frozenset(found)
