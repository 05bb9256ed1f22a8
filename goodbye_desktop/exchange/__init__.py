"""Exchange with other programs: CSV import and export, calendar files."""
