"""The store: the only code that imports peewee or writes SQL.

Everything else asks it for plain values through the functions of `queries`,
`writes` and the models of `models`, and never opens the SQLite file itself.
"""
