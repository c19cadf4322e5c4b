"""Public pages (`public`) and secretariat pages (`secretariat`) of the strategic agenda."""
