"""Rules over plain values: warning signs, figures, the departure's steps. No Qt, no peewee."""
