"""Output labels, sentences and number formats in English and Danish (babel for the formats).

One table, :data:`TEXT`, keyed by stable keys (``ui.*`` for the views' own words,
``term.*`` for the models' fixed phrases, ``figure.KEY`` and ``figure.KEY.note`` for a
figure's label and note, ``msg.*`` for sentences with values). A model's sentence with
values is a :class:`Text`: a ``str`` that reads as its English rendering, and carries its
key and values so a :class:`Translator` renders it again in Danish, numbers included.

Danish terms follow the domain's vocabulary (fleksjob, socialpædagog, vikartimer,
kommune, årsværk…). Amounts are rounded to øre by the library's rule before babel formats
them (babel itself rounds half to even).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Context, Decimal
from typing import Any, Literal

from socialpartner._internal.glossary import BENEFIT_WORDS, MODEL_WORDS
from socialpartner.errors import ArgumentTypeError, SocialPartnerError
from socialpartner.money import percent_places

Lang = Literal["en", "da"]

TEXT: dict[str, tuple[str, str]] = {
    # the company's alternative (zone of agreement)
    "term.sr_alternative_cost": (
        "company's cost of the same hours at its alternative price",
        "virksomhedens udgift til de samme timer til dens alternative pris",
    ),
    "term.sr_alternative_cost.note": (
        "alternative price × hours (workers × effective hours × period)",
        "alternativ pris × timer (medarbejdere × effektive timer × periode)",
    ),
    "term.sr_saving": (
        "company's saving against its alternative",
        "virksomhedens besparelse i forhold til alternativet",
    ),
    "term.sr_saving.note": (
        "alternative cost − (wage cost + overhead) of the temp hours",
        "alternativ udgift − (lønudgift + overhead) for vikartimerne",
    ),
    "term.sr_max_overhead": (
        "highest overhead per hour at which the company still saves",
        "højeste overhead pr. time, hvor virksomheden stadig sparer",
    ),
    "term.sr_max_overhead.note": (
        "alternative price − wage cost, rounded down to the øre",
        "alternativ pris − lønudgift, rundet ned til øre",
    ),
    "term.sr_max_overhead_percent": (
        "highest overhead, as a percentage of the wage cost, at which the company still saves",
        "højeste overhead i procent af lønudgiften, hvor virksomheden stadig sparer",
    ),
    "term.sr_max_overhead_percent.note": (
        "(alternative price − wage cost) / wage cost, rounded down to 0.01 %",
        "(alternativ pris − lønudgift) / lønudgift, rundet ned til 0,01 %",
    ),
    "msg.alternative_vs_temp": (
        "alternative {alternative}, temp hours {cost}",
        "alternativ {alternative}, vikartimer {cost}",
    ),
    "term.market_cost": (
        "company's cost of the same services at market prices",
        "virksomhedens udgift til de samme ydelser til markedspris",
    ),
    "term.market_cost.note": (
        "Σ market price × hours (or market sum) × period, over the services with a market price",
        "Σ markedspris × timer (eller markedsbeløb) × periode, for ydelserne med en markedspris",
    ),
    "term.market_saving": (
        "company's saving against market prices",
        "virksomhedens besparelse i forhold til markedspris",
    ),
    "term.market_saving.note": (
        "market cost − what the company pays for those services",
        "udgift til markedspris − hvad virksomheden betaler for de ydelser",
    ),
    # socialpartner test
    "test.nothing": (
        "no expect: block, nothing to check (socialpartner pin {file} writes one)",
        "ingen expect:-blok, intet at kontrollere (socialpartner pin {file} skriver en)",
    ),
    "test.expected": ("expected", "forventet"),
    "test.actual": ("actual", "faktisk"),
    "test.difference": ("difference", "forskel"),
    "test.tolerance": ("tolerance", "tolerance"),
    "test.no_value": ("no value", "ingen værdi"),
    "test.passed": ("passed", "bestået"),
    "test.failed": ("failed", "fejlet"),
    "test.error": ("error", "fejl"),
    "test.errors": ("errors", "fejl"),
    # the views' own words
    "ui.who_pays_whom": ("Who pays whom", "Hvem betaler hvem"),
    "ui.payer": ("Payer", "Betaler"),
    "ui.payee": ("Payee", "Modtager"),
    "ui.purpose": ("Purpose", "Formål"),
    "ui.amount_dkk": ("Amount (DKK)", "Beløb (kr.)"),
    "ui.balance_per_party": ("Balance per party", "Saldo pr. part"),
    "ui.party": ("Party", "Part"),
    "ui.receives": ("Receives", "Modtaget"),
    "ui.pays": ("Pays", "Betalt"),
    "ui.net": ("Net", "Netto"),
    "ui.sum_of_nets": ("sum of nets", "I alt (netto)"),
    "ui.cost_and_cover": ("Support-staff cost and what covers it", "Udgift til støttepersonale og hvad der dækker den"),
    "ui.dkk": ("DKK", "kr."),
    "ui.share_of_cost": ("Share of cost", "Andel af udgiften"),
    "ui.support_cost": ("Support-staff cost", "Udgift til støttepersonale"),
    "ui.covered_by": ("covered by", "dækket af"),
    "ui.less": ("less", "fratrukket"),
    "ui.uncovered": ("uncovered", "udækket"),
    "ui.coverage": ("Coverage", "Dækningsprocent"),
    "ui.surplus": ("Surplus", "Overskud"),
    "ui.shortfall": ("Shortfall", "Underskud"),
    "ui.result": ("Surplus", "Resultat"),
    "ui.break_even_title": (
        "Break-even (each price alone, the rest as given)",
        "Nulpunktspris (én pris ad gangen, resten som angivet)",
    ),
    "ui.break_even_title_prices": (
        "Break-even in the prices of {year} (each price alone, the rest as given)",
        "Nulpunktspris i priserne for {year} (én pris ad gangen, resten som angivet)",
    ),
    "ui.break_even_own_prices": (
        "Each year's break-even is in that year's prices: the prices as stated, grown by the horizon's growth.",
        "Hvert års nulpunktspris er i årets egne priser: priserne som angivet, fremskrevet med horisontens vækst.",
    ),
    "ui.price": ("Price", "Pris"),
    "ui.break_even": ("Break-even", "Nulpunktspris"),
    "ui.note": ("Note", "Bemærkning"),
    "ui.covered_at_zero": ("covered even at zero", "dækket selv ved nul"),
    "ui.no_volume": ("no volume: this price cannot cover the cost", "ingen mængde: prisen kan ikke dække udgiften"),
    "msg.break_even_covers": (
        "rounded to just below the cost; {price} covers",
        "afrundet til lige under udgiften; {price} dækker",
    ),
    "msg.break_even_percent_covers": (
        "the price covers; the percentage is rounded to just below the cost, {percent} covers",
        "prisen dækker; procentsatsen er afrundet til lige under udgiften, {percent} dækker",
    ),
    "msg.break_even_price_covers": (
        "the percentage covers; the price is rounded to just below the cost, {price} covers",
        "procentsatsen dækker; prisen er afrundet til lige under udgiften, {price} dækker",
    ),
    "ui.people_placed": ("People placed", "Placerede personer"),
    "ui.form": ("Form", "Form"),
    "ui.headcount": ("Headcount", "Antal"),
    "ui.hours_week": ("Hours/week (line)", "Timer/uge (linjen)"),  # the line's hours, all its people
    "ui.fte": ("FTE", "Årsværk"),
    "ui.employer": ("Employer", "Arbejdsgiver"),
    "ui.workplace": ("Workplace", "Arbejdssted"),
    "ui.not_a_job": ("(not a job)", "(ikke et job)"),
    "ui.key_figures": ("Key figures", "Nøgletal"),
    "ui.figure": ("Figure", "Nøgletal"),
    "ui.value": ("Value", "Værdi"),
    "ui.checks": ("Checks", "Kontrolpunkter"),
    "ui.criterion": ("Criterion", "Kriterium"),
    "ui.status": ("Status", "Status"),
    "ui.why": ("Why", "Begrundelse"),
    "ui.met": ("met", "opfyldt"),
    "ui.not_met": ("not met", "ikke opfyldt"),
    "ui.unknown": ("unknown", "ukendt"),
    "ui.parameters_used": ("Parameters used", "Anvendte parametre"),
    "ui.parameter": ("Parameter", "Parameter"),
    "ui.year": ("Year", "År"),
    "ui.tag": ("Tag", "Kildetype"),
    "ui.source": ("Source", "Kilde"),
    "ui.for_year": ("for {year}", "for {year}"),
    "ui.year_by_year": ("Year by year", "År for år"),
    "ui.key_figures_by_year": ("Key figures year by year", "Nøgletal år for år"),
    "xlsx.is_job": ("job (1) or not (0)", "job (1) eller ej (0)"),
    "ui.cost": ("Support cost", "Udgift til støttepersonale"),
    # the year-by-year table's headers: short words, so seven columns of millions fit 80 characters
    "ui.cost_short": ("Support cost", "Udgift til støttepersonale"),
    "ui.coverage_short": ("Coverage", "Dækningsprocent"),
    "ui.funding": ("Funding", "Finansiering"),
    "ui.total_funding": ("total funding", "finansiering i alt"),
    "ui.caveat": ("caveat", "forbehold"),
    "ui.see_parameters_used": ("see the parameters used", "se anvendte parametre"),
    "ui.netted_costs": ("costs netted against funding", "modregnede udgifter"),
    "ui.net_funding": ("net funding", "nettofinansiering"),
    "ui.jobs": ("Jobs", "Job"),
    "ui.jobs_total": ("all jobs", "alle job"),
    "ui.inclusive_jobs_total": ("inclusive jobs", "inkluderende job"),
    "ui.inclusive_fte": ("inclusive FTE", "inkluderende årsværk"),
    "xlsx.is_inclusive": ("inclusive (1) or not (0)", "inkluderende (1) eller ej (0)"),
    "ui.inclusive_by_year": (
        "inclusive jobs (ordinary posts left out): {years}",
        "inkluderende job (uden ordinære): {years}",
    ),
    "ui.inclusive_year": ("{year}: {jobs} ({fte} FTE)", "{year}: {jobs} ({fte} årsværk)"),
    "ui.jobs_in": ("Jobs in {year} (last year)", "Job i {year} (sidste år)"),
    "ui.all_customers": ("at the SØV, all its customers", "i SØV'en, alle dens kunder"),
    "ui.all_years": ("All years", "Alle år"),
    "ui.of_which_inclusive": ("{count} inclusive", "{count} inkluderende"),
    "ui.all_inclusive": ("all inclusive", "alle inkluderende"),
    "ui.of_which_inclusive_fte": (
        "of which {count} inclusive, {fte} FTE",
        "heraf {count} inkluderende, {fte} årsværk",
    ),
    "ui.net_by_year": ("Net per party, year by year", "Netto pr. part, år for år"),
    "ui.public_net_by_year": (
        "Public purse: net effect year by year (otherwise − with; + saving, − extra cost)",
        "Offentlige kasser: nettovirkning år for år (ellers − med; + besparelse, − merudgift)",
    ),
    "ui.period": ("period", "periode"),
    "ui.public_title": (
        "Public purse ({year} parameters; average refusion {rate}, by group below)",
        "Offentlige kasser ({year}-parametre; gennemsnitlig refusion {rate}, pr. gruppe nedenfor)",
    ),
    "ui.rates_in_kroner": ("{first} rates in kroner", "{first}-satser i kroner"),
    "ui.public_title_constant": (
        "Public purse ({year} rules, {first} rates in kroner; average refusion {rate}, by group below)",
        "Offentlige kasser ({year}-regler, {first}-satser i kroner; gennemsnitlig refusion {rate}, pr. gruppe "
        "nedenfor)",
    ),
    "ui.item": ("Item", "Post"),
    "ui.public_purse": ("Public purse", "Offentlige kasser"),
    "ui.with": ("With the partnership", "Med partnerskabet"),
    "ui.otherwise": ("Otherwise", "Ellers"),
    "ui.saving": ("saving", "besparelse"),
    "ui.extra_cost": ("extra cost", "merudgift"),
    "ui.net_effect": (
        "net effect (otherwise − with; + saving, − extra cost)",
        "nettovirkning (ellers − med; + besparelse, − merudgift)",
    ),
    "ui.counterfactual": ("counterfactual", "ellers"),
    "ui.assumption": ("assumption", "antagelse"),
    "ui.refusion": ("refusion", "refusion"),
    "ui.net_effect_before_tax": ("net effect before tax", "nettovirkning før skat"),
    "ui.net_effect_after_tax": (
        "net effect after tax (otherwise − with; + saving, − extra cost)",
        "nettovirkning efter skat (ellers − med; + besparelse, − merudgift)",
    ),
    "ui.municipality": ("municipality", "kommunen"),
    "ui.state": ("state", "staten"),
    "tag.sourced": ("sourced", "med kilde"),
    "tag.derived": ("derived", "afledt"),
    "tag.estimate": ("estimate", "skøn"),
    "tag.override": ("override", "angivet i scenariet"),
    # the command line
    "cli.solve_gives": (
        "  gives {result} = {achieved} (target {target}; now {now})",
        "  giver {result} = {achieved} (mål {target}; nu {now})",
    ),
    "cli.solve_found": ("  found by {method} in {count} evaluations", "  fundet ved {method} i {count} beregninger"),
    "cli.solve_found_one": ("  found by {method} in 1 evaluation", "  fundet ved {method} i 1 beregning"),
    "cli.sweep_head": (
        "{count} variants ({mode}; values in each input's own unit)",
        "{count} varianter ({mode}; værdier i hvert inputs egen enhed)",
    ),
    "cli.sweep_head_one": (
        "1 variant ({mode}; values in each input's own unit)",
        "1 variant ({mode}; værdier i hvert inputs egen enhed)",
    ),
    "cli.method.grid": ("grid", "trinvis søgning"),
    "cli.method.whole numbers": ("whole numbers", "søgning i hele tal"),
    "cli.paired": ("paired", "parvis"),
    "cli.grid": ("every combination", "alle kombinationer"),
    "cli.sweep_title": ("Results over the variants", "Resultater over varianterne"),
    "cli.result": ("Result", "Resultat"),
    "cli.mean": ("Mean", "Gennemsnit"),
    "cli.p5": ("5 %", "5 %"),
    "cli.median": ("Median", "Median"),
    "cli.p95": ("95 %", "95 %"),
    "cli.min": ("Lowest", "Lavest"),
    "cli.max": ("Highest", "Højest"),
    "cli.sweep_covered": (
        "Support staff covered in {share} % of the variants",
        "Støttepersonalet er dækket i {share} % af varianterne",
    ),
    "cli.sweep_covered_total": (
        "Support staff covered over {years} in total in {share} % of the variants (not necessarily every year)",
        "Støttepersonalet er dækket samlet over {years} i {share} % af varianterne (ikke nødvendigvis hvert år)",
    ),
    "cli.sweep_wrote": ("Wrote {count} rows to {path}", "Skrev {count} rækker til {path}"),
    "cli.sweep_wrote_one": ("Wrote 1 row to {path}", "Skrev 1 række til {path}"),
    "cli.wrote": ("Wrote {path}", "Skrev {path}"),
    "cli.inputs_differ": ("Inputs that differ", "Input, der er forskellige"),
    "cli.inputs_same": ("The inputs are the same.", "Input er de samme."),
    "cli.compare_models": (
        "A and B are different models ({a}; {b}): the models book different flows (a company's saving is "
        "against its own alternative{labour}), so a party's net or a figure of the same name need not be like "
        "for like; a result only one side has (— on the other) is one the other model does not compute, not a "
        "zero (the CSR account is the supplier model's)",
        "A og B er forskellige modeller ({a}; {b}): modellerne bogfører forskellige pengestrømme (en besparelse "
        "er i forhold til virksomhedens eget alternativ{labour}), så en parts netto eller et tal med samme navn "
        "er ikke nødvendigvis sammenligneligt; et resultat, kun den ene side har (— på den anden), beregner den "
        "anden model ikke, det er ikke et nul (CSR-regnskabet er leverandørmodellens)",
    ),
    "cli.compare_models_labour": (
        "; a labour-shortage company's net includes what its own customers pay it",
        "; en virksomheds netto i arbejdskraftmangel-modellen rummer, hvad dens egne kunder betaler",
    ),
    "cli.compare_public": (
        "only {side} has a public: block: its ledger holds the public purse's payments (fleksløntilskud, "
        "benefits, refusion), so the parties' nets differ by them too, not only by the deal",
        "kun {side} har en public:-blok: dens posteringer rummer de offentlige betalinger (fleksløntilskud, "
        "ydelser, refusion), så parternes netto afviger også på grund af dem, ikke kun aftalen",
    ),
    "cli.compare_periods": (
        "A covers {a} and B covers {b}: totals over different periods differ by their length, "
        "not only by the deal; compare the same periods (a year of B's breakdown, or the same horizon)",
        "A dækker {a} og B dækker {b}: totaler over forskellige perioder afviger på grund af længden, "
        "ikke kun aftalen; sammenlign de samme perioder (et år af B's opdeling eller samme horisont)",
    ),
    "cli.input": ("Input", "Input"),
    "cli.results": ("Results", "Resultater"),
    "cli.pp": ("percentage points", "procentpoint"),
    "cli.net_of": ("net: {name}", "netto: {name}"),
    "cli.break_even_of": ("break-even {label} ({unit})", "nulpunktspris {label} ({unit})"),
    "cli.public_of": ("net effect: {payer}", "nettovirkning: {payer}"),
    "cli.public_after_tax_of": ("net effect after tax: {payer}", "nettovirkning efter skat: {payer}"),
    "cli.public_before_tax_of": ("net effect before tax: {payer}", "nettovirkning før skat: {payer}"),
    "cli.coverage": ("coverage", "dækningsprocent"),
    "cli.surplus": ("surplus", "overskud"),  # as the tables name it (ui.surplus)
    # compare shows the signed surplus beside the shortfall: a bare "overskud -37.200,00" read as a
    # contradiction of "underskud 37.200,00" (review 61 L4)
    "cli.surplus_signed": ("surplus (negative: shortfall)", "overskud (negativt: underskud)"),
    # results a party's condition in the zone of agreement reads (agree --lang da)
    "cli.company_saving": ("company_saving", "virksomhedens besparelse"),
    "cli.company_net_gain": ("company_net_gain", "virksomhedens nettogevinst"),
    "cli.net.municipality": ("net.municipality", "kommunens nettobeløb"),
    "cli.net.social_enterprise": ("net.social_enterprise", "SØV'ens nettobeløb"),
    "cli.net.company": ("net.company", "virksomhedens nettobeløb"),
    # every other party's net, as a sweep's summary names it (the keys in English, as the CSV has them)
    "cli.net.workers": ("net.workers", "medarbejdernes nettobeløb"),
    "cli.net.support_staff": ("net.support_staff", "støttepersonalets nettobeløb"),
    "cli.net.state": ("net.state", "statens nettobeløb"),
    "cli.net.participants": ("net.participants", "forløbsdeltagernes nettobeløb"),
    "cli.net.customers": ("net.customers", "kundernes nettobeløb"),
    "cli.net.craftsmen": ("net.craftsmen", "håndværkernes nettobeløb"),
    "cli.net.suppliers": ("net.suppliers", "leverandørernes nettobeløb"),
    "cli.net.other_customers": ("net.other_customers", "de andre kunders nettobeløb"),
    "cli.net.public_grants": ("net.public_grants", "tilskudsgivernes nettobeløb"),
    "cli.public.municipality": ("public.municipality", "nettovirkning for kommunen"),
    "cli.public.state": ("public.state", "nettovirkning for staten"),
    # with tax counted (review 51 F5: the before-tax results were shown by their English key in Danish)
    "cli.public.municipality.before_tax": ("public.municipality.before_tax", "nettovirkning før skat for kommunen"),
    "cli.public.state.before_tax": ("public.state.before_tax", "nettovirkning før skat for staten"),
    "cli.npv.public.municipality": ("npv.public.municipality", "nutidsværdi af nettovirkningen for kommunen"),
    "cli.npv.public.state": ("npv.public.state", "nutidsværdi af nettovirkningen for staten"),
    "cli.shortfall": ("shortfall", "underskud"),
    "cli.cost": ("support-staff cost", "udgift til støttepersonale"),
    "cli.funding": ("funding", "finansiering"),
    "cli.jobs": ("jobs (headcount)", "job (antal)"),
    "cli.fte": ("jobs (FTE)", "job (årsværk)"),
    "cli.jobs_in": ("jobs in {year} (headcount)", "job i {year} (antal)"),
    "cli.fte_in": ("jobs in {year} (FTE)", "job i {year} (årsværk)"),
    "cli.inclusive_jobs": (
        "inclusive jobs (headcount, ordinary posts left out)",
        "inkluderende job (antal, uden ordinære)",
    ),
    "cli.inclusive_fte": ("inclusive jobs (FTE, ordinary posts left out)", "inkluderende job (årsværk, uden ordinære)"),
    "cli.inclusive_jobs_in": (
        "inclusive jobs in {year} (headcount, ordinary posts left out)",
        "inkluderende job i {year} (antal, uden ordinære)",
    ),
    "cli.inclusive_fte_in": (
        "inclusive jobs in {year} (FTE, ordinary posts left out)",
        "inkluderende job i {year} (årsværk, uden ordinære)",
    ),
    # inputs, for charts (by scenario path)
    "input.courses.price": ("course price per participant", "forløbspris pr. deltager"),
    "input.courses.participants": ("course participants", "forløbsdeltagere"),
    "input.temp_hours.overhead": ("overhead per temp hour", "overhead pr. vikartime"),
    "input.temp_hours.workers": ("fleksjob workers on temp hours", "fleksjobansatte på vikartimer"),
    "input.temp_hours.wage_cost": ("wage cost per temp hour", "lønomkostning pr. vikartime"),
    "input.temp_hours.effective_hours": ("effective hours per worker", "effektive timer pr. medarbejder"),
    "input.price": ("price per hour", "pris pr. time"),
    "input.skilled_hour_value": ("value of a skilled hour", "værdi af en faglært time"),
    "input.akkord_rate": ("akkord rate", "akkordsats"),
    "input.skilled_hours_freed": (
        "skilled hours freed per helper hour",
        "frigjorte faglærte timer pr. medhjælpertime",
    ),
    "input.period": ("period", "periode"),
    # a field of a line in a list (helpers.0.wage_cost): its words, with the line's path
    "field.wage_cost": ("wage cost", "lønomkostning"),
    "field.headcount": ("headcount", "antal personer"),
    "field.paid_hours": ("paid hours", "betalte timer"),
    "field.effective_hours": ("effective hours", "effektive timer"),
    "field.price": ("price", "pris"),
    "field.hours": ("hours", "timer"),
    "field.contract_sum": ("contract sum", "kontraktsum"),
    "field.market_price": ("market price", "markedspris"),
    "field.market_sum": ("market sum", "markedsbeløb"),
    "field.annual_cost": ("annual cost", "årlig udgift"),
    "field.fte": ("FTE", "årsværk"),
    "field.parent_purchases": ("parent's purchases", "moderselskabets køb"),
    "field.other_revenue": ("sales to other customers", "salg til andre kunder"),
    "field.grants": ("grants", "tilskud"),
    "field.other_costs": ("other costs", "andre udgifter"),
    # the spreadsheet
    "xlsx.inputs": ("Inputs", "Input"),
    "xlsx.input": ("input", "input"),
    "xlsx.value": ("value", "værdi"),
    "xlsx.meaning": ("what it is", "betydning"),
    "xlsx.given": ("stated or default", "angivet eller standard"),
    "xlsx.stated": ("stated", "angivet"),
    "xlsx.default": ("default, not stated", "standard, ikke angivet"),
    "xlsx.number": ("number", "tal"),
    "xlsx.unit": ("unit", "enhed"),
    "xlsx.total": ("Total", "I alt"),
    "xlsx.sum": ("Total", "I alt"),
    "xlsx.present_values": (
        "Present values (Σ yearly net × discount factor, rounded to øre)",
        "Nutidsværdier (Σ årligt netto × diskonteringsfaktor, afrundet til øre)",
    ),
    "xlsx.discount_factor": ("discount factor", "diskonteringsfaktor"),
    "xlsx.period": ("Period", "Periode"),
    "xlsx.period_sheet": ("Period", "Periode"),
    "xlsx.ledger": ("Ledger", "Posteringer"),
    "xlsx.parameters": ("Parameters", "Parametre"),
    "xlsx.payer_no": ("payer no.", "betaler nr."),
    "xlsx.payee_no": ("payee no.", "modtager nr."),
    "xlsx.party_no": ("no.", "nr."),
    "xlsx.total_funding": ("Total funding", "Finansiering i alt"),
    "xlsx.surplus": ("Surplus (negative: shortfall)", "Resultat (negativt: underskud)"),
    "xlsx.share_of": ("share of cost:", "andel af udgiften:"),
    "xlsx.percent_of_base": ("as % of base", "i % af grundlaget"),
    "xlsx.covering": ("least price that covers", "laveste pris, der dækker"),
    "xlsx.covering_percent": ("least % of base that covers", "laveste % af grundlaget, der dækker"),
    "xlsx.public_title": ("Public purse", "Offentlige kasser"),
    "xlsx.net_effect": (
        "net effect (otherwise − with; + saving, − extra cost)",
        "nettovirkning (ellers − med; + besparelse, − merudgift)",
    ),
    "xlsx.net_effect_after_tax": (
        "net effect after tax (otherwise − with; + saving, − extra cost)",
        "nettovirkning efter skat (ellers − med; + besparelse, − merudgift)",
    ),
    "xlsx.net_effect_before_tax": (
        "net effect before tax (otherwise − with; + saving, − extra cost)",
        "nettovirkning før skat (ellers − med; + besparelse, − merudgift)",
    ),
    "xlsx.tax_line": ("tax", "skat"),
    "xlsx.used_in": ("used in", "brugt i"),
    "xlsx.parameter_year": ("parameter year", "parameterår"),
    "xlsx.checked": ("checked", "kontrolleret"),
    # the report
    "report.assumptions": ("Assumptions and their sources", "Forudsætninger og kilder"),
    "report.public_lines": ("The payments behind it", "Betalingerne bag tallene"),
    "report.ledger_vs_public": (
        "{municipality}'s net in this table is the money it pays and receives in the deal, the state's refusion "
        "of {refusion} included; its net effect under the public purse also counts the benefits it would "
        "otherwise pay{former}. The two answer different questions: read the net effect for what the deal "
        "saves or costs the municipality.",
        "{municipality}s netto i denne tabel er de penge, kommunen betaler og modtager i aftalen, statens refusion "
        "på {refusion} medregnet; nettovirkningen under offentlige kasser tæller også de ydelser, kommunen ellers "
        "ville betale{former}. De to svarer på forskellige spørgsmål: læs nettovirkningen for, hvad aftalen sparer "
        "eller koster kommunen.",
    ),
    "report.former": (
        ", and the payments to former course participants with and without the deal",
        ", og betalingerne til tidligere forløbsdeltagere med og uden aftalen",
    ),
    "report.no_charts": (
        "The charts need matplotlib: pip install 'socialpartner[charts]'. The tables hold every figure.",
        "Diagrammerne kræver matplotlib: pip install 'socialpartner[charts]'. Tabellerne rummer alle tal.",
    ),
    "report.footer": (
        "socialpartner {version} · parameter set {parameters} · input SHA-256 {sha}… · "
        "money rounded to øre once per flow; every ledger balances to the øre",
        "socialpartner {version} · parametersæt {parameters} · input SHA-256 {sha}… · "
        "hvert beløb afrundet til øre én gang; alle regnskaber går op til øren",
    ),
    # charts
    "chart.at_low": ("input at its low end", "input ved den lave ende"),
    "chart.at_high": ("input at its high end", "input ved den høje ende"),
    "chart.baseline": ("as given", "som angivet"),
    "chart.full_coverage": ("100 % coverage", "100 % dækning"),
    "chart.tornado_title": (
        "What moves {result} most (one input at a time)",
        "Følsomhed: {result} (ét input ad gangen)",
    ),
    "cli.sweep_writing": (
        "Writing {count} rows (about {size} MB) to {path} …",
        "Skriver {count} rækker (ca. {size} MB) til {path} …",
    ),
    # the zone of agreement (socialpartner agree, sp.agreement): its text and its chart
    "agree.title": ("Zone of agreement over {inputs}", "Aftalezone for {inputs}"),
    "agree.method_basis": ("method: {method}; basis: {basis}", "metode: {method}; grundlag: {basis}"),
    "agree.method.exact": ("exact", "eksakt"),
    "agree.method.grid": ("grid", "gitter"),
    "agree.basis.present_value": ("present_value", "nutidsværdi"),
    "agree.basis.per_year": ("per_year", "hvert år for sig"),
    "agree.basis.period": ("period", "perioden"),
    "agree.condition": ("condition: {condition}", "betingelse: {condition}"),
    "agree.boundary": ("boundary: {equation}", "grænse: {equation}"),
    "agree.empty": ("the zone is empty:", "zonen er tom:"),
    "agree.interval": (
        "from {low} ({by_low}) to {high} ({by_high}) {unit}",
        "fra {low} ({by_low}) til {high} ({by_high}) {unit}",
    ),
    "agree.corners": ("corners:", "hjørner:"),
    "agree.corner": ("({x}, {y}), then along {edge}", "({x}; {y}), derefter langs grænsen for {edge}"),
    "agree.inside": ("{count} grid points inside", "{count} gitterpunkter inden for zonen"),
    "agree.suggested": (
        "suggested, {rule}: {point}; gains {gains}",
        "forslag, {rule}: {point}; gevinster {gains}",
    ),
    "agree.note": ("note: {note}", "bemærkning: {note}"),
    "agree.in_year": ("in {year}", "i {year}"),
    "agree.short": ("{name} ({label}) is {amount} short", "{name} ({label}) mangler {amount}"),
    "agree.short_year": ("{name} ({label}, {year}) is {amount} short", "{name} ({label}, {year}) mangler {amount}"),
    "agree.party_label": ("{name}: {label}", "{name}: {label}"),
    "agree.party_label_year": ("{name}: {label} ({year})", "{name}: {label} ({year})"),
    # an interval's end where the search stopped, not where a party's condition puts it
    "agree.lower_limit": ("lower end of the range searched for {path}", "nedre ende af søgeintervallet for {path}"),
    "agree.upper_limit": ("upper end of the range searched for {path}", "øvre ende af søgeintervallet for {path}"),
    "agree.role.social_enterprise": ("social_enterprise", "SØV"),
    "agree.role.company": ("company", "virksomhed"),
    "agree.role.municipality": ("municipality", "kommune"),
    "agree.covers_staff": ("covers its support staff", "dækker sit støttepersonale"),
    "agree.covers_staff_pv": (
        "covers its support staff in present value",
        "dækker sit støttepersonale i nutidsværdi",
    ),
    "agree.gains_alternative": ("gains against its alternative", "sparer i forhold til sit alternativ"),
    "agree.gains_helpers": ("gains from the helpers", "vinder på medhjælperne"),
    "agree.costs_accepted": ("costs no more than it accepts", "koster højst, hvad den accepterer"),
    "agree.no_worse_off": (
        "no worse off than without the partnership",
        "ikke dårligere stillet end uden partnerskabet",
    ),
    "agree.pays_limit": ("pays no more than its limit", "holder sig inden for sit beløbsloft"),
    "agree.floor_margin": ("{share} % of the support-staff cost", "{share} % af udgiften til støttepersonale"),
    "agree.floor_amount": ("{amount} a year{grown}", "{amount} om året{grown}"),
    "agree.floor_limit": ("−{amount} a year{grown}", "−{amount} om året{grown}"),
    "agree.floor_grown": (
        " in {year} prices, grown with price_growth",
        " i {year}-priser, fremskrevet med price_growth",
    ),
    "agree.floor_both": ("{margin} + {amount}", "{margin} + {amount}"),
    "agree.always": (
        "none: it holds whatever the inputs (a gain of {amount} over its floor)",
        "ingen: den er opfyldt uanset input (en gevinst på {amount} over minimum)",
    ),
    "agree.never": (
        "none: it fails whatever the inputs ({amount} short of its floor)",
        "ingen: den er ikke opfyldt for noget input (mangler {amount} til minimum)",
    ),
    "agree.traced_line": ("traced on the grid", "sporet på gitteret"),
    "agree.what_accepts": ("what the scenario accepts", "hvad scenariet tillader"),
    "agree.refused_above": (
        "the range of {path} searched ends at {value}, the last value the scenario accepts above today's ({reason})",
        "søgningen for {path} slutter ved {value}, den sidste værdi over dagens, som scenariet tillader ({reason})",
    ),
    "agree.refused_below": (
        "the range of {path} searched starts at {value}, the first value the scenario accepts below today's ({reason})",
        "søgningen for {path} begynder ved {value}, den første værdi under dagens, som scenariet tillader ({reason})",
    ),
    "agree.rule_equal": (
        "equal gains (the equal split of the total gain: the Nash bargaining point when payments are transfers)",
        "lige store gevinster (den samlede gevinst delt ligeligt: Nash-forhandlingspunktet, når betalinger er "
        "overførsler)",
    ),
    "agree.split_outside": (
        "no point of the zone splits the gains as '{rule}' asks: that split lies outside the zone, so the "
        "suggestion is the zone's end nearest it, where the gains are as near to it as the zone allows and "
        "not split so",
        "intet punkt i zonen deler gevinsterne, som '{rule}' beder om: den deling ligger uden for zonen, så "
        "forslaget er den ende af zonen, der ligger nærmest den, hvor gevinsterne er så tæt på den, som zonen "
        "tillader, og ikke delt sådan",
    ),
    "agree.rule_proportional": (
        "gains proportional to what each party brings (its payments at today's terms)",
        "gevinster i forhold til, hvad hver part bidrager med (dens betalinger på dagens vilkår)",
    ),
    "agree.rule_equal_grid": (
        "equal gains (max-min on the grid, refined)",
        "lige store gevinster (max-min på gitteret, forfinet)",
    ),
    "agree.rule_proportional_grid": (
        "gains proportional to what each party brings (max-min on the grid, refined)",
        "gevinster i forhold til, hvad hver part bidrager med (max-min på gitteret, forfinet)",
    ),
    "agree.rule_maxmin": (
        "the most equal gains the zone allows (max-min: the smallest gain as large as it can be, then the next)",
        "de mest lige gevinster, som zonen tillader (max-min: den mindste gevinst så stor som muligt, derefter "
        "den næste)",
    ),
    "agree.rule_proportional_maxmin": (
        "gains as near to proportional to what each party brings as the zone allows (max-min of each gain "
        "per krone of its payments at today's terms)",
        "gevinster så tæt på forholdet mellem, hvad hver part bidrager med, som zonen tillader (max-min af "
        "hver gevinst pr. krone af partens betalinger på dagens vilkår)",
    ),
    "agree.rule_maxmin_grid": (
        "the most equal gains the zone allows (max-min on the grid, refined)",
        "de mest lige gevinster, som zonen tillader (max-min på gitteret, forfinet)",
    ),
    "agree.rule_proportional_maxmin_grid": (
        "gains as near to proportional to what each party brings as the zone allows (max-min on the grid, refined)",
        "gevinster så tæt på forholdet mellem, hvad hver part bidrager med, som zonen tillader (max-min på "
        "gitteret, forfinet)",
    ),
    "agree.one_combination": (
        "the gains move with {inputs} only through one combination of them (a total price): every point "
        "of the zone on a line gives the same split, and each suggestion is the point of its line nearest "
        "today's terms (the change measured against the range searched)",
        "gevinsterne ændrer sig kun med {inputs} gennem én kombination af dem (en samlet pris): alle punkter "
        "i zonen på en linje giver samme fordeling, og hvert forslag er det punkt på sin linje, der ligger "
        "nærmest dagens vilkår (ændringen målt mod det gennemsøgte område)",
    ),
    "agree.not_transfer": (
        "the parties' total gain moves with {inputs} (not only a payment between them): by up to {amount} "
        "across the zone, so there is no fixed total to split equally and no Nash bargaining point of a "
        "split; the suggestions are the most equal gains the zone allows (max-min)",
        "parternes samlede gevinst ændrer sig med {inputs} (ikke kun en betaling mellem dem): med op til "
        "{amount} inden for zonen, så der er ingen fast gevinst at dele ligeligt og intet "
        "Nash-forhandlingspunkt for en deling; forslagene er de mest lige gevinster, som zonen tillader (max-min)",
    ),
    "agree.unpriced_service": (
        "{path}: {service} has no {field}, so the company's condition (its saving against another supplier) "
        "leaves this service out: its price moves the SØV's gain and not the company's here; give {field} "
        "(what another supplier would charge) to weigh it",
        "{path}: {service} har ingen {field}, så virksomhedens betingelse (dens besparelse i forhold til en anden "
        "leverandør) ser bort fra denne ydelse: dens pris ændrer SØV'ens gevinst og ikke virksomhedens her; "
        "angiv {field} (hvad en anden leverandør ville tage) for at få den med",
    ),
    "agree.not_transfer_unpriced_service": (
        "the parties' total gain moves with {inputs}: by up to {amount} across the zone, as what a service "
        "without a market price costs the company is not counted (see the note on it); there is no fixed total "
        "to split equally, and the suggestions are the most equal gains of the parties counted (max-min)",
        "parternes samlede gevinst ændrer sig med {inputs}: med op til {amount} inden for zonen, fordi hvad en "
        "ydelse uden markedspris koster virksomheden, ikke tælles med (se noten om den); der er ingen fast "
        "gevinst at dele ligeligt, og forslagene er de mest lige gevinster for de parter, der tælles med (max-min)",
    ),
    "agree.on_edge_unpriced_service": (
        "the point of '{rule}' lies on the {end} of {path} searched because the gain of {who} keeps "
        "growing as {path} {moves}, and what it costs the company is not counted (the service has no market price): "
        "the point is where the range searched ends, not a price to propose; give the service's market price "
        "to bound it",
        "punktet for '{rule}' ligger på {end} for {path} i søgningen, fordi gevinsten for {who} bliver ved "
        "med at vokse, når {path} {moves}, og hvad det koster virksomheden, tælles ikke med (ydelsen har ingen "
        "markedspris): punktet er, hvor søgningen slutter, ikke en pris at foreslå; angiv ydelsens markedspris "
        "for at afgrænse det",
    ),
    "agree.not_transfer_unpriced": (
        "the parties' total gain moves with {inputs}: by up to {amount} across the zone, as the company "
        "has no condition here and what the inputs cost it is not counted (a gain to the others, a loss to "
        "nobody); there is no fixed total to split equally, and the suggestions are the most equal gains "
        "of the parties counted (max-min)",
        "parternes samlede gevinst ændrer sig med {inputs}: med op til {amount} inden for zonen, fordi "
        "virksomheden ikke har nogen betingelse her, og hvad input koster den, tælles ikke med (en gevinst "
        "for de andre, et tab for ingen); der er ingen fast gevinst at dele ligeligt, og forslagene er de mest "
        "lige gevinster for de parter, der tælles med (max-min)",
    ),
    "agree.refined": (
        "'{rule}' is refined from the best grid point in steps of 0.01 of each input until no neighbouring "
        "point does better by the rule; one such step moves a party's gain by up to {amount}, the precision "
        "of its gains",
        "'{rule}' er forfinet fra det bedste gitterpunkt i skridt på 0,01 af hvert input, til intet "
        "nabopunkt gør det bedre efter reglen; ét sådant skridt flytter en parts gevinst med op til "
        "{amount}, gevinsternes præcision",
    ),
    "agree.not_transfer_unpriced_municipality": (
        "the parties' total gain moves with {inputs}: by up to {amount} across the zone, as the municipality "
        "has no condition here and what the inputs cost it is not counted (a gain to the others, a loss to "
        "nobody); there is no fixed total to split equally, and the suggestions are the most equal gains "
        "of the parties counted (max-min)",
        "parternes samlede gevinst ændrer sig med {inputs}: med op til {amount} inden for zonen, fordi "
        "kommunen ikke har nogen betingelse her, og hvad input koster den, tælles ikke med (en gevinst "
        "for de andre, et tab for ingen); der er ingen fast gevinst at dele ligeligt, og forslagene er de mest "
        "lige gevinster for de parter, der tælles med (max-min)",
    ),
    "agree.on_edge_unpriced_municipality": (
        "the point of '{rule}' lies on the {end} of {path} searched because the gain of {who} keeps "
        "growing as {path} {moves}, and what it costs the municipality is not counted (the municipality has no "
        "condition here): the point is where the range searched ends, not a price to propose; add a public: "
        "block or agreement.municipal_limit (see the note on its condition) to bound it",
        "punktet for '{rule}' ligger på {end} for {path} i søgningen, fordi gevinsten for {who} bliver ved "
        "med at vokse, når {path} {moves}, og hvad det koster kommunen, tælles ikke med (kommunen har ingen "
        "betingelse her): punktet er, hvor søgningen slutter, ikke en pris at foreslå; tilføj en public:-blok "
        "eller agreement.municipal_limit (se noten om dens betingelse) for at afgrænse det",
    ),
    "agree.pv_not_solve": (
        "the conditions are on present values (discounted): `solve --target coverage=1` reaches the undiscounted "
        "total instead, so its price differs a little; `solve --target npv.social_enterprise=0` finds the SØV's "
        "end in present value (without a margin)",
        "betingelserne gælder nutidsværdier (tilbagediskonteret): `solve --target coverage=1` rammer den "
        "udiskonterede sum i stedet, så dens pris afviger lidt; `solve --target npv.social_enterprise=0` finder "
        "SØV'ens grænse i nutidsværdi (uden margin)",
    ),
    "agree.no_company": ("no condition for the company: {hint}", "ingen betingelse for virksomheden: {hint}"),
    "agree.hint.shared_responsibility": (
        "give temp_hours.alternative_price (e.g. a temp agency's price per hour)",
        "angiv temp_hours.alternative_price (f.eks. et vikarbureaus pris pr. time)",
    ),
    "agree.hint.supplier": (
        "give a market_price (or market_sum) for the services",
        "angiv en market_price (eller market_sum) for ydelserne",
    ),
    "agree.hint.spin_off": (
        "a spin-off's parent has no stated alternative",
        "en afknopnings moderselskab har intet angivet alternativ",
    ),
    "agree.hint.none": ("no stated alternative", "intet angivet alternativ"),
    "agree.no_municipality": (
        "no condition for the municipality: add a public: block (its counterfactual) "
        "or agreement.municipal_limit (the net cost a year it accepts)",
        "ingen betingelse for kommunen: tilføj en public:-blok (hvad den ellers betaler) "
        "eller agreement.municipal_limit (den nettoudgift om året, den accepterer)",
    ),
    "agree.one_party": (
        "only one party has a condition: the zone is that party's side of its boundary",
        "kun én part har en betingelse: zonen er den side af partens grænse, hvor den vinder",
    ),
    "agree.only_one_moves": (
        "no split to suggest: only {who}'s gain moves with {inputs}",
        "ingen fordeling at foreslå: kun gevinsten for {who} ændrer sig med {inputs}",
    ),
    "agree.none_moves": (
        "no split to suggest: no party's gain moves with {inputs}",
        "ingen fordeling at foreslå: ingen parts gevinst ændrer sig med {inputs}",
    ),
    "agree.no_point": (
        "no point for '{rule}': a party brings nothing by this measure; give contributions",
        "intet punkt for '{rule}': en part bidrager ikke med noget efter dette mål; angiv contributions",
    ),
    "agree.traced": (
        "conditions not linear in the inputs: traced on a grid of {count} points per input",
        "betingelserne er ikke lineære i input: sporet på et gitter med {count} punkter pr. input",
    ),
    "agree.on_edge": (
        "the point of '{rule}' lies on the {end} of {path} searched: the range puts it there, not the "
        "parties; widen the range to see where it would be",
        "punktet for '{rule}' ligger på {end} for {path} i søgningen: intervallet placerer det der, ikke "
        "parterne; udvid intervallet for at se, hvor det ville ligge",
    ),
    "agree.on_edge_assumed": (
        "the point of '{rule}' lies on the {end} of {path} searched because the gain of {who} keeps "
        "growing as {path} {moves}, which is not a payment between the parties: max-min puts the point at whatever "
        "limit is assumed for {path}, and a wider range only moves it there; that limit is an assumption "
        "to agree on, not a price to negotiate",
        "punktet for '{rule}' ligger på {end} for {path} i søgningen, fordi gevinsten for {who} bliver ved "
        "med at vokse, når {path} {moves}, som ikke er en betaling mellem parterne: max-min lægger punktet ved den "
        "grænse, der antages for {path}, og et bredere interval flytter det blot dertil; grænsen er en "
        "antagelse at blive enige om, ikke en pris at forhandle",
    ),
    "agree.on_edge_unpriced": (
        "the point of '{rule}' lies on the {end} of {path} searched because the gain of {who} keeps "
        "growing as {path} {moves}, and what it costs the company is not counted (the company has no condition "
        "here): the point is where the range searched ends, not a price to propose; give the company's "
        "alternative (see the note on its condition) to bound it",
        "punktet for '{rule}' ligger på {end} for {path} i søgningen, fordi gevinsten for {who} bliver ved "
        "med at vokse, når {path} {moves}, og hvad det koster virksomheden, tælles ikke med (virksomheden har ingen "
        "betingelse her): punktet er, hvor søgningen slutter, ikke en pris at foreslå; angiv virksomhedens "
        "alternativ (se noten om dens betingelse) for at afgrænse det",
    ),
    "agree.and": ("{first} and {last}", "{first} og {last}"),
    "agree.falls": ("falls", "falder"),  # the gain grows towards the lower limit
    "agree.rises": ("rises", "stiger"),
    "agree.edge_low": ("lower limit", "nedre grænse"),
    "agree.edge_high": ("upper limit", "øvre grænse"),
    "agree.few_move": (
        "no split to suggest: fewer than two parties' gains move with the inputs",
        "ingen fordeling at foreslå: færre end to parters gevinster ændrer sig med input",
    ),
    "agree.chart.title": ("Zone of agreement", "Aftalezone"),
    "agree.chart.zone": ("zone of agreement", "aftalezone"),
    "agree.chart.today": ("today's terms", "dagens vilkår"),
    "agree.chart.gain": ("gain over its floor (DKK)", "gevinst over minimum (kr.)"),
    "agree.chart.empty": ("the zone is empty", "zonen er tom"),
    "agree.chart.equal": ("suggested: equal gains", "forslag: lige store gevinster"),
    "agree.chart.proportional": ("suggested: proportional gains", "forslag: gevinster i forhold til indsats"),
    "agree.chart.maxmin": ("suggested: most equal gains", "forslag: mest lige gevinster"),
    # units of figures and break-even prices
    "unit.DKK": ("DKK", "kr."),
    "unit.DKK/hour": ("DKK/hour", "kr./time"),
    "unit.DKK/month": ("DKK/month", "kr./md."),
    "unit.DKK/year": ("DKK/year", "kr./år"),
    "unit.DKK/quarter": ("DKK/quarter", "kr./kvartal"),
    "unit.DKK/week": ("DKK/week", "kr./uge"),
    "unit.DKK/day": ("DKK/day", "kr./dag"),
    "unit.DKK/minute": ("DKK/minute", "kr./min."),
    "unit.people": ("people", "personer"),
    "unit.job-years": ("job-years", "jobår"),
    "unit.person": ("person", "person"),
    "unit.hour": ("hours", "timer"),
    "unit.FTE": ("FTE", "årsværk"),
    "unit.year": ("year", "år"),
    "unit.ratio": ("", ""),
    # parties, flows, funding sources, forms: the models' fixed phrases
    "term.fleksjob_workers": ("fleksjob workers", "fleksjobansatte"),
    "term.support_staff": ("support staff", "støttepersonale"),
    "term.the_state": ("the state", "staten"),
    "term.the_municipality": ("the municipality", "kommunen"),
    "term.course_participants": ("course participants", "forløbsdeltagere"),
    "term.employees_placed": ("employees placed", "ansatte"),
    "term.employees": ("employees", "ansatte"),
    "term.suppliers": ("suppliers", "leverandører"),
    "term.other_customers": ("other customers", "andre kunder"),
    "term.helpers": ("helpers", "medhjælpere"),
    "term.craftsmen": ("craftsmen", "håndværkere"),
    "term.public_grants": ("public grants", "offentlige tilskud"),
    "term.supervision": ("supervision", "arbejdsledelse"),
    "term.temp_wage": ("temp hours: wage cost", "vikartimer: lønomkostning"),
    "term.temp_overhead": ("temp hours: overhead", "vikartimer: overhead"),
    "term.fleksjob_wages": ("wages (fleksjob, effective hours)", "løn (fleksjob, effektive timer)"),
    "term.development_courses": ("development courses", "udviklingsforløb"),
    "term.fleksloentilskud": ("fleksløntilskud", "fleksløntilskud"),
    "term.refusion_flex": ("state refusion on fleksløntilskud", "statslig refusion af fleksløntilskud"),
    "term.course_benefit": ("benefit during the course", "ydelse under forløbet"),
    "term.refusion_course": ("state refusion on the course benefit", "statslig refusion af ydelsen under forløbet"),
    "term.helper_hours": ("helper hours", "medhjælpertimer"),
    "term.skilled_work": ("skilled work done in the freed hours", "faglært arbejde i de frigjorte timer"),
    "term.akkord": ("extra piece-rate (akkord)", "ekstra akkord"),
    "term.in_house": ("in-house service", "in-house-ydelse"),
    "term.parent_purchases": ("parent's purchases", "moderselskabets køb"),
    "term.sales_other": ("sales to other customers", "salg til andre kunder"),
    "term.grants": ("grants", "tilskud"),
    "term.other_costs": ("other costs", "andre udgifter"),
    "term.other_costs_materials": ("other costs (materials)", "andre udgifter (materialer)"),
    "term.overhead_temp": ("overhead on temp hours", "overhead på vikartimer"),
    "term.course_payments": ("municipal course payments", "kommunens betaling for forløb"),
    "term.overhead_per_hour": ("overhead per hour", "overhead pr. time"),
    "term.course_price": ("course price per participant", "forløbspris pr. deltager"),
    "term.fleksjob": ("fleksjob", "fleksjob"),
    "term.course_participant": ("course participant", "forløbsdeltager"),
    "term.former_course_participants": ("former course participants", "tidligere forløbsdeltagere"),
    "term.ordinary": ("ordinary", "ordinært job"),
    "term.apprentice": ("apprentice", "elev"),
    "term.smaajob": ("småjob", "småjob"),
    "term.loentilskud": ("løntilskud", "løntilskud"),
    "term.contract_margin": ("contract revenue after wages and other costs", "kontraktomsætning efter løn og udgifter"),
    "term.service_margin": ("service revenue after wages", "omsætning fra ydelsen efter løn"),
    "term.helper_margin": ("margin on helper hours", "dækningsbidrag på medhjælpertimer"),
    "term.wages_and_costs": ("wages and other costs", "løn og andre udgifter"),
    "term.helper_price": ("helper price per hour (SØV)", "medhjælperpris pr. time (SØV)"),
    "term.effective_price": ("price per effective hour (SØV)", "pris pr. effektiv time (SØV)"),
    "term.parent_needed": ("parent's purchases needed", "nødvendigt køb fra moderselskabet"),
    "term.parent_needed_department": ("parent's purchases needed", "nødvendigt køb fra virksomheden"),
    "term.purchases_department": ("parent's purchases", "virksomhedens køb"),
    "term.customers_of": ("{company}'s customers", "{company:genitive} kunder"),
    "term.staff_at": ("SØV staff at {site}", "SØV-ansatte på {site}"),
    "term.department": ("{name} (department)", "{name} (afdeling)"),
    "term.municipality": ("municipality", "kommunen"),
    "term.former_fleksjob": ("former participants in fleksjob", "tidligere deltagere i fleksjob"),
    "term.former_ordinary": ("former participants in ordinary jobs", "tidligere deltagere i ordinære job"),
    "term.former_left": ("former participants who left", "tidligere deltagere, der er stoppet"),
    "term.refusion_loentilskud": ("state refusion on løntilskud", "statslig refusion af løntilskud"),
    "term.tax_am": ("tax: AM-bidrag on wages", "skat: AM-bidrag af løn"),
    "term.tax_municipal": ("tax: municipal income tax", "skat: kommuneskat"),
    "term.tax_state": ("tax: state bottom-bracket tax", "skat: bundskat"),
    "term.service_price": ("{name}: price per hour", "{name}: pris pr. time"),
    "term.service_sum": ("{name}: contract sum", "{name}: kontraktsum"),
    # check criteria
    "check.stands_on_its_own": ("stands on its own", "kan stå på egne ben"),
    "check.own_cvr": ("own CVR number", "eget CVR-nummer"),
    "check.social_purpose": ("social purpose", "socialt formål"),
    "check.commercial": ("significant commercial activity", "væsentlig erhvervsmæssig aktivitet"),
    "check.independence": ("independence from public authorities", "uafhængighed af offentlige myndigheder"),
    "check.governance": ("inclusive and responsible governance", "inddragende og ansvarlig ledelse"),
    "check.profit": ("social handling of profit", "social håndtering af overskud"),
    "check.cheaper": ("cheaper for the company", "billigere for virksomheden"),
    "check.pays": ("pays for the company", "kan betale sig for virksomheden"),
    "check.supervision": ("supervision covered", "arbejdsledelsen er dækket"),
    # sentences with values (msg.*): placeholders in braces
    "msg.department_of": ("a department of {company}", "en afdeling af {company}"),
    "msg.deficit": ("a deficit of {amount}", "et underskud på {amount}"),
    "msg.parent_buys_more": (
        "the parent buys more than {limit} of its sales",
        "virksomheden køber mere end {limit} af dens salg",
    ),
    "msg.parent_buys_more_parent": (
        "the parent buys more than {limit} of its sales",
        "moderselskabet køber mere end {limit} af dens salg",
    ),
    "msg.stands_ok": (
        "independent, covering its costs, not dependent on the parent",
        "selvstændig, dækker sine udgifter og er ikke afhængig af moderselskabet",
    ),
    "msg.year_independent": (
        "{year}: {name} is a company of its own, split from its parent (whether it stands on its own is the check)",
        "{year}: {name} er et selvstændigt selskab, udskilt fra moderselskabet (om det kan stå på egne ben, "
        "siger kriteriet)",
    ),
    "msg.year_department": (
        "{year}: {name} is a department of {company}.",
        "{year}: {name} er en afdeling af {company}.",
    ),
    "msg.stand_alone_note": (
        "independent, revenue covering its costs, and the parent buying at most {limit} of its sales",
        "selvstændig, omsætningen dækker udgifterne, og moderselskabet køber højst {limit} af dens salg",
    ),
    "msg.cvr_department": (
        "in {year} it is a department of {company}; a department cannot be registered as an RSV",
        "i {year} er den en afdeling af {company}; en afdeling kan ikke registreres som RSV",
    ),
    "msg.cvr_missing": (
        "split out in {year}, but no cvr is stated",
        "udskilt i {year}, men intet CVR-nummer er angivet",
    ),
    "msg.cvr_ok": ("CVR {cvr}, split out in {year}", "CVR {cvr}, udskilt i {year}"),
    "msg.no_income": ("no income in {year}", "ingen indtægter i {year}"),
    "msg.commercial": (
        "sales are {share} of income in {year}; assumed threshold {minimum} (rsv.min_commercial_share)",
        "salget udgør {share} af indtægterne i {year}; antaget tærskel {minimum} (rsv.min_commercial_share)",
    ),
    "msg.not_stated": ("not stated; set it under rsv:", "ikke angivet; angiv det under rsv:"),
    "msg.stated_social": ("stated: social purpose", "angivet: socialt formål"),
    "msg.stated_no_social": ("stated: no social purpose", "angivet: intet socialt formål"),
    "msg.stated_no_public": (
        "stated: no decisive public influence",
        "angivet: ingen bestemmende offentlig indflydelse",
    ),
    "msg.stated_public": (
        "stated: public authorities have decisive influence",
        "angivet: offentlige myndigheder har bestemmende indflydelse",
    ),
    "msg.stated_inclusive": ("stated: inclusive governance", "angivet: inddragende ledelse"),
    "msg.stated_not_inclusive": ("stated: governance not inclusive", "angivet: ledelsen er ikke inddragende"),
    "msg.stated_profit": (
        "stated: profit reinvested or used socially",
        "angivet: overskud geninvesteres eller bruges socialt",
    ),
    "msg.stated_no_profit": ("stated: profit not used socially", "angivet: overskud bruges ikke socialt"),
    "msg.before_after": ("before {before}, after {after}", "før {before}, efter {after}"),
    "msg.billed_above_paid": (
        "the services bill {billed} hours a week, more than the {paid} paid hours a week of the SØV's whole "
        "workforce: check services.N.hours (a number of hours a year written per week?)",
        "ydelserne fakturerer {billed} timer om ugen, flere end de {paid} betalte timer om ugen for hele SØV'ens "
        "arbejdsstyrke: tjek services.N.hours (et antal timer om året skrevet pr. uge?)",
    ),
    "msg.market_against_paid": (
        "at market prices {market}, from the SØV {paid} (the services with a market price)",
        "til markedspris {market}, fra SØV'en {paid} (ydelserne med en markedspris)",
    ),
    "msg.before_after_other_work": (
        "before {before}, after {after}, not for the same work: {why}",
        "før {before}, efter {after}, ikke for det samme arbejde: {why}",
    ),
    "msg.alternative_no_staff": (
        "the company's alternative is {hours} hours of its own staff over the period, but alternative.staff "
        "is 0: their turnover costs nothing in the saving; state the people who would work those hours",
        "virksomhedens alternativ er {hours} timer med egne ansatte over perioden, men alternative.staff er 0: "
        "deres personaleomsætning koster intet i besparelsen; angiv de personer, der ville arbejde de timer",
    ),
    "msg.alternative_hours": (
        "the company's alternative is {alternative} hours of its own staff over the period, the SØV delivers "
        "{delivered} effective hours: part of the saving is a different amount of work; state "
        "alternative.hours for the same work as the SØV's",
        "virksomhedens alternativ er {alternative} timer med egne ansatte over perioden, SØV'en leverer "
        "{delivered} effektive timer: en del af besparelsen er en anden mængde arbejde; angiv "
        "alternative.hours for det samme arbejde som SØV'ens",
    ),
    "msg.pays_no_hours": (
        "no helper hours are bought: nothing for the company to gain or lose",
        "der købes ingen medhjælpertimer: virksomheden har intet at vinde eller tabe",
    ),
    "msg.pays": (
        "value {value} − akkord {akkord} − helper hours {cost} = {net} DKK",
        "værdi {value} − akkord {akkord} − medhjælpertimer {cost} = {net} kr.",
    ),
    "msg.supervision": (
        "margin after wages and other costs {margin} against supervision {supervision}",
        "dækningsbidrag efter løn og andre udgifter {margin} mod arbejdsledelse {supervision}",
    ),
    "msg.csr": (
        "Over {period}, {company} bought services for {contract} from {soev}, a social-economy enterprise"
        "{share_text}. Attributable to this purchase: {jobs} inclusive jobs ({forms}), {fte} FTE, "
        "{hours} hours of inclusive work{participants}.",
        "I løbet af {period} købte {company} ydelser for {contract} hos {soev}, en socialøkonomisk virksomhed"
        "{share_text}. Henført til dette køb: {jobs} inkluderende job ({forms}), {fte} årsværk, "
        "{hours} timers inkluderende arbejde{participants}.",
    ),
    "msg.csr_years": (
        "Over {years}, {company} bought services for {contract} from {soev}, a social-economy enterprise. "
        "Attributable to these purchases: {job_years} inclusive job-years, {fte_years} FTE-years, "
        "{hours} hours of inclusive work (each year's share of the SØV's revenue; each year's own figures "
        "are in its record).",
        "I løbet af {years} købte {company} ydelser for {contract} hos {soev}, en socialøkonomisk virksomhed. "
        "Henført til disse køb: {job_years} inkluderende jobår, {fte_years} årsværk over årene, "
        "{hours} timers inkluderende arbejde (hvert års andel af SØV'ens omsætning; hvert års egne tal "
        "står i årets opgørelse).",
    ),
    "msg.csr_participants": (
        " and {participants} course participants (not jobs)",
        " og {participants} forløbsdeltagere (ikke job)",
    ),
    "msg.share_of_revenue": (" ({share} of its revenue)", " ({share} af dens omsætning)"),
    "msg.none": ("none", "ingen"),
    "msg.count": ("{n} {what}", "{n} {what}"),
    "msg.benefit_too_large": (
        "public.counterfactual.{group}: {monthly}/month is more than three times the highest benefit "
        "a month in the parameters for {year} ({name}: {highest}/month): a year's amount written per month?",
        "public.counterfactual.{group}: {monthly}/md. er mere end tre gange den højeste ydelse "
        "om måneden i parametrene for {year} ({name}: {highest}/md.): et års beløb skrevet pr. måned?",
    ),
    "msg.counterfactual": (
        "{group}: {people} people would otherwise receive {monthly}/month ({benefit}) from the municipality, "
        "{amount} over the period",
        "{group}: {people} personer ville ellers modtage {monthly}/md. ({benefit}) fra kommunen, "
        "{amount} over perioden",
    ),
    "msg.counterfactual_one": (
        "{group}: {people} person would otherwise receive {monthly}/month ({benefit}) from the municipality, "
        "{amount} over the period",
        "{group}: {people} person ville ellers modtage {monthly}/md. ({benefit}) fra kommunen, {amount} over perioden",
    ),
    "msg.counterfactual_former": (
        "{group}: of the {people} people, {placed} are in the deal and {former} are former course participants "
        "in work beyond the comparison group (they too would otherwise receive the benefit)",
        "{group}: af de {people} personer er {placed} i aftalen og {former} tidligere forløbsdeltagere i arbejde "
        "ud over sammenligningsgruppen (også de ville ellers modtage ydelsen)",
    ),
    "msg.stated_rate_indexed": (
        "{stated} in {year}, indexed by the satsreguleringsprocent",
        "{stated} i {year}, reguleret med satsreguleringsprocenten",
    ),
    "msg.no_course_benefit": (
        "course participant: no benefit during the course stated (public.during_course; taken as none)",
        "forløbsdeltager: ingen ydelse under forløbet angivet (public.during_course; regnet som ingen)",
    ),
    "msg.no_counterfactual": (
        "{group}: no counterfactual stated (taken as no benefit)",
        "{group}: intet alternativ angivet (regnet som ingen ydelse)",
    ),
    "msg.smaajob_compared": (
        "småjob: the same førtidspension with and without the job (no public flow to compare)",
        "småjob: samme førtidspension med og uden jobbet (ingen offentlig betaling at sammenligne)",
    ),
    "msg.smaajob_no_counterfactual": (
        "småjob: the person keeps førtidspension with and without the job, so nothing is compared or saved on "
        "them (a counterfactual for småjob is refused for that reason)",
        "småjob: personen beholder førtidspensionen med og uden jobbet, så intet sammenlignes eller spares på "
        "dem (et alternativ for småjob afvises af den grund)",
    ),
    "msg.assume_no_counterfactual": (
        "no counterfactual stated for {group}: taken as no benefit otherwise, so nothing is saved on them "
        "(state public.counterfactual.{field} if they would otherwise receive a benefit)",
        "intet alternativ angivet for {group}: regnet som ingen ydelse ellers, så der spares intet på dem "
        "(angiv public.counterfactual.{field}, hvis de ellers ville modtage en ydelse)",
    ),
    "msg.parameter": ("parameter {name}", "parameter {name}"),
    "msg.npv": ("present value of the net of {who}", "nutidsværdi af nettoresultatet for {who}"),
    "msg.npv_ledger_only": (
        "present value of the net of {who} (its payments in the deal only, before the benefits it saves)",
        "nutidsværdi af nettoresultatet for {who} (kun betalinger i aftalen, før de ydelser den sparer)",
    ),
    "msg.npv_public": ("present value of the net effect of {who}", "nutidsværdi af nettovirkningen for {who}"),
    "msg.payback": ("payback year of {who}", "tilbagebetalingsår for {who}"),
    "msg.total_gain": (
        "gain of {who} against its alternative over all years",
        "{who:genitive} gevinst i forhold til alternativet over alle år",
    ),
    "msg.npv_gain": (
        "present value of the gain of {who} against its alternative",
        "nutidsværdi af {who:genitive} gevinst i forhold til alternativet",
    ),
    "msg.payback_gain": (
        "payback year of the gain of {who} against its alternative",
        "tilbagebetalingsår for {who:genitive} gevinst i forhold til alternativet",
    ),
    "note.total_gain": (
        "sum of the yearly gains against the alternative, undiscounted; what the company pays is in its net",
        "summen af de årlige gevinster i forhold til alternativet, ikke tilbagediskonteret; hvad virksomheden "
        "betaler, står i dens nettoresultat",
    ),
    "msg.total_public": ("net effect over all years: {who}", "nettovirkning over alle år: {who}"),
    "msg.total_public_after_tax": (
        "net effect after tax over all years: {who}",
        "nettovirkning efter skat over alle år: {who}",
    ),
    "msg.public_who": ("the {payer} (public purse)", "{payer} (offentlige kasser)"),
    "msg.join": ("{a}; {b}", "{a}; {b}"),
    "msg.and": ("{a} and {b}", "{a} og {b}"),
    # figure notes that are not a figure's own key
    "note.soev_margin_loentilskud": (
        "service revenue + løntilskud paid to the SØV as employer ({amount}) − wages − support staff",
        "omsætning fra ydelsen + løntilskud udbetalt til SØV'en som arbejdsgiver ({amount}) − løn − støttepersonale",
    ),
    "note.margin_after_wages_loentilskud": (
        "contract value + other customers + løntilskud paid to the SØV as employer ({amount}) − wages − other costs",
        "kontraktværdi + andre kunder + løntilskud udbetalt til SØV'en som arbejdsgiver ({amount}) "
        "− løn − andre udgifter",
    ),
    "note.npv": (
        "Σ yearly net / (1 + r)^t, t = 0 for the first year; r from discount_rate.*",
        "Σ årligt netto / (1 + r)^t, t = 0 for første år; r fra diskonteringsrenten",
    ),
    "note.npv_real": (
        "Σ yearly net / ((1 + r)^t (1 + price growth)^t), t = 0 for the first year: deflated by the price growth, "
        "r the real rate from discount_rate.*",
        "Σ årligt netto / ((1 + r)^t (1 + prisstigning)^t), t = 0 for første år: deflateret med prisstigningen, "
        "r den reale diskonteringsrente",
    ),
    "note.npv_nominal": (
        "Σ yearly net / (1 + n)^t, t = 0 for the first year; n = horizon.nominal_discount_rate (nominal)",
        "Σ årligt netto / (1 + n)^t, t = 0 for første år; n = horizon.nominal_discount_rate (nominel)",
    ),
    "msg.assume_ordinary_untaxed": (
        "former participants in ordinary jobs (and the comparison group's) are counted without tax on their "
        "wages, which are not stated (give horizon.progression.ordinary_wage): the net effect after tax leaves "
        "that tax out",
        "tidligere deltagere i ordinære job (og sammenligningsgruppens) er talt med uden skat af deres løn, som "
        "ikke er angivet (angiv horizon.progression.ordinary_wage): nettovirkningen efter skat udelader den skat",
    ),
    "msg.ordinary_wage_untaxed": (
        "horizon.progression.ordinary_wage is used only with public.tax: without it no tax is counted",
        "horizon.progression.ordinary_wage bruges kun med public.tax: uden den regnes der ingen skat",
    ),
    "msg.assume_fleksjob_wage": (
        "fleksjob wage incl. pension (L) not stated: taken as the wage cost × {share} "
        "(fleksjob.wage_share_of_wage_cost, an estimate): {wages} DKK/hour; state public.fleksjob_wage to replace it",
        "fleksjobløn inkl. pension (L) ikke angivet: sat til lønudgiften × {share} "
        "(fleksjob.wage_share_of_wage_cost, et skøn): {wages} kr./time; angiv public.fleksjob_wage for at erstatte det",
    ),
    "msg.wage_pair": ("{cost} → {wage}", "{cost} → {wage}"),
    "msg.assume_refusion": ("state refusion by group: {rates}", "statslig refusion pr. gruppe: {rates}"),
    "msg.group_rate": ("{group} {rate}", "{group} {rate}"),
    "msg.tax_rate_national": (
        "the national average, tax.municipal_average: set the municipality's own rate under parameters:",
        "landsgennemsnittet, tax.municipal_average: angiv kommunens egen sats under parameters:",
    ),
    "msg.tax_rate_stated": (
        "as the scenario states it under parameters: tax.municipal_average",
        "som scenariet angiver den under parameters: tax.municipal_average",
    ),
    "msg.tax_national_average": (
        "the municipal income tax of {municipality} is counted at the national average rate of the parameter file "
        "(tax.municipal_average); its own rate may differ: state it under parameters: for its net effect after tax",
        "kommuneskatten for {municipality} er regnet med landsgennemsnittet fra parameterfilen "
        "(tax.municipal_average); kommunens egen sats kan afvige: angiv den under parameters: for dens nettovirkning "
        "efter skat",
    ),
    "msg.assume_tax": (
        "tax counted: AM-bidrag {am} % on wages, municipal income tax {municipal} % ({which}) and bundskat "
        "{state} % on wages after AM-bidrag and on fleksløntilskud and benefits, for the groups with a stated "
        "counterfactual; "
        "average rates, no personfradrag; a fleksjob wage is the wage incl. pension, so its pension part, not "
        "taxed as wages in fact, is taxed here too (the tax is somewhat overstated)",
        "skat medregnet: AM-bidrag {am} % af løn, kommuneskat {municipal} % ({which}) og bundskat {state} % af "
        "løn efter AM-bidrag og af fleksløntilskud og ydelser, for grupperne med en angivet ydelse ellers; "
        "gennemsnitlige satser, uden personfradrag; en fleksjobløn er lønnen inkl. pension, så dens pensionsdel, "
        "der i virkeligheden ikke beskattes som løn, beskattes her med (skatten er noget overvurderet)",
    ),
    "msg.assume_loentilskud_places": (
        "løntilskud lasts up to 6 months a person with a private employer and 4 with a public one for people on "
        "dagpenge or job-ready kontanthjælp (lov om en aktiv beskæftigelsesindsats § 68): a løntilskud line's "
        "headcount counts places, filled in turn over the period; the refusion ladder is read for the line as a "
        "whole, from its weeks_on_support a week further each week of the period and on into the next year (a new "
        "person in a place does not start the ladder again), so where places are refilled with people earlier on "
        "the ladder, the refusion is somewhat higher than counted",
        "løntilskud varer op til 6 måneder pr. person hos en privat arbejdsgiver og 4 hos en offentlig for "
        "personer på dagpenge eller jobparate på kontanthjælp (lov om en aktiv beskæftigelsesindsats § 68): en "
        "løntilskudslinjes antal er pladser, der besættes efter tur i perioden; refusionstrappen læses for linjen "
        "som helhed, fra dens weeks_on_support én uge videre for hver uge i perioden og videre ind i næste år (en "
        "ny person på en plads begynder ikke forfra på trappen), så hvor pladser besættes igen med personer "
        "tidligere på trappen, er refusionen noget højere end opgjort",
    ),
    "msg.assume_tax_timing": (
        "the municipal income tax is counted as the municipality's revenue in the same year; a municipality on "
        "the state-guaranteed tax base (statsgaranti) does not receive it in the budget year, and the equalisation "
        "(udligning) passes most of a change in its tax base on to other municipalities: for the municipal budget, "
        "read the net effect before tax",
        "kommuneskatten medregnes som kommunens indtægt samme år; en kommune på det statsgaranterede "
        "udskrivningsgrundlag (statsgaranti) får den ikke i budgetåret, og udligningen fører det meste af en ændring "
        "i skattegrundlaget videre til andre kommuner: læs nettovirkningen før skat til kommunens budget",
    ),
    "msg.assume_taxable_wage": (
        "taxable wage of {forms}: the wage cost × {share} (fleksjob.wage_share_of_wage_cost, an estimate); "
        "state public.tax.taxable_share_of_wage_cost to replace it",
        "skattepligtig løn for {forms}: lønudgiften × {share} (fleksjob.wage_share_of_wage_cost, et skøn); "
        "angiv public.tax.taxable_share_of_wage_cost for at erstatte det",
    ),
    "msg.legacy_criterion": (
        "{name} only for citizens who started before {date} ({by})",
        "{name} kun for borgere, der startede før {date} ({by})",
    ),
    "msg.abolished_criterion": (
        "{name} only until {date}: abolished for everyone ({by})",
        "{name} kun indtil {date}: afskaffet for alle ({by})",
    ),
    "msg.abolished_before": (
        "it is priced up to {year}, before {date}",
        "den er regnet med til og med {year}, før {date}",
    ),
    "msg.abolished_within": (
        "{year} runs past {date}: the months from then are priced at the old rate, which nobody receives "
        "after that day (from then: {instead})",
        "{year} går ud over {date}: månederne derefter er regnet med den gamle sats, som ingen modtager "
        "efter den dag (derefter: {instead})",
    ),
    "msg.time_limited": (
        "{group}: {name} is priced in full{when}, though the right ends after {weeks} weeks on it ({rule}), "
        "counted from weeks_on_support; after that the person would receive another benefit (e.g. kontanthjælp), "
        "so the saving is overstated from then: {fix}",
        "{group}: {name} er regnet fuldt ud{when}, selv om retten ophører efter {weeks} uger ({rule}), "
        "regnet fra weeks_on_support; derefter ville personen modtage en anden ydelse (fx kontanthjælp), "
        "så besparelsen er overvurderet derfra: {fix}",
    ),
    "msg.time_limited_fix_change": (
        "state it with a horizon change of {path} from that year",
        "angiv den med en ændring i horizon af {path} fra det år",
    ),
    "msg.time_limited_fix_state": (
        "state the benefit they would receive after the right ends as {path}, or split the deal's years",
        "angiv den ydelse, de ville få, efter retten ophører, som {path}, eller del aftalens år op",
    ),
    "msg.time_limited_with": (
        "{group}: {name} is priced in full{when} as the benefit during the course, though the right ends after "
        "{weeks} weeks on it ({rule}), counted from weeks_on_support; after that the person would receive another "
        "benefit (e.g. kontanthjælp), so the cost with the partnership is overstated from then: {fix}",
        "{group}: {name} er regnet fuldt ud{when} som ydelse under forløbet, selv om retten ophører efter {weeks} "
        "uger ({rule}), regnet fra weeks_on_support; derefter ville personen modtage en anden ydelse (fx "
        "kontanthjælp), så udgiften med partnerskabet er overvurderet derfra: {fix}",
    ),
    "msg.time_limited_in": (" in {years} (the right ends in {first})", " i {years} (retten ophører i {first})"),
    "msg.time_limited_in_ended": (
        " in {years} (the right has ended before {first})",
        " i {years} (retten er ophørt før {first})",
    ),
    "msg.added_on_the_ladder": (
        "{group}: the people added in {years} are placed on the refusion ladder like the first "
        "(weeks_on_support plus 52 weeks a year), not from week 1 as citizens new to support would be",
        "{group}: de personer, der kommer til i {years}, placeres på refusionstrappen som de "
        "første (weeks_on_support plus 52 uger om året), ikke fra uge 1 som borgere, der er nye på offentlig "
        "forsørgelse",
    ),
    "msg.funding_negative": (
        "the funding is negative ({funding}): what the deal brings in falls short of the costs it carries besides "
        "the support staff (the workforce's wages, say), so the shortfall of {shortfall} is that deficit as well "
        "as the support-staff cost of {cost}, and the coverage is below zero",
        "finansieringen er negativ ({funding}): det, aftalen bringer ind, dækker ikke de omkostninger, den bærer "
        "ud over støttepersonalet (fx arbejdsstyrkens løn), så underskuddet på {shortfall} er både dette "
        "driftsunderskud og udgiften til støttepersonale på {cost}, og dækningsprocenten er under nul",
    ),
    "msg.funding_negative_no_cost": (
        "the funding is negative ({funding}): what the deal brings in falls short of the costs it carries besides "
        "the support staff (the workforce's wages, say); with no support-staff cost, the shortfall of {shortfall} "
        "is that deficit alone, and there is no coverage to give",
        "finansieringen er negativ ({funding}): det, aftalen bringer ind, dækker ikke de omkostninger, den bærer "
        "ud over støttepersonalet (fx arbejdsstyrkens løn); uden udgift til støttepersonale er underskuddet på "
        "{shortfall} alene dette driftsunderskud, og der er ingen dækningsprocent at give",
    ),
    "msg.course_places_added": (
        "course participant: the course places added in {years} are taken by citizens new to support, each "
        "from week 1 of the refusion ladder (with progression, every place freed or added goes to a newcomer); "
        "weeks_on_support counts for those on a course in the first year only",
        "course participant: de kursuspladser, der kommer til i {years}, besættes af borgere, der er nye på "
        "offentlig forsørgelse, hver fra uge 1 på refusionstrappen (med progression går hver plads, der bliver "
        "ledig eller kommer til, til en nytilkommen); weeks_on_support gælder kun dem, der er på kursus det første år",
    ),
    "msg.added_year": ("{year} ({before} → {after})", "{year} ({before} → {after})"),
    "msg.legacy_started": ("{group}: support started about {date}", "{group}: forsørgelsen startede omkring {date}"),
    "msg.legacy_entrants": (
        "new course participants from {date} (progression)",
        "nye forløbsdeltagere fra {date} (progression)",
    ),
    "msg.legacy_late": ("{reasons}, after its abolition", "{reasons}, efter dens afskaffelse"),
    "msg.in_year": ("{year}: {text}", "{year}: {text}"),
    "msg.job_without_hours": (
        "{form}: {count} people placed with 0 paid hours a week are not counted as jobs (a job of no hours is "
        "no job): check the hours",
        "{form}: {count} personer ansat med 0 betalte timer om ugen tælles ikke som job (et job uden timer er "
        "intet job): kontrollér timerne",
    ),
    "msg.job_without_hours_public": (
        "{form}: {count} people placed with 0 paid hours a week are not counted as jobs (a job of no hours is "
        "no job), nor does the public purse count them as off their benefit (they would stay on it): check the hours",
        "{form}: {count} personer ansat med 0 betalte timer om ugen tælles ikke som job (et job uden timer er "
        "intet job), og de offentlige kasser regner dem ikke som ude af deres ydelse (de ville blive på den): "
        "kontrollér timerne",
    ),
    "msg.last_moves_unpriced": (
        "progression: the moves at the course ends of {year}, the last year ({fleksjob} into fleksjob, "
        "{ordinary} into ordinary jobs), count in the new job from the year after, past the horizon: the "
        "figures report them, the public view does not price them",
        "progression: overgangene ved forløbsafslutningerne i {year}, det sidste år ({fleksjob} til fleksjob, "
        "{ordinary} til ordinære job), tæller i det nye job fra året efter, uden for horisonten: nøgletallene "
        "viser dem, de offentlige kasser prissætter dem ikke",
    ),
    "msg.movers_stay": (
        "progression: those who move on stay in their new job for every later year of the horizon (no end "
        "of a fleksjob, no retirement, no move back is modelled), so they add up: in {year} the deal counts "
        "{fleksjob} former course participants in fleksjob and {ordinary} in ordinary jobs, each priced in "
        "the public view; over a long horizon, judge whether that many stay",
        "progression: de, der går videre, bliver i deres nye job alle horisontens senere år (hverken ophør "
        "af et fleksjob, pension eller tilbagefald er modelleret), så de hober sig op: i {year} tæller "
        "aftalen {fleksjob} tidligere forløbsdeltagere i fleksjob og {ordinary} i ordinære job, hver prissat "
        "i de offentlige kasser; vurdér over en lang horisont, om så mange bliver",
    ),
    "msg.akkord_past_value": (
        "from {first}, the akkord rate {akkord_how} ({akkord} DKK/hour that year) exceeds the skilled "
        "hour value {value_how} ({value} DKK/hour), which the scenario refuses as an input: the "
        "piece rate is paid out of that value, so the company loses on every freed hour and the highest "
        "helper price at which it still pays is below zero (years: {years}); check {check}",
        "fra {first} overstiger akkordsatsen, {akkord_how} ({akkord} kr./time det år), værdien "
        "af en faglært time, {value_how} ({value} kr./time), hvad scenariet afviser som input: "
        "akkorden betales af den værdi, så virksomheden taber på hver frigjort time, og den højeste "
        "hjælperpris, der stadig betaler sig, er under nul (år: {years}); kontrollér {check}",
    ),
    "msg.akkord_grown.akkord_rate": ("grown with wage_growth", "fremskrevet med wage_growth"),
    "msg.akkord_grown.skilled_hour_value": ("grown with price_growth", "fremskrevet med price_growth"),
    "msg.akkord_set_by": ("as {change} sets it", "som {change} sætter den"),
    "msg.akkord_check_growth": ("the growth rates", "vækstraterne"),
    "msg.idle_fte": (
        "{path}: the post is costed by its annual_cost, so its FTE changes no amount; "
        "vary the annual cost, or cost the post per FTE (cost_per_fte)",
        "{path}: stillingen er prissat med sin annual_cost, så dens årsværk ændrer intet beløb; "
        "varier den årlige udgift, eller prissæt stillingen pr. årsværk (cost_per_fte)",
    ),
    "msg.carried_abolished": (
        "{name} was abolished from {date} ({by}) and has no later rate: its {year} rate is used for {years}, "
        "unchanged (not indexed)",
        "{name} er afskaffet fra {date} ({by}) og har ingen senere sats: {year}-satsen bruges for {years}, "
        "uændret (ikke reguleret)",
    ),
    "param.override_source": (
        "set in the scenario, in place of the file's {value} ({tag})",
        "angivet i scenariet i stedet for filens {value} ({tag})",
    ),
    "param.override_source_dated": (
        "set in the scenario, in place of the file's {value} ({tag}, dated {year})",
        "angivet i scenariet i stedet for filens {value} ({tag}, fra {year})",
    ),
    "param.indexed_source": (
        "the {year} value × {factor}, indexed by the satsreguleringsprocent to {to} (see the statements); "
        "the {year} value: {source}",
        "{year}-værdien × {factor}, reguleret med satsreguleringsprocenten til {to} (se bemærkningerne); "
        "{year}-værdien: {source}",
    ),
    "msg.override_unread": (
        "{name} is set in the scenario, but no figure of this deal reads it: it changes nothing here (a rate "
        "worked out from it, such as fleksloentilskud.max_supplement from dagpenge.max, is a parameter of its own)",
        "{name} er angivet i scenariet, men intet tal i aftalen bruger den: den ændrer intet her (en sats, der er "
        "beregnet ud fra den, som fleksloentilskud.max_supplement ud fra dagpenge.max, er en parameter for sig)",
    ),
    "msg.carried_forward": (
        "parameters for {years} are not published yet: the {year} values are used unchanged (not indexed; a "
        "horizon's wage_growth, or parameters.satsreguleringsprocent in the scenario, indexes the rates in kroner)",
        "parametrene for {years} er ikke offentliggjort endnu: {year}-værdierne bruges uændret (ikke reguleret; en "
        "horisonts wage_growth eller parameters.satsreguleringsprocent i scenariet regulerer satserne i kroner)",
    ),
    "msg.carried_indexed": (
        "parameters for {years} are not published yet: the {year} rates in kroner are indexed by a "
        "satsreguleringsprocent of {rate} a year, as lov om en satsreguleringsprocent §§ 2-4 derives it from the "
        "wage growth of the lønår two years before (§ 3, stk. 2), taken as the horizon's wage growth of {growth}",
        "parametrene for {years} er ikke offentliggjort endnu: {year}-satserne i kroner reguleres med en "
        "satsreguleringsprocent på {rate} om året; efter lov om en satsreguleringsprocent §§ 2-4 fastsættes den ud "
        "fra lønstigningen i lønåret to år før (§ 3, stk. 2), her horisontens lønstigning på {growth}",
    ),
    "msg.carried_indexed_given": (
        "parameters for {years} are not published yet: the {year} rates in kroner are indexed by the "
        "satsreguleringsprocent ({rates}; for other years as lov om en satsreguleringsprocent §§ 2-4 derives it "
        "from the wage growth of the lønår two years before, taken as the horizon's)",
        "parametrene for {years} er ikke offentliggjort endnu: {year}-satserne i kroner reguleres med "
        "satsreguleringsprocenten ({rates}; for andre år som lov om en satsreguleringsprocent §§ 2-4 udleder den "
        "af lønstigningen i lønåret to år før, her horisontens)",
    ),
    "msg.carried_indexed_set": (
        "parameters for {years} are not published yet: the {year} rates in kroner are indexed by a "
        "satsreguleringsprocent of {rate} a year, as set in parameters.satsreguleringsprocent",
        "parametrene for {years} er ikke offentliggjort endnu: {year}-satserne i kroner reguleres med en "
        "satsreguleringsprocent på {rate} om året, som angivet i parameters.satsreguleringsprocent",
    ),
    "msg.index_given": ("{rate} in {year}", "{rate} i {year}"),
    "msg.source_year_estimated": (
        "the {year} rates in kroner that {years} are indexed from are estimates themselves, not published rates "
        "(their sources are in the parameters used)",
        "de {year}-satser i kroner, som {years} reguleres ud fra, er selv skøn, ikke offentliggjorte satser "
        "(deres kilder står i anvendte parametre)",
    ),
    "msg.stated_indexed": (
        "the rates in kroner the scenario states ({names}) are the {year} rates: for {years} they are indexed by "
        "the satsreguleringsprocent, as the parameters' rates are past the file's last year ({how})",
        "de satser i kroner, scenariet angiver ({names}), er {year}-satser: for {years} reguleres de med "
        "satsreguleringsprocenten, som parametrenes satser efter filens sidste år ({how})",
    ),
    "msg.stated_indexed_changed": (
        "the rates in kroner horizon.changes set from {year} ({names}) are {year} rates: for {years} they are "
        "indexed by the satsreguleringsprocent, as the parameters' rates are past the file's last year ({how})",
        "de satser i kroner, horizon.changes sætter fra {year} ({names}), er {year}-satser: for {years} reguleres "
        "de med satsreguleringsprocenten, som parametrenes satser efter filens sidste år ({how})",
    ),
    "msg.index_how_projected": (
        "{rate} a year, as lov om en satsreguleringsprocent §§ 2-4 derives it from the wage growth of the lønår "
        "two years before (§ 3, stk. 2), taken as the horizon's wage growth of {growth}",
        "{rate} om året; efter lov om en satsreguleringsprocent §§ 2-4 fastsættes den ud fra lønstigningen i "
        "lønåret to år før (§ 3, stk. 2), her horisontens lønstigning på {growth}",
    ),
    "msg.index_how_given": (
        "{rates}; for other years as lov om en satsreguleringsprocent §§ 2-4 derives it from the wage growth of the "
        "lønår two years before, taken as the horizon's",
        "{rates}; for andre år fastsat efter lov om en satsreguleringsprocent §§ 2-4 ud fra lønstigningen i "
        "lønåret to år før, her horisontens",
    ),
    "msg.index_how_set": (
        "{rate} a year, as set in parameters.satsreguleringsprocent",
        "{rate} om året, som angivet i parameters.satsreguleringsprocent",
    ),
    "msg.constant_rates": (
        "public purse: the years' amounts are in constant prices, so every year uses the {year} rates in kroner "
        "(benefits, fleksløntilskud; a benefit amount the scenario states, as stated), not each year's own",
        "det offentlige: årenes beløb er i faste priser, så hvert år bruger {year}-satserne i kroner "
        "(ydelser, fleksløntilskud; et ydelsesbeløb, scenariet angiver, som angivet), ikke årets egne",
    ),
    "msg.change_idle_fte": (
        "horizon.changes.{change} sets {path} from {year}: the post is costed by its annual_cost (the cost of the "
        "post as stated, at its FTE), so its FTE changes no amount; set its annual_cost too, or cost the post per "
        "FTE (cost_per_fte)",
        "horizon.changes.{change} sætter {path} fra {year}: stillingen er prissat med sin annual_cost (stillingens "
        "udgift som angivet, ved dens årsværk), så dens årsværk ændrer intet beløb; sæt også dens annual_cost, "
        "eller prissæt stillingen pr. årsværk (cost_per_fte)",
    ),
    "msg.discount_real": (
        "present values: real, the yearly nets deflated by the price growth ({growth} a year) and discounted at "
        "Finansministeriet's real rate (discount_rate.*)",
        "nutidsværdier: reale, de årlige nettobeløb deflateret med prisstigningen ({growth} om året) og "
        "diskonteret med Finansministeriets reale rente (discount_rate.*)",
    ),
    "msg.fleksjob_wage_criterion": (
        "the fleksjob wage incl. pension (public.fleksjob_wage) is no higher than the employer's wage cost ({path})",
        "fleksjoblønnen inkl. pension (public.fleksjob_wage) er ikke højere end arbejdsgiverens lønudgift ({path})",
    ),
    "msg.fleksjob_wage_above": (
        "public.fleksjob_wage {wage} is above {path} {cost}{when}: a wage incl. pension is part of what the "
        "employer pays per hour and cannot exceed it, so the fleksløntilskud is computed from a wage the deal "
        "does not pay; correct one of the two (without public.fleksjob_wage the wage is {path} × "
        "fleksjob.wage_share_of_wage_cost)",
        "public.fleksjob_wage {wage} er over {path} {cost}{when}: en løn inkl. pension er en del af det, "
        "arbejdsgiveren betaler pr. time, og kan ikke overstige det, så fleksløntilskuddet beregnes af en løn, "
        "aftalen ikke betaler; ret en af de to (uden public.fleksjob_wage er lønnen {path} × "
        "fleksjob.wage_share_of_wage_cost)",
    ),
    "msg.fleksjob_wage_in": (" in {year}", " i {year}"),
    "msg.fleksjob_wage_zero_criterion": (
        "the fleksjob wage incl. pension ({path}) is above 0",
        "fleksjoblønnen inkl. pension ({path}) er over 0",
    ),
    "msg.fleksjob_wage_zero": (
        "{path} is 0{when}: at a wage of 0 the lønloft leaves no fleksløntilskud, so the municipality seems to "
        "save the whole benefit of everyone in the fleksjob; give the wage incl. pension (or leave "
        "public.fleksjob_wage out to use the wage cost × fleksjob.wage_share_of_wage_cost)",
        "{path} er 0{when}: ved en løn på 0 efterlader lønloftet intet fleksløntilskud, så kommunen ser ud til "
        "at spare hele ydelsen for alle i fleksjobbet; angiv lønnen inkl. pension (eller udelad "
        "public.fleksjob_wage for at bruge lønudgiften × fleksjob.wage_share_of_wage_cost)",
    ),
    "msg.fleksjob_full_time_criterion": (
        "the people in fleksjob ({paths}) work less than full time",
        "personerne i fleksjob ({paths}) arbejder mindre end fuld tid",
    ),
    "msg.fleksjob_full_time": (
        "{paths}: each person in fleksjob is paid for {hours} of effective work{when} (full time: {full}): "
        "their wage is the job's full-time wage, so the lønloft leaves no fleksløntilskud and the municipality "
        "seems to save the whole benefit of everyone on the line; a fleksjob's hours are those of reduced "
        "working capacity: give the hours the person works",
        "{paths}: hver person i fleksjob får løn for {hours} effektivt arbejde{when} (fuld tid: {full}): "
        "lønnen er jobbets fuldtidsløn, så lønloftet efterlader intet fleksløntilskud, og kommunen ser ud til "
        "at spare hele ydelsen for alle på linjen; et fleksjobs timer er dem, en nedsat arbejdsevne rækker "
        "til: angiv de timer, personen arbejder",
    ),
    "msg.fleksjob_wage_years": (" in {years} ({year}'s figures)", " i {years} (tal for {year})"),
    "msg.comparison_leave_idle": (
        "progression.comparison.leave ({leave}) has no effect without progression.leave_benefit: those who "
        "leave drop out of the public view on both sides; give leave_benefit (e.g. "
        "benefit.foertidspension_enlig) to price them",
        "progression.comparison.leave ({leave}) har ingen virkning uden progression.leave_benefit: de, der "
        "forlader forløbet, tæller hverken med eller uden partnerskabet i det offentliges regnskab; angiv "
        "leave_benefit (fx benefit.foertidspension_enlig) for at medregne dem",
    ),
    "msg.progression_idle": (
        "horizon.progression moves course participants on, and this deal has none in any year: its figures are zero",
        "horizon.progression flytter forløbsdeltagere videre, og denne aftale har ingen i noget år: dens tal er nul",
    ),
    "msg.jobs_last_year": (
        "jobs and FTE of the total (results' jobs and fte) are those of {year}, the last year, "
        "not a sum or an average of the years ({years}); the money figures are summed over the years",
        "job og årsværk i alt er tallene for {year}, det sidste år, "
        "ikke en sum eller et gennemsnit af årene ({years}); beløbene er summeret over årene",
    ),
    "msg.jobs_year": ("{year}: {jobs} jobs, {fte} FTE", "{year}: {jobs} job, {fte} årsværk"),
    "msg.discount_constant": (
        "present values: the years' amounts are taken as stated, in constant prices, and discounted at "
        "Finansministeriet's real rate (discount_rate.*); amounts stated in each year's own prices (nominal) "
        "should be deflated first",
        "nutidsværdier: årenes beløb tages som angivet, i faste priser, og diskonteres med Finansministeriets "
        "reale rente (discount_rate.*); beløb i hvert års egne priser (nominelle) bør deflateres først",
    ),
    "msg.discount_nominal": (
        "present values: nominal, the yearly nets (grown with wages and prices) discounted at the stated "
        "nominal rate {rate}",
        "nutidsværdier: nominelle, de årlige nettobeløb (fremskrevet med løn og priser) diskonteret med den "
        "angivne nominelle rente {rate}",
    ),
    "msg.changed_input": (
        "horizon.changes set {path} in {changed}: a value given for {path} counts in {kept} only",
        "horizon.changes sætter {path} i {changed}: en værdi for {path} gælder kun i {kept}",
    ),
    "msg.not_monotone": (
        "{result} is not monotone in {vary}: it crosses the target again between {low} and {high}, "
        "so other values meet it too; this value is at its first crossing from {start}",
        "{result} bevæger sig ikke kun én vej med {vary}: det krydser målet igen mellem {low} og {high}, "
        "så andre værdier opfylder det også; denne værdi er ved første krydsning fra {start}",
    ),
    "msg.not_monotone_stretches": (
        "{result} is not monotone in {vary}: it crosses the target again between {low} and {high}, "
        "so other values meet it too; this value is at its first crossing from {start}; from {start} to {end} "
        "the values that meet the target are {stretches}{every}",
        "{result} bevæger sig ikke kun én vej med {vary}: det krydser målet igen mellem {low} og {high}, "
        "så andre værdier opfylder det også; denne værdi er ved første krydsning fra {start}; fra {start} til "
        "{end} er de værdier, der opfylder målet, {stretches}{every}",
    ),
    "msg.not_monotone_stretches_more": (
        "{result} is not monotone in {vary}: it crosses the target again between {low} and {high}, "
        "so other values meet it too; this value is at its first crossing from {start}; from {start} to {end} "
        "the values that meet the target are {stretches}, and further stretches{every}",
        "{result} bevæger sig ikke kun én vej med {vary}: det krydser målet igen mellem {low} og {high}, "
        "så andre værdier opfylder det også; denne værdi er ved første krydsning fra {start}; fra {start} til "
        "{end} er de værdier, der opfylder målet, {stretches} og flere intervaller{every}",
    ),
    "msg.stretch": ("{low} to {high}", "{low} til {high}"),
    "msg.checked_one_in": (
        " (one value in {n} of the range checked)",
        " (én værdi ud af {n} i intervallet kontrolleret)",
    ),
    "msg.not_monotone_sampled": (
        "{result} is not monotone in {vary}: it crosses the target again between {low} and {high}, "
        "so other values meet it too; this value is at its first crossing from {start} found by evaluating "
        "one value in {n} of the range",
        "{result} bevæger sig ikke kun én vej med {vary}: det krydser målet igen mellem {low} og {high}, "
        "så andre værdier opfylder det også; denne værdi er ved første krydsning fra {start}, fundet ved "
        "at beregne én værdi ud af {n} i intervallet",
    ),
    "msg.not_monotone_inside": (
        "{result} is not monotone in {vary}: it misses the target at both ends of the range and reaches "
        "it between them; this value is at its first crossing from {start}",
        "{result} bevæger sig ikke kun én vej med {vary}: det når ikke målet i nogen af intervallets ender, "
        "men gør det imellem dem; denne værdi er ved første krydsning fra {start}",
    ),
    "msg.coarse_range": (
        "the range holds only {count} values of the solver's grid (steps of {step}), and the value found "
        "is one of them: the range's ends are read in the unit the input is written in",
        "intervallet rummer kun {count} værdier i søgningens trin (trin på {step}), og den fundne værdi "
        "er en af dem: intervallets ender læses i den enhed, inputtet er skrevet i",
    ),
    "msg.solved_rounded_ratio": (
        "{result} is reported rounded to 4 decimals, as the model judges it, and this value meets the reported "
        "figure; unrounded it may be up to 0.00005 from the target",
        "{result} opgøres afrundet til 4 decimaler, som modellen bedømmer den, og denne værdi opfylder det "
        "opgjorte tal; uafrundet kan den ligge op til 0,00005 fra målet",
    ),
    "msg.solved_rounded": (
        "{result} is reported rounded to 0.01, and this value meets the reported figure; "
        "unrounded it may be up to 0.005 below the target",
        "{result} opgøres afrundet til 0,01, og denne værdi opfylder det opgjorte tal; "
        "uafrundet kan det ligge op til 0,005 under målet",
    ),
    "msg.solved_grown": (
        "{path} as the scenario states it ({first} prices); grown by {rate} a year to {grown} in {year}",
        "{path} som scenariet angiver den ({first}-priser); fremskrevet med {rate} om året til {grown} i {year}",
    ),
    "msg.solved_stated": (
        "{path} as the scenario states it ({first} prices), grown by {rate} a year in {later}",
        "{path} som scenariet angiver den ({first}-priser), fremskrevet med {rate} om året i {later}",
    ),
    "msg.solved_indexed": (
        "{path} as the scenario states it (the {first} rate in kroner); indexed by the satsreguleringsprocent "
        "(× {factor}) to {value} in {year}",
        "{path} som scenariet angiver den ({first}-satsen i kroner); reguleret med satsreguleringsprocenten "
        "(× {factor}) til {value} i {year}",
    ),
    "msg.solved_stated_rate": (
        "{path} as the scenario states it (the {first} rate in kroner), indexed by the satsreguleringsprocent "
        "in {later}",
        "{path} som scenariet angiver den ({first}-satsen i kroner), reguleret med satsreguleringsprocenten i {later}",
    ),
    "msg.changed_input_all": (
        "horizon.changes set {path} in every year ({changed}): a value given for {path} changes no result",
        "horizon.changes sætter {path} i hvert år ({changed}): en værdi for {path} ændrer intet resultat",
    ),
    "note.payback": (
        "first year the discounted running sum is back at or above zero",
        "første år, hvor den tilbagediskonterede løbende sum igen er nul eller derover",
    ),
    "note.no_payback": ("not within the horizon", "ikke inden for tidshorisonten"),
    "note.payback_ledger_only": (
        "{note}; of its payments in the deal only, before the benefits it saves (its public net effect's "
        "payback counts them)",
        "{note}; kun af dens betalinger i aftalen, før de ydelser den sparer (nettovirkningens "
        "tilbagebetalingsår tæller dem med)",
    ),
    "note.payback_pays_only": (
        "none: the net is at or below zero every year, so the sum never comes back",
        "ingen: nettoet er nul eller derunder hvert år, så summen kommer aldrig tilbage",
    ),
    "note.payback_not_needed": ("not needed (never below zero)", "ikke nødvendig (aldrig under nul)"),
    "note.total_public": (
        "sum of the yearly net effects, undiscounted",
        "sum af de årlige nettovirkninger, udiskonteret",
    ),
    # spin-off
    "figure.revenue": ("revenue from sales", "omsætning fra salg"),
    "figure.revenue.note": (
        "parent's purchases + sales to other customers",
        "moderselskabets køb + salg til andre kunder",
    ),
    "figure.parent_share": (
        "parent's share of revenue (dependency)",
        "moderselskabets andel af omsætningen (afhængighed)",
    ),
    "figure.parent_share.note": ("parent's purchases / revenue from sales", "moderselskabets køb / omsætning fra salg"),
    "figure.commercial_share": ("commercial share of income", "erhvervsmæssig andel af indtægterne"),
    "figure.commercial_share.note": (
        "revenue from sales / (revenue from sales + grants + løntilskud)",
        "omsætning fra salg / (omsætning fra salg + tilskud + løntilskud)",
    ),
    "figure.result": ("SØV result", "SØV'ens resultat"),
    "figure.result.note": (
        "revenue + grants + løntilskud − wages − support staff − other costs",
        "omsætning + tilskud + løntilskud − løn − støttepersonale − andre udgifter",
    ),
    "figure.stand_alone_year": ("first year the SØV stands on its own", "første år, SØV'en kan stå på egne ben"),
    # supplier
    "figure.contract_value": ("contract value", "kontraktværdi"),
    "figure.contract_value.note": (
        "sum of the company's payments for services",
        "sum af virksomhedens betalinger for ydelser",
    ),
    "figure.margin_after_wages": (
        "SØV margin after wages and other costs",
        "SØV'ens dækningsbidrag efter løn og andre udgifter",
    ),
    "figure.margin_after_wages.note": (
        "contract value + other customers − wages − other costs",
        "kontraktværdi + andre kunder − løn − andre udgifter",
    ),
    "figure.margin": ("SØV margin after wages and supervision", "SØV'ens dækningsbidrag efter løn og arbejdsledelse"),
    "figure.margin.note": ("margin after wages − supervision", "dækningsbidrag efter løn − arbejdsledelse"),
    "figure.revenue_share": ("contract's share of the SØV's revenue", "kontraktens andel af SØV'ens omsætning"),
    "figure.revenue_share.note": (
        "contract value / (contract value + other customers); 100 % without other customers, 0 % with no revenue",
        "kontraktværdi / (kontraktværdi + andre kunder); 100 % uden andre kunder, 0 % uden omsætning",
    ),
    "figure.csr_spend": ("CSR: spend with a social-economy supplier", "CSR: køb hos en socialøkonomisk leverandør"),
    "figure.total.csr_spend": (
        "CSR: spend with a social-economy supplier over the years",
        "CSR: køb hos en socialøkonomisk leverandør over årene",
    ),
    "figure.total.csr_spend.note": ("sum of the yearly contract values", "summen af årenes kontraktværdier"),
    "figure.csr_inclusive_hours_total": (
        "CSR: hours of inclusive work attributable over the years",
        "CSR: henførbare timers inkluderende arbejde over årene",
    ),
    "figure.csr_inclusive_hours_total.note": (
        "sum of the yearly hours attributable (exact, rounded once)",
        "summen af årenes henførbare timer (eksakt, afrundet én gang)",
    ),
    "figure.csr_inclusive_job_years": ("CSR: inclusive job-years attributable", "CSR: henførbare inkluderende jobår"),
    "figure.csr_inclusive_job_years.note": (
        "sum of the yearly inclusive jobs attributable (a job held for a year is one job-year; exact, rounded once)",
        "summen af årenes henførbare inkluderende job (et job i et år er ét jobår; eksakt, afrundet én gang)",
    ),
    "figure.csr_inclusive_fte_years": (
        "CSR: inclusive FTE-years attributable",
        "CSR: henførbare inkluderende årsværk over årene",
    ),
    "figure.csr_inclusive_fte_years.note": (
        "sum of the yearly FTE attributable (exact, rounded once)",
        "summen af årenes henførbare årsværk (eksakt, afrundet én gang)",
    ),
    "figure.csr_spend.note": ("the contract value", "kontraktværdien"),
    "figure.csr_inclusive_jobs": ("CSR: inclusive jobs attributable", "CSR: henførbare inkluderende job"),
    "figure.csr_inclusive_jobs.note": (
        "revenue share × headcount in inclusive jobs (all but ordinary jobs; course participants are not jobs)",
        "omsætningsandel × antal i inkluderende job (alle undtagen ordinære job; forløbsdeltagere er ikke job)",
    ),
    "figure.csr_inclusive_fte": ("CSR: inclusive FTE attributable", "CSR: henførbare inkluderende årsværk"),
    "figure.csr_inclusive_fte.note": (
        "revenue share × paid hours a year in inclusive jobs / 1,924",
        "omsætningsandel × betalte timer om året i inkluderende job / 1.924",
    ),
    "figure.csr_inclusive_hours": (
        "CSR: hours of inclusive work attributable",
        "CSR: henførbare timer inkluderende arbejde",
    ),
    "figure.csr_inclusive_hours.note": (
        "revenue share × paid hours in inclusive jobs over the period",
        "omsætningsandel × betalte timer i inkluderende job over perioden",
    ),
    # labour shortage
    "figure.helper_hours": ("helper hours bought (paid)", "købte medhjælpertimer (betalte)"),
    "figure.helper_hours.note": ("Σ headcount × paid hours × period", "Σ antal × betalte timer × periode"),
    "figure.helper_cost": ("cost of helper hours", "udgift til medhjælpertimer"),
    "figure.helper_cost.note": ("price × paid helper hours", "pris × betalte medhjælpertimer"),
    "figure.skilled_hours_freed": ("skilled hours freed", "frigjorte faglærte timer"),
    "figure.skilled_hours_freed.note": (
        "skilled hours freed per helper hour × effective helper hours",
        "frigjorte faglærte timer pr. medhjælpertime × effektive medhjælpertimer",
    ),
    "figure.skilled_fte_freed": (
        "skilled FTE freed (recruitment avoided)",
        "frigjorte faglærte årsværk (undgået rekruttering)",
    ),
    "figure.skilled_fte_freed.note": (
        "skilled hours freed per year / 1,924 hours per FTE-year",
        "frigjorte faglærte timer pr. år / 1.924 timer pr. årsværk",
    ),
    "figure.value_of_freed_time": ("value of the freed skilled time", "værdi af den frigjorte faglærte tid"),
    "figure.value_of_freed_time.note": (
        "skilled hour value × skilled hours freed",
        "værdi pr. faglært time × frigjorte faglærte timer",
    ),
    "figure.craftsmen_extra_earnings": (
        "craftsmen's extra piece-rate earnings",
        "håndværkernes ekstra akkordindtjening",
    ),
    "figure.craftsmen_extra_earnings.note": (
        "akkord rate × skilled hours freed",
        "akkordsats × frigjorte faglærte timer",
    ),
    "figure.company_net_gain": ("company's net gain", "virksomhedens nettogevinst"),
    "figure.company_net_gain.note": (
        "value of freed time − craftsmen's extra earnings − cost of helper hours",
        "værdi af frigjort tid − håndværkernes ekstra indtjening − udgift til medhjælpertimer",
    ),
    "figure.max_helper_price": (
        "highest helper price at which it still pays",
        "højeste medhjælperpris, der stadig kan betale sig",
    ),
    "figure.max_helper_price.note": (
        "skilled hours freed per paid helper hour × (skilled hour value − akkord rate), rounded down to the øre",
        "frigjorte faglærte timer pr. betalt medhjælpertime × (værdi pr. faglært time − akkordsats), "
        "rundet ned til øre",
    ),
    # in-house
    "figure.before_own_wages": ("before: own wages", "før: egen løn"),
    "figure.before_own_wages.note": ("own wage cost × own hours × period", "egen lønudgift × egne timer × periode"),
    "figure.before_staff_turnover": ("before: staff turnover", "før: personaleomsætning"),
    "figure.before_staff_turnover.note": (
        "own staff × turnover × cost per hire × period",
        "eget personale × personaleomsætning × udgift pr. ansættelse × periode",
    ),
    "figure.before_errors": ("before: errors", "før: fejl"),
    "figure.before_errors.note": (
        "volume × own error rate × cost per error × period",
        "mængde × egen fejlrate × udgift pr. fejl × periode",
    ),
    "figure.before_supervision": ("before: supervision", "før: arbejdsledelse"),
    "figure.before_supervision.note": ("own supervision × period", "egen arbejdsledelse × periode"),
    "figure.company_cost_before": (
        "company's total cost, doing it itself",
        "virksomhedens samlede udgift, når den selv udfører opgaven",
    ),
    "figure.company_cost_before.note": (
        "own wages + staff turnover + errors + supervision",
        "egen løn + personaleomsætning + fejl + arbejdsledelse",
    ),
    "figure.after_soev_service": ("after: SØV service", "efter: SØV'ens ydelse"),
    "figure.after_soev_service.note": ("price × effective hours × period", "pris × effektive timer × periode"),
    "figure.after_errors": ("after: errors", "efter: fejl"),
    "figure.after_errors.note": (
        "volume × error rate × cost per error × period",
        "mængde × fejlrate × udgift pr. fejl × periode",
    ),
    "figure.after_supervision": ("after: supervision", "efter: arbejdsledelse"),
    "figure.after_supervision.note": (
        "the company's own coordination × period",
        "virksomhedens egen koordinering × periode",
    ),
    "figure.company_cost_after": ("company's total cost, with the SØV", "virksomhedens samlede udgift med SØV'en"),
    "figure.company_cost_after.note": (
        "SØV service + errors + the company's own coordination",
        "SØV'ens ydelse + fejl + virksomhedens egen koordinering",
    ),
    "figure.company_saving": ("company's saving", "virksomhedens besparelse"),
    "figure.company_saving.note": ("total cost before − total cost after", "samlet udgift før − samlet udgift efter"),
    "figure.soev_margin": (
        "SØV margin after wages and support staff",
        "SØV'ens dækningsbidrag efter løn og støttepersonale",
    ),
    "figure.soev_margin.note": (
        "service revenue − wages − support staff",
        "omsætning fra ydelsen − løn − støttepersonale",
    ),
    "figure.company_break_even_price": (
        "highest price per effective hour at which the company still saves",
        "højeste pris pr. effektiv time, hvor virksomheden stadig sparer",
    ),
    "figure.company_break_even_price.note": (
        "(total cost before − total cost after without the SØV service) / effective hours of the workforce, "
        "rounded down to the øre",
        "(samlet udgift før − samlet udgift efter uden SØV'ens ydelse) / arbejdsstyrkens effektive timer, "
        "rundet ned til øre",
    ),
    # progression over a horizon
    "figure.progression.in_fleksjob": (
        "former participants in fleksjob this year",
        "tidligere deltagere i fleksjob i år",
    ),
    "figure.progression.in_fleksjob.note": ("moved in earlier years", "overgået i tidligere år"),
    "figure.progression.in_ordinary": (
        "former participants in ordinary jobs this year",
        "tidligere deltagere i ordinære job i år",
    ),
    "figure.progression.in_ordinary.note": ("moved in earlier years", "overgået i tidligere år"),
    "figure.progression.into_fleksjob": ("participants moving into fleksjob", "deltagere, der går i fleksjob"),
    "figure.progression.into_fleksjob.note": (
        "participants × courses ended in the year × to_fleksjob",
        "deltagere × forløb afsluttet i året × andel til fleksjob",
    ),
    "figure.progression.into_ordinary": ("participants moving into ordinary jobs", "deltagere, der går i ordinære job"),
    "figure.progression.into_ordinary.note": (
        "participants × courses ended in the year × to_ordinary",
        "deltagere × forløb afsluttet i året × andel til ordinære job",
    ),
    "figure.progression.left": ("participants leaving", "deltagere, der stopper"),
    "figure.progression.comparison_into_fleksjob": (
        "comparison group: finishers moving into fleksjob",
        "sammenligningsgruppe: afsluttede, der går i fleksjob",
    ),
    "figure.progression.comparison_into_fleksjob.note": (
        "participants × courses ended in the year × comparison.to_fleksjob",
        "deltagere × forløb afsluttet i året × sammenligningsgruppens andel til fleksjob",
    ),
    "figure.progression.comparison_into_ordinary": (
        "comparison group: finishers moving into ordinary jobs",
        "sammenligningsgruppe: afsluttede, der går i ordinære job",
    ),
    "figure.progression.comparison_into_ordinary.note": (
        "participants × courses ended in the year × comparison.to_ordinary",
        "deltagere × forløb afsluttet i året × sammenligningsgruppens andel til ordinære job",
    ),
    "figure.progression.effect_into_fleksjob": (
        "effect: moves into fleksjob beyond the comparison group",
        "effekt: overgange til fleksjob ud over sammenligningsgruppen",
    ),
    "figure.progression.effect_into_fleksjob.note": ("with − comparison", "med − sammenligningsgruppe"),
    "figure.progression.effect_into_ordinary": (
        "effect: moves into ordinary jobs beyond the comparison group",
        "effekt: overgange til ordinære job ud over sammenligningsgruppen",
    ),
    "figure.progression.effect_into_ordinary.note": ("with − comparison", "med − sammenligningsgruppe"),
    "figure.progression.left.note": (
        "participants × courses ended in the year × leave",
        "deltagere × forløb afsluttet i året × andel, der stopper",
    ),
    "chart.inside_range": ("result between the ends of the range", "resultatet mellem intervallets ender"),
    "msg.tornado_beyond_ends": (
        "{result} is not monotone in {vary} over the range: it reaches {beyond}, beyond its values at the ends "
        "({at_low} at the low end, {at_high} at the high end); the swing compares the ends only",
        "{result} bevæger sig ikke kun én vej med {vary} i intervallet: det når {beyond}, ud over værdierne ved "
        "enderne ({at_low} ved den lave ende, {at_high} ved den høje ende); udsvinget sammenligner kun enderne",
    ),
    "msg.tornado_value_at": ("{value} at {at}", "{value} ved {at}"),
    "msg.flat_wages_rising_benefits": (
        "the horizon has no wage_growth: the scenario's wages stay at their {first} level, while the benefits "
        "compared against ({groups}) rise with the parameters' years to {last}; the net effects then mix two "
        "price levels (set horizon.wage_growth to grow the wages too)",
        "tidshorisonten har ingen wage_growth: scenariets lønninger bliver på {first}-niveau, mens de ydelser, der "
        "sammenlignes med ({groups}), stiger med parametrenes år frem til {last}; nettovirkningerne blander da to "
        "prisniveauer (angiv horizon.wage_growth, så lønningerne også stiger)",
    ),
    "msg.loentilskud_uncounted": (
        "løntilskud ({lines}): the employer's wage subsidy is not counted, as the municipality pays it in the "
        "public view only; add a public: block to count it (it lowers the employer's costs, and the prices that "
        "cover them)",
        "løntilskud ({lines}): arbejdsgiverens løntilskud er ikke medregnet, da kommunen kun betaler det i den "
        "offentlige økonomi; tilføj en public:-blok for at regne det med (det sænker arbejdsgiverens udgifter og de "
        "priser, der dækker dem)",
    ),
    "msg.parameter_named": ("{words}: parameter {name}", "{words}: parameter {name}"),
}
"""Every text a reader sees: stable key → (English, Danish)."""

# a benefit named by its parameter, in words (review 63 no. 4: "(parameter benefit.ledighedsydelse)" alone)
TEXT.update({f"benefit_words.{name}": words for name, words in BENEFIT_WORDS.items()})
TEXT.update({f"report.model.{code}": words for code, words in MODEL_WORDS.items()})  # the models' names, once

# Fixed phrases the models hand over as plain English (party names, purposes, criteria):
# found by their English text, translated by their key.
_BY_ENGLISH: dict[str, str] = {}
for _key, (_en, _da) in TEXT.items():
    if _key.startswith(("term.", "check.", "tag.", "figure.", "agree.")) and "{" not in _en:
        _BY_ENGLISH.setdefault(_en, _key)

# Labelled phrases: "salary: socialpædagog", "wages (fleksjob)", "2027: development courses".
_PREFIXES: tuple[tuple[str, str, str], ...] = (
    ("salary: ", "løn: ", ""),
    ("wages (", "løn (", ")"),
    ("service: ", "ydelse: ", ""),
    ("counterfactual benefit: ", "ydelse ellers: ", ""),
    ("counterfactual refusion: ", "refusion ellers: ", ""),
    ("state refusion: ", "statslig refusion: ", ""),
    ("fleksløntilskud: ", "fleksløntilskud: ", ""),
    ("benefit: ", "ydelse: ", ""),
    ("before: ", "før: ", ""),
    ("after: ", "efter: ", ""),
)
# Danish units of a stated quantity: (one, many, after a slash)
_UNIT_DA = {
    "DKK": ("kr.", "kr.", "kr."),
    "hour": ("time", "timer", "time"),
    "year": ("år", "år", "år"),
    "month": ("måned", "måneder", "md."),
    "week": ("uge", "uger", "uge"),
    "day": ("dag", "dage", "dag"),
    "item": ("stk.", "stk.", "stk."),
    "FTE": ("årsværk", "årsværk", "årsværk"),
    "percent": ("%", "%", "%"),
}
_YEAR_PREFIX = re.compile(r"^((?:\d{4})|(?:year \d+)): (.*)$", re.DOTALL)
# A post costed per FTE: "salary: arbejdsleder (0.5 FTE × 460000 DKK/year)"
_FTE_NOTE = re.compile(r"^(.*) \((\d+(?:\.\d+)?) FTE × (\d+(?:\.\d+)?) DKK/year\)$", re.DOTALL)
# A payment told apart by its line where two lines of one form are paid: "fleksløntilskud (workforce.1)"
_LINE_NOTE = re.compile(r"^(.*) \(([a-z_]+\.\d+)\)$", re.DOTALL)
_PERIOD = re.compile(r"^(\d+(?:\.\d+)?) (year|month|week)s?$")
_PERIOD_DA = {"year": ("år", "år"), "month": ("måned", "måneder"), "week": ("uge", "uger")}


@dataclass(frozen=True, slots=True)
class Money:
    """An amount of DKK in a sentence: ``1,419,080.00 DKK`` / ``1.419.080,00 kr.``.

    ``places`` beyond 2 for a rate used unrounded (``20,983.3217 DKK``); ``approx`` marks one
    rounded to them (``≈ 178.1373 DKK``).
    """

    value: Decimal
    places: int = 2
    approx: bool = False


@dataclass(frozen=True, slots=True)
class Number:
    """A plain number in a sentence, to ``places`` decimals (``18.40`` / ``18,40``)."""

    value: Decimal
    places: int = 2
    grouped: bool = True


@dataclass(frozen=True, slots=True)
class Percent:
    """A ratio shown as a percentage to two decimals (``50.00 %`` / ``50,00 %``)."""

    ratio: Decimal


@dataclass(frozen=True, slots=True)
class Period:
    """A period label in a sentence (``1 year`` / ``1 år``)."""

    label: str


@dataclass(frozen=True, slots=True)
class Join:
    """Items in a sentence, separated by ``sep`` (each rendered in the language)."""

    items: tuple[Any, ...]
    sep: str = ", "


@dataclass(frozen=True, slots=True)
class Value:
    """An input's value as a scenario writes it (``283.33 DKK / hour`` / ``283,33 kr./time``)."""

    text: str


@dataclass(frozen=True, slots=True)
class Raw:
    """A value put in a sentence as it is (a path, a formatted number)."""

    text: str


@dataclass(frozen=True, slots=True)
class Cited:
    """A parameter's cited source inside a sentence: its words kept, its numbers in the language's format."""

    text: str


class Text(str):
    """A sentence with a stable key: reads as its English text, renders in any language.

    ``Text("msg.deficit", amount=Money(Decimal("90800")))`` is the string
    ``"a deficit of 90,800.00 DKK"``; ``Translator("da")`` renders it as
    ``"et underskud på 90.800,00 kr."``.
    """

    key: str
    args: dict[str, Any]

    def __new__(cls, key: str, **args: Any) -> Text:
        """The English rendering, carrying ``key`` and ``args``."""
        obj = super().__new__(cls, _english(key, args))
        obj.key = key
        obj.args = args
        return obj

    def __reduce__(self) -> tuple[Any, ...]:  # picklable (used by multiprocessing sweeps)
        return (_rebuild, (self.key, self.args))


_ENGLISH: dict[Any, str] = {}


def _english(key: str, args: dict[str, Any]) -> str:
    """The English rendering of a sentence, cached.

    An evaluation makes the same sentences (a party's present-value label, say) every
    time, and formatting numbers costs microseconds each.
    """
    try:
        cache_key = (key, tuple(sorted(args.items())))
        hash(cache_key)
    except TypeError:  # an argument that does not hash: render it every time
        return _render(key, args, _EN)
    text = _ENGLISH.get(cache_key)
    if text is None:
        if len(_ENGLISH) > 4096:
            _ENGLISH.clear()
        text = _ENGLISH[cache_key] = _render(key, args, _EN)
    return text


def _rebuild(key: str, args: dict[str, Any]) -> Text:
    return Text(key, **args)


def _render(key: str, args: dict[str, Any], t: Translator) -> str:
    en, da = TEXT[key]
    template = da if t.lang == "da" else en
    return template.format(**{name: _Arg(t.arg(value)) for name, value in args.items()})


class _Arg(str):
    """A rendered argument; ``{name:genitive}`` in a Danish template gives its genitive."""

    __slots__ = ()

    def __format__(self, spec: str) -> str:
        if spec == "genitive":
            return genitive_da(self)
        return str.__format__(self, spec)


def genitive_da(name: str) -> str:
    """The Danish genitive of a name: ``IKEAs``, but ``Byg A/S'`` and ``Nordisk Hus'`` (after s, x, z)."""
    return f"{name}'" if name[-1:].lower() in ("s", "x", "z") else f"{name}s"


_WIDE = Context(prec=80)  # a quantize to 2-10 places of any amount the library handles, never an overflow


def half_up(value: Decimal, places: int) -> Decimal:
    """``value`` to ``places`` decimals, half up (2,803.125 → 2,803.13), as every amount is rounded.

    Python's and babel's formatting round half to even (2,803.12): the shown digits would
    then disagree with :data:`socialpartner.ROUNDING_RULE`.
    """
    if not isinstance(value, Decimal) or not value.is_finite():
        return value
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP, context=_WIDE)


class Translator:
    """Labels, sentences and number formats for one output language."""

    def __init__(self, lang: Lang = "en") -> None:
        if not isinstance(lang, str):
            raise ArgumentTypeError(f"lang: expected 'en' or 'da', got {type(lang).__name__}")
        name = lang.strip().lower()  # "DA" as number_format reads it
        if name not in ("en", "da"):
            raise SocialPartnerError(f"lang: expected 'en' or 'da', got {lang!r}")
        self.lang: Lang = "da" if name == "da" else "en"

    def source(self, text: str) -> str:
        """A parameter's source: a sentence of the library's in this language, a cited source as it is.

        A source is a citation (a law, a rate table, kept in its own words); the library
        adds a sentence where it derives a value (an indexed rate), which is rendered.
        """
        if isinstance(text, Text):
            return _render(text.key, text.args, self)
        if self.lang == "en":
            return text
        # a source's own numbers in this language's format: "21,600.18" on a Danish page reads as 21,6
        # (a date, 29.12.2025, and a quoted Danish amount, '82,90 kr.', are left as they are)
        text = _SOURCE_NUMBER.sub(lambda m: self.plain(m.group(0)), text)
        # an estimate's source says first that no published rate was found: in Danish, not as a program's
        # "Not found:" in the middle of a Danish sentence (review 63 no. 7)
        for english, danish in _SOURCE_LEADS:
            if text.startswith(english):
                return danish + text[len(english) :]
        return text

    def __call__(self, text: str) -> str:
        """The text in this language.

        A stable key gives its entry; a :class:`Text` is rendered again; a model's fixed
        phrase is found by its English words; anything else (a name the user gave) is
        kept as it is.
        """
        if isinstance(text, Text):
            return _render(text.key, text.args, self)
        if text in TEXT:
            return TEXT[text][1 if self.lang == "da" else 0]
        if self.lang == "en":
            return text
        if text in _BY_ENGLISH:
            return TEXT[_BY_ENGLISH[text]][1]
        year = _YEAR_PREFIX.match(text)
        if year:
            return f"{self.period(year.group(1))}: {self(year.group(2))}"
        line = _LINE_NOTE.match(text)
        if line:  # the phrase in this language, the line's path as the scenario writes it
            return f"{self(line[1])} ({line[2]})"
        note = _FTE_NOTE.match(text)
        if note:  # the FTE and the salary per FTE in Danish words and numbers: 0,5 årsværk × 460.000 kr./år
            amount = note[3] if "." not in note[3] else f"{Decimal(note[3]):.2f}"  # øre to two decimals
            fte, salary = (self.parameter_value(v) for v in (f"{note[2]} FTE", f"{amount} DKK/year"))
            return f"{self(note[1])} ({fte} × {salary})"
        for prefix, danish, end in _PREFIXES:
            if text.startswith(prefix) and text.endswith(end):
                rest = text[len(prefix) : len(text) - len(end)]
                return danish + ", ".join(self(part) for part in rest.split(", ")) + end
        return text

    def arg(self, value: Any) -> str:
        """A value inside a sentence, in this language's format."""
        if isinstance(value, Money):
            if value.places == 2 and not value.approx:
                return self.money(value.value, unit=True)
            shown = f"{self.number(value.value, value.places)}\xa0{self.unit('DKK')}"
            return f"≈\xa0{shown}" if value.approx else shown
        if isinstance(value, Percent):
            return self.percent(value.ratio)
        if isinstance(value, Number):
            return self.number(value.value, value.places, grouped=value.grouped)
        if isinstance(value, Raw):
            return value.text
        if isinstance(value, Cited):
            return self.source(value.text)
        if isinstance(value, Value):
            return self.parameter_value(value.text)
        if isinstance(value, Period):
            return self.period(value.label)
        if isinstance(value, Join):
            return value.sep.join(self.arg(item) for item in value.items)
        if isinstance(value, str):
            return self(value)
        return str(value)

    def figure(self, key: str, label: str) -> str:
        """A figure's label: by its key, else the label translated as text."""
        if self.lang == "da" and not isinstance(label, Text) and f"figure.{key}" in TEXT:
            return TEXT[f"figure.{key}"][1]
        return self(label)

    def note(self, key: str, note: str) -> str:
        """A figure's note: by its key, else the note translated as text."""
        if self.lang == "da" and not isinstance(note, Text) and f"figure.{key}.note" in TEXT:
            return TEXT[f"figure.{key}.note"][1]
        if self.lang == "da":
            for k, (en, da) in TEXT.items():
                if k.startswith("note.") and en == note:
                    return da
        return self(note)

    def unit(self, unit: str) -> str:
        """A unit: ``DKK/hour`` → ``kr./time`` in Danish."""
        key = f"unit.{unit}"
        return TEXT[key][1 if self.lang == "da" else 0] if key in TEXT else unit

    def period(self, label: str) -> str:
        """A period label: ``1 year`` → ``1 år``, ``year 3`` → ``år 3``; years as they are."""
        if self.lang == "en":
            return label
        match = _PERIOD.match(label)
        if match:
            one, many = _PERIOD_DA[match.group(2)]
            number = self.number(Decimal(match.group(1)), 0 if "." not in match.group(1) else 2)
            return f"{number} {one if match.group(1) == '1' else many}"
        if "–" in label:  # a span (year 1–year 3): each end (before "year ", which would take the first only)
            return "–".join(self.period(part) for part in label.split("–"))
        if label.startswith("year "):
            return "år " + label.removeprefix("year ")
        return label

    def number(self, value: Decimal, places: int = 2, *, grouped: bool = True) -> str:
        """``432,900.00`` in English, ``432.900,00`` in Danish; rounded half up, the library's rule."""
        value = half_up(value, places)
        if self.lang == "en":
            return f"{value:,.{places}f}" if grouped else f"{value:.{places}f}"
        from babel.numbers import format_decimal

        group = "#,##0" if grouped else "0"
        pattern = group + "." + "0" * places if places else group
        return str(format_decimal(value, format=pattern, locale="da_DK"))

    def money(self, value: Decimal, *, unit: bool | None = None) -> str:
        """An amount in DKK: ``432,900.00`` in English, ``432.900,00 kr.`` in Danish.

        English tables state the unit in their headers; ``unit=True`` adds it (``DKK``).
        """
        if self.lang == "en":
            return f"{value:,.2f}" + (" DKK" if unit else "")
        if unit is False:
            return self.number(value)
        from babel.numbers import format_currency

        return str(format_currency(value, "DKK", locale="da_DK"))

    def percent(self, ratio: Decimal | None) -> str:
        """``92.25 %`` or ``92,25 %``.

        A ratio just short of (or just above) 1 keeps the decimals that show it on its side
        of 100 %: a coverage of 0.999974 is ``99.997 %``, never ``100.00 %`` beside a shortfall.
        """
        if ratio is None:
            return "—"
        return f"{self.number(ratio * 100, percent_places(ratio))} %"

    def parameter_value(self, text: str) -> str:
        """A parameter's value as stored (``21600 DKK / month``): in Danish ``21.600 kr./md.``.

        A plain number pint calls ``dimensionless`` is shown as the number alone.
        """
        text = text.removesuffix(" dimensionless")
        if self.lang == "da" and text in ("true", "false"):  # a switch as saved (public.tax: {} is "true")
            return "ja" if text == "true" else "nej"
        match = re.match(r"^(-?\d+(?:\.\d+)?)\s*(.*)$", text)
        if not match:
            return text
        number = Decimal(match.group(1))
        digits = max(0, -int(number.as_tuple().exponent))
        if digits == 1 and match.group(2).startswith("DKK"):
            digits = 2  # kroner and øre, as a price is written (165,50 kr./time; the stored 165.5 dropped the 0)
        if self.lang == "en":
            return f"{number:.{digits}f} {match.group(2)}".strip() if digits == 2 else text
        unit = match.group(2).replace(" / ", "/")
        # a plain number (a year, a CVR number, a headcount) keeps its digits ungrouped
        shown = self.number(number, digits, grouped=bool(unit))
        return f"{shown} {self.stated_unit(unit, plural=number != 1)}".strip()

    def stated_unit(self, unit: str, *, plural: bool = True) -> str:
        """A unit as the user or a parameter states it (``DKK / month``): ``kr./md.`` in Danish."""
        unit = unit.replace(" / ", "/").strip()
        if self.lang == "en" or not unit:
            return unit
        if f"unit.{unit}" in TEXT:
            return self.unit(unit)
        head, *per = unit.split("/")
        words = [_UNIT_DA.get(head, (head, head, head))[1 if plural else 0]]
        words += [_UNIT_DA.get(part, (part, part, part))[2] for part in per]
        return "/".join(words)

    def plain(self, text: str) -> str:
        """An English-formatted number (``99,840.00``) in this language's format."""
        if self.lang == "en":
            return text
        try:
            value = Decimal(text.replace(",", ""))
        except ArithmeticError:
            return text
        return self.number(value, max(0, -int(value.as_tuple().exponent)))

    def quantity(self, value: Decimal | None, unit: str) -> str:
        """A figure's value with its unit: money, percent, year, or a number and a unit."""
        if value is None:
            return "—"
        if unit in ("", "number"):
            return self.number(value)
        exponent = value.as_tuple().exponent
        if unit == "people" and isinstance(exponent, int) and exponent >= 0:  # a headcount: 1 person, 2 people
            return f"{self.number(value, 0)} {self.unit('person' if abs(value) == 1 else unit)}"
        if unit == "DKK":
            return self.money(value, unit=True)
        if unit == "ratio":
            return self.percent(value)
        if unit == "year":
            return str(value)
        if unit.startswith("DKK/"):
            return f"{self.number(value)} {self.unit(unit)}"
        return f"{self.number(value)} {self.unit(unit)}"


_EN = Translator("en")  # the rendering every Text carries as its str value


# The words of the formulas in explanations ("wage cost × hours (workers × effective hours ×
# period)"), phrase by phrase, longest first; input paths (courses.price, company_supervision)
# are kept as written so they can be found in the file.
_FORMULA_DA: dict[str, str] = {
    # whole phrases first (longest wins), then words
    "receives − pays": "modtaget − betalt",
    "paid to the SØV as employer": "udbetalt til SØV'en som arbejdsgiver",
    "Σ headcount of the inclusive job lines (all but ordinary posts)": (
        "Σ antal i de inkluderende joblinjer (alle undtagen ordinære stillinger)"
    ),
    "Σ headcount × paid hours a week of the inclusive job lines (all but ordinary posts) / 37, "
    "rounded once to 2 places": (
        "Σ antal × betalte timer om ugen i de inkluderende joblinjer (alle undtagen ordinære stillinger) / 37, "
        "afrundet én gang til 2 decimaler"
    ),
    "Σ headcount of the job lines": "Σ antal i joblinjerne",
    "Σ headcount × paid hours a week of the job lines / 37, rounded once to 2 places": (
        "Σ antal × betalte timer om ugen i joblinjerne / 37, afrundet én gang til 2 decimaler"
    ),
    "the last year's": "sidste års",
    "not a sum over the years: each year's people are counted in that year": (
        "ikke en sum over årene: hvert års personer tælles i det år"
    ),
    "otherwise − with, without the tax lines": "ellers − med, uden skattelinjerne",
    "× the taxable income": "× den skattepligtige indkomst",
    "each side": "hver side",
    "net effect before tax": "nettovirkning før skat",
    "inclusive jobs in": "inkluderende job i",
    "inclusive FTE in": "inkluderende årsværk i",
    "jobs in": "job i",
    "fte in": "årsværk i",
    "FTE in": "årsværk i",
    "inclusive jobs": "inkluderende job",
    "inclusive FTE": "inkluderende årsværk",
    "jobs": "job",
    "fte": "årsværk",
    "sum of the cost pool": "summen af udgiftspuljen",
    "sum of the company's payments for services": "summen af virksomhedens betalinger for ydelser",
    "the contract value": "kontraktværdien",
    "per paid helper hour": "pr. betalt hjælpertime",
    "per hour": "pr. time",
    "(department)": "(afdeling)",
    "department": "afdeling",
    "SØV staff at": "SØV-ansatte på",
    "fleksjob workers": "fleksjobansatte",
    "employees placed": "placerede ansatte",
    "employees": "ansatte",
    "helpers": "medhjælpere",
    "suppliers": "leverandører",
    "customers": "kunder",
    "apprentice": "elev",
    "ordinary": "ordinær",
    "(not given)": "(ikke angivet)",
    "(not read in this period)": "(ikke brugt i denne periode)",
    "sum of the funding sources": "summen af finansieringskilderne",
    "sum of its flows": "summen af dens beløb",
    "sum of the yearly net effects, undiscounted": "summen af de årlige nettovirkninger, ikke tilbagediskonteret",
    "sum of the yearly gains against the alternative, undiscounted; what the company pays is in its net": (
        "summen af de årlige gevinster i forhold til alternativet, ikke tilbagediskonteret; hvad virksomheden "
        "betaler, står i dens nettoresultat"
    ),
    "net effect": "nettovirkning",
    "first citizens": "første borgere",
    "newcomers since week": "nye siden uge",
    "newcomers past week": "nye efter uge",
    "last year": "sidste år",
    "otherwise": "ellers",
    "with": "med",
    "the rounded rate is just below it": "den afrundede sats er lige under den",
    "the rounded one is just below it": "den afrundede er lige under den",
    "the break-even rate": "nulpunktssatsen",
    "hours over the period": "timer over perioden",
    "months over the period": "måneder over perioden",
    "years over the period": "år over perioden",
    "quarters over the period": "kvartaler over perioden",
    "weeks over the period": "uger over perioden",
    "days over the period": "dage over perioden",
    "minutes over the period": "minutter over perioden",
    "yearly net": "årligt netto",
    "for the first year": "for det første år",
    "deflated by the price growth": "deflateret med prisstigningen",
    "price growth": "prisstigning",
    "the real rate from": "den reale rente fra",
    "r from": "r fra",
    "with − comparison": "med − sammenligningsgruppe",
    "total cost after without the SØV service": "samlet udgift efter uden SØV'ens ydelse",
    "floored at zero": "mindst nul",
    "total cost before": "samlet udgift før",
    "total cost after": "samlet udgift efter",
    "value of freed time": "værdi af frigjort tid",
    "craftsmen's extra earnings": "håndværkernes ekstra indtjening",
    "cost of helper hours": "udgift til hjælpertimer",
    "skilled hours freed per year": "frigjorte faglærte timer pr. år",
    "hours per FTE-year": "timer pr. årsværk",
    "FTE × cost per FTE": "årsværk × udgift pr. årsværk",
    "cost per FTE": "udgift pr. årsværk",
    "FTE": "årsværk",
    "per year": "pr. år",
    "not given": "ikke angivet",
    "funding that does not move with this price": "finansiering, der ikke følger denne pris",
    "first year the discounted running sum is back at or above zero": (
        "første år, den tilbagediskonterede løbende sum igen er nul eller derover"
    ),
    "and the parent buying at most": "og moderselskabet køber højst",
    "revenue covering its costs": "indtægter, der dækker omkostningerne",
    "of its sales": "af salget",
    "independent": "selvstændig",
    "the company's own coordination": "virksomhedens egen koordinering",
    "course participants are not jobs": "forløbsdeltagere er ikke job",
    "all but ordinary jobs": "alle undtagen ordinære job",
    "headcount in inclusive jobs": "antal i inkluderende job",
    "paid hours a year in inclusive jobs": "betalte timer om året i inkluderende job",
    "paid hours in inclusive jobs over the period": "betalte timer i inkluderende job over perioden",
    "within the lønloft": "inden for lønloftet",
    "hourly wage × hours a year per worker / 12": "timeløn × timer om året pr. medarbejder / 12",
    "hourly wage × full-time hours a week × 52 / 12": "timeløn × fuldtidstimer om ugen × 52 / 12",
    "full-time wage − L": "fuldtidsløn − L",
    "wage plus supplement may not exceed the full-time wage": "løn plus tilskud må ikke overstige fuldtidslønnen",
    "min(before the lønloft, room)": "min(før lønloftet, plads)",
    "the lønloft binds": "lønloftet begrænser tilskuddet",
    "the lønloft does not bind": "lønloftet begrænser ikke tilskuddet",
    "× 12 × period × headcount = the flow": "× 12 × periode × antal = beløbet",
    "DKK / month": "kr./md.",
    "the sum of the discounted amounts rounded once to øre": (
        "summen af de tilbagediskonterede beløb afrundet én gang til øre"
    ),
    "factor": "faktor",
    "net × factor": "netto × faktor",
    "running sum before + discounted net": "løbende sum før + tilbagediskonteret netto",
    "never below zero: no payback needed": "aldrig under nul: ingen tilbagebetaling nødvendig",
    "back at or above zero": "igen nul eller derover",
    "at or above zero": "nul eller derover",
    "below zero": "under nul",
    "the running sum of the discounted nets, year by year": (
        "den løbende sum af de tilbagediskonterede nettobeløb, år for år"
    ),
    "the running sum of the discounted gains against the alternative, year by year": (
        "den løbende sum af de tilbagediskonterede gevinster i forhold til alternativet, år for år"
    ),
    "monthly fleksløntilskud": "månedligt fleksløntilskud",
    "benefit during the course": "ydelse under forløbet",
    "monthly benefit": "månedlig ydelse",
    "see the model's documentation": "se modellens dokumentation",
    "not within the horizon": "ikke inden for tidshorisonten",
    "sum of the yearly contract values": "summen af årenes kontraktværdier",
    "of its payments in the deal only, before the benefits it saves (its public net effect's payback counts them)": (
        "kun af dens betalinger i aftalen, før de ydelser den sparer (nettovirkningens tilbagebetalingsår tæller "
        "dem med)"
    ),
    "sum of the yearly hours attributable (exact, rounded once)": (
        "summen af årenes henførbare timer (eksakt, afrundet én gang)"
    ),
    "sum of the yearly inclusive jobs attributable (a job held for a year is one job-year; exact, rounded once)": (
        "summen af årenes henførbare inkluderende job (et job i et år er ét jobår; eksakt, afrundet én gang)"
    ),
    "sum of the yearly FTE attributable (exact, rounded once)": (
        "summen af årenes henførbare årsværk (eksakt, afrundet én gang)"
    ),
    "none: the net is at or below zero every year, so the sum never comes back": (
        "ingen: nettoet er nul eller derunder hvert år, så summen kommer aldrig tilbage"
    ),
    "moved in earlier years": "flyttet i tidligere år",
    "without other customers": "uden andre kunder",
    "with no revenue": "uden omsætning",
    "sales to other customers": "salg til andre kunder",
    "revenue from sales": "omsætning fra salg",  # as figure.revenue names it
    "parent's purchases": "moderselskabets køb",
    "other customers": "andre kunder",
    "other revenue": "andre indtægter",
    "other costs": "andre omkostninger",
    "contract value": "kontraktværdi",
    "contract sum": "kontraktsum",
    "service revenue": "indtægt fra ydelsen",
    "SØV service": "SØV-ydelse",
    "own wages": "egen løn",
    "staff turnover": "personaleomsætning",
    "margin after wages": "margin efter løn",
    "revenue share": "andel af omsætningen",
    "alternative cost": "alternativ udgift",
    "alternative price": "alternativ pris",
    "of the temp hours": "for vikartimerne",
    "support-staff cost": "udgift til støttepersonale",
    "support staff": "støttepersonale",
    "total funding": "samlet finansiering",
    "annual cost": "årlig udgift",
    "wage cost": "lønudgift",
    "overhead per hour": "overhead pr. time",
    "effective helper hours": "effektive hjælpertimer",
    "skilled hours freed per helper hour": "frigjorte faglærte timer pr. hjælpertime",
    "skilled hours freed": "frigjorte faglærte timer",
    "skilled hour value": "værdi af en faglært time",
    "akkord rate": "akkordsats",
    "paid helper hours": "betalte hjælpertimer",
    "effective hours of the workforce": "arbejdsstyrkens effektive timer",
    "effective hours": "effektive timer",
    "paid hours": "betalte timer",
    "course length": "forløbets længde",
    "courses ended in the year": "forløb afsluttet i året",
    "refusion rate": "refusionssats",
    "on the ladder": "på refusionstrappen",
    "benefit per month": "ydelse pr. måned",
    "counterfactual benefit": "ydelse ellers",
    "the group's and former participants' rates by headcount": "gruppens og tidligere deltageres satser efter antal",
    "months": "måneder",
    "people": "personer",
    "years": "år",
    "a month": "om måneden",
    "before the first year": "før det første år",
    "since": "siden",
    "weeks": "uger",
    "rounded down to the øre": "rundet ned til øre",
    "rounded to øre": "afrundet til øre",
    "before rounding": "før afrunding",
    "one year": "ét år",
    "course participant": "forløbsdeltager",
    "fleksjob": "fleksjob",
    "headcount": "antal",
    "participants": "deltagere",
    "workers": "medarbejdere",
    "volume": "mængde",
    "period": "periode",
    "price": "pris",
    "hours": "timer",
    "errors": "fejl",
    "supervision": "arbejdsledelse",  # as the tables name it (term.supervision)
    "grants": "tilskud",
    "revenue": "indtægter",
    "wages": "løn",
    "year": "år",
    "leave": "forlader",
    "to_fleksjob": "to_fleksjob",
    "max": "max",
    "min": "min",
}
_FORMULA_WORDS = re.compile(
    "|".join(r"(?<![\w.])" + re.escape(k) + r"(?![\w.])" for k in sorted(_FORMULA_DA, key=len, reverse=True))
)
_PATH = re.compile(r"\b[A-Za-z_]\w*(?:\.[\w*]+)+\b|\b\w+_\w+\b")


# An English-format number in running text: grouped (21,600.18, 1,924) or with a decimal point (4.5),
# not part of a date or a section number (11.6.2024, 29.12.2025) nor a Danish-format one ('82,90 kr.').
# the words an estimate's source starts with, in Danish (the rest is the calculation and the law cited)
_SOURCE_LEADS = (
    ("Not found in a public rate table:", "ikke fundet i en offentlig satstabel (skøn):"),
    ("Not found:", "offentliggjort sats ikke fundet (skøn):"),
)
_SOURCE_NUMBER = re.compile(r"(?<![\d.,])(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+)(?![\d]|[.,]\d)")


def formula_text(text: str, lang: Lang) -> str:
    """A formula of an explanation in ``lang``: its words translated, input paths kept."""
    if lang == "en":
        return text
    kept: list[str] = []

    def keep(match: re.Match[str]) -> str:
        kept.append(match.group(0))
        return f"\x00{len(kept) - 1}\x00"

    shielded = _PATH.sub(keep, text)
    translated = _FORMULA_WORDS.sub(lambda m: _FORMULA_DA[m.group(0)], shielded)
    return re.sub("\x00(\\d+)\x00", lambda m: kept[int(m.group(1))], translated)


def danish_labels(key: str) -> tuple[str, ...]:
    """The Danish words the output names a result or figure by (its table label first), none if it has none."""
    return tuple(TEXT[k][1] for k in (f"cli.{key}", f"figure.{key}") if k in TEXT)


def key_of_danish_label(label: str, keys: Iterable[str]) -> str | None:
    """The key among ``keys`` whose Danish label is ``label`` (``dækningsprocent`` → ``coverage``), if one.

    The Danish output names results and figures in words; a user who copies one into
    ``--explain`` or ``--target`` is told its key (review 62 M6). Case and spacing do not matter.
    """
    word = " ".join(label.split()).casefold()
    found = []
    for key in keys:
        if any(" ".join(n.split()).casefold() == word for n in danish_labels(key)):
            found.append(key)
    return found[0] if len(found) == 1 else None
