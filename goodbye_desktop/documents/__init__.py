"""Documents: plain values in, PDF bytes out (ReportLab only, no Qt)."""
