"""pandas views of an evaluation: the ledger one row per transfer, and a row per party."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

    from socialpartner.evaluation import Evaluation

__all__ = ["summary_frame", "to_frame"]


def to_frame(ev: Evaluation) -> pd.DataFrame:
    """The ledger as a pandas DataFrame: one row per transfer.

    Columns: ``period``, ``payer``, ``payee`` (role keys), ``payer_name``,
    ``payee_name``, ``purpose`` and ``amount`` (DKK, float64: whole øre are exact in a
    float below 90 billion DKK; the Decimals stay in :attr:`ledger`). A multi-period
    evaluation gives the rows of every period, each with its period.
    """
    import pandas as pd

    parts = ev.breakdown or (ev,)
    rows = [
        {
            "period": part.ledger.period,
            "payer": t.payer,
            "payee": t.payee,
            "payer_name": part.parties.get(t.payer, t.payer),
            "payee_name": part.parties.get(t.payee, t.payee),
            "purpose": t.purpose,
            "amount": float(t.amount),
        }
        for part in parts
        for t in part.ledger
    ]
    columns = ["period", "payer", "payee", "payer_name", "payee_name", "purpose", "amount"]
    return pd.DataFrame(rows, columns=columns)


def summary_frame(ev: Evaluation) -> pd.DataFrame:
    """Per party: name, what it receives, pays and its net (DKK), over all periods."""
    import pandas as pd

    rows = [
        {
            "party": p,
            "name": ev.parties.get(p, p),
            "receives": float(ev.ledger.inflow(p)),
            "pays": float(ev.ledger.outflow(p)),
            "net": float(ev.ledger.net(p)),
        }
        for p in ev.ledger.parties
    ]
    return pd.DataFrame(rows, columns=["party", "name", "receives", "pays", "net"]).set_index("party")
