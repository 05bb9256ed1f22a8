"""The fixed words of the records, as the schema checks them (from `goodbye_desktop.vocabulary`)."""

from goodbye_desktop.vocabulary import (  # noqa: F401  (re-exported for the store)
    CLIENT_STATUSES,
    DIRECTIONS,
    INTERACTION_KINDS,
    PROMISE_CHANNELS,
    PROPOSAL_OUTCOMES,
)
