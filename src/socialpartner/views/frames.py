"""pandas views of an evaluation: the ledger one row per transfer, and a row per party."""

from __future__ import annotations

from typing import TYPE_CHECKING

from socialpartner._internal.i18n import Lang, Translator

if TYPE_CHECKING:
    import pandas as pd

    from socialpartner.evaluation import Evaluation

__all__ = ["summary_frame", "to_frame"]


def to_frame(ev: Evaluation, *, lang: Lang = "en") -> pd.DataFrame:
    """The ledger as a pandas DataFrame: one row per transfer.

    Columns: ``period``, ``payer``, ``payee`` (role keys), ``payer_name``,
    ``payee_name``, ``purpose`` and ``amount`` (DKK, the ledger's own Decimals, so sums and
    group sums are exact to the øre and every period's amounts net to zero per ledger;
    ``frame.amount.astype(float)`` for a chart). A multi-period
    evaluation gives the rows of every period, each with its period. With
    ``lang="da"`` the names, purposes and periods are Danish; the columns keep their
    names, so code that uses them works in either language.
    """
    import pandas as pd

    t = Translator(lang)

    parts = ev.breakdown or (ev,)
    rows = [
        {
            "period": t.period(part.ledger.period),
            "payer": tr.payer,
            "payee": tr.payee,
            "payer_name": t(part.parties.get(tr.payer, tr.payer)),
            "payee_name": t(part.parties.get(tr.payee, tr.payee)),
            "purpose": t(tr.purpose),
            "amount": tr.amount,
        }
        for part in parts
        for tr in part.ledger
    ]
    columns = ["period", "payer", "payee", "payer_name", "payee_name", "purpose", "amount"]
    return pd.DataFrame(rows, columns=columns)


def summary_frame(ev: Evaluation, *, lang: Lang = "en") -> pd.DataFrame:
    """Per party: name, what it receives, pays and its net (DKK), over all periods.

    The amounts are the ledger's Decimals (exact: the nets sum to zero). With
    ``lang="da"`` the names are Danish (the columns keep their names).
    """
    import pandas as pd

    t = Translator(lang)
    rows = [
        {
            "party": p,
            "name": t(ev.parties.get(p, p)),
            "receives": ev.ledger.inflow(p),
            "pays": ev.ledger.outflow(p),
            "net": ev.ledger.net(p),
        }
        for p in ev.ledger.parties
    ]
    return pd.DataFrame(rows, columns=["party", "name", "receives", "pays", "net"]).set_index("party")
