"""Figures: the article's tolls and head counts, read as statements (:mod:`.read`) and
compared (:mod:`.compare`)."""
