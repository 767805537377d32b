"""What an investor does with the opportunities: screen (screening), read the facts (facts,
money), see similar ones (detail), compare (compare), take a profile away (profile), and be told
about new ones (the alerts app)."""
