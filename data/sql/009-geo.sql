-- Schema 9: géomarketing territories and catchment areas (issue 13).
-- Placeholder: filled in by the work on that issue.
SELECT 1;
