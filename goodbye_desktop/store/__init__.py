"""The store: the only code that imports peewee or writes SQL.

Everything else asks it for plain values through its modules' public functions: `queries`
and `client_facts` for the client list and its warning signs, `detail` for one client's
record, `records` and `departures` for the writes (one transaction per user action),
`documents` for kept letters and templates. Only `database` opens the SQLite file.
"""
