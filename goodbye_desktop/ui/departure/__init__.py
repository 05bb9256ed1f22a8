"""The departure screens' parts: shared widgets and words (`common`), the wizard's pages (`pages`).

The wizard itself is `goodbye_desktop.ui.departure_wizard.DepartureWizard`.
"""
