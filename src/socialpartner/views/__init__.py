"""Views of an evaluation: each a function of the result record, in a module of its own.

- :mod:`~socialpartner.views.explain`: how a figure was computed (``explain``, ``topics``);
- :mod:`~socialpartner.views.data`: JSON-ready data (``to_dict``, ``manifest``);
- :mod:`~socialpartner.views.frames`: pandas DataFrames (``to_frame``, ``summary_frame``);
- :mod:`~socialpartner.views.html`: the HTML shown in Jupyter (``to_html``);
- :mod:`~socialpartner.views.tables`: the terminal tables of ``socialpartner evaluate``.

:class:`~socialpartner.Evaluation` keeps thin methods (``explain``, ``to_dict``,
``to_frame``, …) that call these, so ``ev.to_dict()`` and ``to_dict(ev)`` are the same.
"""
