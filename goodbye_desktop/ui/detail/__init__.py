"""The pieces of the client detail pane: its header, one module per tab, and their forms."""
