"""sitreps: reports of armed conflict in, structured events with evidence out."""
