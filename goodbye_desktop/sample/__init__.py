"""The sample business, Harbour Lane Studio: a design studio in Cornwall with five years of
clients, written through the store's public functions so it reads like an owner's own file.

- `cast.py`: the seeds in resources/demo/ (who the clients are, how each one left);
- `history.py`: each client's dates, interactions, revenue, proposals and promises;
- `moments.py`: the scripted moments that explain each warning sign and departure;
- `leaving.py`: the departures as the wizard makes them, and what followed;
- `writer.py`: `fill_demo()`, which writes it all in one transaction.

Every date is counted back from the clock's today, so the story is the same on any day.
"""

from goodbye_desktop.sample.writer import BUSINESS_NAME, PROFILE, DemoSummary, fill_demo

__all__ = ["BUSINESS_NAME", "PROFILE", "DemoSummary", "fill_demo"]
