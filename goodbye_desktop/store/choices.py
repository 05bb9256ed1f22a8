"""The fixed words of the records (statuses, kinds, channels), as the schema checks them."""

CLIENT_STATUSES = ("prospect", "active", "departing", "departed", "returned")
INTERACTION_KINDS = ("call", "email", "meeting", "support", "letter", "note")
DIRECTIONS = ("in", "out")
PROPOSAL_OUTCOMES = ("pending", "won", "lost")
PROMISE_CHANNELS = ("email", "call", "meeting", "letter", "other")
