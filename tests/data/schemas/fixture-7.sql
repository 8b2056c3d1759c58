-- Rows first possible at schema 7 (next best offer rules, dismissals and the sales pipeline (issue 10)).
SELECT 1;
