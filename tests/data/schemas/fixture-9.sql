-- Rows first possible at schema 9 (géomarketing territories and catchment areas (issue 13)).
SELECT 1;
