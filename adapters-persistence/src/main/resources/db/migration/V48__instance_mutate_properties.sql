-- What mutate runs stored on an instance's graph (names, comma-separated: held in memory only, so a
-- restart loses them) and the notice a reload leaves on the instance saying so.
ALTER TABLE instances ADD COLUMN mutate_properties VARCHAR(4000);
ALTER TABLE instances ADD COLUMN notice VARCHAR(4000);
