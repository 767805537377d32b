"""Map sources of the catalogue kinds: one module per kind, each registering a
`maps.registry.PlaceKind` (the maps app imports every module of this package)."""
