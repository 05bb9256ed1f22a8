"""Correspondence: where the records meet the documents (no Qt, no SQL).

`values_from_records` turns what the store knows about a client into the plain values the
documents package prints; `produce` renders a letter and keeps it on the client's timeline;
`due_letters` prints the follow-up letters of departures that fall due in a date range.
"""
