"""The audit trail in the secretariat: for a cooperation's administrators, per object, dossier and meeting."""
